/**
 * The journal, rates and settlement settings use cases, keyed by the commands they answer
 * (handlers.ts spreads them): accounts, entries, trial
 * balance, reversal, posting a period (order revenue, stock bought in, cost of goods), rates CRUD, lookup and
 * CSV import.
 */
import { DomainError } from '../../core/domain-error.ts';
import { normalisePrecedence } from '../../core/forex/rates.ts';
import { ACCOUNTS } from '../../core/ledger/chart.ts';
import { getEntry, listEntries, reverseEntry, trialBalanceAsOf } from './journal-store.ts';
import { listRates, RateBook, readSettlementSettings, saveRate } from './rates-store.ts';
import { postCogs, postContext, postOrders, type Skipped } from './settlement-posting.ts';
import { postStockIn } from './settlement-stock-posting.ts';
import { putSetting } from '../../db/settings-store.ts';
import { parseRatesTable } from '../../imports/payouts/rates-csv.ts';
import { readTable } from '../../imports/read-table.ts';
import type { AreaService } from '../area-kit.ts';
import type { RatesImportSummary, settlementContract } from './contract.ts';
import { decodeBase64 } from '../base64.ts';
import type { Workspace } from '../workspace.ts';
import { assertMonthOpen } from '../company/index.ts';

export type LedgerCommands =
  | 'journal.accounts'
  | 'journal.entries'
  | 'journal.trialBalance'
  | 'journal.reverse'
  | 'journal.postPeriod'
  | 'rates.list'
  | 'rates.save'
  | 'rates.lookup'
  | 'rates.import'
  | 'settlement.settings.get'
  | 'settlement.settings.save';

export function createLedgerService(ws: Workspace): AreaService<typeof settlementContract, LedgerCommands> {
  return {
    'journal.accounts': () => ACCOUNTS,
    'journal.entries': (q) => listEntries(ws.read, q),
    'journal.trialBalance': ({ asOf }) => trialBalanceAsOf(ws.read, asOf),
    'journal.reverse': ({ entryId, reason }) =>
      ws.uow.run('journal.reverse', (tx) =>
        getEntry(tx.db, reverseEntry(tx.db, tx.commandId, tx.now, entryId, reason)),
      ),
    'journal.postPeriod': ({ from, to }) =>
      ws.uow.run('journal.postPeriod', (tx) => {
        const ctx = postContext(tx.db, tx.commandId, tx.now);
        const skipped: Skipped[] = [];
        const [start, end] = [from ?? '0000-00-00', to ?? '9999-99-99'];
        const orders = postOrders(ctx, start, end, skipped);
        // Stock bought in goes first, so 库存商品 holds the cost that cost of goods takes out.
        const stock = postStockIn(ctx, start, end);
        const cogs = postCogs(ctx, start, end);
        return { orders, cogs, stockIn: stock.posted, stockReversed: stock.reversed, skipped };
      }),
    'rates.list': (q) => listRates(ws.read, q),
    'rates.save': (input) =>
      ws.uow.run('rates.save', (tx) => {
        // A rate dated in a closed month would change that month's figures (issue 17 point 1g).
        assertMonthOpen(tx.db, input.date);
        return (
          saveRate(tx.db, tx.commandId, tx.now, input) ??
          listRates(tx.db, { currency: input.currency, from: input.date, to: input.date }).find(
            (r) => r.source === input.source,
          )!
        );
      }),
    'rates.lookup': ({ currency, date }) => {
      const rate = new RateBook(ws.read).rate(currency, date);
      if (rate === null) throw new DomainError('rates.currency.base', { currency });
      return rate;
    },
    // All or nothing: a rejected row writes nothing unless acceptValidRows; a dry run is the same
    // run rolled back, so the preview says what would be saved and what is unchanged (idempotent).
    'rates.import': async ({ contentBase64, dryRun, acceptValidRows }) => {
      const { rows, rejected } = parseRatesTable(await readTable(decodeBase64(contentBase64)));
      const total = rows.length + new Set(rejected.map((r) => r.row)).size;
      const keep = !dryRun && (rejected.length === 0 || acceptValidRows === true);
      if (rows.length === 0) return { rows: total, saved: 0, unchanged: 0, rejected, committed: false };
      const rollBack = new Error('rates.import: roll back');
      const out: { summary: RatesImportSummary | null } = { summary: null };
      try {
        return ws.uow.run('rates.import', (tx) => {
          let saved = 0;
          for (const r of rows) if (saveRate(tx.db, tx.commandId, tx.now, r) !== null) saved++;
          const summary: RatesImportSummary = {
            rows: total,
            saved,
            unchanged: rows.length - saved,
            rejected,
            committed: keep,
          };
          out.summary = summary;
          if (!keep) throw rollBack;
          return summary;
        });
      } catch (e) {
        if (e === rollBack && out.summary !== null) return out.summary;
        throw e;
      }
    },
    'settlement.settings.get': () => readSettlementSettings(ws.read),
    'settlement.settings.save': ({ sellerKind, ratePrecedence }) =>
      ws.uow.run('settlement.settings.save', (tx) => {
        if (sellerKind) putSetting(tx.db, 'settlement.sellerKind', sellerKind);
        if (ratePrecedence) putSetting(tx.db, 'settlement.ratePrecedence', normalisePrecedence(ratePrecedence));
        return readSettlementSettings(tx.db);
      }),
  };
}
