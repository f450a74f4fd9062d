import { describe, it, expect } from 'vitest';
import { isRowError, normaliseImported, utcInstant } from '../../../../src-main/areas/orders/order-content.ts';
import { amazonOrder, fee, line, m } from './order-fixtures.ts';

describe('utcInstant', () => {
  it('turns an ISO date-time with any offset form into a sortable UTC instant', () => {
    expect(utcInstant('2026-03-05T14:02:00+08:00')).toBe('2026-03-05T06:02:00.000Z');
    expect(utcInstant('2026-03-05T14:02+0800')).toBe('2026-03-05T06:02:00.000Z');
    expect(utcInstant('2026-03-05T14:02:00.123456-08:00')).toBe('2026-03-05T22:02:00.123Z');
    expect(utcInstant('2026-01-01T00:30:00+14:00')).toBe('2025-12-31T10:30:00.000Z');
    expect(utcInstant('2024-02-29T12:00:00Z')).toBe('2024-02-29T12:00:00.000Z');
  });

  it('refuses a missing offset, a date or time the calendar lacks, and anything else', () => {
    for (const bad of [
      '2026-03-05T14:02:00',
      '2026-03-05',
      '2026-02-29T00:00:00Z',
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-03-05T24:00:00Z',
      '2026-03-05T10:60:00Z',
      '05.03.2026 14:02',
      '',
    ]) {
      expect(utcInstant(bad), bad).toBeNull();
    }
  });
});

describe('normaliseImported', () => {
  it('hashes what the file says, not where it says it: other row numbers give the same hash', () => {
    const a = normaliseImported(amazonOrder(1));
    const b = normaliseImported(amazonOrder(1, { sourceRows: [99], lines: [line({ sourceRow: 99 })] }));
    const c = normaliseImported(amazonOrder(1, { lines: [line({ lineTotal: m(2000) })] }));
    if (isRowError(a) || isRowError(b) || isRowError(c)) throw new Error('rejected');
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(c.hash);
  });

  it('sums a fee listed once per item into one amount per type and description', () => {
    const c = normaliseImported(
      amazonOrder(1, {
        fees: [
          fee('commission', 'Commission', 100),
          fee('commission', 'Commission', 50),
          fee('other', 'Commission', 7),
        ],
      }),
    );
    if (isRowError(c)) throw new Error(c.code);
    expect(c.fees).toEqual([
      { type: 'commission', description: 'Commission', amount: 150 },
      { type: 'other', description: 'Commission', amount: 7 },
    ]);
  });

  it('rejects what the store cannot hold with a coded row error on the order first row', () => {
    const cases: Array<[Parameters<typeof amazonOrder>[1], string]> = [
      [{ orderedAt: '2026-03-05 14:02' }, 'import.row.badDate'],
      [{ buyerCountry: 'USA' }, 'import.row.badCountry'],
      [{ lines: [line(), line()] }, 'import.row.duplicateLine'],
      [{ lines: [line({ quantity: -1 })] }, 'import.row.badQuantity'],
      [{ orderNo: ' ' }, 'import.row.badOrderNo'],
      [{ lines: [line({ lineTotal: m(2 ** 53) })] }, 'money.outOfRange'],
    ];
    for (const [over, code] of cases) {
      const r = normaliseImported(amazonOrder(4, over));
      expect(isRowError(r) && r.code, code).toBe(code);
      expect(isRowError(r) && r.row).toBe(6);
    }
  });

  it('keeps an order whose status word no table knows as status unknown, excluded as unknownStatus, never rejected', () => {
    const c = normaliseImported(amazonOrder(4, { platformStatus: '???' }));
    expect(!isRowError(c) && [c.status, c.exclusion, c.platformStatus]).toEqual(['unknown', 'unknownStatus', '???']);
  });

  it('stores unknown amounts as null (never 0) and counts such an order in units, not in sales', () => {
    const c = normaliseImported(
      amazonOrder(5, { currency: null, salesChannel: 'Non-Amazon', lines: [line({ lineTotal: null, quantity: 2 })] }),
    );
    expect(
      !isRowError(c) && [
        c.currency,
        c.goods,
        c.gross,
        c.units,
        c.exclusion,
        c.lines[0]?.lineTotal,
        c.lines[0]?.shipping,
      ],
    ).toEqual([null, null, null, 2, 'otherChannel', null, null]);
  });

  it('reads an order only a settlement names as shipped, whatever its status word', () => {
    const c = normaliseImported(amazonOrder(1, { platformStatus: 'Order', lines: [] }), { settlement: true });
    expect(!isRowError(c) && [c.status, c.gross, c.exclusion]).toEqual(['shipped', 0, null]);
  });
});
