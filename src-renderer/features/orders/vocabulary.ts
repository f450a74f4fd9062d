/**
 * The order vocabulary the screens offer, copied from src-main/core/orders/order.ts in the
 * core's order: the renderer may only `import type` from the contract, so each list is
 * checked with `satisfies` against the contract's union and, below, for completeness — a
 * value added in the core without being added here fails to compile.
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

/** `true` only when List names every member of Union (otherwise `never`, which fails to compile). */
type Covers<Union, List extends readonly unknown[]> = [Exclude<Union, List[number]>] extends [never] ? true : never;

export const PLATFORMS = [
  'amazon',
  'shopify',
  'shopee',
  'tiktok',
  'erp',
  'manual',
] as const satisfies readonly Platform[];
export const ORDER_STATUSES = [
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
] as const satisfies readonly OrderStatus[];
/** What a person may set or map a status word to: every status but `unknown` (MAPPABLE_STATUSES in the core). */
export const MAPPABLE_STATUSES = ORDER_STATUSES.filter((s): s is Exclude<OrderStatus, 'unknown'> => s !== 'unknown');
export type MappableStatus = (typeof MAPPABLE_STATUSES)[number];
export const isMappableStatus = (v: string): v is MappableStatus =>
  (MAPPABLE_STATUSES as readonly string[]).includes(v);
export const CUSTOMS_MODES = ['9610', '9710', '9810', '1210'] as const satisfies readonly CustomsMode[];
export const FULFILMENTS = ['self', 'overseas', 'platform'] as const satisfies readonly Fulfilment[];
export const FEE_TYPES = [
  'commission',
  'fulfilment',
  'shipping',
  'advertising',
  'other',
] as const satisfies readonly FeeType[];
export const SALE_EXCLUSIONS = [
  'cancelled',
  'pending',
  'otherChannel',
  'unpaid',
  'unknownStatus',
  'amountsUnknown',
] as const satisfies readonly SaleExclusion[];
export const IMPORT_SOURCES = [
  'amazon-orders',
  'amazon-settlement',
  'shopify',
  'shopee',
  'tiktok',
  'generic',
] as const satisfies readonly ImportSource[];

export type GenericField = keyof ColumnMapping;
export const GENERIC_FIELDS = [
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
] as const satisfies readonly GenericField[];
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
export const ORDER_SORTS = [
  'orderedAt',
  '-orderedAt',
  'gross',
  '-gross',
  'orderNo',
  '-orderNo',
] as const satisfies readonly OrderSort[];

const covered: readonly true[] = [
  true satisfies Covers<Platform, typeof PLATFORMS>,
  true satisfies Covers<OrderStatus, typeof ORDER_STATUSES>,
  true satisfies Covers<CustomsMode, typeof CUSTOMS_MODES>,
  true satisfies Covers<Fulfilment, typeof FULFILMENTS>,
  true satisfies Covers<FeeType, typeof FEE_TYPES>,
  true satisfies Covers<SaleExclusion, typeof SALE_EXCLUSIONS>,
  true satisfies Covers<ImportSource, typeof IMPORT_SOURCES>,
  true satisfies Covers<GenericField, typeof GENERIC_FIELDS>,
  true satisfies Covers<OrderSort, typeof ORDER_SORTS>,
];
void covered;

function member<T extends string>(list: readonly T[]) {
  return (value: string): value is T => (list as readonly string[]).includes(value);
}

export const isOrderStatus = member<OrderStatus>(ORDER_STATUSES);
export const isCustomsMode = member<CustomsMode>(CUSTOMS_MODES);
export const isFulfilment = member<Fulfilment>(FULFILMENTS);
export const isPlatform = member<Platform>(PLATFORMS);
export const isImportSource = member<ImportSource>(IMPORT_SOURCES);

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
