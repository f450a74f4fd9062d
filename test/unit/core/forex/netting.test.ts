import { describe, expect, it } from 'vitest';
import { amazonCategory, nettingFigures } from '../../../../src-main/core/forex/netting.ts';

describe('netting', () => {
  it('maps Amazon settlement keys to netting categories', () => {
    expect(amazonCategory('Order', 'ItemPrice', 'Principal')).toBe('sales');
    expect(amazonCategory('Order', 'ItemPrice', 'Tax')).toBe('overseasTax');
    expect(amazonCategory('Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal')).toBe('overseasTax');
    expect(amazonCategory('Order', 'ItemFees', 'FBAPerUnitFulfillmentFee')).toBe('logistics');
    expect(amazonCategory('Order', 'ShipmentFees', 'FBA transportation fee')).toBe('logistics');
    expect(amazonCategory('Order', 'ItemFees', 'Commission')).toBe('platformFees');
    expect(amazonCategory('other-transaction', 'other-transaction', 'Storage Fee')).toBe('warehousing');
    expect(amazonCategory('ServiceFee', 'Cost of Advertising', 'TransactionTotalAmount')).toBe('advertising');
    expect(amazonCategory('Refund', 'ItemPrice', 'Principal')).toBe('refunds');
    expect(amazonCategory('Previous Reserve Amount Balance', '', '')).toBe('other');
  });

  it('gross − deductions = net with the rows of each deduction', () => {
    const f = nettingFigures('s.txt', [
      { rows: [3], key: 'Order/ItemPrice/Principal', category: 'sales', amount: 10_000 },
      { rows: [4], key: 'Order/ItemFees/Commission', category: 'platformFees', amount: -1_500 },
      { rows: [5], key: 'Order/ItemFees/Commission', category: 'platformFees', amount: -300 },
      { rows: [6], key: 'Refund/ItemFees/Commission', category: 'platformFees', amount: 150 },
      { rows: [7], key: 'other-transaction/other-transaction/Storage Fee', category: 'warehousing', amount: -200 },
    ]);
    // 10,000 − (1,500 + 300 − 150) − 200 = 8,150
    expect(f.gross).toBe(10_000);
    expect(f.net).toBe(8_150);
    const fees = f.deductions.find((d) => d.category === 'platformFees')!;
    expect(fees.amount).toBe(1_650);
    expect(fees.evidence.rows).toEqual([4, 5, 6]);
    expect(fees.items).toEqual([{ key: 'Order/ItemFees/Commission', amount: 1_800, rows: [4, 5], rowCount: 2 }, { key: 'Refund/ItemFees/Commission', amount: -150, rows: [6], rowCount: 1 }]);
    expect(f.deductions.map((d) => d.category)).toEqual(['warehousing', 'logistics', 'platformFees', 'overseasTax', 'advertising', 'refunds', 'other']);
  });
});
