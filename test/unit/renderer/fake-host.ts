/**
 * A test double for the Electron preload bridge (`window.kuajing` = { invoke, onEvent }): one
 * generic `invoke(name, input)` that records every call and answers from, in order, the test's
 * `overrides`, a table of defaults (an in-memory company, settings, sync status, shops, orders
 * and import preview here; small plausible data for the settlement, customs and sync areas in
 * fake-host-<area>.ts), and for any other command `notImplemented` — so a new command needs no
 * edit here until a test wants specific data from it. Like the real host, a successful command
 * the contract marks `mutates` (not a dry run) is followed by `ledger.changed`. `orders.list`
 * pages the in-memory orders with an offset cursor, filters and sorts them like the host would,
 * so list tests see real paging.
 */
import { contract } from '../../../src-main/api/contract.ts';
import type {
  AppEvent,
  CommandInput,
  CommandName,
  CommandResult,
  CompanyRecord,
  ImportPreview,
  ImportSummary,
  OrderDetail,
  OrderListItem,
  OrderSort,
  Result,
  SavedMapping,
  Settings,
  Shop,
  SyncStatus,
} from '../../../src-main/api/contract.ts';
import type { HostBridge } from '../../../src-renderer/app/core-client.ts';
import { m } from '../../helpers/money.ts';
import { settlementDefaults } from './fake-host-settlement.ts';
import { customsDefaults } from './fake-host-customs.ts';
import { syncDefaults } from './fake-host-sync.ts';

export interface RecordedCall {
  readonly name: CommandName;
  readonly input: unknown;
}

export interface FakeHostState {
  company: CompanyRecord | null;
  settings: Settings;
  sync: SyncStatus;
  shops: Shop[];
  orders: OrderListItem[];
  /** Full details by id; orders without one get `detailFor(order)`. */
  details: Record<number, OrderDetail>;
  /** What `imports.preview` answers (its previewId is kept). */
  preview: ImportPreview;
  mappings: SavedMapping[];
}

type Override<K extends CommandName> = (
  input: CommandInput<K>,
) => Result<CommandResult<K>> | Promise<Result<CommandResult<K>>>;
export type Overrides = { [K in CommandName]?: Override<K> };

export interface FakeHost {
  readonly bridge: HostBridge;
  readonly calls: RecordedCall[];
  readonly state: FakeHostState;
  readonly overrides: Overrides;
  emit(event: AppEvent): void;
  callsOf<K extends CommandName>(name: K): CommandInput<K>[];
  uninstall(): void;
}

export const VALID_COMPANY: CompanyRecord = {
  name: '株洲星河跨境贸易有限公司',
  uscc: '91350100M000100Y43',
  customsCode: '4302960ABC',
  dxpId: null,
  pilotZone: 'zhuzhou',
  baseCurrency: 'CNY',
  version: 1,
  savedAt: '2025-03-01T08:00:00.000Z',
};

export const SHOP_US: Shop = {
  id: 1,
  platform: 'amazon',
  name: 'Amazon US 店',
  site: 'Amazon.com',
  currency: 'USD',
  timeZone: 'America/Los_Angeles',
};
export const SHOP_JP: Shop = {
  id: 2,
  platform: 'amazon',
  name: 'Amazon JP 店',
  site: 'amazon.co.jp',
  currency: 'JPY',
  timeZone: 'Asia/Tokyo',
};

/** Order `i` (1-based): USD in shop 1, every 7th cancelled, ordered one hour apart from 2026-03-01. */
export function makeOrder(i: number, overrides: Partial<OrderListItem> = {}): OrderListItem {
  const cancelled = i % 7 === 0;
  return {
    id: i,
    platform: 'amazon',
    shopId: SHOP_US.id,
    shopName: SHOP_US.name,
    orderNo: `111-${String(i).padStart(7, '0')}-0000001`,
    status: cancelled ? 'cancelled' : 'shipped',
    orderedAt: new Date(Date.UTC(2026, 2, 1, 0, 0, 0) + i * 3_600_000).toISOString(),
    buyerCountry: 'US',
    currency: 'USD',
    customsMode: '9610',
    fulfilment: 'platform',
    units: 1 + (i % 3),
    gross: m(1000 + i * 37),
    refunded: m(0),
    exclusion: cancelled ? 'cancelled' : null,
    ...overrides,
  };
}

/** The answer of a command the fake does not model (and no test overrides). */
function notImplemented(): Result<never> {
  return { ok: false, error: { code: 'notImplemented', params: {} } };
}

export function makeOrders(n: number): OrderListItem[] {
  return Array.from({ length: n }, (_, k) => makeOrder(k + 1));
}

/** A detail for a list item: one line, no fees, no changes, revenue known and every cost unknown. */
export function detailFor(order: OrderListItem, overrides: Partial<OrderDetail> = {}): OrderDetail {
  return {
    ...order,
    origin: 'import',
    revision: 1,
    platformStatus: order.status === 'cancelled' ? 'Cancelled' : 'Shipped',
    salesChannel: 'Amazon.com',
    goods: order.gross,
    discount: m(0),
    shipping: m(0),
    giftWrap: m(0),
    taxOnTop: m(0),
    statedTotal: null,
    channelOrderNo: null,
    lines: [
      {
        id: order.id * 10,
        lineKey: 'L1',
        sku: 'SKU-RED',
        itemName: '红色杯子',
        quantity: order.units,
        unitPrice: null,
        lineTotal: order.gross,
        discount: m(0),
        taxOnTop: m(0),
        shipping: m(0),
        giftWrap: m(0),
        cancelled: false,
      },
    ],
    fees: [],
    changes: [],
    profit: {
      currency: order.currency ?? '',
      revenue: order.gross,
      productCost: null,
      headHaul: null,
      lastMile: null,
      platformFees: null,
      advertising: null,
      fxDifference: null,
      profit: null,
    },
    ...overrides,
  };
}

export const AMAZON_PREVIEW: ImportPreview = {
  previewId: 'pv-1',
  fileName: 'all-orders.txt',
  source: 'amazon-orders',
  encoding: 'utf-8',
  delimiter: '\t',
  headers: ['amazon-order-id', 'purchase-date', 'order-status', 'sku', 'quantity', 'currency', 'item-price'],
  mapping: null,
  unmappedRequired: [],
  orders: 3,
  lines: 4,
  counts: { new: 3, updated: 0, unchanged: 0 },
  months: [{ month: '2026-03', closed: false, new: 3, updated: 0, unchanged: 0, heldBack: 0 }],
  heldBack: [],
  rejected: [
    {
      row: 6,
      column: 'purchase-date',
      code: 'import.row.badDate',
      params: { column: 'purchase-date', value: '2026-13-45' },
    },
  ],
  rejectedOrderNos: { 6: '111-0000009-0000009' },
  warnings: [],
  unknownStatuses: {},
  rows: { read: 5, imported: 4, rejected: 1, skipped: 0 },
  totals: { USD: { orders: 2, gross: m(7497) } },
  sample: [makeOrder(1), makeOrder(2), makeOrder(7)],
};

function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

function fail(code: string, params: Record<string, string | number> = {}): Result<never> {
  return { ok: false, error: { code, params } };
}

function isMutating(name: string): boolean {
  return (
    Object.prototype.hasOwnProperty.call(contract, name) &&
    (contract as Record<string, { readonly mutates: boolean }>)[name]!.mutates
  );
}

function compare(a: OrderListItem, b: OrderListItem, sort: OrderSort): number {
  const field = sort.replace(/^-/, '') as 'orderedAt' | 'gross' | 'orderNo';
  const dir = sort.startsWith('-') ? -1 : 1;
  // unknown amounts (null) sort apart, below every known one, as the store's gross_sort does
  const x = a[field] ?? -Number.MAX_SAFE_INTEGER;
  const y = b[field] ?? -Number.MAX_SAFE_INTEGER;
  const c = x < y ? -1 : x > y ? 1 : 0;
  return (c === 0 ? a.id - b.id : c) * dir;
}

function matches(o: OrderListItem, filter: CommandInput<'orders.list'>['filter']): boolean {
  if (!filter) return true;
  if (filter.shopId !== undefined && o.shopId !== filter.shopId) return false;
  if (filter.status !== undefined && o.status !== filter.status) return false;
  if (filter.customsMode !== undefined && o.customsMode !== filter.customsMode) return false;
  if (filter.country !== undefined && o.buyerCountry !== filter.country) return false;
  if (filter.from !== undefined && o.orderedAt.slice(0, 10) < filter.from) return false;
  if (filter.to !== undefined && o.orderedAt.slice(0, 10) > filter.to) return false;
  if (filter.q !== undefined && !o.orderNo.toLowerCase().includes(filter.q.toLowerCase())) return false;
  return true;
}

export function installFakeHost(initial: Partial<FakeHostState> = {}): FakeHost {
  const state: FakeHostState = {
    company: null,
    settings: { language: 'zh-CN' },
    sync: { state: 'offline', queued: 0, failed: 0 },
    shops: [],
    orders: [],
    details: {},
    preview: AMAZON_PREVIEW,
    mappings: [],
    ...initial,
  };
  const calls: RecordedCall[] = [];
  const overrides: Overrides = {};
  const listeners = new Set<(event: AppEvent) => void>();
  let nextShopId = 100;
  let nextOrderId = 10_000;

  const summaryOf = (p: ImportPreview): ImportSummary => ({
    importId: 1,
    source: p.source,
    encoding: p.encoding,
    orders: p.orders,
    lines: p.lines,
    new: p.counts.new,
    updated: p.counts.updated,
    unchanged: p.counts.unchanged,
    rejected: p.rejected,
    rejectedOrderNos: p.rejectedOrderNos,
    warnings: p.warnings,
    mapped: [],
    months: p.months,
    heldBack: p.heldBack,
  });

  // Only commands a screen needs data from; any other command answers notImplemented.
  const defaults: Overrides = {
    'app.info': () =>
      ok({
        version: '0.1.0-test',
        schemaVersion: 1,
        dataFile: '/tmp/ledger.sqlite',
        host: 'test',
        integrity: { state: 'checkedAtOpen' },
      }),
    'maintenance.backups.list': () => ok([]),
    'company.get': () => ok(state.company),
    'company.save': (input) => {
      const record: CompanyRecord = {
        name: input.name.trim(),
        uscc: input.uscc.trim().toUpperCase(),
        customsCode: input.customsCode.trim().toUpperCase(),
        dxpId: input.dxpId ? input.dxpId.trim().toUpperCase() : null,
        pilotZone: input.pilotZone,
        baseCurrency: 'CNY',
        version: (state.company?.version ?? 0) + 1,
        savedAt: '2025-03-02T09:30:00.000Z',
      };
      state.company = record;
      return ok(record);
    },
    'settings.get': () => ok(state.settings),
    'settings.setLanguage': (input) => {
      state.settings = { language: input.language };
      return ok(state.settings);
    },
    'sync.status': () => ok(state.sync),

    'shops.list': () => ok([...state.shops]),
    'statuses.list': () => ok({ mappings: [], unknown: [] }),
    'shops.save': (input) => {
      const shop: Shop = {
        id: input.id ?? nextShopId++,
        platform: input.platform,
        name: input.name,
        site: input.site,
        currency: input.currency,
        timeZone: input.timeZone,
      };
      state.shops = [...state.shops.filter((s) => s.id !== shop.id), shop];
      return ok(shop);
    },

    'imports.preview': () => ok(state.preview),
    'imports.confirm': (input) =>
      input.previewId === state.preview.previewId ? ok(summaryOf(state.preview)) : fail('imports.preview.expired'),
    'imports.discard': () => ok({ discarded: true }),
    'imports.rejectedCsv': () =>
      ok({ fileName: 'rejected.csv', csv: 'row,column,code\n6,purchase-date,import.row.badDate\n' }),
    'imports.mappings.list': () => ok([...state.mappings]),

    'orders.list': (input) => {
      const sort = input.sort ?? '-orderedAt';
      const all = state.orders.filter((o) => matches(o, input.filter)).sort((a, b) => compare(a, b, sort));
      const start = input.cursor ? Number(input.cursor) : 0;
      const limit = input.limit ?? 100;
      const items = all.slice(start, start + limit);
      const end = start + items.length;
      return ok({ items, nextCursor: end < all.length ? String(end) : null });
    },
    'orders.count': (input) => ok({ total: state.orders.filter((o) => matches(o, input.filter)).length }),
    'orders.get': (input) => {
      const detail = state.details[input.id];
      if (detail) return ok(detail);
      const order = state.orders.find((o) => o.id === input.id);
      return order ? ok(detailFor(order)) : fail('orders.notFound', { id: input.id });
    },
    'orders.save': (input) => {
      const shop = state.shops.find((s) => s.id === input.shopId);
      if (!shop) return fail('validation.failed');
      const id = input.id ?? nextOrderId++;
      const order: OrderListItem = {
        id,
        platform: shop.platform,
        shopId: shop.id,
        shopName: shop.name,
        orderNo: input.orderNo,
        status: input.status,
        orderedAt: input.orderedAt,
        buyerCountry: input.buyerCountry,
        currency: input.currency,
        customsMode: input.customsMode,
        fulfilment: input.fulfilment,
        units: input.lines.reduce((n, l) => n + l.quantity, 0),
        gross: m(0),
        refunded: m(0),
        exclusion: null,
      };
      state.orders = [...state.orders.filter((o) => o.id !== id), order];
      return ok(detailFor(order));
    },
    'orders.setCustomsMode': (input) => {
      const ids = new Set(input.ids);
      let changed = 0;
      state.orders = state.orders.map((o) => {
        if (!ids.has(o.id) || o.customsMode === input.mode) return o;
        changed += 1;
        return { ...o, customsMode: input.mode };
      });
      return ok({ changed });
    },
    'orders.stats': () =>
      ok({
        orders: state.orders.length,
        lines: state.orders.length,
        byStatus: {},
        sales: {},
        excluded: { cancelled: 0, pending: 0, otherChannel: 0, unpaid: 0, unknownStatus: 0, amountsUnknown: 0 },
        unknownStatuses: {},
      }),
    // Dashboard: no orders yet until a test overrides it.
    'dashboard.summary': () =>
      ok({
        from: '2025-04',
        to: '2026-03',
        dataFrom: null,
        dataTo: null,
        totals: { orders: 0, units: 0 },
        excluded: {},
        byMonth: [],
        byCountry: [],
        byCustomsMode: [],
        byCurrency: [],
        topSkus: [],
        receivables: [],
        stock: { total: m(0), quantity: 0, byWarehouse: [] },
        asOf: '2026-03-31',
      }),
    // Stock: an empty ledger until a test overrides what it needs.
    'stock.skus.list': () => ok([]),
    'stock.warehouses.list': () => ok([]),
    'stock.moves.list': () => ok({ items: [], nextCursor: null }),
    'stock.shipments.list': () => ok([]),
    'stock.onHand': (input) => ok({ asOf: input.asOf ?? '2026-03-31', items: [] }),
    'stock.valuation': (input) =>
      ok({ asOf: input.asOf ?? '2026-03-31', method: 'fifo', items: [], total: { quantity: 0, value: m(0) } }),
    'stock.ageing': () => ok([]),
    'stock.reorderHints': () => ok([]),
    'stock.postSales': () => ok({ posted: 0, skipped: [] }),
    'settings.setValuationMethod': (input) => ok({ method: input.method }),
    ...settlementDefaults(),
    ...customsDefaults(),
    ...syncDefaults(),
  };

  const emit = (event: AppEvent): void => {
    for (const listener of [...listeners]) listener(event);
  };

  async function invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandResult<K>>> {
    calls.push({ name, input });
    const handler = (overrides[name] ?? defaults[name] ?? notImplemented) as Override<K>;
    const result = await handler(input);
    const dryRun = typeof input === 'object' && input !== null && (input as { dryRun?: unknown }).dryRun === true;
    // As the real host does after a commit: every window hears that the ledger changed.
    if (result.ok && isMutating(name) && !dryRun)
      emit({ name: 'ledger.changed', payload: { command: name, at: '2026-03-31T00:00:00.000Z' } });
    return result;
  }

  const bridge: HostBridge = {
    invoke,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  (window as { kuajing?: HostBridge }).kuajing = bridge;

  return {
    bridge,
    calls,
    state,
    overrides,
    emit,
    callsOf: <K extends CommandName>(name: K) =>
      calls.filter((c) => c.name === name).map((c) => c.input as CommandInput<K>),
    uninstall: () => {
      delete (window as { kuajing?: HostBridge }).kuajing;
    },
  };
}
