/**
 * Writes the seeded demo files — one per format sellers import — and `expected.json`, the
 * totals each file should import to, computed from the generated model (never by reading the
 * files back). Same seed → byte-identical files. Encodings: Amazon TSVs and Shopify CSV UTF-8
 * without BOM, LF; TikTok CSV UTF-8 with BOM, CRLF; the ERP CSV GB18030 with CRLF; Shopee XLSX.
 * Text is written in chunks as orders are generated, so 100k-order Amazon files take seconds.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { Currency } from '../../core/money/index.ts';
import type { FeeType, ImportSource, Platform } from '../../core/orders/order.ts';
import { INJECTION_NAME } from './demo-catalog.ts';
import {
  DEMO_DEFAULT_END,
  DEMO_DEFAULT_START,
  createDemoTally,
  generateDemoOrders,
  iterateDemoOrders,
  type DemoOrder,
  type DemoOrderOptions,
  type DemoPlatform,
  type DemoTally,
} from './demo-orders.ts';
import {
  AMAZON_ALL_ORDERS_HEADERS,
  AMAZON_SETTLEMENT_HEADERS,
  ERP_HEADERS,
  SHOPEE_HEADERS,
  SHOPEE_AMOUNT_HEADERS,
  SHOPIFY_HEADERS,
  TIKTOK_HEADERS,
  amazonAllOrdersRows,
  amazonSettlementRows,
  erpRows,
  shopeeRows,
  shopifyRows,
  tiktokRows,
} from './demo-rows.ts';
import { buildDemoSettlement, type DemoSettlement } from './demo-settlement.ts';
import { csvRow, tsvRow } from './delimited-rows.ts';
import { encodeGb18030 } from './encode-gb18030.ts';
import { deriveSeed } from '../../core/random/seeded-random.ts';
import { setZipTimes } from './set-zip-times.ts';
import { settlementTime } from './zoned-time.ts';

export const DEMO_FILE_NAMES = [
  'amazon-all-orders-us.tsv',
  'amazon-all-orders-jp.tsv',
  'amazon-settlement-v2.tsv',
  'shopify-orders.csv',
  'shopee-orders.xlsx',
  'tiktok-orders.csv',
  'erp-orders-gbk.csv',
] as const;
export type DemoFileName = (typeof DEMO_FILE_NAMES)[number];
export const DEMO_EXPECTED_FILE = 'expected.json';

export type DemoEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'xlsx';

export interface DemoSettlementExpectation {
  readonly settlementId: string;
  readonly currency: Currency;
  /** Σ amount over all rows = total-amount of the first row, minor units. */
  readonly totalAmount: number;
  readonly depositDate: string;
  /** Σ amount per `transaction-type/amount-type/amount-description`, minor units. */
  readonly amounts: Readonly<Record<string, number>>;
  /**
   * Order and Refund fees as costs (−amount, so a fee given back on a refund lowers them):
   * ItemFees Commission → commission, FBA…Fee → fulfilment, other ItemFees → other,
   * ShipmentFees → shipping. other-transaction rows (Storage/Subscription Fee) are not order fees.
   */
  readonly fees: Readonly<Record<FeeType, number>>;
}

/**
 * What a file should import to. `orders`/`lines`/`salesOrders`/`excluded`/`sales` follow the
 * core sale rule: gross = goods − discounts + shipping + gift wrap, without taxes on top; ERP 运费
 * and Shopify order-level amounts once per order. Money in minor units.
 */
export interface DemoFileExpectation extends DemoTally {
  readonly file: string;
  /** The seed this file was generated from (derived from the run's seed), to regenerate it alone. */
  readonly seed: number;
  readonly source: ImportSource;
  readonly platform: Platform;
  readonly encoding: DemoEncoding;
  readonly delimiter: string | null;
  readonly lineEnding: '\n' | '\r\n' | null;
  readonly headers: readonly string[];
  /** Data records (header excluded; a quoted field with a line break is still one record). */
  readonly rows: number;
  /** File rows (header = row 1) whose product name is the formula-like `=HYPERLINK(…)`. */
  readonly injectionRows: readonly number[];
  readonly notes: string;
  readonly settlement?: DemoSettlementExpectation;
}

export interface DemoExpected {
  readonly generator: 'kuajing-demo/1';
  readonly seed: number;
  readonly ordersPerFile: number;
  readonly start: string;
  readonly end: string;
  readonly injectionName: string;
  readonly files: Readonly<Record<string, DemoFileExpectation>>;
}

export interface DemoFilesOptions {
  readonly seed: number;
  /** Orders per file (the settlement file holds the shipped sales of the US file). */
  readonly orders: number;
  readonly outDir: string;
  readonly start?: string;
  readonly end?: string;
}

export interface DemoFilesResult {
  readonly seed: number;
  readonly outDir: string;
  readonly files: readonly { readonly file: string; readonly orders: number; readonly lines: number }[];
  readonly expected: DemoExpected;
}

export interface AmazonAllOrdersOptions {
  readonly seed: number;
  readonly orders: number;
  readonly outFile: string;
  /** USD (Amazon.com), JPY (Amazon.co.jp), GBP, EUR or CAD. */
  readonly currency: Currency;
  readonly start?: string;
  readonly end?: string;
}

interface TextSpec {
  readonly encoding: 'utf-8' | 'utf-8-bom' | 'gb18030';
  readonly lineEnding: '\n' | '\r\n';
  readonly delimiter: '\t' | ',';
}

const CHUNK_CHARS = 1 << 20;
const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/** Appends lines to a file in ~1 MB chunks, encoding each chunk as it goes. */
function openTextSink(file: string, spec: TextSpec) {
  const fd = fs.openSync(file, 'w');
  const encode = spec.encoding === 'gb18030' ? encodeGb18030 : (s: string) => Buffer.from(s, 'utf8');
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length === 0) return;
    fs.writeSync(fd, encode(parts.join('')));
    parts = [];
    size = 0;
  };
  if (spec.encoding === 'utf-8-bom') fs.writeSync(fd, BOM);
  return {
    line(text: string) {
      parts.push(text, spec.lineEnding);
      size += text.length + 1;
      if (size >= CHUNK_CHARS) flush();
    },
    close() {
      try {
        flush();
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}

interface TextFileJob {
  readonly file: string;
  readonly seed: number;
  readonly source: ImportSource;
  readonly platform: Platform;
  readonly spec: TextSpec;
  readonly headers: readonly string[];
  readonly rowsOf: (o: DemoOrder) => string[][];
  readonly notes: string;
}

function writeOrdersText(
  outFile: string,
  job: TextFileJob,
  orders: Iterable<DemoOrder>,
  onOrder?: (o: DemoOrder) => void,
): DemoFileExpectation {
  const format = job.spec.delimiter === '\t' ? tsvRow : (f: readonly string[]) => csvRow(f, ',');
  const sink = openTextSink(outFile, job.spec);
  const tally = createDemoTally();
  const injectionRows: number[] = [];
  let row = 1;
  try {
    sink.line(format(job.headers));
    for (const o of orders) {
      tally.add(o);
      onOrder?.(o);
      const rows = job.rowsOf(o);
      for (let i = 0; i < rows.length; i++) {
        row += 1;
        if (o.lines[i]?.name === INJECTION_NAME) injectionRows.push(row);
        sink.line(format(rows[i] as string[]));
      }
    }
  } finally {
    sink.close();
  }
  return {
    file: job.file,
    seed: job.seed,
    source: job.source,
    platform: job.platform,
    encoding: job.spec.encoding,
    delimiter: job.spec.delimiter,
    lineEnding: job.spec.lineEnding,
    headers: [...job.headers],
    rows: row - 1,
    injectionRows,
    notes: job.notes,
    ...tally.result(),
  };
}

const AMAZON_NOTES =
  'One row per item. item-price is the line total; item-tax is tax on top (US) or the VAT inside the price (JP/UK/EU) and is not in gross. ' +
  'Promotion discounts are printed negative. Pending rows and about half the Cancelled orders have empty prices (Cancelled ones then quantity 0). ' +
  'Non-Amazon rows are multi-channel fulfilment of orders sold elsewhere (excluded as otherChannel). ' +
  'A Shipped order may have a Cancelled item (not counted). TSV without quoting: quotes in names are literal.';

function amazonJob(file: string, seed: number): TextFileJob {
  return {
    file,
    seed,
    source: 'amazon-orders',
    platform: 'amazon',
    spec: { encoding: 'utf-8', lineEnding: '\n', delimiter: '\t' },
    headers: AMAZON_ALL_ORDERS_HEADERS,
    rowsOf: amazonAllOrdersRows,
    notes: AMAZON_NOTES,
  };
}

function writeAmazon(
  options: AmazonAllOrdersOptions,
  file: string,
  onOrder?: (o: DemoOrder) => void,
): DemoFileExpectation {
  const orders = iterateDemoOrders({
    ...rangeOf(options),
    seed: options.seed,
    orders: options.orders,
    platform: 'amazon',
    currency: options.currency,
  });
  return writeOrdersText(options.outFile, amazonJob(file, options.seed), orders, onOrder);
}

function rangeOf(o: { readonly start?: string; readonly end?: string }): Pick<DemoOrderOptions, 'start' | 'end'> {
  return { ...(o.start === undefined ? {} : { start: o.start }), ...(o.end === undefined ? {} : { end: o.end }) };
}

/** Streams an Amazon All Orders report of `orders` orders to `outFile`; returns its expected totals. */
export async function writeAmazonAllOrders(options: AmazonAllOrdersOptions): Promise<DemoFileExpectation> {
  return writeAmazon(options, path.basename(options.outFile));
}

function settlementExpectation(file: string, seed: number, s: DemoSettlement): DemoFileExpectation {
  const amounts: Record<string, number> = {};
  const orderIds = new Set<string>();
  const soldIds = new Set<string>();
  const items = new Map<string, number>();
  let gross = 0;
  let refunded = 0;
  const fees: Record<FeeType, number> = { commission: 0, fulfilment: 0, shipping: 0, advertising: 0, other: 0 };
  for (const r of s.rows) {
    if (r.transactionType === 'Order' || r.transactionType === 'Refund') {
      const type: FeeType | null =
        r.amountType === 'ShipmentFees'
          ? 'shipping'
          : r.amountType !== 'ItemFees'
            ? null
            : r.amountDescription === 'Commission'
              ? 'commission'
              : r.amountDescription.startsWith('FBA')
                ? 'fulfilment'
                : 'other';
      if (type !== null) fees[type] -= r.amount;
    }
    const key = `${r.transactionType}/${r.amountType}/${r.amountDescription}`;
    amounts[key] = (amounts[key] ?? 0) + r.amount;
    if (r.orderId) orderIds.add(r.orderId);
    if (r.transactionType === 'Order') {
      soldIds.add(r.orderId);
      items.set(`${r.orderId}/${r.orderItemCode}`, r.quantity ?? 0);
      if (
        (r.amountType === 'ItemPrice' && ['Principal', 'Shipping', 'GiftWrap'].includes(r.amountDescription)) ||
        r.amountType === 'Promotion'
      )
        gross += r.amount;
    }
    if (r.transactionType === 'Refund' && r.amountType === 'ItemPrice' && r.amountDescription === 'Principal')
      refunded -= r.amount;
  }
  const units = [...items.values()].reduce((a, b) => a + b, 0);
  return {
    file,
    seed,
    source: 'amazon-settlement',
    platform: 'amazon',
    encoding: 'utf-8',
    delimiter: '\t',
    lineEnding: '\n',
    headers: [...AMAZON_SETTLEMENT_HEADERS],
    rows: s.rows.length + 1,
    injectionRows: [],
    notes:
      'Row 2 (the first data row) holds the totals: settlement-id, dates, total-amount, currency; Σ amount of the other rows = total-amount. ' +
      'Orders are the shipped sales of amazon-all-orders-us.tsv. lines = distinct order-item-code of Order rows; units count each item once ' +
      '(quantity-purchased is repeated on every row of the item). gross = Σ Order ItemPrice Principal/Shipping/GiftWrap + Promotion; ' +
      'refunded = −Σ Refund ItemPrice Principal. An order import that takes only fees and refunds from a settlement ' +
      '(orders without lines) should compare orders, refunded and settlement.fees, not lines/units/gross. ' +
      'No product names in this format, so no formula-like name.',
    orders: orderIds.size,
    lines: items.size,
    salesOrders: soldIds.size,
    excluded: { cancelled: 0, pending: 0, otherChannel: 0, unpaid: 0, unknownStatus: 0, amountsUnknown: 0 },
    sales: { [s.currency]: { orders: soldIds.size, units, gross, refunded } },
    settlement: {
      settlementId: s.settlementId,
      currency: s.currency,
      totalAmount: s.totalAmount,
      depositDate: settlementTime(s.depositMs),
      amounts: Object.fromEntries(Object.entries(amounts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      fees,
    },
  };
}

async function writeShopee(
  outFile: string,
  file: string,
  seed: number,
  orders: readonly DemoOrder[],
  fixedMs: number,
): Promise<DemoFileExpectation> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kuajing Ledger demo';
  wb.lastModifiedBy = 'Kuajing Ledger demo';
  wb.created = new Date(fixedMs);
  wb.modified = new Date(fixedMs);
  const ws = wb.addWorksheet('orders');
  ws.addRow([...SHOPEE_HEADERS]);
  const tally = createDemoTally();
  const injectionRows: number[] = [];
  let row = 1;
  for (const o of orders) {
    tally.add(o);
    const rows = shopeeRows(o);
    for (let i = 0; i < rows.length; i++) {
      row += 1;
      if (o.lines[i]?.name === INJECTION_NAME) injectionRows.push(row);
      ws.addRow(rows[i] as unknown[]);
    }
  }
  const col = (h: (typeof SHOPEE_HEADERS)[number]) => SHOPEE_HEADERS.indexOf(h) + 1;
  ws.getColumn(col('Ship Time')).numFmt = 'yyyy-mm-dd hh:mm';
  for (const h of ['Deal Price', ...SHOPEE_AMOUNT_HEADERS] as const) {
    ws.getColumn(col(h)).numFmt = '0.00';
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  setZipTimes(bytes, fixedMs);
  fs.writeFileSync(outFile, bytes);
  return {
    file,
    seed,
    source: 'shopee',
    platform: 'shopee',
    encoding: 'xlsx',
    delimiter: null,
    lineEnding: null,
    headers: [...SHOPEE_HEADERS],
    rows: row - 1,
    injectionRows,
    notes:
      'Sheet "orders", MYR. One row per product; order-level columns (Total Amount = Σ Deal Price × Quantity, Commission/Service/Transaction Fee, ' +
      'Estimated Shipping Fee, Shipping Rebate Estimate) repeated on every row of the order. Amounts are number cells (the double nearest the exact ' +
      'decimal); Ship Time is an Excel date cell (local wall time), the other times text "yyyy-MM-dd HH:mm" in Asia/Kuala_Lumpur. gross = Σ Deal Price × Quantity.',
    ...tally.result(),
  };
}

/** Writes every demo file and `expected.json` into `outDir` (created if missing). */
export async function writeDemoFiles(options: DemoFilesOptions): Promise<DemoFilesResult> {
  const { seed, orders: n, outDir } = options;
  const start = options.start ?? DEMO_DEFAULT_START;
  const end = options.end ?? DEMO_DEFAULT_END;
  const startMs = DateTime.fromISO(start, { setZone: true }).toMillis();
  const endMs = DateTime.fromISO(end, { setZone: true }).toMillis();
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || endMs <= startMs)
    throw new RangeError('bad demo time range');
  fs.mkdirSync(outDir, { recursive: true });
  const out = (f: DemoFileName) => path.join(outDir, f);
  const seedOf = (f: DemoFileName) => deriveSeed(seed, f);
  const models = (f: DemoFileName, platform: DemoPlatform, currency?: Currency) =>
    generateDemoOrders({
      seed: seedOf(f),
      orders: n,
      platform,
      start,
      end,
      ...(currency === undefined ? {} : { currency }),
    });
  const files: Record<string, DemoFileExpectation> = {};

  const us: DemoOrder[] = [];
  files['amazon-all-orders-us.tsv'] = writeAmazon(
    {
      seed: seedOf('amazon-all-orders-us.tsv'),
      orders: n,
      outFile: out('amazon-all-orders-us.tsv'),
      currency: 'USD',
      start,
      end,
    },
    'amazon-all-orders-us.tsv',
    (o) => us.push(o),
  );
  files['amazon-all-orders-jp.tsv'] = writeAmazon(
    {
      seed: seedOf('amazon-all-orders-jp.tsv'),
      orders: n,
      outFile: out('amazon-all-orders-jp.tsv'),
      currency: 'JPY',
      start,
      end,
    },
    'amazon-all-orders-jp.tsv',
  );

  const settlementSeed = seedOf('amazon-settlement-v2.tsv');
  const settlement = buildDemoSettlement({ seed: settlementSeed, orders: us, currency: 'USD', startMs, endMs });
  const sink = openTextSink(out('amazon-settlement-v2.tsv'), { encoding: 'utf-8', lineEnding: '\n', delimiter: '\t' });
  try {
    sink.line(tsvRow(AMAZON_SETTLEMENT_HEADERS));
    for (const r of amazonSettlementRows(settlement)) sink.line(tsvRow(r));
  } finally {
    sink.close();
  }
  files['amazon-settlement-v2.tsv'] = settlementExpectation('amazon-settlement-v2.tsv', settlementSeed, settlement);

  files['shopify-orders.csv'] = writeOrdersText(
    out('shopify-orders.csv'),
    {
      file: 'shopify-orders.csv',
      seed: seedOf('shopify-orders.csv'),
      source: 'shopify',
      platform: 'shopify',
      spec: { encoding: 'utf-8', lineEnding: '\n', delimiter: ',' },
      headers: SHOPIFY_HEADERS,
      rowsOf: shopifyRows,
      notes:
        'UTF-8 without BOM (as Shopify exports), LF. Multi-line orders repeat Name; order-level columns only on the first row. ' +
        'gross = Subtotal (goods − Discount Amount) + Shipping; Taxes are on top and excluded; Refunded Amount is reported apart (refunded). ' +
        'voided = cancelled; pending/authorized = pending. Some product names hold a line break (quoted field).',
    },
    models('shopify-orders.csv', 'shopify'),
  );

  files['shopee-orders.xlsx'] = await writeShopee(
    out('shopee-orders.xlsx'),
    'shopee-orders.xlsx',
    seedOf('shopee-orders.xlsx'),
    models('shopee-orders.xlsx', 'shopee'),
    endMs,
  );

  files['tiktok-orders.csv'] = writeOrdersText(
    out('tiktok-orders.csv'),
    {
      file: 'tiktok-orders.csv',
      seed: seedOf('tiktok-orders.csv'),
      source: 'tiktok',
      platform: 'tiktok',
      spec: { encoding: 'utf-8-bom', lineEnding: '\r\n', delimiter: ',' },
      headers: TIKTOK_HEADERS,
      rowsOf: tiktokRows,
      notes:
        'UTF-8 with BOM, CRLF, USD (no currency column). Order ID is 18 digits: read it as text. Created Time "MM/dd/yyyy h:mm:ss AM/PM" in ' +
        "America/Los_Angeles. gross = Σ (SKU Subtotal After Discount + SKU Platform Discount): After Discount is what the buyer paid after the seller's and TikTok's discounts; TikTok pays its part, so it stays in the seller's sale. " +
        'Tracking ID is 22 digits (text). Some product names hold a line break (quoted field).',
    },
    models('tiktok-orders.csv', 'tiktok'),
  );

  files['erp-orders-gbk.csv'] = writeOrdersText(
    out('erp-orders-gbk.csv'),
    {
      file: 'erp-orders-gbk.csv',
      seed: seedOf('erp-orders-gbk.csv'),
      source: 'generic',
      platform: 'erp',
      spec: { encoding: 'gb18030', lineEnding: '\r\n', delimiter: ',' },
      headers: ERP_HEADERS,
      rowsOf: erpRows,
      notes:
        'A Chinese ERP export in GB18030 (GBK range) with CRLF, no BOM. 下单时间 "yyyy/M/d HH:mm" in Asia/Shanghai. 单价 is per unit; ' +
        '运费 is order-level, repeated on every line of the order: count it once. Currencies per shop (USD, GBP, EUR, JPY, MYR). ' +
        '已取消 = cancelled, 未付款 = unpaid. gross = Σ 数量 × 单价 + 运费 once per order.',
    },
    models('erp-orders-gbk.csv', 'erp'),
  );

  const expected: DemoExpected = {
    generator: 'kuajing-demo/1',
    seed,
    ordersPerFile: n,
    start,
    end,
    injectionName: INJECTION_NAME,
    files: Object.fromEntries(DEMO_FILE_NAMES.map((f) => [f, files[f] as DemoFileExpectation])),
  };
  fs.writeFileSync(path.join(outDir, DEMO_EXPECTED_FILE), JSON.stringify(expected, null, 2) + '\n');
  return {
    seed,
    outDir,
    expected,
    files: DEMO_FILE_NAMES.map((f) => ({
      file: f,
      orders: (files[f] as DemoFileExpectation).orders,
      lines: (files[f] as DemoFileExpectation).lines,
    })),
  };
}
