import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../src-main/api/dispatch.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import { openTestWorkspace, tempDir } from '../../../helpers/workspace.ts';
import { valueOf as ok } from '../../../helpers/dispatch.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/payouts');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

let open: Workspace[] = [];
afterEach(() => {
  for (const ws of open) ws.close();
  open = [];
});

async function setup(): Promise<Dispatch> {
  const { ws, dispatch } = await openTestWorkspace();
  open.push(ws);
  return dispatch;
}

async function importPayout(dispatch: Dispatch, text: string, fileName = 'settlement.txt', source = 'auto') {
  const preview = await ok<{ previewId: string } & Record<string, unknown>>(
    dispatch('payouts.preview', { fileName, contentBase64: b64(text), source }),
  );
  return { preview, confirm: () => dispatch('payouts.confirm', { previewId: preview.previewId }) };
}

const US = () => fixture('amazon-settlement-us.txt');

describe('payouts import and netting', () => {
  it('imports an Amazon V2 settlement: deposit = Σ lines, netting equals the hand computation, journal balances, re-import is idempotent', async () => {
    const dispatch = await setup();
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-03-17', rate: '7.12', source: 'pboc' }));
    const { preview, confirm } = await importPayout(dispatch, US());
    expect(preview).toMatchObject({
      source: 'amazon-settlement',
      settlementId: '98765432101',
      currency: 'USD',
      deposit: 5_485,
      sumOfLines: 5_485,
      lines: 13,
      debitBalance: false,
      alreadyImportedId: null,
    });
    const done = await ok<{ payoutId: number; alreadyImported: boolean }>(confirm());
    expect(done.alreadyImported).toBe(false);

    const s = await ok<{
      gross: number;
      net: number;
      deposit: number;
      deductions: Array<{ category: string; amount: number; evidence: { rows: number[] } }>;
      rates: unknown[];
    }>(dispatch('settlement.netting', { payoutId: done.payoutId }));
    // Hand computation (USD cents), rows of the fixture:
    //   gross = Principal 100.00 (r3) + Principal 50.00 (r8) + Shipping 4.99 (r9)          = 154.99
    //   warehousing = Storage 2.40 (r13); logistics = FBA fee 5.50 (r7)
    //   platform fees = 15.00 (r6) + 8.25 (r10) − 3.00 refunded (r12) + subscription 39.99 (r15) = 60.24
    //   overseas tax = Tax +8.00 (r4) and facilitator tax −8.00 (r5)                        = 0.00
    //   advertising = 12.00 (r14); refunds = 20.00 (r11)
    //   net = 154.99 − 2.40 − 5.50 − 60.24 − 0 − 12.00 − 20.00 = 54.85 = the deposit
    expect(s.gross).toBe(15_499);
    // Only overseas costs are deductions; the refund reduces gross proceeds (issue 17 point 2).
    expect(Object.fromEntries(s.deductions.map((d) => [d.category, d.amount]))).toEqual({
      warehousing: 240,
      logistics: 550,
      platformFees: 6_024,
      overseasTax: 0,
      advertising: 1_200,
    });
    expect((s as unknown as { refunds: { amount: number } }).refunds.amount).toBe(2_000);
    expect(s.deductions.find((d) => d.category === 'platformFees')!.evidence.rows).toEqual([6, 10, 12, 15]);
    expect(s.net).toBe(5_485);
    expect(s.deposit).toBe(5_485);
    expect(s.rates).toEqual([{ currency: 'USD', date: '2026-03-17', rate: '7.120000', source: 'pboc' }]);
    // The list item carries the same gross and net, so the payouts list needs no netting statement per row.
    expect((await ok<Array<{ gross: number; net: number }>>(dispatch('payouts.list', {})))[0]).toMatchObject({
      gross: s.gross,
      net: s.net,
    });

    const tb = await ok<{ balanced: boolean; totalDebit: number; rows: Array<{ account: string; balance: number }> }>(
      dispatch('journal.trialBalance', { asOf: '2026-03-31' }),
    );
    expect(tb.balanced).toBe(true);
    // No order was in the ledger: all sales book revenue at 7.12; the receivable keeps the net USD 54.85 = 390.53 CNY.
    expect(tb.rows.find((r) => r.account === '1122.USD')!.balance).toBe(39_053);

    const again = await importPayout(dispatch, US());
    expect(again.preview.alreadyImportedId).toBe(done.payoutId);
    expect(await ok(again.confirm())).toMatchObject({
      payoutId: done.payoutId,
      alreadyImported: true,
      journalEntryId: null,
    });
    expect(await ok<unknown[]>(dispatch('payouts.list', {}))).toHaveLength(1);
    const db = open[0]!.read;
    expect(() => db.prepare('UPDATE payout_lines SET amount = amount + 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM payouts').run()).toThrow(/append-only/);
    expect(
      (await ok<{ totalDebit: number }>(dispatch('journal.trialBalance', { asOf: '2026-03-31' }))).totalDebit,
    ).toBe(tb.totalDebit);
  });

  it('refuses lines that do not add up to the stated total, naming both sums', async () => {
    const dispatch = await setup();
    const r = await dispatch('payouts.preview', {
      fileName: 's.txt',
      contentBase64: b64(US().replace('\t54.85\tUSD', '\t54.86\tUSD')),
      source: 'amazon-settlement',
    });
    expect(r).toEqual({
      ok: false,
      error: { code: 'payouts.total.mismatch', params: { stated: '54.86', sum: '54.85', currency: 'USD' } },
    });
  });

  it('previews rows it cannot read and refuses to confirm a half-readable file', async () => {
    const dispatch = await setup();
    const { preview, confirm } = await importPayout(dispatch, US().replace('\t-2.40\t', '\tabc\t'));
    expect(preview.rejected).toEqual([expect.objectContaining({ row: 13, code: 'import.row.badAmount' })]);
    expect(await confirm()).toEqual({ ok: false, error: { code: 'payouts.rejectedRows', params: { count: 1 } } });
  });

  it('refuses an unknown currency', async () => {
    const dispatch = await setup();
    const r = await dispatch('payouts.preview', {
      fileName: 's.txt',
      contentBase64: b64(US().replace('\t54.85\tUSD', '\t54.85\tXYZ')),
      source: 'auto',
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'payouts.currency.unknown', params: { currency: 'XYZ', row: 2 } },
    });
  });

  it("writes an Amazon settlement's orders with their fees and refunds from payouts.confirm, in the payout's transaction", async () => {
    const dispatch = await setup();
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-03-01', rate: '7.10', source: 'pboc' }));
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-03-17', rate: '7.12', source: 'pboc' }));
    const { preview, confirm } = await importPayout(dispatch, US());
    // The orders the file names are written on confirm, so they count as matched already.
    expect(preview).toMatchObject({ matchedOrders: 3, unmatchedLineCount: 0, rejected: [] });
    const done = await ok<{ payoutId: number; orders: unknown; ordersPosted: number }>(confirm());
    expect(done.orders).toEqual({
      orders: 3,
      new: 3,
      updated: 0,
      unchanged: 0,
      heldBack: [],
      months: [{ month: '2026-03', closed: false, new: 3, updated: 0, unchanged: 0, heldBack: 0 }],
    });
    const page = await ok<{ items: Array<{ id: number; orderNo: string; refunded: number }> }>(
      dispatch('orders.list', {}),
    );
    const byNo = new Map(page.items.map((o) => [o.orderNo, o]));
    const first = await ok<{ fees: Array<{ amount: number; currency: string }> }>(
      dispatch('orders.get', { id: byNo.get('111-0000001-0000001')!.id }),
    );
    // Commission 15.00 + FBA fee 5.50 (rows 6, 7) on the order itself.
    expect(first.fees.reduce((t, f) => t + Math.abs(f.amount), 0)).toBe(2_050);
    expect(byNo.get('111-0000003-0000003')!.refunded).toBe(2_000);
    const detail = await ok<{ lines: number; unmatchedLines: number }>(dispatch('payouts.get', { id: done.payoutId }));
    expect(detail.unmatchedLines).toBe(0);
    // Orders only a settlement named have no known order value yet: shown as unknown, never as 0.
    const net = await ok<{ declarations: Array<{ orderNo: string; orderValue: number | null }> }>(
      dispatch('settlement.netting', { payoutId: done.payoutId }),
    );
    expect(net.declarations.length).toBeGreaterThan(0);
    for (const d of net.declarations) expect(d.orderValue).toBeNull();
  });

  it('matches payout lines to an order imported after the payout', async () => {
    const dispatch = await setup();
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-03-17', rate: '7.10', source: 'pboc' }));
    const csv =
      'Date,Type,Order ID,Amount,Currency\n2026-03-17,Payment,LATE-1,80.00,USD\n2026-03-17,Commission fee,LATE-1,-8.00,USD\n2026-03-17,Payment,NEVER-1,20.00,USD\n';
    const { confirm } = await importPayout(dispatch, csv, 'late.csv', 'payout-csv');
    const { payoutId } = await ok<{ payoutId: number }>(confirm());
    const before = await ok<Array<{ matchedOrders: number; unmatchedLines: number }>>(dispatch('payouts.list', {}));
    expect(before[0]).toMatchObject({ matchedOrders: 0, unmatchedLines: 3 });
    const shop = await ok<{ id: number }>(
      dispatch('shops.save', { platform: 'manual', name: 'S', site: null, currency: 'USD', timeZone: 'UTC' }),
    );
    const order = await ok<{ id: number }>(
      dispatch('orders.save', {
        shopId: shop.id,
        orderNo: 'LATE-1',
        status: 'shipped',
        orderedAt: '2026-03-10T10:00:00Z',
        buyerCountry: 'US',
        currency: 'USD',
        customsMode: '9810',
        fulfilment: 'overseas',
        shipping: '0',
        discount: '0',
        lines: [{ sku: 'CUP', itemName: 'Cup', quantity: 1, unitPrice: '80.00' }],
      }),
    );
    const after = await ok<Array<{ matchedOrders: number; unmatchedLines: number }>>(dispatch('payouts.list', {}));
    expect(after[0]).toMatchObject({ matchedOrders: 1, unmatchedLines: 1 });
    const detail = await ok<{
      lineItems: Array<{ orderNo: string | null; orderId: number | null }>;
      unmatchedPayoutLines: Array<{ orderNo: string }>;
    }>(dispatch('payouts.get', { id: payoutId }));
    expect(detail.lineItems.map((l) => [l.orderNo, l.orderId])).toEqual([
      ['LATE-1', order.id],
      ['LATE-1', order.id],
      ['NEVER-1', null],
    ]);
    expect(detail.unmatchedPayoutLines.map((l) => l.orderNo)).toEqual(['NEVER-1']);
    const net = await ok<{
      unmatched: { payoutLines: number; orders: number };
      declarations: Array<{ orderNo: string; received: number }>;
    }>(dispatch('settlement.netting', { payoutId }));
    expect(net.unmatched).toMatchObject({
      payoutLines: 1,
      orders: 0,
      payoutLineList: [{ row: 4, orderNo: 'NEVER-1', amount: 2_000 }],
      orderList: [],
    });
    expect(net.declarations).toMatchObject([{ orderNo: 'LATE-1', received: 7_200 }]);
    // The payout booked LATE-1's sales line as revenue already: posting the order now would book it twice.
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-03-10', rate: '7.10', source: 'pboc' }));
    expect(await ok(dispatch('journal.postPeriod', {}))).toMatchObject({ orders: 0 });
    const tb = await ok<{ rows: Array<{ account: string; balance: number }> }>(
      dispatch('journal.trialBalance', { asOf: '2026-12-31' }),
    );
    expect(tb.rows.find((r) => r.account === '5001')!.balance).toBe(-(8_000 + 2_000) * 7.1);
  });

  it('writes neither the orders nor the payout when the payout cannot be posted', async () => {
    const dispatch = await setup();
    const { confirm } = await importPayout(dispatch, US());
    expect(await confirm()).toMatchObject({ ok: false, error: { code: 'rates.missing' } });
    expect(await ok(dispatch('orders.count', {}))).toEqual({ total: 0 });
    expect(await ok<unknown[]>(dispatch('payouts.list', {}))).toEqual([]);
  });

  it('asks for a missing rate and writes nothing', async () => {
    const dispatch = await setup();
    const { confirm } = await importPayout(dispatch, US());
    expect(await confirm()).toEqual({
      ok: false,
      error: { code: 'rates.missing', params: { currency: 'USD', date: '2026-03-17' } },
    });
    expect(await ok<unknown[]>(dispatch('payouts.list', {}))).toEqual([]);
    expect((await ok<{ rows: unknown[] }>(dispatch('journal.trialBalance', { asOf: '2026-12-31' }))).rows).toEqual([]);
  });

  it('imports a negative deposit as a debit balance', async () => {
    const dispatch = await setup();
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-03-17', rate: '7.12', source: 'manual' }));
    const lines = US().split('\n');
    // Storage fee −2.40 (r13) + subscription −39.99 (r15) = −42.39: the seller owes the platform.
    const text = [lines[0], lines[1]!.replace('\t54.85\t', '\t-42.39\t'), lines[12], lines[14]].join('\n') + '\n';
    const { preview, confirm } = await importPayout(dispatch, text);
    expect(preview).toMatchObject({ deposit: -4_239, debitBalance: true });
    const { payoutId } = await ok<{ payoutId: number }>(confirm());
    const s = await ok<{ gross: number; net: number; debitBalance: boolean }>(
      dispatch('settlement.netting', { payoutId }),
    );
    expect(s).toMatchObject({ gross: 0, net: -4_239, debitBalance: true });
    expect((await ok<{ balanced: boolean }>(dispatch('journal.trialBalance', { asOf: '2026-12-31' }))).balanced).toBe(
      true,
    );
  });

  it('reads a Payoneer statement with a fee column, matching orders by number', async () => {
    const dispatch = await setup();
    await ok(dispatch('rates.import', { fileName: 'rates.csv', contentBase64: b64(fixture('rates-boc.csv')) }));
    const { preview, confirm } = await importPayout(
      dispatch,
      fixture('payoneer-statement.csv'),
      'payoneer.csv',
      'payoneer',
    );
    // 500.00 − 5.00 + 300.00 − 3.00 − 40.00 − 25.00 = 727.00
    expect(preview).toMatchObject({
      deposit: 72_700,
      sumOfLines: 72_700,
      periodStart: '2026-04-01',
      periodEnd: '2026-04-05',
      unmatchedLineCount: 5,
      categories: { sales: 80_000, platformFees: -800, logistics: -4_000, refunds: -2_500 },
    });
    const { payoutId } = await ok<{ payoutId: number }>(confirm());
    const d = await ok<{ unmatchedPayoutLines: unknown[] }>(dispatch('payouts.get', { id: payoutId }));
    // 3 transactions and 2 fee lines name an order that is not in the ledger.
    expect(d.unmatchedPayoutLines).toHaveLength(5);
  });

  it('prints the evidence pack as a PDF that reads back with the figures', async () => {
    const dispatch = await setup();
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-03-17', rate: '7.12', source: 'pboc' }));
    const { confirm } = await importPayout(dispatch, US());
    const { payoutId } = await ok<{ payoutId: number }>(confirm());
    const pdf = await ok<{ fileName: string; contentBase64: string }>(
      dispatch('settlement.evidencePack', { payoutId, format: 'pdf', language: 'en' }),
    );
    expect(pdf.fileName).toBe('evidence-98765432101.pdf');
    const file = path.join(tempDir(), pdf.fileName);
    fs.writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Netted settlement');
    expect(text).toMatch(/Restored sales proceeds \(gross\)\s+154\.99/);
    expect(text).toMatch(/Amount repatriated \(net\)\s+54\.85/);
    expect(text).toContain('7.120000');
    const xlsx = await ok<{ contentBase64: string }>(dispatch('settlement.evidencePack', { payoutId, format: 'xlsx' }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const cells = book.worksheets.flatMap((w) =>
      w
        .getSheetValues()
        .flat()
        .map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))),
    );
    expect(cells).toContain('还原销售收入（总额）');
    expect(cells).toContain('54.85');
  });
});
