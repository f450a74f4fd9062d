import { m } from '../../../helpers/money.ts';
import { describe, expect, it } from 'vitest';
import { accountFor, currencyAccount } from '../../../../src-main/core/ledger/chart.ts';
import { draftEntry, line, reversalOf, trialBalance } from '../../../../src-main/core/ledger/entry.ts';
import { orderRevenueEntry } from '../../../../src-main/core/ledger/postings.ts';

const usd = { currency: 'USD', date: '2026-03-05', rate: '7.100000', source: 'pboc' } as const;

describe('journal entries', () => {
  it('refuses an unbalanced entry with both sums, and unknown accounts', () => {
    const base = {
      date: '2026-03-05',
      memo: 'x',
      sourceKind: 'manual',
      sourceId: '1',
      evidence: null,
      reversesId: null,
    } as const;
    expect(() => draftEntry({ ...base, lines: [line('1002', 100), line('5001', -99)] })).toThrow(
      expect.objectContaining({ code: 'journal.unbalanced', params: { debits: '1.00', credits: '0.99' } }),
    );
    expect(() => draftEntry({ ...base, lines: [line('9999', 100), line('5001', -100)] })).toThrow(
      expect.objectContaining({ code: 'journal.account.unknown' }),
    );
    expect(() => draftEntry({ ...base, lines: [line('1002', 0)] })).toThrow(
      expect.objectContaining({ code: 'journal.empty' }),
    );
  });

  it('names per-currency sub-accounts and refuses them where no foreign balance is kept', () => {
    expect(accountFor(currencyAccount('1122', 'USD'))).toMatchObject({
      code: '1122.USD',
      nameZh: '应收账款(USD)',
      parent: '1122',
      currency: 'USD',
    });
    expect(currencyAccount('1122', 'CNY')).toBe('1122');
    expect(() => accountFor('5001.USD')).toThrow(expect.objectContaining({ code: 'journal.account.unknown' }));
  });

  it('books order revenue at the order day rate and keeps the original amount and rate on each line', () => {
    // USD 1,234.56 × 7.100000 = CNY 8,765.376 → 8,765.38 (half away from zero)
    const e = orderRevenueEntry(
      { id: 7, orderNo: 'A-1', date: '2026-03-05', currency: 'USD', revenue: m(123_456) },
      usd,
    );
    expect(e.lines).toEqual([
      { account: '1122.USD', debit: 876_538, credit: 0, currency: 'USD', originalAmount: 123_456, rate: usd },
      { account: '5001', debit: 0, credit: 876_538, currency: 'USD', originalAmount: -123_456, rate: usd },
    ]);
  });

  it('reverses an entry line by line and the trial balance of both is zero per account', () => {
    const e = orderRevenueEntry(
      { id: 7, orderNo: 'A-1', date: '2026-03-05', currency: 'USD', revenue: m(10_000) },
      usd,
    );
    const view = {
      id: 1,
      memo: e.memo,
      lines: e.lines.map((l) => ({ ...l, rate: l.rate!.rate, rateSource: l.rate!.source, rateDate: l.rate!.date })),
    };
    const r = reversalOf(view, '2026-03-31', 'wrong rate');
    expect(r.reversesId).toBe(1);
    const tb = trialBalance('2026-03-31', [...e.lines, ...r.lines]);
    expect(tb.balanced).toBe(true);
    expect(tb.rows.map((x) => [x.account, x.balance])).toEqual([
      ['1122.USD', 0],
      ['5001', 0],
    ]);
    expect(tb.totalDebit).toBe(142_000);
  });
});
