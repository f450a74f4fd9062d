/**
 * Handlers of the company area: the profile (validated in core, every save kept as a version
 * and recorded in the outbox), the UI language, and the shops orders belong to.
 */
import { validateCompanyProfile } from '../../core/company/company-profile.ts';
import { DomainError } from '../../core/domain-error.ts';
import type { AreaHandlers } from '../area-kit.ts';
import type { Workspace } from '../workspace.ts';
import { appendCompany, latestCompany } from './company-store.ts';
import type { companyContract, Language, Settings } from './contract.ts';
import { getSetting, putSetting } from '../../db/settings-store.ts';
import { insertShop, listShops, updateShop } from './shop-store.ts';

export function readSettings(ws: Workspace): Settings {
  return { language: getSetting<Language>(ws.read, 'language', 'zh-CN') };
}

/** Canonical IANA name, or `shops.badTimeZone` (fixed offsets like '+08:00' are not zones). */
export function canonicalTimeZone(timeZone: string): string {
  const zone = timeZone.trim();
  try {
    if (/^[A-Za-z]/.test(zone))
      return new Intl.DateTimeFormat(undefined, { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    /* reported below */
  }
  throw new DomainError('shops.badTimeZone', { timeZone });
}

export function createCompanyHandlers(ws: Workspace): AreaHandlers<typeof companyContract> {
  return {
    'company.get': () => latestCompany(ws.read),
    'company.save': (input) => {
      const profile = validateCompanyProfile(input);
      return ws.uow.run('company.save', (tx) => {
        const version = appendCompany(tx.db, profile, tx.commandId, tx.now);
        tx.enqueue({
          kind: 'company.profile',
          idempotencyKey: `company.profile:${version}`,
          payload: { version, ...profile },
        });
        return { ...profile, version, savedAt: tx.now };
      });
    },
    'settings.get': () => readSettings(ws),
    'settings.setLanguage': ({ language }) =>
      ws.uow.run('settings.setLanguage', (tx) => {
        putSetting(tx.db, 'language', language);
        return { language };
      }),
    'shops.list': () => listShops(ws.read),
    'shops.save': (input) => {
      const name = input.name.trim();
      if (name === '') throw new DomainError('shops.nameRequired');
      const shop = {
        platform: input.platform,
        name,
        site: input.site?.trim() || null,
        currency: input.currency,
        timeZone: canonicalTimeZone(input.timeZone),
      };
      return ws.uow.run('shops.save', (tx) =>
        input.id === undefined ? insertShop(tx.db, shop) : updateShop(tx.db, { id: input.id, ...shop }),
      );
    },
  };
}
