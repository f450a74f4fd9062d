import { m } from '../../../helpers/money.ts';
import { describe, expect, it } from 'vitest';
import { carryingShare, receiptEntry, receiptFigures } from '../../../../src-main/core/forex/repatriation.ts';
import { payoutEntry, orderRevenueEntry } from '../../../../src-main/core/ledger/postings.ts';
import { trialBalance } from '../../../../src-main/core/ledger/entry.ts';
import { advanceStatus, addMonths } from '../../../../src-main/core/forex/advances.ts';
import { thresholdLevel, thresholdPercent, toUsdCents } from '../../../../src-main/core/forex/thresholds.ts';

const at = (rate: string, date: string) => ({ currency: 'USD', date, rate, source: 'pboc' }) as const;

describe('worked FX example: booked at 7.1000, converted at 7.0500, with fees', () => {
  it('is exact to the fen', () => {
    // Order USD 1,000.00 on 03-05 at 7.1000 → Dr 1122.USD 7,100.00 / Cr 5001 7,100.00.
    const order = orderRevenueEntry(
      { id: 1, orderNo: 'A', date: '2026-03-05', currency: 'USD', revenue: m(100_000) },
      at('7.1000', '2026-03-05'),
    );
    // Payout on 03-17 (rate 7.1000): principal 1,000.00 (already booked), commission −100.00, FBA fee −50.00
    // → Dr 5601.01 710.00, Dr 5601.03 355.00, Cr 1122.USD 1,065.00; net USD 850.00 carried at 7,100.00 − 1,065.00 = 6,035.00.
    const { entry: payout, cny } = payoutEntry(
      { id: 1, settlementId: 'S', fileName: 'f', depositDate: '2026-03-17', currency: 'USD' },
      [
        { row: 3, category: 'sales', amount: m(100_000), booked: true },
        { row: 4, category: 'platformFees', amount: m(-10_000), booked: false },
        { row: 5, category: 'logistics', amount: m(-5_000), booked: false },
      ],
      at('7.1000', '2026-03-17'),
      () => m(710_000),
    );
    expect(cny).toEqual([710_000, -71_000, -35_500]);
    const booked = cny.reduce((s, c) => s + c, 0);
    expect(booked).toBe(603_500);
    // Bank converts USD 850.00 at 7.0500 = CNY 5,992.50, charges CNY 15.00 → 5,977.50 credited.
    // Realised = 5,977.50 + 15.00 − 6,035.00 = −42.50 (a loss, Dr 5603.01).
    const f = receiptFigures('USD', m(85_000), '7.050000', m(booked), m(1_500), null);
    expect(f).toEqual({
      grossCny: 599_250,
      cnyReceived: 597_750,
      bankCharges: 1_500,
      cnyBooked: 603_500,
      fxGainLoss: -4_250,
    });
    const receipt = receiptEntry('2026-03-20', '1', 'r', 'USD', m(85_000), at('7.050000', '2026-03-20'), f);
    const tb = trialBalance('2026-03-31', [...order.lines, ...payout!.lines, ...receipt.lines]);
    expect(tb.balanced).toBe(true);
    const bal = Object.fromEntries(tb.rows.map((r) => [r.account, r.balance]));
    expect(bal).toEqual({
      '1002': 597_750,
      '1122.USD': 0,
      '5001': -710_000,
      '5601.01': 71_000,
      '5601.03': 35_500,
      '5603.01': 4_250,
      '5603.02': 1_500,
    });
  });

  it('shares a carrying value pro rata and gives the whole balance exactly', () => {
    expect(carryingShare(m(85_000), m(85_000), m(603_500))).toBe(603_500);
    // 1/3 of 100.00 = 33.333… → 33.33; 2/3 → 66.67
    expect(carryingShare(m(1), m(3), m(10_000))).toBe(3_333);
    expect(carryingShare(m(2), m(3), m(10_000))).toBe(6_667);
  });
});

describe('advances and thresholds', () => {
  it('flags an advance from month 11 and marks it overdue at 12 months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(advanceStatus('2025-05-01', 100, '2026-03-31').status).toBe('open');
    expect(advanceStatus('2025-05-01', 100, '2026-04-01')).toEqual({ dueDate: '2026-05-01', status: 'warning' });
    expect(advanceStatus('2025-05-01', 100, '2026-05-01').status).toBe('overdue');
    expect(advanceStatus('2025-05-01', 0, '2027-01-01').status).toBe('repaid');
  });

  it('converts receipts to USD and grades them against USD 200,000', () => {
    // EUR 1,000.00 at 7.850000 = CNY 7,850.00; ÷ 7.100000 = USD 1,105.633… → 1,105.63
    expect(toUsdCents('EUR', m(100_000), '7.850000', '7.100000')).toBe(110_563);
    expect(toUsdCents('EUR', m(100_000), '7.850000', null)).toBeNull();
    expect([15_999_999, 16_000_000, 18_000_000, 20_000_000].map(thresholdLevel)).toEqual([
      'ok',
      'notice',
      'warning',
      'over',
    ]);
    expect(thresholdPercent(16_500_000)).toBe('82.5');
  });
});
