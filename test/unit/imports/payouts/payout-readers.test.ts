import { describe, expect, it } from 'vitest';
import { parsePayout } from '../../../../src-main/imports/payouts/parse-payout.ts';
import { parseRatesTable } from '../../../../src-main/imports/payouts/rates-csv.ts';
import { checkRowsAccounted, readTable } from '../../../../src-main/imports/read-table.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('payout readers', () => {
  it('restores the gross of a Shopee income row from its released amount and listed deductions', async () => {
    const csv =
      'Order ID,Payout Completed Date,Total Released Amount (RM),Commission Fee,Service Fee,Transaction Fee,Shipping Fee Charged by Logistic Provider,Refund Amount\n' +
      '2403AB,2026-03-10,85.50,-6.00,-4.00,-2.50,-2.00,0\n';
    const p = await parsePayout(bytes(csv), { source: 'shopee-income' });
    // gross = 85.50 + 6.00 + 4.00 + 2.50 + 2.00 = 100.00 (MYR from the "(RM)" header)
    expect(p.currency).toBe('MYR');
    expect(p.deposit).toBe(8_550);
    expect(p.lines.map((l) => [l.category, l.amount])).toEqual([
      ['sales', 10_000],
      ['logistics', -200],
      ['platformFees', -600],
      ['platformFees', -400],
      ['platformFees', -250],
    ]);
  });

  it('checks each TikTok settlement row adds up to its total', async () => {
    const head =
      'Order/adjustment ID  ,Order settled time,Total settlement amount,Total revenue,Transaction fee,TikTok Shop commission fee,Seller shipping fee ,Currency\n';
    const good = await parsePayout(bytes(head + '5771,2026/03/12,80.00,100.00,-3.00,-8.00,-9.00,USD\n'), {
      source: 'tiktok-settlement',
    });
    expect(good.deposit).toBe(8_000);
    const bad = await parsePayout(bytes(head + '5771,2026/03/12,81.00,100.00,-3.00,-8.00,-9.00,USD\n'), {
      source: 'tiktok-settlement',
    });
    expect(bad.rejected).toEqual([expect.objectContaining({ row: 2, code: 'payouts.row.mismatch' })]);
  });

  it('reads a PingPong-style statement in Chinese with a stated total', async () => {
    const csv =
      '交易时间,交易类型,订单号,金额,币种,到账金额\n2026-03-01 10:00,收款,A1,100.00,美元,95.00\n2026-03-02 10:00,平台服务费,,-5.00,美元,95.00\n';
    const p = await parsePayout(bytes(csv), { source: 'pingpong' });
    expect(p).toMatchObject({
      currency: 'USD',
      deposit: 9_500,
      sumOfLines: 9_500,
      periodStart: '2026-03-01',
      periodEnd: '2026-03-02',
    });
    expect(p.lines.map((l) => l.category)).toEqual(['sales', 'platformFees']);
    expect(p.settlementId).toMatch(/^pingpong:[0-9a-f]{16}$/);
    await expect(parsePayout(bytes(csv.replaceAll('95.00', '96.00')), { source: 'pingpong' })).rejects.toMatchObject({
      code: 'payouts.total.mismatch',
      params: { stated: '96.00', sum: '95.00' },
    });
  });

  it('reads rates quoted per 100 units and Chinese source names', async () => {
    const t = await readTable(
      bytes(
        '币种,日期,汇率,来源,单位\n美元,2026-03-05,710.52,中间价,100\nJPY,2026-03-05,4.8123,银行,100\nEUR,2026-03-05,7.8,月亮,\n',
      ),
    );
    const { rows, rejected } = parseRatesTable(t);
    expect(rows.map((r) => [r.currency, r.rate, r.source])).toEqual([
      ['USD', '7.105200', 'pboc'],
      ['JPY', '0.048123', 'bank'],
    ]);
    expect(rejected).toEqual([expect.objectContaining({ row: 4, code: 'rates.source.unknown' })]);
  });

  it('accounts for every row of a payout CSV with a quoted description opening with a quote and a malformed line (issue 14)', async () => {
    const csv =
      'date,type,description,order,amount,currency\n2026-03-01,sale,"""Best"" mug",A1,100.00,USD\n2026-03-01,fee,zero fee,A1,0.00,USD\n2026-03-02,fee\n';
    const p = await parsePayout(bytes(csv), { source: 'payout-csv' });
    expect(p.lines.map((l) => [l.row, l.amountDescription, l.amount])).toEqual([
      [2, '"Best" mug', 10_000],
      [3, 'zero fee', 0],
    ]);
    expect(p.rejected.map((r) => [r.row, r.code])).toEqual([[4, 'import.row.columnCount']]);
  });

  it('refuses a reading whose rows do not add up', () => {
    expect(() => checkRowsAccounted(3, 1, 1)).toThrow(
      expect.objectContaining({
        code: 'import.file.rowsUnaccounted',
        params: { read: 3, imported: 1, rejected: 1, continuation: 0 },
      }),
    );
    expect(() => checkRowsAccounted(3, 1, 1, 1)).not.toThrow();
  });
});
