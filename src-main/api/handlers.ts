/**
 * Implements the contract. Queries read through the stores; mutations go through the
 * unit of work, which records the command and appends outbox rows in the same transaction.
 * Typed `{ [K in CommandName]: Handler<K> }`: a command without a handler fails to compile.
 */
import pkg from '../../package.json' with { type: 'json' };
import { validateCompanyProfile } from '../core/company/company-profile.ts';
import { appendCompany, latestCompany } from '../db/company-store.ts';
import { getSetting, putSetting } from '../db/settings-store.ts';
import { readPragmas } from '../db/open-ledger.ts';
import type { CommandName, CommandResult, Language, ParsedInput, Settings, SyncStatus } from './contract.ts';
import type { Workspace } from './workspace.ts';
import { createOrdersHandlers } from './orders-handlers.ts';
import { createImportsHandlers } from './imports-handlers.ts';
import { createStockHandlers } from './stock-handlers.ts';
import { createSettlementHandlers } from './settlement-handlers.ts';
import { createCustomsHandlers } from './customs-handlers.ts';
import { createSyncHandlers, syncStatusOf } from './sync-handlers.ts';

export type Handler<K extends CommandName> = (input: ParsedInput<K>) => CommandResult<K> | Promise<CommandResult<K>>;
export type Handlers = { readonly [K in CommandName]: Handler<K> };

export function readSettings(ws: Workspace): Settings {
  return { language: getSetting<Language>(ws.db, 'language', 'zh-CN') };
}

export function readSyncStatus(ws: Workspace): SyncStatus {
  // Transported outbox kinds only; sending / offline / error come from the sync service.
  return syncStatusOf(ws);
}

export function createHandlers(ws: Workspace): Handlers {
  return {
    'app.info': () => ({
      version: pkg.version,
      schemaVersion: readPragmas(ws.db).schemaVersion,
      dataFile: ws.file,
      host: ws.host,
    }),
    'company.get': () => latestCompany(ws.db),
    'company.save': (input) => {
      const profile = validateCompanyProfile(input);
      const saved = ws.uow.run('company.save', (tx) => {
        const version = appendCompany(tx.db, profile, tx.commandId, tx.now);
        tx.enqueue({
          kind: 'company.profile',
          idempotencyKey: `company.profile:${version}`,
          payload: { version, ...profile },
        });
        return { ...profile, version, savedAt: tx.now };
      });
      ws.events.emit('sync.status', readSyncStatus(ws));
      return saved;
    },
    'settings.get': () => readSettings(ws),
    'settings.setLanguage': ({ language }) =>
      ws.uow.run('settings.setLanguage', (tx) => {
        putSetting(tx.db, 'language', language);
        return readSettings(ws);
      }),
    'sync.status': () => readSyncStatus(ws),
    ...createOrdersHandlers(ws),
    ...createImportsHandlers(ws),
    ...createStockHandlers(ws),
    ...createSettlementHandlers(ws),
    ...createCustomsHandlers(ws),
    ...createSyncHandlers(ws),
  };
}
