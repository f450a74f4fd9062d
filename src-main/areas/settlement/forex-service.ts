/**
 * The forex use cases, keyed by the commands they answer (handlers.ts spreads them): record a
 * bank receipt, the FX report, receivables ageing, 代垫 advances (list, save, repay) and the annual
 * threshold. Decimal inputs are parsed exactly in their currency; postings run in one unit of work each.
 */
import { minor, parseDecimal, sumMinor, type Currency, type Minor } from '../../core/money/index.ts';
import {
  thresholdLevel,
  thresholdNotes,
  thresholdPercent,
  toUsdCents,
  LIMIT_USD_CENTS,
} from '../../core/forex/thresholds.ts';
import { isDomainError } from '../../core/domain-error.ts';
import { RateBook, readSettlementSettings } from './rates-store.ts';
import {
  fxReport,
  getAdvance,
  listAdvances,
  listReceipts,
  receivablesAgeing,
  recordReceipt,
  repayAdvance,
  saveAdvance,
} from './settlement-forex-store.ts';
import { postContext } from './settlement-posting.ts';
import type { AreaService } from '../area-kit.ts';
import type { settlementContract } from './contract.ts';
import type { Workspace } from '../workspace.ts';
import { assertMonthOpen } from '../company/index.ts';

export type ForexCommands =
  | 'settlement.receipts.record'
  | 'settlement.receipts.list'
  | 'settlement.fxReport'
  | 'settlement.receivablesAgeing'
  | 'settlement.advances.list'
  | 'settlement.advances.save'
  | 'settlement.advances.repay'
  | 'settlement.thresholds';

const amount = (text: string, currency: Currency) => parseDecimal(text, currency).amount;

export function createForexService(ws: Workspace): AreaService<typeof settlementContract, ForexCommands> {
  const today = () => ws.clock().toISOString().slice(0, 10);
  return {
    'settlement.receipts.record': (r) =>
      ws.uow.run('settlement.receipts.record', (tx) => {
        assertMonthOpen(tx.db, r.date); // a receipt posts on its day: refused in a closed month (issue 17 point 1g)
        return recordReceipt(postContext(tx.db, tx.commandId, tx.now), {
          payoutId: r.payoutId ?? null,
          date: r.date,
          currency: r.currency,
          amount: amount(r.amount, r.currency),
          bankRate: r.bankRate,
          cnyReceived: r.cnyReceived == null ? null : amount(r.cnyReceived, 'CNY'),
          bankCharges: r.bankCharges == null ? minor(0) : amount(r.bankCharges, 'CNY'),
          bankName: r.bankName ?? null,
          reference: r.reference ?? null,
        });
      }),
    'settlement.receipts.list': ({ from, to }) => listReceipts(ws.read, from, to),
    'settlement.fxReport': ({ from, to }) => {
      const book = new RateBook(ws.read);
      return fxReport(ws.read, from, to, (currency) => {
        try {
          return book.rate(currency, to);
        } catch (e) {
          if (isDomainError(e)) return null;
          throw e;
        }
      });
    },
    'settlement.receivablesAgeing': ({ asOf }) => receivablesAgeing(ws.read, asOf ?? today()),
    'settlement.advances.list': ({ asOf, status }) =>
      listAdvances(ws.read, asOf ?? today()).filter((a) => status === undefined || a.status === status),
    'settlement.advances.save': (a) =>
      ws.uow.run('settlement.advances.save', (tx) =>
        saveAdvance(
          postContext(tx.db, tx.commandId, tx.now),
          {
            party: a.party,
            relatedParty: a.relatedParty ?? false,
            date: a.date,
            currency: a.currency,
            amount: amount(a.amount, a.currency),
            category: a.category,
            note: a.note ?? null,
          },
          today(),
        ),
      ),
    'settlement.advances.repay': ({ advanceId, date, amount: text }) =>
      ws.uow.run('settlement.advances.repay', (tx) => {
        const a = getAdvance(tx.db, advanceId, today());
        return repayAdvance(
          postContext(tx.db, tx.commandId, tx.now),
          advanceId,
          date,
          amount(text, a.currency),
          today(),
        );
      }),
    'settlement.thresholds': ({ year }) => {
      const y = year ?? ws.clock().getUTCFullYear();
      const book = new RateBook(ws.read);
      const missingRates: Array<{ currency: Currency; date: string }> = [];
      let usd = 0 as Minor;
      for (const r of listReceipts(ws.read, `${y}-01-01`, `${y}-12-31`)) {
        let usdRate: string | null = null;
        try {
          usdRate = r.currency === 'USD' ? null : (book.rate('USD', r.date)?.rate ?? null);
        } catch (e) {
          if (!isDomainError(e)) throw e;
        }
        const cents = toUsdCents(r.currency, r.amount, r.bankRate, usdRate);
        if (cents === null) missingRates.push({ currency: 'USD', date: r.date });
        else usd = sumMinor([usd, cents]);
      }
      const sellerKind = readSettlementSettings(ws.read).sellerKind;
      return {
        year: y,
        receiptsUsd: usd,
        limitUsd: LIMIT_USD_CENTS,
        percent: thresholdPercent(usd),
        level: thresholdLevel(usd),
        missingRates,
        sellerKind,
        notes: thresholdNotes(sellerKind),
      };
    },
  };
}
