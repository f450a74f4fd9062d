/**
 * The order vocabulary the screens offer, copied from src-main/core/orders/order.ts in the
 * core's order: the renderer may only `import type` from the contract, so each list is a
 * `closedList` of the contract's union — a value added in the core without being added here
 * fails to compile.
 */
import type {
  ColumnMapping,
  CustomsMode,
  FeeType,
  Fulfilment,
  ImportSource,
  OrderSort,
  OrderStatus,
  Platform,
  SaleExclusion,
} from '../../../src-main/api/contract.ts';
import { closedList, memberOf } from '../../ui/closed-list.ts';

export const PLATFORMS = closedList<Platform>()(['amazon', 'shopify', 'shopee', 'tiktok', 'erp', 'manual']);
export const ORDER_STATUSES = closedList<OrderStatus>()([
  'pending',
  'unpaid',
  'paid',
  'shipped',
  'delivered',
  'cancelled',
  'refunding',
  'refunded',
  'partially_refunded',
  'unknown',
]);
/** What a person may set or map a status word to: every status but `unknown` (MAPPABLE_STATUSES in the core). */
export const MAPPABLE_STATUSES = ORDER_STATUSES.filter((s): s is Exclude<OrderStatus, 'unknown'> => s !== 'unknown');
export type MappableStatus = (typeof MAPPABLE_STATUSES)[number];
export const isMappableStatus = memberOf(MAPPABLE_STATUSES);
export const CUSTOMS_MODES = closedList<CustomsMode>()(['9610', '9710', '9810', '1210']);
export const FULFILMENTS = closedList<Fulfilment>()(['self', 'overseas', 'platform']);
export const FEE_TYPES = closedList<FeeType>()(['commission', 'fulfilment', 'shipping', 'advertising', 'other']);
export const SALE_EXCLUSIONS = closedList<SaleExclusion>()([
  'cancelled',
  'pending',
  'otherChannel',
  'unpaid',
  'unknownStatus',
  'amountsUnknown',
]);
export const IMPORT_SOURCES = closedList<ImportSource>()([
  'amazon-orders',
  'amazon-settlement',
  'shopify',
  'shopee',
  'tiktok',
  'generic',
]);

export type GenericField = keyof ColumnMapping;
export const GENERIC_FIELDS = closedList<GenericField>()([
  'orderNo',
  'orderedAt',
  'status',
  'sku',
  'itemName',
  'quantity',
  'unitPrice',
  'lineTotal',
  'currency',
  'shipping',
  'discount',
  'tax',
  'buyerCountry',
  'shopName',
  'fulfilment',
  'orderTotal',
]);
/** Fields the generic importer cannot do without (REQUIRED_GENERIC_FIELDS in the core). */
export const REQUIRED_GENERIC_FIELDS = [
  'orderNo',
  'orderedAt',
  'sku',
  'quantity',
] as const satisfies readonly GenericField[];

/** Columns the list sorts by; `-field` is descending. */
export const SORT_FIELDS = ['orderedAt', 'gross', 'orderNo'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const ORDER_SORTS = closedList<OrderSort>()([
  'orderedAt',
  '-orderedAt',
  'gross',
  '-gross',
  'orderNo',
  '-orderNo',
]);

export const isOrderStatus = memberOf(ORDER_STATUSES);
export const isCustomsMode = memberOf(CUSTOMS_MODES);
export const isFulfilment = memberOf(FULFILMENTS);
export const isPlatform = memberOf(PLATFORMS);
export const isImportSource = memberOf(IMPORT_SOURCES);

export function sortField(sort: OrderSort): SortField {
  return sort.replace(/^-/, '') as SortField;
}

export function isDescending(sort: OrderSort): boolean {
  return sort.startsWith('-');
}

/** Clicking a column: the same column flips direction; a new one starts newest/largest first (order no A→Z). */
export function nextSort(current: OrderSort, field: SortField): OrderSort {
  if (sortField(current) === field) return (isDescending(current) ? field : `-${field}`) as OrderSort;
  return (field === 'orderNo' ? field : `-${field}`) as OrderSort;
}
