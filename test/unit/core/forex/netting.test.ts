import { describe, expect, it } from 'vitest';
import { amazonCategory, nettingFigures, nettingLabel } from '../../../../src-main/core/forex/netting.ts';
import { minor } from '../../../../src-main/core/money/index.ts';

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
      { rows: [3], key: 'Order/ItemPrice/Principal', category: 'sales', amount: minor(10_000) },
      { rows: [4], key: 'Order/ItemFees/Commission', category: 'platformFees', amount: minor(-1_500) },
      { rows: [5], key: 'Order/ItemFees/Commission', category: 'platformFees', amount: minor(-300) },
      { rows: [6], key: 'Refund/ItemFees/Commission', category: 'platformFees', amount: minor(150) },
      {
        rows: [7],
        key: 'other-transaction/other-transaction/Storage Fee',
        category: 'warehousing',
        amount: minor(-200),
      },
    ]);
    // 10,000 − (1,500 + 300 − 150) − 200 = 8,150
    expect(f.gross).toBe(10_000);
    expect(f.net).toBe(8_150);
    const fees = f.deductions.find((d) => d.category === 'platformFees')!;
    expect(fees.amount).toBe(1_650);
    expect(fees.evidence.rows).toEqual([4, 5, 6]);
    expect(fees.items).toEqual([
      { key: 'Order/ItemFees/Commission', label: 'commission', amount: 1_800, rows: [4, 5], rowCount: 2 },
      { key: 'Refund/ItemFees/Commission', label: 'commission', amount: -150, rows: [6], rowCount: 1 },
    ]);
    expect(f.deductions.map((d) => d.category)).toEqual([
      'warehousing',
      'logistics',
      'platformFees',
      'overseasTax',
      'advertising',
    ]);
  });

  it('keeps reserves, reimbursements and refunds out of the overseas deductions (汇发〔2020〕11号)', () => {
    // Keys and signs as an Amazon US settlement V2 file prints them; USD cents.
    const line = (row: number, key: string, amount: number) => {
      const [t = '', a = '', d = ''] = key.split('/');
      return { rows: [row], key, category: amazonCategory(t, a, d), amount: minor(amount) };
    };
    const f = nettingFigures('s.txt', [
      line(3, 'Order/ItemPrice/Principal', 100_000),
      line(4, 'Refund/ItemPrice/Principal', -21_178),
      line(5, 'other-transaction/other-transaction/Storage Fee', -9_473),
      line(6, 'other-transaction/FBA Inventory Reimbursement/WAREHOUSE_DAMAGE', 3_240),
      line(7, 'other-transaction/other-transaction/Previous Reserve Amount Balance', 87_412),
      line(8, 'other-transaction/other-transaction/Current Reserve Amount', -91_208),
    ]);
    expect(f.gross).toBe(100_000);
    expect(f.refunds).toMatchObject({ amount: 21_178, evidence: { rows: [4], rowCount: 1 } });
    expect(f.netSales).toBe(78_822);
    // Storage stays at its own 94.73: the reimbursement is not netted into it.
    expect(f.deductions.find((d) => d.category === 'warehousing')!.amount).toBe(9_473);
    expect(f.deductions.reduce((n, d) => n + d.items.length, 0)).toBe(1);
    expect(f.otherIncome).toMatchObject({ amount: 3_240, items: [{ label: 'inventoryReimbursement', rows: [6] }] });
    // opening + movement = closing
    expect(f.reserve).toMatchObject({ opening: 87_412, movement: 3_796, closing: 91_208 });
    expect(f.reserve.items.map((i) => i.label)).toEqual(['reservePrevious', 'reserveCurrent']);
    expect(f.otherItems.amount).toBe(0);
    // 788.22 − 94.73 + 32.40 − 37.96 = 687.93
    expect(f.net).toBe(68_793);
  });

  it('names platform keys readably and leaves unknown keys raw', () => {
    expect(nettingLabel('other-transaction/other-transaction/Storage Fee')).toBe('storageFee');
    expect(nettingLabel('Order/ItemFees/FBAPerUnitFulfillmentFee')).toBe('fulfilmentFee');
    expect(nettingLabel('Refund/ItemPrice/Shipping')).toBe('refundedShipping');
    expect(nettingLabel('Refund/ItemFees/RefundCommission')).toBe('refundCommission');
    expect(nettingLabel('ServiceFee/Cost of Advertising/TransactionTotalAmount')).toBe('advertising');
    expect(nettingLabel('other-transaction/other-transaction/Something New')).toBe('raw');
    expect(amazonCategory('other-transaction', 'FBA Inventory Reimbursement', 'WAREHOUSE_DAMAGE')).toBe('other');
  });
});
