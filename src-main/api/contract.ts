/**
 * The command contract: every command the renderer (or the CLI, or a test) may send,
 * as `'<area>.<verb>'` → zod input schema + result type, and every event the core emits.
 * Both hosts and the renderer are typed from this one file; the renderer may only
 * `import type` from it. Adding a command here without a handler fails to compile.
 */
import { z } from 'zod';
import { settlementContract } from './contract-settlement.ts';
import { customsContract, type CustomsProgressEvent } from './contract-customs.ts';
import { syncContract, type SyncProgressEvent } from './contract-sync.ts';
export type * from './contract-settlement.ts';
export type * from './contract-customs.ts';
export type * from './contract-sync.ts';
import { PILOT_ZONES, type CompanyProfile } from '../core/company/company-profile.ts';
import { CURRENCIES } from '../core/money/currency.ts';
import {
  CUSTOMS_MODES, FULFILMENTS, GENERIC_FIELDS, IMPORT_SOURCES, ORDER_STATUSES, PLATFORMS,
  type ColumnMapping, type ImportSource, type Platform, type RowError,
} from '../core/orders/order.ts';
export type {
  ColumnMapping, CustomsMode, FeeType, Fulfilment, ImportSource, OrderStatus, Platform, RowError, SaleExclusion,
} from '../core/orders/order.ts';
import type { OrderDetail, OrderListItem, OrdersStats } from '../core/orders/order-views.ts';
export type { OrderChange, OrderDetail, OrderFee, OrderLine, OrderListItem, OrdersStats } from '../core/orders/order-views.ts';
export type { ProfitBreakdown } from '../core/orders/profit.ts';
import { ALLOCATION_BASES, WAREHOUSE_KINDS, type AgeingRow, type ReorderHint, type Shipment, type SkuRecord, type StockDifference, type StockMove, type StockPosition, type Warehouse } from '../core/stock/stock-views.ts';
export { ALLOCATION_BASES, MOVE_TYPES, WAREHOUSE_KINDS } from '../core/stock/stock-views.ts';
export type {
  AgeingRow, AllocationBasis, MoveType, ReorderHint, Shipment, SkuRecord, StockDifference, StockMove, StockPosition, Warehouse, WarehouseKind,
} from '../core/stock/stock-views.ts';

import { decimalText, empty, id, isoDay, result } from './contract-kit.ts';

export const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface AppInfo {
  readonly version: string;
  readonly schemaVersion: number;
  readonly dataFile: string;
  readonly host: 'electron' | 'web' | 'cli' | 'test';
}

export interface Settings {
  readonly language: Language;
}

export interface CompanyRecord extends CompanyProfile {
  /** Increments on each save; older versions stay in the file (nothing is overwritten). */
  readonly version: number;
  readonly savedAt: string;
}

export interface SyncStatus {
  readonly state: 'offline' | 'idle' | 'sending' | 'error';
  readonly queued: number;
  readonly failed: number;
}

// ---- orders, shops, imports -------------------------------------------------------------

export interface Shop {
  readonly id: number;
  readonly platform: Platform;
  readonly name: string;
  /** Marketplace / site, e.g. 'Amazon.com', 'amazon.co.jp', 'shopee.com.my'. */
  readonly site: string | null;
  readonly currency: string;
  /** IANA zone the platform's local times are read in, e.g. 'America/Los_Angeles'. */
  readonly timeZone: string;
}

export const ORDER_SORTS = ['orderedAt', '-orderedAt', 'gross', '-gross', 'orderNo', '-orderNo'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

export interface OrdersPage {
  readonly items: readonly OrderListItem[];
  /** Opaque keyset cursor for the next page; null at the end. */
  readonly nextCursor: string | null;
}

export interface ImportPreview {
  readonly previewId: string;
  readonly fileName: string;
  readonly source: ImportSource;
  readonly encoding: string;
  readonly delimiter: string | null;
  readonly headers: readonly string[];
  /** The generic importer's column mapping (proposed or saved); null for platform formats. */
  readonly mapping: ColumnMapping | null;
  /** Required generic fields with no column yet: confirm is refused until they are mapped. */
  readonly unmappedRequired: readonly string[];
  readonly orders: number;
  readonly lines: number;
  /** Orders that would be new / updated / unchanged if confirmed now. */
  readonly counts: { readonly new: number; readonly updated: number; readonly unchanged: number };
  readonly rejected: readonly RowError[];
  /** Per currency: orders and gross (minor units) of what would be imported. */
  readonly totals: Readonly<Record<string, { readonly orders: number; readonly gross: number }>>;
  /** The first orders, for the preview table. */
  readonly sample: readonly OrderListItem[];
}

export interface ImportSummary {
  readonly importId: number;
  readonly source: ImportSource;
  readonly encoding: string;
  readonly orders: number;
  readonly lines: number;
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: readonly RowError[];
}

export interface SavedMapping {
  readonly name: string;
  readonly mapping: ColumnMapping;
  readonly savedAt: string;
}

const isoDate = isoDay;
const columnMapping = z.object(Object.fromEntries(GENERIC_FIELDS.map((f) => [f, z.string().max(200).nullable()])) as Record<(typeof GENERIC_FIELDS)[number], z.ZodNullable<z.ZodString>>).strict();

export const orderFilter = z.object({
  shopId: id.optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  customsMode: z.enum(CUSTOMS_MODES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  country: z.string().length(2).optional(),
  q: z.string().max(100).optional(),
}).strict();

export const manualOrderInput = z.object({
  id: id.optional(),
  shopId: id,
  orderNo: z.string().min(1).max(60),
  status: z.enum(ORDER_STATUSES),
  orderedAt: z.string().max(40),
  buyerCountry: z.string().max(2).nullable(),
  currency: z.enum(CURRENCIES),
  customsMode: z.enum(CUSTOMS_MODES).nullable(),
  fulfilment: z.enum(FULFILMENTS).nullable(),
  shipping: decimalText,
  discount: decimalText,
  lines: z.array(z.object({
    sku: z.string().min(1).max(60),
    itemName: z.string().max(250),
    quantity: z.number().int(),
    unitPrice: decimalText,
  }).strict()).min(1).max(100),
}).strict();

// ---- stock ------------------------------------------------------------------------------

export const POSTABLE_MOVE_TYPES = ['purchase', 'transfer', 'sale', 'return', 'count', 'writeoff'] as const;
export const LANDED_COST_KINDS = ['freight', 'insurance', 'duty', 'inboundFee'] as const;
export const PLATFORM_SKU_KINDS = ['asin', 'fnsku', 'sellerSku', 'shopifySku', 'other'] as const;

export interface StockImportSummary {
  readonly source: 'stock-moves' | 'fba-inventory' | 'stock-count';
  readonly rows: number;
  readonly posted: number;
  readonly created: { readonly skus: number; readonly warehouses: number };
  readonly rejected: readonly RowError[];
  /** fba-inventory: differences against the ledger (nothing is posted). */
  readonly differences: readonly StockDifference[];
}

const skuInput = z.object({
  id: id.optional(),
  itemNo: z.string().max(60), goodsName: z.string().max(400), gmodel: z.string().max(400), hsCode: z.string().max(20),
  unit: z.string().max(3), legalUnit: z.string().max(3), secondLegalUnit: z.string().max(3).nullable().optional(),
  barcode: z.string().max(60).nullable().optional(), origin: z.string().max(2).nullable().optional(),
  weightGrams: z.number().int().nullable().optional(), volumeCm3: z.number().int().nullable().optional(),
}).strict();

/** Import files travel base64-encoded in the command body; this caps them (~150 MB of file). */
export const MAX_IMPORT_BASE64 = 200 * 1024 * 1024;
const text = (max: number) => z.string().max(max);

export const companySaveInput = z.object({
  name: text(400),
  uscc: text(64),
  customsCode: text(64),
  dxpId: text(64).nullable().optional(),
  pilotZone: z.enum(PILOT_ZONES),
  baseCurrency: z.literal('CNY'),
}).strict();

export const contract = {
  'app.info': { input: empty, result: result<AppInfo>(), mutates: false },
  'company.get': { input: empty, result: result<CompanyRecord | null>(), mutates: false },
  'company.save': { input: companySaveInput, result: result<CompanyRecord>(), mutates: true },
  'settings.get': { input: empty, result: result<Settings>(), mutates: false },
  'settings.setLanguage': { input: z.object({ language: z.enum(LANGUAGES) }).strict(), result: result<Settings>(), mutates: true },
  'sync.status': { input: empty, result: result<SyncStatus>(), mutates: false },

  'shops.list': { input: empty, result: result<readonly Shop[]>(), mutates: false },
  'shops.save': {
    input: z.object({
      id: id.optional(), platform: z.enum(PLATFORMS), name: z.string().min(1).max(100), site: z.string().max(100).nullable(),
      currency: z.enum(CURRENCIES), timeZone: z.string().min(1).max(64),
    }).strict(),
    result: result<Shop>(), mutates: true,
  },

  'imports.preview': {
    input: z.object({
      fileName: z.string().min(1).max(260),
      contentBase64: z.string().max(MAX_IMPORT_BASE64),
      source: z.enum(['auto', ...IMPORT_SOURCES]),
      shopId: id.nullable().optional(),
      mapping: columnMapping.nullable().optional(),
      mappingName: z.string().max(100).nullable().optional(),
    }).strict(),
    result: result<ImportPreview>(), mutates: false, maxBodyBytes: MAX_IMPORT_BASE64 + 64 * 1024,
  },
  'imports.confirm': { input: z.object({ previewId: z.string().max(64), saveMappingAs: z.string().max(100).nullable().optional() }).strict(), result: result<ImportSummary>(), mutates: true },
  'imports.discard': { input: z.object({ previewId: z.string().max(64) }).strict(), result: result<{ readonly discarded: boolean }>(), mutates: false },
  'imports.rejectedCsv': { input: z.object({ previewId: z.string().max(64) }).strict(), result: result<{ readonly fileName: string; readonly csv: string }>(), mutates: false },
  'imports.mappings.list': { input: empty, result: result<readonly SavedMapping[]>(), mutates: false },

  'orders.list': {
    input: z.object({ filter: orderFilter.optional(), sort: z.enum(ORDER_SORTS).optional(), limit: z.number().int().min(1).max(500).optional(), cursor: z.string().max(500).nullable().optional() }).strict(),
    result: result<OrdersPage>(), mutates: false,
  },
  'orders.count': { input: z.object({ filter: orderFilter.optional() }).strict(), result: result<{ readonly total: number }>(), mutates: false },
  'orders.get': { input: z.object({ id }).strict(), result: result<OrderDetail>(), mutates: false },
  'orders.save': { input: manualOrderInput, result: result<OrderDetail>(), mutates: true },
  'orders.setCustomsMode': { input: z.object({ ids: z.array(id).min(1).max(100_000), mode: z.enum(CUSTOMS_MODES) }).strict(), result: result<{ readonly changed: number }>(), mutates: true },
  'orders.stats': { input: empty, result: result<OrdersStats>(), mutates: false },

  'stock.skus.list': { input: z.object({ q: z.string().max(100).optional() }).strict(), result: result<readonly SkuRecord[]>(), mutates: false },
  'stock.skus.save': { input: skuInput, result: result<SkuRecord>(), mutates: true },
  'stock.skus.mapPlatform': {
    input: z.object({ skuId: id, platform: z.enum(PLATFORMS), kind: z.enum(PLATFORM_SKU_KINDS), code: z.string().min(1).max(60) }).strict(),
    result: result<SkuRecord>(), mutates: true,
  },
  'stock.warehouses.list': { input: empty, result: result<readonly Warehouse[]>(), mutates: false },
  'stock.warehouses.save': {
    input: z.object({ id: id.optional(), code: z.string().min(1).max(30), name: z.string().min(1).max(100), kind: z.enum(WAREHOUSE_KINDS), country: z.string().length(2).nullable() }).strict(),
    result: result<Warehouse>(), mutates: true,
  },
  'stock.moves.post': {
    input: z.object({
      date: isoDay, type: z.enum(POSTABLE_MOVE_TYPES), skuId: id, warehouseId: id, toWarehouseId: id.nullable().optional(),
      quantity: z.number().int(), unitCost: decimalText.nullable().optional(), currency: z.enum(CURRENCIES).nullable().optional(),
      rate: decimalText.nullable().optional(), reference: z.string().max(60).nullable().optional(), reason: z.string().max(200).nullable().optional(),
      supplierInvoiceNo: z.string().max(60).nullable().optional(), supplierInvoiceAmount: decimalText.nullable().optional(),
      exportDate: isoDay.nullable().optional(),
    }).strict(),
    result: result<readonly StockMove[]>(), mutates: true,
  },
  'stock.moves.reverse': { input: z.object({ moveId: id, reason: z.string().min(1).max(200) }).strict(), result: result<readonly StockMove[]>(), mutates: true },
  'stock.moves.list': {
    input: z.object({ skuId: id.optional(), warehouseId: id.optional(), limit: z.number().int().min(1).max(500).optional(), cursor: z.string().max(200).nullable().optional() }).strict(),
    result: result<{ readonly items: readonly StockMove[]; readonly nextCursor: string | null }>(), mutates: false,
  },
  'stock.shipments.create': {
    input: z.object({
      bookingNoteNo: z.string().min(1).max(60), carrier: z.string().max(100), cartons: z.number().int().min(0), shipDate: isoDay, eta: isoDay.nullable(),
      fromWarehouseId: id, toWarehouseId: id, allocationBasis: z.enum(ALLOCATION_BASES),
      lines: z.array(z.object({ skuId: id, quantity: z.number().int().min(1) }).strict()).min(1).max(100),
    }).strict(),
    result: result<Shipment>(), mutates: true,
  },
  'stock.shipments.receive': {
    input: z.object({
      shipmentId: id, date: isoDay,
      lines: z.array(z.object({ skuId: id, received: z.number().int().min(0), discrepancyReason: z.string().max(200).nullable().optional() }).strict()).min(1),
    }).strict(),
    result: result<Shipment>(), mutates: true,
  },
  'stock.shipments.addCost': {
    input: z.object({ shipmentId: id, kind: z.enum(LANDED_COST_KINDS), date: isoDay, amount: decimalText, currency: z.enum(CURRENCIES), rate: decimalText.nullable().optional() }).strict(),
    result: result<Shipment>(), mutates: true,
  },
  'stock.shipments.list': { input: z.object({ status: z.enum(['inTransit', 'received']).optional() }).strict(), result: result<readonly Shipment[]>(), mutates: false },
  'stock.onHand': {
    // limit/cursor (optional): keyset pages in (sku, warehouse) order; without limit every position is returned.
    input: z.object({
      asOf: isoDay.optional(), skuId: id.optional(), warehouseId: id.optional(),
      limit: z.number().int().min(1).max(5000).optional(), cursor: z.string().max(200).nullable().optional(),
    }).strict(),
    result: result<{ readonly asOf: string; readonly items: readonly StockPosition[]; readonly nextCursor?: string | null }>(), mutates: false,
  },
  'stock.valuation': {
    input: z.object({ asOf: isoDay.optional() }).strict(),
    result: result<{ readonly asOf: string; readonly method: 'fifo' | 'movingAverage'; readonly items: readonly StockPosition[]; readonly total: { readonly quantity: number; readonly value: number } }>(), mutates: false,
  },
  'stock.ageing': { input: z.object({ asOf: isoDay.optional() }).strict(), result: result<readonly AgeingRow[]>(), mutates: false },
  'stock.reorderHints': { input: z.object({ asOf: isoDay.optional() }).strict(), result: result<readonly ReorderHint[]>(), mutates: false },
  'stock.postSales': {
    input: z.object({ from: isoDay.optional(), to: isoDay.optional() }).strict(),
    result: result<{ readonly posted: number; readonly skipped: ReadonlyArray<{ readonly orderNo: string; readonly sku: string; readonly code: string }> }>(), mutates: true,
  },
  'stock.import': {
    input: z.object({
      fileName: z.string().min(1).max(260), contentBase64: z.string().max(MAX_IMPORT_BASE64),
      source: z.enum(['stock-moves', 'fba-inventory', 'stock-count']), warehouseId: id.nullable().optional(),
      createMissing: z.boolean().optional(), dryRun: z.boolean().optional(),
    }).strict(),
    result: result<StockImportSummary>(), mutates: true, maxBodyBytes: MAX_IMPORT_BASE64 + 64 * 1024,
  },
  'settings.setValuationMethod': { input: z.object({ method: z.enum(['fifo', 'movingAverage']) }).strict(), result: result<{ readonly method: 'fifo' | 'movingAverage' }>(), mutates: true },
  // Each area keeps its commands in its own file (forex/settlement; customs, sync and the practice platform).
  ...settlementContract,
  ...customsContract,
  ...syncContract,
} as const;

export type Contract = typeof contract;
export type CommandName = keyof Contract;
export type CommandInput<K extends CommandName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CommandName> = z.output<Contract[K]['input']>;
export type CommandResult<K extends CommandName> = Contract[K]['result'];
export const COMMAND_NAMES = Object.keys(contract) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events pushed from the core to every window / browser tab. */
export interface EventMap {
  'ledger.changed': { readonly command: CommandName; readonly at: string };
  'sync.status': SyncStatus;
  /** A sync pass reports after each batch and receipts page (contract-sync.ts). */
  'sync.progress': SyncProgressEvent;
  /** Long work reports here: reading and parsing a file, then writing it. */
  'import.progress': { readonly previewId: string | null; readonly phase: 'read' | 'parse' | 'write'; readonly done: number; readonly total: number };
  /** customs.build reports each phase (contract-customs.ts). */
  'customs.progress': CustomsProgressEvent;
}
export type EventName = keyof EventMap;
export type AppEvent = { [K in EventName]: { readonly name: K; readonly payload: EventMap[K] } }[EventName];

/** Errors as they cross the boundary. `internal` carries only an incident id; its stack is logged. */
export interface ErrorInfo {
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly fields?: Record<string, string>;
  readonly incidentId?: string;
}
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };

/** What a host exposes to the renderer: one function per command, plus event subscription. */
export type KuajingApi = {
  readonly [K in CommandName]: (input: CommandInput<K>) => Promise<Result<CommandResult<K>>>;
};
export interface KuajingBridge {
  readonly commands: KuajingApi;
  readonly onEvent: (listener: (event: AppEvent) => void) => () => void;
}
