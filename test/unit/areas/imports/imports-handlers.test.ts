import Papa from 'papaparse';
import { describe, it, expect, afterEach } from 'vitest';
import { openWorkspace, type Workspace } from '../../../../src-main/api/workspace.ts';
import { createHandlers } from '../../../../src-main/api/handlers.ts';
import { createDispatch } from '../../../../src-main/api/dispatch.ts';
import { createImportsHandlers, type ParseImportFn } from '../../../../src-main/areas/imports/handlers.ts';
import type {
  AppEvent,
  ImportPreview,
  ImportSummary,
  OrderDetail,
  OrdersPage,
  OrdersStats,
  SavedMapping,
  Shop,
} from '../../../../src-main/api/contract.ts';
import type { ParseImportOptions } from '../../../../src-main/imports/parse-import.ts';
import type { ColumnMapping, ParsedImport } from '../../../../src-main/core/orders/order.ts';
import { DomainError } from '../../../../src-main/core/domain-error.ts';
import { tempDir } from '../../../helpers/workspace.ts';
import { amazonOrder, line, m, parsedImport } from '../orders/order-fixtures.ts';
import { ok, errorOf } from '../../../helpers/dispatch.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

/** A workspace whose import handlers use `parse` (the real parser when omitted). */
async function setup(parse?: ParseImportFn, clock?: () => Date) {
  const ws = await openWorkspace({ dataDir: tempDir(), host: 'test', ...(clock ? { clock } : {}) });
  opened.push(ws);
  const incidents: unknown[] = [];
  const handlers = parse ? { ...createHandlers(ws), ...createImportsHandlers(ws, parse) } : createHandlers(ws);
  const dispatch = createDispatch(handlers, (i) => incidents.push(i));
  const events: AppEvent[] = [];
  ws.events.subscribe((e) => events.push(e));
  const count = (table: string) => Number(ws.read.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  return { ws, dispatch, events, incidents, count };
}

const file = (text = 'x') => ({
  fileName: 'orders.txt',
  contentBase64: Buffer.from(text).toString('base64'),
  source: 'auto',
});
const fixed =
  (parsed: ParsedImport, calls: ParseImportOptions[] = []): ParseImportFn =>
  async (_bytes, opts) => {
    calls.push(opts);
    opts.onProgress?.(parsed.rowCount, parsed.rowCount);
    return parsed;
  };

const TSV_HEADERS = [
  'amazon-order-id',
  'purchase-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'product-name',
  'sku',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'ship-country',
];
const INJECTION = '=HYPERLINK("http://example.com","x")';
function amazonTsv(): string {
  const rows = [
    [
      '111-0000001-0000001',
      '2026-03-05T14:02:00-08:00',
      'Shipped',
      'Amazon',
      'Amazon.com',
      '红色陶瓷杯',
      'CUP-RED',
      'Shipped',
      '2',
      'USD',
      '39.98',
      '3.20',
      '0.00',
      'US',
    ],
    [
      '111-0000001-0000001',
      '2026-03-05T14:02:00-08:00',
      'Shipped',
      'Amazon',
      'Amazon.com',
      'Tea pot',
      'POT-1',
      'Shipped',
      '1',
      'USD',
      '25.00',
      '2.00',
      '4.99',
      'US',
    ],
    [
      '111-0000002-0000002',
      '2026-03-06T09:00:00-08:00',
      'Cancelled',
      'Amazon',
      'Amazon.com',
      'Tea pot',
      'POT-1',
      'Cancelled',
      '1',
      'USD',
      '',
      '',
      '',
      'US',
    ],
    [
      '111-0000003-0000003',
      '2026-03-07T10:00:00-08:00',
      'Shipped',
      'Merchant',
      'Amazon.com',
      INJECTION,
      'CUP-RED',
      'Shipped',
      '1',
      'USD',
      '19.99',
      '0',
      '0',
      'US',
    ],
    [
      '111-0000004-0000004',
      '2026-03-08T10:00:00-08:00',
      'Shipped',
      'Merchant',
      'Amazon.com',
      INJECTION,
      'CUP-RED',
      'Shipped',
      '1',
      'USD',
      '19.99',
      '0',
      '0',
      'US',
      'extra',
      'cells',
    ],
  ];
  return [TSV_HEADERS, ...rows].map((r) => r.join('\t')).join('\n') + '\n';
}

describe('imports through dispatch', () => {
  it('previews without writing, confirms in one command, and reports 0 new when the same file comes again', async () => {
    const orders = [
      amazonOrder(1),
      amazonOrder(2, { lines: [line(), line({ lineKey: 'SKU-2#1', sku: 'SKU-2', lineTotal: m(500) })] }),
      amazonOrder(3, { platformStatus: 'Cancelled' }),
    ];
    const { ws, dispatch, events, count } = await setup(fixed(parsedImport(orders)));
    const preview = await ok<ImportPreview>(dispatch, 'imports.preview', file());
    expect(preview).toMatchObject({
      source: 'amazon-orders',
      orders: 3,
      lines: 4,
      counts: { new: 3, updated: 0, unchanged: 0 },
      rejected: [],
      totals: { USD: { orders: 2, gross: 1999 + 2499 } },
      unmappedRequired: [],
    });
    expect(preview.sample[0]).toEqual({
      id: 0,
      platform: 'amazon',
      shopId: 0,
      shopName: 'Amazon.com',
      orderNo: '112-0000001-4455667',
      status: 'shipped',
      orderedAt: '2026-03-02T10:15:00-08:00',
      buyerCountry: 'US',
      currency: 'USD',
      customsMode: null,
      fulfilment: 'platform',
      units: 1,
      gross: 1999,
      refunded: 0,
      exclusion: null,
    });
    expect([count('orders'), count('shops'), count('command_log')]).toEqual([0, 0, 0]);
    expect(events).toContainEqual({
      name: 'import.progress',
      payload: { previewId: preview.previewId, phase: 'parse', done: 3, total: 3 },
    });

    const summary = await ok<ImportSummary>(dispatch, 'imports.confirm', { previewId: preview.previewId });
    expect(summary).toMatchObject({
      source: 'amazon-orders',
      orders: 3,
      lines: 4,
      new: 3,
      updated: 0,
      unchanged: 0,
      rejected: [],
    });
    expect(await ok<Shop[]>(dispatch, 'shops.list', {})).toEqual([
      {
        id: 1,
        platform: 'amazon',
        name: 'Amazon.com',
        site: 'Amazon.com',
        currency: 'USD',
        timeZone: 'America/Los_Angeles',
      },
    ]);
    expect([count('orders'), count('outbox'), count('imports')]).toEqual([3, 3, 1]);
    expect(events).toContainEqual({
      name: 'import.progress',
      payload: { previewId: preview.previewId, phase: 'write', done: 3, total: 3 },
    });
    expect(events).toContainEqual({
      name: 'ledger.changed',
      payload: expect.objectContaining({ command: 'imports.confirm' }),
    });
    expect(ws.read.prepare('SELECT source, file_name, file_sha256, order_count, new_count FROM imports').get()).toEqual(
      {
        source: 'amazon-orders',
        file_name: 'orders.txt',
        file_sha256: '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881',
        order_count: 3,
        new_count: 3,
      },
    );

    const again = await ok<ImportPreview>(dispatch, 'imports.preview', file());
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 3 });
    expect(again.sample[0]).toMatchObject({ shopId: 1, shopName: 'Amazon.com' });
    expect(await ok<ImportSummary>(dispatch, 'imports.confirm', { previewId: again.previewId })).toMatchObject({
      new: 0,
      unchanged: 3,
    });
    expect([count('orders'), count('outbox'), count('imports')]).toEqual([3, 3, 2]);
    // A confirmed preview is gone.
    expect((await errorOf(dispatch, 'imports.confirm', { previewId: again.previewId })).code).toBe(
      'imports.preview.expired',
    );
  });

  it('imports a real Amazon file: grouped lines, cancelled kept, a bad row rejected while the rest is confirmed', async () => {
    const { ws, dispatch } = await setup();
    const preview = await ok<ImportPreview>(dispatch, 'imports.preview', {
      ...file(amazonTsv()),
      fileName: 'All Orders.txt',
    });
    expect(preview).toMatchObject({
      source: 'amazon-orders',
      encoding: 'utf-8',
      delimiter: '\t',
      orders: 3,
      lines: 4,
      counts: { new: 3 },
    });
    expect(preview.rejected).toEqual([expect.objectContaining({ row: 6, code: 'import.row.columnCount' })]);
    // all or nothing: with a rejected row nothing is written unless the valid rows are accepted explicitly
    expect((await errorOf(dispatch, 'imports.confirm', { previewId: preview.previewId })).code).toBe(
      'imports.rowsRejected',
    );
    expect(ws.read.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(0);
    const summary = await ok<ImportSummary>(dispatch, 'imports.confirm', {
      previewId: preview.previewId,
      acceptValidRows: true,
    });
    expect(summary).toMatchObject({ new: 3, rejected: [expect.objectContaining({ row: 6 })] });
    const stats = await ok<OrdersStats>(dispatch, 'orders.stats', {});
    expect(stats).toMatchObject({
      orders: 3,
      lines: 4,
      byStatus: { shipped: 2, cancelled: 1 },
      excluded: { cancelled: 1 },
    });
    expect(stats.sales.USD).toEqual({ orders: 2, units: 4, gross: 3998 + 2500 + 499 + 1999, refunded: 0 });
    // The formula-like product name is stored as the text it is.
    expect(
      ws.read.prepare("SELECT item_name FROM order_lines WHERE sku = 'CUP-RED' ORDER BY id DESC").pluck().get(),
    ).toBe(INJECTION);
    const page = await ok<OrdersPage>(dispatch, 'orders.list', { filter: { q: '陶瓷' } });
    expect(page.items.map((o) => o.orderNo)).toEqual(['111-0000001-0000001']);
  });

  it('gives the rejected rows as CSV with row, column, code and the original cells, formulas neutralised', async () => {
    const { dispatch } = await setup();
    const preview = await ok<ImportPreview>(dispatch, 'imports.preview', {
      ...file(amazonTsv()),
      fileName: 'All Orders.txt',
    });
    const { fileName, csv } = await ok<{ fileName: string; csv: string }>(dispatch, 'imports.rejectedCsv', {
      previewId: preview.previewId,
    });
    expect(fileName).toBe('All Orders-rejected.csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['行号/row', '列/column', '错误代码/code', ...TSV_HEADERS, '', '']);
    expect(rows[1]!.slice(0, 3)).toEqual(['6', '', 'import.row.columnCount']);
    expect(rows[1]![3]).toBe('111-0000004-0000004');
    expect(rows[1]![8]).toBe(`'${INJECTION}`);
    expect(rows[1]!.slice(-2)).toEqual(['extra', 'cells']);
  });

  it('keeps an order with a status word no table knows (status unknown), lists the word, and maps it for the shop at confirm', async () => {
    const odd = amazonOrder(9, {
      platformStatus: 'Teleported',
      sourceRows: [11, 12],
      lines: [line({ sourceRow: 11 }), line({ lineKey: 'B#1', sku: 'B', sourceRow: 12 })],
    });
    const { ws, dispatch } = await setup(fixed(parsedImport([amazonOrder(1), odd])));
    const preview = await ok<ImportPreview>(dispatch, 'imports.preview', file());
    expect(preview.orders).toBe(2);
    expect(preview.rejected).toEqual([]);
    expect(preview.unknownStatuses).toEqual({ Teleported: 1 });
    expect(ws.read.prepare('SELECT count(*) FROM status_mappings').pluck().get()).toBe(0); // never written at preview
    const summary = await ok<ImportSummary>(dispatch, 'imports.confirm', {
      previewId: preview.previewId,
      statusMappings: { Teleported: 'delivered' },
    });
    expect(summary).toMatchObject({
      new: 2,
      rejected: [],
      mapped: [{ word: 'Teleported', status: 'delivered', reclassified: 0 }],
    });
    expect(ws.read.prepare('SELECT status, exclusion FROM orders WHERE order_no = ?').get(odd.orderNo)).toEqual({
      status: 'delivered',
      exclusion: null,
    });
    expect(ws.read.prepare('SELECT shop_id, word, status FROM status_mappings').all()).toEqual([
      { shop_id: 1, word: 'teleported', status: 'delivered' },
    ]);
    // the same file again: the shop's mapping reads the word, nothing is unknown, nothing changes
    const again = await ok<ImportPreview>(dispatch, 'imports.preview', file());
    expect(again).toMatchObject({ unknownStatuses: {}, counts: { new: 0, updated: 0, unchanged: 2 } });
  });

  it('leaves nothing behind when confirm fails midway: no orders, no outbox rows, no shop, and the preview can be confirmed again', async () => {
    const orders = Array.from({ length: 4500 }, (_, i) => amazonOrder(i));
    const { ws, dispatch, count, incidents } = await setup(fixed(parsedImport(orders)));
    const preview = await ok<ImportPreview>(dispatch, 'imports.preview', file());
    const emit = ws.events.emit.bind(ws.events);
    ws.events.emit = ((name: string, payload: { phase?: string; done?: number }) => {
      if (name === 'import.progress' && payload.phase === 'write' && (payload.done ?? 0) >= 4000)
        throw new Error('disk unplugged');
      emit(name as 'import.progress', payload as never);
    }) as typeof ws.events.emit;
    expect((await errorOf(dispatch, 'imports.confirm', { previewId: preview.previewId })).code).toBe('internal');
    expect(incidents).toHaveLength(1);
    expect([
      count('orders'),
      count('order_lines'),
      count('outbox'),
      count('shops'),
      count('imports'),
      count('command_log'),
    ]).toEqual([0, 0, 0, 0, 0, 0]);
    ws.events.emit = emit;
    expect(await ok<ImportSummary>(dispatch, 'imports.confirm', { previewId: preview.previewId })).toMatchObject({
      new: 4500,
    });
    expect(count('outbox')).toBe(4500);
  });

  it('refuses to confirm while required generic fields are unmapped, and saves a complete mapping by name', async () => {
    const mapping = {
      orderNo: '订单号',
      orderedAt: '下单时间',
      status: '订单状态',
      sku: null,
      itemName: '商品名称',
      quantity: '数量',
      unitPrice: '单价',
      lineTotal: null,
      currency: '币种',
      shipping: '运费',
      discount: null,
      tax: null,
      buyerCountry: null,
      shopName: null,
      fulfilment: null,
      orderTotal: null,
    } satisfies ColumnMapping;
    const erp = amazonOrder(1, {
      platform: 'erp',
      orderNo: 'SO-1',
      platformStatus: '已发货',
      shopName: '速卖通店',
      salesChannel: null,
      currency: 'CNY',
    });
    const calls: ParseImportOptions[] = [];
    const incomplete = parsedImport([erp], { source: 'generic', mapping, unmappedRequired: ['sku'] });
    let next: ParsedImport = incomplete;
    const { dispatch } = await setup(async (b, o) => fixed(next, calls)(b, o));
    const p1 = await ok<ImportPreview>(dispatch, 'imports.preview', { ...file(), source: 'generic' });
    expect(p1.unmappedRequired).toEqual(['sku']);
    expect(await errorOf(dispatch, 'imports.confirm', { previewId: p1.previewId })).toEqual({
      code: 'imports.mappingIncomplete',
      params: { fields: 'sku' },
    });
    const complete = { ...mapping, sku: 'SKU' };
    next = parsedImport([erp], { source: 'generic', mapping: complete });
    const p2 = await ok<ImportPreview>(dispatch, 'imports.preview', {
      ...file(),
      source: 'generic',
      mapping: complete,
    });
    expect(calls[1]!.mapping).toEqual(complete);
    await ok(dispatch, 'imports.confirm', { previewId: p2.previewId, saveMappingAs: '马帮导出' });
    expect(await ok<SavedMapping[]>(dispatch, 'imports.mappings.list', {})).toEqual([
      { name: '马帮导出', mapping: complete, savedAt: expect.any(String) },
    ]);
    await ok(dispatch, 'imports.preview', { ...file(), source: 'generic', mappingName: '马帮导出' });
    expect(calls[2]!.mapping).toEqual(complete);
    expect((await errorOf(dispatch, 'imports.preview', { ...file(), mappingName: 'nope' })).code).toBe(
      'imports.mapping.notFound',
    );
    expect(await ok<Shop[]>(dispatch, 'shops.list', {})).toEqual([
      expect.objectContaining({ platform: 'erp', name: '速卖通店', timeZone: 'Asia/Shanghai', currency: 'CNY' }),
    ]);
  });

  it('keeps working with a mapping saved by an earlier version (no orderTotal) and one sent without it', async () => {
    const calls: ParseImportOptions[] = [];
    const erp = amazonOrder(1, { platform: 'erp', orderNo: 'SO-9', platformStatus: '已发货', shopName: '店' });
    const { ws, dispatch } = await setup(async (b, o) =>
      fixed(parsedImport([erp], { source: 'generic' }), calls)(b, o),
    );
    const older = {
      orderNo: '订单号',
      orderedAt: '下单时间',
      status: null,
      sku: 'SKU',
      itemName: null,
      quantity: '数量',
      unitPrice: '单价',
      lineTotal: null,
      currency: '币种',
      shipping: null,
      discount: null,
      tax: null,
      buyerCountry: null,
      shopName: null,
      fulfilment: null,
    };
    ws.uow.run('test.saveOldMapping', (tx) => {
      tx.db
        .prepare('INSERT INTO import_mappings (name, mapping, saved_at) VALUES (?, ?, ?)')
        .run('旧模板', JSON.stringify(older), '2026-01-01T00:00:00Z');
    });
    const [saved] = await ok<SavedMapping[]>(dispatch, 'imports.mappings.list', {});
    expect(saved?.mapping).toEqual({ ...older, orderTotal: null });
    await ok(dispatch, 'imports.preview', { ...file(), source: 'generic', mappingName: '旧模板' });
    expect(calls[0]!.mapping).toEqual({ ...older, orderTotal: null });
    await ok(dispatch, 'imports.preview', { ...file(), source: 'generic', mapping: older });
    expect(calls[1]!.mapping).toEqual({ ...older, orderTotal: null });
  });

  it('imports an ERP export into a chosen Amazon shop as Amazon orders, and refuses a file of another platform', async () => {
    const erp = amazonOrder(1, { platform: 'erp', platformStatus: '已发货', shopName: null });
    let next = parsedImport([erp], { source: 'generic' });
    const { dispatch } = await setup(async (b, o) => fixed(next)(b, o));
    const amazon = await ok<Shop>(dispatch, 'shops.save', {
      platform: 'amazon',
      name: 'US',
      site: 'Amazon.com',
      currency: 'USD',
      timeZone: 'America/Los_Angeles',
    });
    const p = await ok<ImportPreview>(dispatch, 'imports.preview', { ...file(), shopId: amazon.id });
    expect(p.sample[0]).toMatchObject({ platform: 'amazon', shopId: amazon.id, shopName: 'US' });
    const shopify = await ok<Shop>(dispatch, 'shops.save', {
      platform: 'shopify',
      name: 'S',
      site: null,
      currency: 'USD',
      timeZone: 'UTC',
    });
    next = parsedImport([amazonOrder(1)]);
    expect(await errorOf(dispatch, 'imports.preview', { ...file(), shopId: shopify.id })).toEqual({
      code: 'imports.shopPlatformMismatch',
      params: { shopPlatform: 'shopify', filePlatform: 'amazon' },
    });
    expect((await errorOf(dispatch, 'imports.preview', { ...file(), shopId: 77 })).code).toBe('shops.notFound');
  });

  it('reads local times again in the zone of the one existing shop the orders land in', async () => {
    const calls: ParseImportOptions[] = [];
    const shopee = amazonOrder(1, {
      platform: 'shopee',
      platformStatus: 'Completed',
      shopName: null,
      salesChannel: null,
      currency: 'THB',
    });
    const { dispatch } = await setup(fixed(parsedImport([shopee], { source: 'shopee' }), calls));
    await ok(dispatch, 'shops.save', {
      platform: 'shopee',
      name: 'Shopee',
      site: 'shopee.co.th',
      currency: 'THB',
      timeZone: 'Asia/Bangkok',
    });
    await ok(dispatch, 'imports.preview', file());
    expect(calls.map((c) => [c.timeZone, c.defaultCurrency])).toEqual([
      ['Asia/Shanghai', null],
      ['Asia/Bangkok', 'THB'],
    ]);
  });

  it("takes the currency of the platform's only shop for a file without one, and asks for a shop when there are several", async () => {
    const calls: ParseImportOptions[] = [];
    const tiktok = amazonOrder(1, {
      platform: 'tiktok',
      platformStatus: 'Completed',
      shopName: null,
      salesChannel: null,
    });
    const { dispatch } = await setup(async (bytes, opts) => {
      if (opts.defaultCurrency === null) {
        calls.push(opts);
        throw new DomainError('import.file.noCurrency', { source: 'tiktok' });
      }
      return fixed(parsedImport([tiktok], { source: 'tiktok' }), calls)(bytes, opts);
    });
    expect(await errorOf(dispatch, 'imports.preview', file())).toEqual({
      code: 'import.file.noCurrency',
      params: { source: 'tiktok' },
    });
    const shop = await ok<Shop>(dispatch, 'shops.save', {
      platform: 'tiktok',
      name: 'TikTok US',
      site: null,
      currency: 'USD',
      timeZone: 'America/Los_Angeles',
    });
    const p = await ok<ImportPreview>(dispatch, 'imports.preview', file());
    expect(calls.at(-1)).toMatchObject({ timeZone: 'America/Los_Angeles', defaultCurrency: 'USD' });
    expect(p.sample[0]).toMatchObject({ shopId: shop.id, platform: 'tiktok' });
    await ok(dispatch, 'shops.save', {
      platform: 'tiktok',
      name: 'TikTok UK',
      site: null,
      currency: 'GBP',
      timeZone: 'Europe/London',
    });
    expect((await errorOf(dispatch, 'imports.preview', file())).code).toBe('import.file.noCurrency');
  });

  it('discards a preview, expires old ones, and refuses a body that is not base64', async () => {
    let now = new Date('2026-03-20T08:00:00Z');
    const { dispatch } = await setup(fixed(parsedImport([amazonOrder(1)])), () => now);
    const p = await ok<ImportPreview>(dispatch, 'imports.preview', file());
    expect(await ok(dispatch, 'imports.discard', { previewId: p.previewId })).toEqual({ discarded: true });
    expect(await ok(dispatch, 'imports.discard', { previewId: p.previewId })).toEqual({ discarded: false });
    const old = await ok<ImportPreview>(dispatch, 'imports.preview', file());
    now = new Date('2026-03-20T08:31:00Z');
    expect((await errorOf(dispatch, 'imports.confirm', { previewId: old.previewId })).code).toBe(
      'imports.preview.expired',
    );
    expect((await errorOf(dispatch, 'imports.rejectedCsv', { previewId: 'nope' })).code).toBe(
      'imports.preview.expired',
    );
    expect((await errorOf(dispatch, 'imports.preview', { ...file(), contentBase64: 'not base64!' })).code).toBe(
      'imports.badBase64',
    );
  });

  it('passes file-level parser errors through as their code', async () => {
    const { dispatch, count } = await setup();
    expect((await errorOf(dispatch, 'imports.preview', { ...file(''), contentBase64: '' })).code).toBe(
      'import.file.empty',
    );
    expect((await errorOf(dispatch, 'imports.preview', file(TSV_HEADERS.join('\t') + '\n'))).code).toBe(
      'import.file.headerOnly',
    );
    expect(count('command_log')).toBe(0);
  });

  it('adds settlement fees to the imported order, so its profit shows platform fees', async () => {
    const settlement = amazonOrder(1, {
      lines: [],
      fees: [{ type: 'commission', description: 'Commission', amount: m(300), sourceRow: 3 }],
    });
    let next = parsedImport([amazonOrder(1)]);
    const { dispatch } = await setup(async (b, o) => fixed(next)(b, o));
    await ok(dispatch, 'imports.confirm', {
      previewId: (await ok<ImportPreview>(dispatch, 'imports.preview', file())).previewId,
    });
    next = parsedImport([settlement, amazonOrder(2, { lines: [], fees: [] })], { source: 'amazon-settlement' });
    const p = await ok<ImportPreview>(dispatch, 'imports.preview', file('settlement'));
    expect(p.counts).toEqual({ new: 1, updated: 1, unchanged: 0 });
    await ok(dispatch, 'imports.confirm', { previewId: p.previewId });
    const page = await ok<OrdersPage>(dispatch, 'orders.list', { sort: 'orderNo' });
    const detail = await ok<OrderDetail>(dispatch, 'orders.get', { id: page.items[0]!.id });
    expect(detail.profit).toMatchObject({ revenue: 1999, platformFees: 300, lastMile: null, profit: null });
    expect(detail.fees).toEqual([
      { id: 1, type: 'commission', description: 'Commission', amount: 300, currency: 'USD' },
    ]);
  });
});
