/**
 * The stock vocabulary the screens offer, copied from src-main/api/contract.ts (the renderer
 * may only `import type` from it): each list is checked with `satisfies` against the contract's
 * union and for completeness, so a value added in the core without being added here fails to
 * compile. Unit codes are the customs units of src-main/core/stock/sku.ts.
 */
import type {
  AgeingRow,
  AllocationBasis,
  CommandInput,
  MoveType,
  WarehouseKind,
} from '../../../src-main/api/contract.ts';

type Covers<Union, List extends readonly unknown[]> = [Exclude<Union, List[number]>] extends [never] ? true : never;

export type PostableMoveType = CommandInput<'stock.moves.post'>['type'];
export type LandedCostKind = CommandInput<'stock.shipments.addCost'>['kind'];
export type StockImportSource = CommandInput<'stock.import'>['source'];
export type ValuationMethod = CommandInput<'settings.setValuationMethod'>['method'];
export type AgeingBucket = keyof AgeingRow['buckets'];

export const WAREHOUSE_KINDS = [
  'domestic',
  'transit',
  'overseasOwn',
  'overseasPublic',
  'platform',
  'returns',
] as const satisfies readonly WarehouseKind[];
export const POSTABLE_MOVE_TYPES = [
  'purchase',
  'transfer',
  'sale',
  'return',
  'count',
  'writeoff',
] as const satisfies readonly PostableMoveType[];
/** Every move type: the postable ones, then those only the ledger writes. */
export const MOVE_TYPES = [
  ...POSTABLE_MOVE_TYPES,
  'reversal',
  'landedCost',
  'shipmentDispatch',
  'shipmentReceipt',
] as const satisfies readonly MoveType[];
export const ALLOCATION_BASES = ['value', 'weight', 'volume', 'quantity'] as const satisfies readonly AllocationBasis[];
export const LANDED_COST_KINDS = [
  'freight',
  'insurance',
  'duty',
  'inboundFee',
] as const satisfies readonly LandedCostKind[];
export const STOCK_IMPORT_SOURCES = [
  'stock-moves',
  'fba-inventory',
  'stock-count',
] as const satisfies readonly StockImportSource[];
export const VALUATION_METHODS = ['fifo', 'movingAverage'] as const satisfies readonly ValuationMethod[];
export const AGEING_BUCKETS = ['0-30', '31-90', '91-180', '181-365', '365+'] as const satisfies readonly AgeingBucket[];

const covered: readonly true[] = [
  true satisfies Covers<WarehouseKind, typeof WAREHOUSE_KINDS>,
  true satisfies Covers<MoveType, typeof MOVE_TYPES>,
  true satisfies Covers<PostableMoveType, typeof POSTABLE_MOVE_TYPES>,
  true satisfies Covers<AllocationBasis, typeof ALLOCATION_BASES>,
  true satisfies Covers<LandedCostKind, typeof LANDED_COST_KINDS>,
  true satisfies Covers<StockImportSource, typeof STOCK_IMPORT_SOURCES>,
  true satisfies Covers<ValuationMethod, typeof VALUATION_METHODS>,
  true satisfies Covers<AgeingBucket, typeof AGEING_BUCKETS>,
];
void covered;

/** Customs unit codes (海关计量单位) offered for a SKU's unit and legal units. */
export const UNIT_CODES = [
  '001',
  '006',
  '007',
  '008',
  '011',
  '012',
  '015',
  '025',
  '030',
  '032',
  '035',
  '036',
  '095',
  '120',
  '125',
  '136',
  '140',
  '142',
] as const;
export type UnitCode = (typeof UNIT_CODES)[number];

/** Warehouse kinds a person creates; transit locations are made by the shipment form. */
export const CREATABLE_WAREHOUSE_KINDS = [
  'domestic',
  'overseasOwn',
  'overseasPublic',
  'platform',
  'returns',
] as const satisfies readonly WarehouseKind[];

/** The tabs of the stock page, in order; the URL hash is `#/stock/<tab>`. */
export const STOCK_TABS = ['onhand', 'transit', 'moves', 'ageing', 'reorder', 'skus', 'warehouses', 'import'] as const;
export type StockTab = (typeof STOCK_TABS)[number];

function member<T extends string>(list: readonly T[]) {
  return (value: string): value is T => (list as readonly string[]).includes(value);
}

export const isWarehouseKind = member<WarehouseKind>(WAREHOUSE_KINDS);
export const isPostableMoveType = member<PostableMoveType>(POSTABLE_MOVE_TYPES);
export const isAllocationBasis = member<AllocationBasis>(ALLOCATION_BASES);
export const isLandedCostKind = member<LandedCostKind>(LANDED_COST_KINDS);
export const isStockImportSource = member<StockImportSource>(STOCK_IMPORT_SOURCES);
export const isValuationMethod = member<ValuationMethod>(VALUATION_METHODS);
export const isStockTab = member<StockTab>(STOCK_TABS);
export const isUnitCode = member<UnitCode>(UNIT_CODES);

/** The stock-moves import template (one header row, as the README documents it). */
export const STOCK_MOVES_TEMPLATE_HEADER =
  'date,type,sku,warehouse,to_warehouse,quantity,unit_cost,amount,currency,reference,reason,' +
  // optional: the shipment a transfer names and the kind/country of a warehouse the file creates. Not
  // received_date: with that column a blank cell leaves goods in transit; without it they arrive on the row's date.
  'carrier,cartons,basis,eta,warehouse_kind,warehouse_country';

/** Today in the computer's time zone as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** Text of a whole number typed by a person → the integer, or null when it is not one. */
export function parseInteger(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d{1,12}$/.test(trimmed)) return null;
  return Number(trimmed);
}
