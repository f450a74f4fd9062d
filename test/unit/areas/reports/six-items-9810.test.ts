/**
 * Issue 17 points 1a (cross-check) and 1d:
 * - the 无票免税 register against the six items queued for the zone platform (`tax.sixItems`
 *   outbox rows, in the payload shape customs-store.ts documents): the six items' total for the
 *   period equals an independent SQL sum, the difference to the register is printed with its cause
 *   per order (missing / not in the register / amount differs), and records not yet sent are counted;
 * - the 9810 sold / unsold report per head-haul declaration line from the customs area's links:
 *   declared, sold in the period / to date, unsold, values at the declared unit value (the CEB303 W
 *   price, cost + 10 % markup) — totals equal an independent SQL sum; PDF (pdftotext) and XLSX.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../src-main/api/dispatch.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import type { ReportData } from '../../../../src-main/areas/reports/contract.ts';
import { tempDir, VALID_PROFILE } from '../../../helpers/workspace.ts';
import { declareReceiveAndSell } from '../customs/customs-fixture-data.ts';
import { customsWorkspace, headHaulWorkspace, ok } from '../customs/customs-fixtures.ts';

async function order(d: Dispatch, shopId: number, orderNo: string, at: string, qty: number, price: string) {
  return (
    await ok<{ id: number }>(d, 'orders.save', {
      shopId,
      orderNo,
      status: 'shipped',
      orderedAt: at,
      buyerCountry: 'US',
      currency: 'USD',
      customsMode: '9610',
      fulfilment: 'self',
      shipping: '0',
      discount: '0',
      lines: [{ sku: 'CUP-1', itemName: 'CUP-1', quantity: qty, unitPrice: price }],
    })
  ).id;
}

/** A released CEB603 list as the customs area stores it. */
function releasedList(ws: Workspace, orderId: number, orderNo: string, qty: string, totalPrice: string) {
  const db = ws.read;
  const commandId = db.prepare('SELECT max(id) FROM command_log').pluck().get() as number;
  const guid = (n: number) => `00000000-0000-4000-8000-${String(orderId * 10 + n).padStart(12, '0')}`;
  db.prepare(
    `INSERT INTO customs_messages (guid, type, idempotency_key, xml, command_id, created_at) VALUES (?, 'CEB603', ?, '<CEB603Message/>', ?, '2026-03-31T00:00:00Z')`,
  ).run(guid(1), `test:${orderNo}`, commandId);
  const facts = {
    type: 'CEB603',
    orderNo,
    currency: 'USD',
    lines: [{ gnum: 1, gcode: '6912001000', itemNo: 'CUP-1', qty, unit: '007', totalPrice }],
  };
  db.prepare(
    `INSERT INTO customs_documents (type, business_key, revision, order_id, order_no, guid, message_guid, status, status_rank, status_at, invt_no, entry_id, facts, created_at)
    VALUES ('CEB603', ?, 1, ?, ?, ?, ?, '800', 20, '2026-03-31T00:00:00Z', ?, NULL, ?, '2026-03-31T00:00:00Z')`,
  ).run(`list:${orderNo}`, orderId, orderNo, guid(2), guid(1), `I-${orderNo}`, JSON.stringify(facts));
}

/** A six-item record queued as customs.build queues it (kind tax.sixItems, key tax.sixItems:<orderNo>). */
function sixItems(ws: Workspace, orderNo: string, qty: string, unitPrice: string, amount: string, sent: boolean) {
  const commandId = ws.read.prepare('SELECT max(id) FROM command_log').pluck().get() as number;
  ws.read
    .prepare(
      `INSERT INTO outbox (command_id, kind, idempotency_key, payload, created_at, status) VALUES (?, 'tax.sixItems', ?, ?, '2026-03-31T00:00:00Z', ?)`,
    )
    .run(
      commandId,
      `tax.sixItems:${orderNo}`,
      JSON.stringify({
        orderNo,
        exportDate: '2026-03-31',
        currency: 'USD',
        items: [{ goodsName: '陶瓷杯', unit: '007', quantity: qty, unitPrice, amount }],
      }),
      sent ? 'sent' : 'queued',
    );
}

async function file(d: Dispatch, input: Record<string, unknown>): Promise<string> {
  const f = await ok<{ fileName: string; contentBase64: string }>(d, 'reports.file', input);
  const out = path.join(tempDir(), f.fileName);
  fs.writeFileSync(out, Buffer.from(f.contentBase64, 'base64'));
  return out;
}

describe('the register against the six items uploaded (1a)', () => {
  it('sums the six items of the period like the register, prints the difference with its cause per order', async () => {
    const { ws, d, shop } = await (async () => {
      const t = await customsWorkspace();
      const s = await ok<{ id: number }>(t.d, 'shops.save', {
        platform: 'manual',
        name: '独立站 6',
        site: null,
        currency: 'USD',
        timeZone: 'Asia/Shanghai',
      });
      return { ...t, shop: s };
    })();
    for (const date of ['2026-03-05', '2026-03-20', '2026-03-25'])
      await ok(d, 'rates.save', {
        currency: 'USD',
        date,
        rate: date === '2026-03-20' ? '7.0999' : '7.1001',
        source: 'pboc',
      });
    const a = await order(d, shop.id, 'S-1', '2026-03-05', 2, '12.99');
    const b = await order(d, shop.id, 'S-2', '2026-03-20', 3, '12.99');
    await order(d, shop.id, 'S-3', '2026-03-25', 1, '12.99');
    const e = await order(d, shop.id, 'S-4', '2026-03-25', 1, '20.00');
    releasedList(ws, a, 'S-1', '2', '25.98');
    releasedList(ws, b, 'S-2', '3', '36.00'); // the list was revised after its six items were queued
    releasedList(ws, e, 'S-4', '1', '20.00');
    sixItems(ws, 'S-1', '2', '12.99', '25.98', true); // agrees
    sixItems(ws, 'S-2', '3', '12.99', '38.97', true); // amount differs
    sixItems(ws, 'S-3', '1', '12.99', '12.99', false); // no released list: not in the register, not sent yet
    // S-4 is in the register with no six items queued

    const r = await ok<ReportData>(d, 'reports.get', { name: 'tax-register', period: '2026-03' });
    // independent oracle: Σ over the queued six items of round(amount × 100 × the sale day's PBoC rate)
    const sixSql = ws.read
      .prepare(
        `SELECT sum(CAST(round(CAST(json_extract(i.value, '$.amount') AS REAL) * 100 * CAST(r.rate AS REAL)) AS INTEGER))
      FROM outbox x, json_each(x.payload, '$.items') i JOIN orders o ON o.order_no = json_extract(x.payload, '$.orderNo')
      JOIN fx_rates r ON r.currency = 'USD' AND r.source = 'pboc' AND r.date = substr(o.ordered_at, 1, 10)
      WHERE x.kind = 'tax.sixItems' AND substr(o.ordered_at, 1, 10) BETWEEN '2026-03-01' AND '2026-03-31'`,
      )
      .pluck()
      .get() as number;
    // by hand: 25.98 × 7.1001 = 184.46; 38.97 × 7.0999 = 276.68; 12.99 × 7.1001 = 92.23 → 553.37
    expect(sixSql).toBe(55_337);
    // register: 184.46 + 36.00 × 7.0999 = 255.60 + 20.00 × 7.1001 = 142.00 → 582.06
    expect(r.summary).toMatchObject({
      total: 58_206,
      sixItemsTotal: sixSql,
      sixItemsOrders: 3,
      sixItemsNotSent: 1,
      sixItemsDifference: 58_206 - sixSql,
    });
    const section = r.sections.find((s) => s.key === 'sixItems')!;
    expect(section.inTotals).toBe(false);
    expect(section.rows).toEqual([
      { orderNo: 'S-2', cause: 'amountDiffers', registerAmount: 25_560, sixItemsAmount: 27_668, difference: -2_108 },
      { orderNo: 'S-4', cause: 'missing', registerAmount: 14_200, sixItemsAmount: 0, difference: 14_200 },
      { orderNo: 'S-3', cause: 'notInRegister', registerAmount: 0, sixItemsAmount: 9_223, difference: -9_223 },
    ]);
    // the causes explain the whole difference
    expect(section.totals!.difference).toBe(r.summary.sixItemsDifference);
    const registerPdf = await file(d, { name: 'tax-register', period: '2026-03', format: 'pdf', language: 'zh-CN' });
    if (process.env.KJ_KEEP_REGISTER_PDF) fs.copyFileSync(registerPdf, process.env.KJ_KEEP_REGISTER_PDF);
    const text = execFileSync('pdftotext', ['-layout', registerPdf, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('与上传的六项信息（tax.sixItems）核对：六项信息合计553.37元（3单，其中1单尚未上传）');
    expect(flat).toContain('差额28.69元');
    expect(flat).toContain('本表有、未生成六项信息');
  });
});

describe('9810 sold / unsold per declaration line (1d)', () => {
  async function seeded() {
    const t = await headHaulWorkspace();
    await declareReceiveAndSell(t.call, t, [
      ['2026-03-31', 'cup', 100, 'AMZ-0'],
      ['2026-04-02', 'cup', 250, 'AMZ-1'],
      ['2026-04-03', 'led', 30, 'AMZ-2'],
      ['2026-05-02', 'cup', 50, 'AMZ-3'],
    ]);
    return t;
  }

  /** Independent oracle in SQL: per shipment line, unit value = round(dispatch cost × 1.10 / units); sold = sale moves out of the destination up to `to`. */
  function oracle(ws: Workspace, from: string, to: string) {
    return ws.read
      .prepare(
        `WITH l AS (
        SELECT l.shipped, l.sku_id, s.to_warehouse_id AS wh,
          CAST(round(abs((SELECT m.value FROM stock_moves m WHERE m.id = l.dispatch_move_id)) * 1.10 / l.shipped) AS INTEGER) AS unit
        FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id WHERE s.ship_date <= @to),
      q AS (SELECT l.*,
        (SELECT coalesce(-sum(m.quantity), 0) FROM stock_moves m WHERE m.type = 'sale' AND m.sku_id = l.sku_id AND m.warehouse_id = l.wh AND m.date <= @to) AS to_date,
        (SELECT coalesce(-sum(m.quantity), 0) FROM stock_moves m WHERE m.type = 'sale' AND m.sku_id = l.sku_id AND m.warehouse_id = l.wh AND m.date BETWEEN @from AND @to) AS in_period
        FROM l)
      SELECT sum(shipped) AS declared, sum(shipped * unit) AS declaredValue, sum(in_period) AS soldInPeriod,
        sum(in_period * unit) AS soldInPeriodValue, sum(to_date) AS soldToDate, sum(to_date * unit) AS soldToDateValue,
        sum(shipped - to_date) AS unsold, sum((shipped - to_date) * unit) AS unsoldValue FROM q`,
      )
      .get({ from, to }) as Record<string, number>;
  }

  it('per line: declared, sold in the period and to date, unsold, values at the declared unit value; totals = SQL', async () => {
    const { ws, d } = await seeded();
    const r = await ok<ReportData>(d, 'reports.get', { name: '9810-sold-unsold', period: '2026-04' });
    const expected = oracle(ws, '2026-04-01', '2026-04-30');
    // by hand: CUP 600 × 4.95 = 2,970.00, sold 250 in April, 350 to date, 250 unsold = 1,237.50;
    //          LED 100 × 22.00 = 2,200.00, sold 30, 70 unsold = 1,540.00
    expect(expected).toEqual({
      declared: 700,
      declaredValue: 517_000,
      soldInPeriod: 280,
      soldInPeriodValue: 250 * 495 + 30 * 2200,
      soldToDate: 380,
      soldToDateValue: 350 * 495 + 30 * 2200,
      unsold: 320,
      unsoldValue: 250 * 495 + 70 * 2200,
    });
    expect(r.sections[0]!.totals).toEqual(expected);
    expect(r.summary).toMatchObject({ ...expected, lines: 2, undeclaredSales: 0 });
    expect(r.sections[0]!.rows.map((x) => [x.shipment, x.gnum, x.sku, x.unitValue, x.unsold, x.reconcileBy])).toEqual([
      ['BN20260001', 1, 'CUP-1', 495, 250, '2027-04-30'],
      ['BN20260001', 2, 'LED-1', 2200, 70, '2027-04-30'],
    ]);
    // March: the line was declared, 100 sold; a period before the shipment: nothing, said so
    expect(
      (await ok<ReportData>(d, 'reports.get', { name: '9810-sold-unsold', period: '2026-03' })).summary,
    ).toMatchObject(oracle(ws, '2026-03-01', '2026-03-31'));
    const empty = await ok<ReportData>(d, 'reports.get', { name: '9810-sold-unsold', period: '2026-02' });
    expect(empty.empty).toBe(true);

    const pdf = await file(d, { name: '9810-sold-unsold', period: '2026-04', format: 'pdf', language: 'zh-CN' });
    if (process.env.KJ_KEEP_PDF) fs.copyFileSync(pdf, process.env.KJ_KEEP_PDF);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('已售/未售');
    expect(text).toContain(VALID_PROFILE.name);
    expect(text).toContain('2026-04');
    expect(text).toContain('HWC-YT');
    // the 合计 row: declared 5,170.00, sold in April 1,897.50, to date 2,392.50, unsold 2,777.50
    expect(text).toMatch(
      /合计\s+700\s+5,170\.00 CNY\s+280\s+1,897\.50 CNY\s+380\s+2,392\.50 CNY\s+320\s+2,777\.50 CNY/,
    );

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(
      await file(d, { name: '9810-sold-unsold', period: '2026-04', format: 'xlsx', language: 'en' }),
    );
    const sheet = book.worksheets.find((w) => w.name.startsWith('Declared lines'))!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (label: string) => header.indexOf(label) + 1;
    const unsold = col('Unsold value (CNY)');
    expect(unsold).toBeGreaterThan(0);
    expect([2, 3].map((n) => sheet.getRow(n).getCell(unsold).value)).toEqual([1237.5, 1540]);
  });
});
