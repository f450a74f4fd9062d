/**
 * Issue 17 points 1 and 3: the reports as read-only queries on a real ledger file — the 无票免税
 * register's total equals an independent SQL sum to the fen; the PDF reads back (pdftotext) with
 * title, company, period and totals and embeds its font (pdffonts); the XLSX reads back equal to
 * the JSON; an empty period gives a valid report that says so; a missing PBoC rate is a coded
 * error naming the date; the deemed income-tax sheet for Q2 is worked by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../src-main/api/dispatch.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import type { ReportData } from '../../../../src-main/areas/reports/contract.ts';
import { openTestWorkspace, tempDir, VALID_PROFILE } from '../../../helpers/workspace.ts';
import { valueOf as ok } from '../../../helpers/dispatch.ts';

let open: Workspace[] = [];
afterEach(() => {
  for (const ws of open) ws.close();
  open = [];
});

async function workspace(): Promise<{ ws: Workspace; dispatch: Dispatch }> {
  const { ws, dispatch } = await openTestWorkspace();
  open.push(ws);
  await ok(dispatch('company.save', VALID_PROFILE));
  return { ws, dispatch };
}

async function order(
  dispatch: Dispatch,
  shopId: number,
  orderNo: string,
  at: string,
  mode: string,
  lines: Array<[string, number, string]>,
): Promise<number> {
  const o = await ok<{ id: number }>(
    dispatch('orders.save', {
      shopId,
      orderNo,
      status: 'shipped',
      orderedAt: at,
      buyerCountry: 'US',
      currency: 'USD',
      customsMode: mode,
      fulfilment: 'self',
      shipping: '0',
      discount: '0',
      lines: lines.map(([sku, quantity, unitPrice]) => ({ sku, itemName: sku, quantity, unitPrice })),
    }),
  );
  return o.id;
}

/** A released CEB603 list as the customs area stores it (customs_messages + customs_documents with its facts). */
function releasedList(
  ws: Workspace,
  orderId: number,
  orderNo: string,
  invtNo: string,
  entryId: string | null,
  lines: Array<{ itemNo: string; qty: string; unit: string; totalPrice: string }>,
) {
  const db = ws.read;
  const commandId = db.prepare('SELECT max(id) FROM command_log').pluck().get() as number;
  const guid = (n: number) => `00000000-0000-4000-8000-${String(orderId * 10 + n).padStart(12, '0')}`;
  db.prepare(
    `INSERT INTO customs_messages (guid, type, idempotency_key, xml, command_id, created_at) VALUES (?, 'CEB603', ?, '<CEB603Message/>', ?, '2026-03-31T00:00:00Z')`,
  ).run(guid(1), `test:${invtNo}`, commandId);
  const facts = {
    type: 'CEB603',
    orderNo,
    currency: 'USD',
    lines: lines.map((l, i) => ({ gnum: i + 1, gcode: '6912001000', ...l })),
  };
  db.prepare(
    `INSERT INTO customs_documents (type, business_key, revision, order_id, order_no, guid, message_guid, status, status_rank, status_at, invt_no, entry_id, facts, created_at)
    VALUES ('CEB603', ?, 1, ?, ?, ?, ?, '800', 20, '2026-03-31T00:00:00Z', ?, ?, ?, '2026-03-31T00:00:00Z')`,
  ).run(`list:${orderNo}`, orderId, orderNo, guid(2), guid(1), invtNo, entryId, JSON.stringify(facts));
}

async function seeded() {
  const { ws, dispatch } = await workspace();
  const shop = await ok<{ id: number }>(
    dispatch('shops.save', {
      platform: 'manual',
      name: '独立站',
      site: null,
      currency: 'USD',
      timeZone: 'Asia/Shanghai',
    }),
  );
  for (const [itemNo, goodsName, unit] of [
    ['MUG-01', '陶瓷马克杯', '007'],
    ['LAMP-01', '台灯', '001'],
  ] as const) {
    await ok(
      dispatch('stock.skus.save', {
        itemNo,
        goodsName,
        gmodel: '0|0|陶瓷',
        hsCode: '6912001000',
        unit,
        legalUnit: '035',
      }),
    );
  }
  for (const [date, rate] of [
    ['2026-03-05', '7.1001'],
    ['2026-03-10', '7.1000'],
    ['2026-03-20', '7.0999'],
    ['2026-03-25', '7.0950'],
  ] as const) {
    await ok(dispatch('rates.save', { currency: 'USD', date, rate, source: 'pboc' }));
  }
  const a = await order(dispatch, shop.id, 'A-1001', '2026-03-05T10:00:00+08:00', '9610', [
    ['MUG-01', 2, '12.99'],
    ['LAMP-01', 1, '30.00'],
  ]);
  const b = await order(dispatch, shop.id, 'A-1002', '2026-03-20T10:00:00+08:00', '9610', [['MUG-01', 3, '12.99']]);
  await order(dispatch, shop.id, 'A-1003', '2026-03-25T10:00:00+08:00', '9610', [['MUG-01', 1, '12.99']]);
  const d = await order(dispatch, shop.id, 'B-2001', '2026-03-10T10:00:00+08:00', '9810', [['LAMP-01', 1, '45.00']]);
  const e = await order(dispatch, shop.id, 'A-1004', '2026-04-02T10:00:00+08:00', '9610', [['MUG-01', 1, '12.99']]);
  releasedList(ws, a, 'A-1001', '53012026I000000101', '530120260000000011', [
    { itemNo: 'MUG-01', qty: '2', unit: '007', totalPrice: '25.98' },
    { itemNo: 'LAMP-01', qty: '1', unit: '001', totalPrice: '30.00' },
  ]);
  releasedList(ws, b, 'A-1002', '53012026I000000102', '530120260000000011', [
    { itemNo: 'MUG-01', qty: '3', unit: '007', totalPrice: '38.97' },
  ]);
  releasedList(ws, d, 'B-2001', '53012026I000000103', null, [
    { itemNo: 'LAMP-01', qty: '1', unit: '001', totalPrice: '45.00' },
  ]);
  releasedList(ws, e, 'A-1004', '53012026I000000104', null, [
    { itemNo: 'MUG-01', qty: '1', unit: '007', totalPrice: '12.99' },
  ]);
  return { ws, dispatch };
}

/** Independent oracle: Σ per list line of round(cents × the sale day's PBoC rate), 9610 orders of March, in SQL. */
function sqlRegisterTotal(ws: Workspace, from: string, to: string): number {
  return ws.read
    .prepare(
      `SELECT sum(CAST(round(CAST(json_extract(j.value, '$.totalPrice') AS REAL) * 100 * CAST(r.rate AS REAL)) AS INTEGER))
    FROM customs_documents d JOIN orders o ON o.id = d.order_id, json_each(d.facts, '$.lines') j
    JOIN fx_rates r ON r.currency = 'USD' AND r.source = 'pboc' AND r.date = substr(o.ordered_at, 1, 10)
    WHERE d.type = 'CEB603' AND o.customs_mode = '9610' AND substr(o.ordered_at, 1, 10) BETWEEN ? AND ?`,
    )
    .pluck()
    .get(from, to) as number;
}

async function file(dispatch: Dispatch, input: Record<string, unknown>): Promise<string> {
  const f = await ok<{ fileName: string; contentBase64: string }>(dispatch('reports.file', input));
  const out = path.join(tempDir(), f.fileName);
  fs.writeFileSync(out, Buffer.from(f.contentBase64, 'base64'));
  return out;
}

describe('reports (issue 17)', () => {
  it('the 无票免税 register: six items from the released 9610 lists, total = an independent SQL sum to the fen, orders without a list apart', async () => {
    const { ws, dispatch } = await seeded();
    const r = await ok<ReportData>(dispatch('reports.get', { name: 'tax-register', period: '2026-03' }));
    const expected = sqlRegisterTotal(ws, '2026-03-01', '2026-03-31');
    // By hand: 25.98 × 7.1001 = 184.46; 30.00 × 7.1001 = 213.00; 38.97 × 7.0999 = 276.68 → 674.14
    expect(expected).toBe(67_414);
    expect(r.summary.total).toBe(expected);
    expect(r.sections[0]!.totals).toEqual({ amount: expected });
    expect(r.company).toEqual({ name: VALID_PROFILE.name, uscc: VALID_PROFILE.uscc });
    expect(r.sections[0]!.rows).toEqual(
      [
        {
          date: '2026-03-05',
          goodsName: '陶瓷马克杯',
          unit: '个',
          qty: '2',
          unitPrice: '92.2303',
          amount: 18_446,
          orderNo: 'A-1001',
          invtNo: '53012026I000000101',
        },
        {
          date: '2026-03-05',
          goodsName: '台灯',
          unit: '台',
          qty: '1',
          unitPrice: '213.0030',
          amount: 21_300,
          orderNo: 'A-1001',
          invtNo: '53012026I000000101',
        },
        {
          date: '2026-03-20',
          goodsName: '陶瓷马克杯',
          unit: '个',
          qty: '3',
          unitPrice: '92.2267',
          amount: 27_668,
          orderNo: 'A-1002',
          invtNo: '53012026I000000102',
        },
      ].map((row) => ({ ...row, unitPrice: expect.any(String) })),
    );
    // The 9810 list is not in the register; the 9610 order without a list is printed apart, outside the totals.
    expect(r.sections[1]!.rows.map((o) => o.orderNo)).toEqual(['A-1003']);
    expect(r.sections[1]!.inTotals).toBe(false);
    expect(r.rates.map((x) => x.date)).toEqual(['2026-03-05', '2026-03-20']);
    expect(r.rates.every((x) => x.source === 'pboc')).toBe(true);
    expect(r.empty).toBe(false);
    // The print preview's document is what the PDF prints: same title and the total in its 合计 row.
    const doc = await ok<{ title: string; tables: Array<{ totals?: Record<string, unknown> }> }>(
      dispatch('reports.document', { name: 'tax-register', period: '2026-03', language: 'en' }),
    );
    expect(doc.title).toContain('six-item register');
    expect(doc.tables[0]!.totals).toMatchObject({ amount: { kind: 'money', minor: expected, currency: 'CNY' } });
    // A quarter holds the month.
    expect(
      (await ok<ReportData>(dispatch('reports.get', { name: 'tax-register', period: '2026-Q1' }))).summary.total,
    ).toBe(expected);
  });

  it('prints the register as a PDF (title, company, USCC, period, totals, embedded font) and an XLSX equal to the JSON', async () => {
    const { ws, dispatch } = await seeded();
    const json = await ok<ReportData>(
      dispatch('reports.get', { name: 'tax-register', period: '2026-03', preparedBy: '王会计' }),
    );
    const pdf = await file(dispatch, {
      name: 'tax-register',
      period: '2026-03',
      format: 'pdf',
      language: 'zh-CN',
      preparedBy: '王会计',
    });
    if (process.env.KJ_KEEP_PDF) fs.copyFileSync(pdf, process.env.KJ_KEEP_PDF);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('无票免税');
    expect(text).toContain(VALID_PROFILE.name);
    expect(text).toContain(VALID_PROFILE.uscc);
    expect(text).toContain('2026-03');
    expect(text).toMatch(/合计\s+674\.14 CNY/);
    expect(text).toContain('王会计');
    expect(text).toMatch(/第\s*1\s*\/\s*\d+\s*页/);
    expect(text).toContain('A-1003');
    // the audit chain head of the ledger it was printed from (issue 16.6)
    const head = ws.read.prepare('SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1').pluck().get() as string;
    expect(text.replace(/\s+/g, '')).toContain(head);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/Noto\S*\s.*\byes\s+yes\b/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(
      await file(dispatch, { name: 'tax-register', period: '2026-03', format: 'xlsx', language: 'zh-CN' }),
    );
    const sheet = book.worksheets.find((w) => w.name.startsWith('出口明细'))!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = json.sections[0]!.rows;
    rows.forEach((row, i) => {
      const cells = sheet.getRow(i + 2);
      expect(cells.getCell(2).value).toBe(row.goodsName);
      expect(cells.getCell(6).value).toBe(Number(row.amount) / 100);
      expect(typeof cells.getCell(6).value).toBe('number');
    });
    const totals = sheet.getRow(rows.length + 2).getCell(6).value as { formula: string; result: number };
    expect(totals.formula).toBe(`SUM(F2:F${rows.length + 1})`);
    expect(totals.result).toBe(Number(json.summary.total) / 100);
  });

  it('gives a valid report that says so for an empty period, and refuses a month with a missing PBoC rate, naming the date', async () => {
    const { dispatch } = await seeded();
    const empty = await ok<ReportData>(dispatch('reports.get', { name: 'tax-register', period: '2025-01' }));
    expect(empty).toMatchObject({ empty: true, summary: { total: 0, lines: 0 } });
    const text = execFileSync(
      'pdftotext',
      [
        '-layout',
        await file(dispatch, { name: 'tax-register', period: '2025-01', format: 'pdf', language: 'en' }),
        '-',
      ],
      { encoding: 'utf8' },
    );
    expect(text).toContain('Nothing to report for this period.');
    expect(text).toContain('Page 1 of 1');
    // April's order has a list but no PBoC rate for 2 April: refused, never another day's or source's rate.
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-04-02', rate: '7.20', source: 'bank' }));
    expect(await dispatch('reports.get', { name: 'tax-register', period: '2026-04' })).toMatchObject({
      ok: false,
      error: { code: 'reports.rate.missing', params: { currency: 'USD', date: '2026-04-02', source: 'pboc' } },
    });
    expect(await dispatch('reports.get', { name: 'tax-register', period: '2026-13' })).toMatchObject({
      ok: false,
      error: { code: 'reports.period.invalid' },
    });
  });

  it('sums the export summary by declaration in CNY', async () => {
    const { dispatch } = await seeded();
    const r = await ok<ReportData>(dispatch('reports.get', { name: 'export-summary', period: '2026-03' }));
    expect(r.sections[0]!.rows).toEqual([
      {
        entryId: '530120260000000011',
        mode: '9610',
        country: 'US',
        currency: 'USD',
        lists: 2,
        original: 9_495,
        fobCny: 67_414,
      },
      { entryId: null, mode: '9810', country: 'US', currency: 'USD', lists: 1, original: 4_500, fobCny: 31_950 },
    ]);
    expect(r.summary.total).toBe(67_414 + 31_950);
  });

  it('works the deemed income-tax sheet for Q2 by hand: year-to-date revenue, 4 %, the relief and the Q1 prepayment deducted', async () => {
    const { dispatch } = await workspace();
    const shop = await ok<{ id: number }>(
      dispatch('shops.save', { platform: 'manual', name: 'S', site: null, currency: 'USD', timeZone: 'UTC' }),
    );
    await order(dispatch, shop.id, 'F-1', '2026-02-10T10:00:00Z', '9610', [['X', 1, '10000.00']]);
    await order(dispatch, shop.id, 'M-1', '2026-05-10T10:00:00Z', '9610', [['X', 1, '20000.00']]);
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-02-28', rate: '7.00', source: 'pboc' }));
    await ok(dispatch('rates.save', { currency: 'USD', date: '2026-05-31', rate: '7.20', source: 'pboc' }));
    const input = { name: 'deemed-income-tax', staff: 10, totalAssets: 100_000_000 };
    // Q1: 10,000 × 7.00 = 70,000.00; × 4 % = 2,800.00; relief band 5 % → 140.00 due, nothing prepaid.
    const q1 = await ok<ReportData>(dispatch('reports.get', { ...input, period: '2026-Q1' }));
    expect(q1.summary).toMatchObject({
      revenue: 7_000_000,
      taxableIncome: 280_000,
      statutoryTax: 70_000,
      taxDue: 14_000,
      prepaid: 0,
      payable: 14_000,
      qualifies: true,
    });
    // Q2: 70,000.00 + 20,000 × 7.20 = 214,000.00; × 4 % = 8,560.00; 5 % = 428.00; less Q1's 140.00 → 288.00.
    const q2 = await ok<ReportData>(dispatch('reports.get', { ...input, period: '2026-Q2' }));
    expect(q2.summary).toMatchObject({
      revenue: 21_400_000,
      taxableIncome: 856_000,
      statutoryTax: 214_000,
      reliefAmount: 171_200,
      taxDue: 42_800,
      prepaid: 14_000,
      payable: 28_800,
    });
    expect(q2.rates.map((r) => r.date)).toEqual(['2026-02-28', '2026-05-31']);
    // Without staff and assets the relief's conditions are not shown as met.
    const unknown = await ok<ReportData>(dispatch('reports.get', { name: 'deemed-income-tax', period: '2026-Q2' }));
    expect(unknown.summary).toMatchObject({ qualifies: false, taxDue: 214_000, reliefConditions: 'staff,totalAssets' });
    const text = execFileSync(
      'pdftotext',
      ['-layout', await file(dispatch, { ...input, period: '2026-Q2', format: 'pdf', language: 'zh-CN' }), '-'],
      { encoding: 'utf8' },
    );
    expect(text).toMatch(/本期应补（退）税额\s+288\.00 CNY/);
    expect(text).toContain('公告2023年第12号');
  });
});
