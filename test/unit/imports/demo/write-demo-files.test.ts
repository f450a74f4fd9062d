import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, beforeAll, vi } from 'vitest';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { parseDecimal, type Currency } from '../../../../src-main/core/money/index.ts';
import {
  DEMO_EXPECTED_FILE,
  DEMO_FILE_NAMES,
  writeAmazonAllOrders,
  writeDemoFiles,
  type DemoExpected,
  type DemoFileExpectation,
  type DemoFilesResult,
} from '../../../../src-main/imports/demo/write-demo-files.ts';

// Header lists copied from ../shared/docs/domain.md §9, on purpose not imported from the generator.
const DOMAIN_AMAZON_ORDERS =
  'amazon-order-id, merchant-order-id, purchase-date, last-updated-date, order-status, fulfillment-channel, sales-channel, order-channel, url, ship-service-level, product-name, sku, asin, item-status, quantity, currency, item-price, item-tax, shipping-price, shipping-tax, gift-wrap-price, gift-wrap-tax, item-promotion-discount, ship-promotion-discount, ship-city, ship-state, ship-postal-code, ship-country, promotion-ids, is-business-order, purchase-order-number, price-designation';
const DOMAIN_SETTLEMENT =
  'settlement-id, settlement-start-date, settlement-end-date, deposit-date, total-amount, currency, transaction-type, order-id, merchant-order-id, adjustment-id, shipment-id, marketplace-name, amount-type, amount-description, amount, fulfillment-id, posted-date, posted-date-time, order-item-code, merchant-order-item-id, merchant-adjustment-item-id, sku, quantity-purchased, promotion-id';
const DOMAIN_SHOPIFY =
  'Name, Email, Financial Status, Paid at, Fulfillment Status, Fulfilled at, Accepts Marketing, Currency, Subtotal, Shipping, Taxes, Total, Discount Code, Discount Amount, Shipping Method, Created at, Lineitem quantity, Lineitem name, Lineitem price, Lineitem compare at price, Lineitem sku, Lineitem requires shipping, Lineitem taxable, Lineitem fulfillment status, Billing Name, Billing Street, Billing Address1, Billing Address2, Billing Company, Billing City, Billing Zip, Billing Province, Billing Country, Billing Phone, Shipping Name, Shipping Street, Shipping Address1, Shipping Address2, Shipping Company, Shipping City, Shipping Zip, Shipping Province, Shipping Country, Shipping Phone, Notes, Note Attributes, Cancelled at, Payment Method, Payment Reference, Refunded Amount, Vendor, Outstanding Balance, Employee, Location, Device ID, Id, Tags, Risk Level, Source, Lineitem discount, Tax 1 Name, Tax 1 Value, Tax 2 Name, Tax 2 Value, Tax 3 Name, Tax 3 Value, Tax 4 Name, Tax 4 Value, Tax 5 Name, Tax 5 Value, Phone, Receipt Number, Duties, Billing Province Name, Shipping Province Name, Payment ID, Payment Terms Name, Next Payment Due At, Payment References';
const DOMAIN_SHOPEE =
  'Order ID, Order Status, Order Creation Date, Ship Time, Order Complete Time, Tracking Number*, Product Name, Variation Name, SKU Reference No., Parent SKU Reference No., Deal Price, Quantity, Total Amount, Commission Fee, Service Fee, Transaction Fee, Estimated Shipping Fee, Shipping Rebate Estimate, Return / Refund Status, Request Approved, Returned quantity';
const DOMAIN_TIKTOK =
  'Order ID, Order Status, Created Time, Shipped Time, Seller SKU, Product Name, Variation, Quantity, SKU Subtotal After Discount, SKU Platform Discount, Tracking ID, Cancelation/Return Type';
const ERP = ['订单号', '订单状态', '下单时间', '店铺', 'SKU', '商品名称', '数量', '单价', '币种', '运费', '买家国家'];
const list = (s: string) => s.split(', ');

const tmp = (p: string) => fs.mkdtempSync(path.join(os.tmpdir(), p));
const hashes = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(dir, f)))
          .digest('hex'),
      ]),
  );

type Row = Record<string, string>;
const tsv = (file: string) => {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  expect(lines.pop()).toBe('');
  const [head, ...rows] = lines.map((l) => l.split('\t'));
  return {
    header: head!,
    rows: rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])) as Row),
    raw: rows,
  };
};
const csv = (text: string) => {
  const r = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return { header: r.meta.fields!, rows: r.data };
};
const dec = (text: string, c: Currency) => (text === '' ? 0 : parseDecimal(text, c).amount);
const groupBy = (rows: Row[], key: string) => {
  const m = new Map<string, Row[]>();
  for (const r of rows) m.set(r[key]!, [...(m.get(r[key]!) ?? []), r]);
  return m;
};
type Sales = Record<string, { orders: number; units: number; gross: number; refunded: number }>;
const addSale = (s: Sales, c: string, units: number, gross: number, refunded = 0) => {
  const x = (s[c] ??= { orders: 0, units: 0, gross: 0, refunded: 0 });
  x.orders += 1;
  x.units += units;
  x.gross += gross;
  x.refunded += refunded;
};

let dir: string;
let result: DemoFilesResult;
let expected: DemoExpected;
const exp = (f: string) => expected.files[f] as DemoFileExpectation;

beforeAll(async () => {
  dir = tmp('kuajing-demo-');
  result = await writeDemoFiles({ seed: 42, orders: 100, outDir: dir });
  expected = JSON.parse(fs.readFileSync(path.join(dir, DEMO_EXPECTED_FILE), 'utf8')) as DemoExpected;
});

describe('writeDemoFiles', () => {
  it('writes one file per format plus expected.json, and returns what it wrote', () => {
    expect(fs.readdirSync(dir).sort()).toEqual([...DEMO_FILE_NAMES, DEMO_EXPECTED_FILE].sort());
    expect(result.seed).toBe(42);
    expect(result.files.map((f) => f.file)).toEqual([...DEMO_FILE_NAMES]);
    expect(expected).toEqual(JSON.parse(JSON.stringify(result.expected)));
    for (const f of result.files)
      expect(f).toEqual({ file: f.file, orders: exp(f.file).orders, lines: exp(f.file).lines });
  });

  it('writes byte-identical files for the same seed, whatever the clock says, and different files for another seed', async () => {
    const again = tmp('kuajing-demo-again-');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-07-09T13:14:15Z'));
      await writeDemoFiles({ seed: 42, orders: 100, outDir: again });
    } finally {
      vi.useRealTimers();
    }
    expect(hashes(again)).toEqual(hashes(dir));
    const other = tmp('kuajing-demo-other-');
    await writeDemoFiles({ seed: 43, orders: 100, outDir: other });
    const a = hashes(dir);
    const b = hashes(other);
    for (const f of [...DEMO_FILE_NAMES, DEMO_EXPECTED_FILE]) expect(b[f], f).not.toBe(a[f]);
  });

  it('the Amazon TSVs have exactly the domain.md header columns on every row, with ISO times with offset', () => {
    for (const f of ['amazon-all-orders-us.tsv', 'amazon-all-orders-jp.tsv']) {
      const { header, raw, rows } = tsv(path.join(dir, f));
      expect(header).toEqual(list(DOMAIN_AMAZON_ORDERS));
      expect(header).toHaveLength(32);
      for (const r of raw) expect(r).toHaveLength(32);
      for (const r of rows) expect(r['purchase-date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    }
    const s = tsv(path.join(dir, 'amazon-settlement-v2.tsv'));
    expect(s.header).toEqual(list(DOMAIN_SETTLEMENT));
    for (const r of s.raw) expect(r).toHaveLength(24);
  });

  it('Amazon US is in USD with cents, Amazon JP in whole yen', () => {
    const us = tsv(path.join(dir, 'amazon-all-orders-us.tsv')).rows;
    const jp = tsv(path.join(dir, 'amazon-all-orders-jp.tsv')).rows;
    expect(new Set(us.map((r) => r.currency))).toEqual(new Set(['USD']));
    expect(new Set(jp.map((r) => r.currency))).toEqual(new Set(['JPY']));
    for (const r of us) if (r['item-price']) expect(r['item-price']).toMatch(/^\d+\.\d\d$/);
    for (const r of jp)
      for (const k of ['item-price', 'item-tax', 'shipping-price']) if (r[k]) expect(r[k]).toMatch(/^\d+$/);
    expect(jp.some((r) => r['item-price'] !== '')).toBe(true);
  });

  it('the Amazon order files import to the totals in expected.json', () => {
    for (const f of ['amazon-all-orders-us.tsv', 'amazon-all-orders-jp.tsv']) {
      const { rows } = tsv(path.join(dir, f));
      const byOrder = groupBy(rows, 'amazon-order-id');
      const sales: Sales = {};
      const excluded = { cancelled: 0, pending: 0, otherChannel: 0, unpaid: 0, unknownStatus: 0, amountsUnknown: 0 };
      for (const items of byOrder.values()) {
        const o = items[0]!;
        const c = o.currency as Currency;
        if (o['sales-channel'] === 'Non-Amazon') {
          excluded.otherChannel += 1;
          continue;
        }
        if (o['order-status'] === 'Cancelled') {
          excluded.cancelled += 1;
          continue;
        }
        if (o['order-status'] === 'Pending') {
          excluded.pending += 1;
          continue;
        }
        let gross = 0;
        let units = 0;
        for (const i of items) {
          if (i['item-status'] === 'Cancelled') continue;
          gross +=
            dec(i['item-price']!, c) +
            dec(i['shipping-price']!, c) +
            dec(i['gift-wrap-price']!, c) +
            dec(i['item-promotion-discount']!, c) +
            dec(i['ship-promotion-discount']!, c);
          units += Number(i.quantity);
        }
        addSale(sales, c, units, gross);
      }
      const e = exp(f);
      expect({ orders: byOrder.size, lines: rows.length, rows: rows.length, excluded, sales }).toEqual({
        orders: e.orders,
        lines: e.lines,
        rows: e.rows,
        excluded: e.excluded,
        sales: e.sales,
      });
      expect(byOrder.size).toBe(100);
    }
  });

  it('the settlement file: the first data row holds the totals and Σ amount equals total-amount exactly', () => {
    const { rows } = tsv(path.join(dir, 'amazon-settlement-v2.tsv'));
    const [totals, ...amounts] = rows;
    expect(totals!['total-amount']).not.toBe('');
    expect(totals!['deposit-date']).not.toBe('');
    expect(totals!['transaction-type']).toBe('');
    const sum = amounts.reduce((s, r) => s + dec(r.amount!, 'USD'), 0);
    expect(sum).toBe(dec(totals!['total-amount']!, 'USD'));
    expect(sum).toBe(exp('amazon-settlement-v2.tsv').settlement!.totalAmount);
    const keys = new Set(amounts.map((r) => `${r['transaction-type']}/${r['amount-type']}/${r['amount-description']}`));
    for (const k of [
      'Order/ItemPrice/Principal',
      'Order/ItemFees/Commission',
      'Order/ItemFees/FBAPerUnitFulfillmentFee',
      'Refund/ItemPrice/Principal',
      'other-transaction/other-transaction/Storage Fee',
    ])
      expect(keys).toContain(k);
    for (const r of amounts)
      if (r['amount-description'] === 'Commission' && r['transaction-type'] === 'Order')
        expect(dec(r.amount!, 'USD')).toBeLessThan(0);
    const fees = { commission: 0, fulfilment: 0, shipping: 0, advertising: 0, other: 0 };
    for (const r of amounts) {
      if (!['Order', 'Refund'].includes(r['transaction-type']!) || r['amount-type'] !== 'ItemFees') continue;
      const d = r['amount-description']!;
      fees[d === 'Commission' ? 'commission' : d.startsWith('FBA') ? 'fulfilment' : 'other'] -= dec(r.amount!, 'USD');
    }
    expect(fees).toEqual(exp('amazon-settlement-v2.tsv').settlement!.fees);
    expect(fees.commission).toBeGreaterThan(0);
    expect(fees.fulfilment).toBeGreaterThan(0);
    // every settled order is a shipped sale of the US orders file
    const us = new Set(
      tsv(path.join(dir, 'amazon-all-orders-us.tsv'))
        .rows.filter((r) => r['order-status'] === 'Shipped' && r['sales-channel'] !== 'Non-Amazon')
        .map((r) => r['amazon-order-id']),
    );
    for (const r of amounts) if (r['order-id']) expect(us.has(r['order-id'])).toBe(true);
    expect(new Set(amounts.filter((r) => r['order-id']).map((r) => r['order-id'])).size).toBe(
      exp('amazon-settlement-v2.tsv').orders,
    );
  });

  it('the Shopify CSV: UTF-8 without BOM, continuation rows repeat only Name and line columns, totals match', () => {
    const bytes = fs.readFileSync(path.join(dir, 'shopify-orders.csv'));
    expect(bytes[0]).not.toBe(0xef);
    const { header, rows } = csv(bytes.toString('utf8'));
    expect(header).toEqual(list(DOMAIN_SHOPIFY));
    const byOrder = groupBy(rows, 'Name');
    expect(byOrder.size).toBe(100);
    const sales: Sales = {};
    const excluded = { cancelled: 0, pending: 0, otherChannel: 0, unpaid: 0, unknownStatus: 0, amountsUnknown: 0 };
    let continuation = 0;
    for (const items of byOrder.values()) {
      const o = items[0]!;
      const c = o.Currency as Currency;
      expect(o['Created at']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}$/);
      for (const more of items.slice(1)) {
        continuation += 1;
        for (const k of [
          'Email',
          'Financial Status',
          'Currency',
          'Subtotal',
          'Shipping',
          'Taxes',
          'Total',
          'Created at',
          'Billing Name',
          'Id',
        ])
          expect(more[k]).toBe('');
        expect(more['Lineitem sku']).not.toBe('');
      }
      expect(dec(o.Total!, c)).toBe(dec(o.Subtotal!, c) + dec(o.Shipping!, c) + dec(o.Taxes!, c));
      const goods = items.reduce((s, i) => s + Number(i['Lineitem quantity']) * dec(i['Lineitem price']!, c), 0);
      expect(dec(o.Subtotal!, c)).toBe(goods - dec(o['Discount Amount']!, c));
      const status = o['Financial Status'];
      if (status === 'voided') {
        excluded.cancelled += 1;
        continue;
      }
      // pending and authorized payments count: Shopify counts every order that is not voided
      addSale(
        sales,
        c,
        items.reduce((s, i) => s + Number(i['Lineitem quantity']), 0),
        dec(o.Subtotal!, c) + dec(o.Shipping!, c),
        dec(o['Refunded Amount']!, c),
      );
    }
    expect(continuation).toBeGreaterThan(0);
    const e = exp('shopify-orders.csv');
    expect({ orders: byOrder.size, lines: rows.length, excluded, sales }).toEqual({
      orders: e.orders,
      lines: e.lines,
      excluded: e.excluded,
      sales: e.sales,
    });
  });

  it('the TikTok CSV: UTF-8 with BOM and CRLF, 18-digit order ids, totals match', () => {
    const bytes = fs.readFileSync(path.join(dir, 'tiktok-orders.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\n')[0]!.endsWith('\r')).toBe(true);
    const { header, rows } = csv(text);
    expect(header).toEqual(list(DOMAIN_TIKTOK));
    for (const r of rows) {
      expect(r['Order ID']).toMatch(/^\d{18}$/);
      expect(r['Created Time']).toMatch(/^\d\d\/\d\d\/\d{4} \d{1,2}:\d\d:\d\d [AP]M$/);
    }
    // the raw text keeps all 18 digits (no exponent, no rounding)
    expect(text).toContain(rows[0]!['Order ID']);
    const byOrder = groupBy(rows, 'Order ID');
    expect(byOrder.size).toBe(100);
    const sales: Sales = {};
    for (const items of byOrder.values()) {
      if (['Cancelled', 'Unpaid'].includes(items[0]!['Order Status']!)) continue;
      addSale(
        sales,
        'USD',
        items.reduce((s, i) => s + Number(i.Quantity), 0),
        items.reduce(
          (s, i) => s + dec(i['SKU Subtotal After Discount']!, 'USD') + dec(i['SKU Platform Discount']!, 'USD'),
          0,
        ),
      );
    }
    expect(sales).toEqual(exp('tiktok-orders.csv').sales);
  });

  it('the ERP CSV is GB18030 with CRLF, decodes to the Chinese headers and names, and its totals match (运费 once per order)', () => {
    const bytes = fs.readFileSync(path.join(dir, 'erp-orders-gbk.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(bytes[0]).not.toBe(0xef);
    const text = new TextDecoder('gb18030').decode(bytes);
    expect(text.startsWith(ERP.join(',') + '\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const word of ['美国', '已取消', '未付款', 'Amazon美国站']) expect(text).toContain(word);
    const { header, rows } = csv(text);
    expect(header).toEqual(ERP);
    for (const r of rows) expect(r['下单时间']).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2} \d\d:\d\d$/);
    const byOrder = groupBy(rows, '订单号');
    expect(byOrder.size).toBe(100);
    const sales: Sales = {};
    for (const items of byOrder.values()) {
      const o = items[0]!;
      const c = o['币种'] as Currency;
      for (const i of items) expect(i['运费']).toBe(o['运费']);
      if (['已取消', '未付款'].includes(o['订单状态']!)) continue;
      addSale(
        sales,
        c,
        items.reduce((s, i) => s + Number(i['数量']), 0),
        items.reduce((s, i) => s + Number(i['数量']) * dec(i['单价']!, c), 0) + dec(o['运费']!, c),
      );
    }
    expect(sales).toEqual(exp('erp-orders-gbk.csv').sales);
    expect(Object.keys(sales).length).toBeGreaterThan(1);
  });

  it('the Shopee XLSX has the domain.md headers and its totals match', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'shopee-orders.xlsx'));
    const ws = wb.getWorksheet('orders')!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(list(DOMAIN_SHOPEE));
    const rows: Row[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const v = values(r);
      rows.push(
        Object.fromEntries(
          list(DOMAIN_SHOPEE).map((h, i) => [
            h,
            v[i] instanceof Date ? (v[i] as Date).toISOString() : String(v[i] ?? ''),
          ]),
        ),
      );
    }
    const byOrder = groupBy(rows, 'Order ID');
    expect(byOrder.size).toBe(100);
    const sales: Sales = {};
    for (const items of byOrder.values()) {
      const goods = items.reduce((s, i) => s + Number(i.Quantity) * dec(i['Deal Price']!, 'MYR'), 0);
      for (const i of items) expect(dec(i['Total Amount']!, 'MYR')).toBe(goods);
      if (['Cancelled', 'Unpaid'].includes(items[0]!['Order Status']!)) continue;
      addSale(
        sales,
        'MYR',
        items.reduce((s, i) => s + Number(i.Quantity), 0),
        goods,
      );
    }
    expect(sales).toEqual(exp('shopee-orders.xlsx').sales);
    expect(rows.length).toBe(exp('shopee-orders.xlsx').rows);
  });

  it('each order file has one formula-like product name, on the row expected.json names', () => {
    const name = expected.injectionName;
    expect(name).toMatch(/^=HYPERLINK\("http:\/\/example\.com","x"\)$/);
    const rowsOf: Record<string, () => Row[]> = {
      'amazon-all-orders-us.tsv': () => tsv(path.join(dir, 'amazon-all-orders-us.tsv')).rows,
      'amazon-all-orders-jp.tsv': () => tsv(path.join(dir, 'amazon-all-orders-jp.tsv')).rows,
      'shopify-orders.csv': () => csv(fs.readFileSync(path.join(dir, 'shopify-orders.csv'), 'utf8')).rows,
      'tiktok-orders.csv': () =>
        csv(fs.readFileSync(path.join(dir, 'tiktok-orders.csv')).subarray(3).toString('utf8')).rows,
      'erp-orders-gbk.csv': () =>
        csv(new TextDecoder('gb18030').decode(fs.readFileSync(path.join(dir, 'erp-orders-gbk.csv')))).rows,
    };
    const nameCol: Record<string, string> = {
      'amazon-all-orders-us.tsv': 'product-name',
      'amazon-all-orders-jp.tsv': 'product-name',
      'shopify-orders.csv': 'Lineitem name',
      'tiktok-orders.csv': 'Product Name',
      'erp-orders-gbk.csv': '商品名称',
    };
    for (const [f, read] of Object.entries(rowsOf)) {
      const rows = read();
      const at = rows.flatMap((r, i) => (r[nameCol[f]!] === name ? [i + 2] : []));
      expect(at, f).toEqual(exp(f).injectionRows);
      expect(at, f).toHaveLength(1);
    }
    expect(exp('shopee-orders.xlsx').injectionRows).toHaveLength(1);
  });
});

describe('writeAmazonAllOrders', () => {
  it('streams a large file and returns its expected totals', async () => {
    const out = path.join(tmp('kuajing-amz-'), 'all-orders.tsv');
    const e = await writeAmazonAllOrders({ seed: 7, orders: 5000, outFile: out, currency: 'JPY' });
    const { header, rows } = tsv(out);
    expect(header).toEqual(list(DOMAIN_AMAZON_ORDERS));
    expect(e.file).toBe('all-orders.tsv');
    expect(e.seed).toBe(7);
    expect(e.rows).toBe(rows.length);
    expect(new Set(rows.map((r) => r['amazon-order-id'])).size).toBe(5000);
    expect(e.orders).toBe(5000);
    expect(Object.keys(e.sales)).toEqual(['JPY']);
  });
});
