/**
 * The stock-moves template (one header row, English or Chinese headers) → checked move rows.
 * Amounts stay decimal text as written plus their exact minor value in the row's currency;
 * a row fails with the first broken rule as a `stock.row.*` RowError naming its column.
 * landed_cost rows are per shipment (`reference`): their SKU, warehouse and quantity are optional.
 * Optional columns describe the shipment a transfer names (carrier, cartons, basis — default value —,
 * eta, received_date: without the column the goods arrive on the row's date, a blank cell leaves
 * them in transit; declared_unit_value: the 9810 declared unit value in CNY, transfer rows only) and the warehouse a row may create (warehouse_kind, warehouse_country: of
 * `to_warehouse` on a transfer, of `warehouse` otherwise).
 * Every row gets a natural key: a hash of its move fields (amounts as minor units, so 12.0 = 12.00)
 * and `#n`, its occurrence among identical rows of the file, so an overlapping later export is
 * recognised row by row while two genuine identical rows stay two.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../core/domain-error.ts';
import { type Currency, type Minor, parseDecimal } from '../core/money/index.ts';
import {
  ALLOCATION_BASES,
  type AllocationBasis,
  WAREHOUSE_KINDS,
  type WarehouseKind,
} from '../core/stock/stock-views.ts';
import { countryToIso2 } from './country-codes.ts';
import { currencyFromText } from './currency-from-text.ts';
import type { Column } from './field-reader.ts';
import { findColumns } from './find-columns.ts';
import { readTable } from './read-table.ts';
import { type StockCells, type StockParse, collectRows } from './stock-cells.ts';

export const STOCK_MOVE_TYPES = ['purchase', 'transfer', 'sale', 'return', 'count', 'writeoff', 'landed_cost'] as const;
export type StockMoveType = (typeof STOCK_MOVE_TYPES)[number];

interface StockMoveFields {
  readonly row: number;
  /** `YYYY-MM-DD` as written. */
  readonly date: string;
  /** Transfers only; null for every other type. */
  readonly toWarehouse: string | null;
  /** Decimal text as written (trimmed), with its minor units in `currency`. */
  readonly unitCost: string | null;
  readonly unitCostMinor: Minor | null;
  readonly amount: string | null;
  readonly amountMinor: Minor | null;
  /** ISO code; the file's (人民币 → CNY) or the default; null only when no amount is written. */
  readonly currency: Currency | null;
  readonly reference: string | null;
  readonly reason: string | null;
  /** Kind of the warehouse this row may create (`to_warehouse` on a transfer), when the file says. */
  readonly warehouseKind: WarehouseKind | null;
  /** ISO 3166 alpha-2 country of that warehouse, when the file says. */
  readonly warehouseCountry: string | null;
  /** Hash of the move fields + `#n` (occurrence among identical rows of the file). */
  readonly naturalKey: string;
}

/** What a transfer row says about the head-haul shipment its `reference` names. */
export interface ShipmentColumns {
  readonly carrier: string | null;
  readonly cartons: number | null;
  readonly basis: AllocationBasis;
  readonly eta: string | null;
  /** The day the goods arrive: the row's date without a received_date column, null (in transit) when blank. */
  readonly receivedDate: string | null;
  /** The file writes the received date (a later export can then receive a shipment left in transit). */
  readonly receivedDateWritten: boolean;
  /** 9810 declared unit value in CNY fen (`declared_unit_value`, 申报单价): the head-haul declaration's price (issue 15). */
  readonly declaredUnitValue: Minor | null;
}

/** purchase … writeoff: one SKU in one warehouse; count's quantity is the counted quantity (≥ 0). */
export interface StockItemMoveRow extends StockMoveFields {
  readonly type: Exclude<StockMoveType, 'landed_cost'>;
  readonly sku: string;
  readonly warehouse: string;
  readonly quantity: number;
  /** Transfers only (null otherwise). */
  readonly shipment: ShipmentColumns | null;
}

/** A cost for the whole shipment named in `reference`, to be allocated over its SKUs. */
export interface StockLandedCostRow extends StockMoveFields {
  readonly type: 'landed_cost';
  readonly sku: string | null;
  readonly warehouse: string | null;
  readonly quantity: number | null;
  readonly amount: string;
  readonly amountMinor: Minor;
  readonly currency: Currency;
  readonly reference: string;
}

export type StockMoveRow = StockItemMoveRow | StockLandedCostRow;

export interface StockMovesOptions {
  /** Currency for amounts on rows with a blank currency (e.g. the company's CNY); else such rows fail. */
  readonly defaultCurrency?: Currency | null;
}

const HEADERS = 'date,type,sku,warehouse,to_warehouse,quantity,unit_cost,amount,currency,reference,reason';
const HEADERS_ZH = '日期,类型,SKU,仓库,目标仓库,数量,单位成本,金额,币种,单号,原因';

/** The downloadable template: header line and two example rows (CRLF, as Excel writes CSV). */
export const STOCK_MOVES_TEMPLATE = [
  HEADERS,
  '2026-03-05,purchase,MUG-350-WH,SZ-01,,1000,12.50,12500.00,CNY,INV-20260305-01,',
  '2026-03-10,transfer,MUG-350-WH,SZ-01,FBA-US,600,,,,BN9810-0001,',
  '',
].join('\r\n');

/** The same template with Chinese headers and type names, with a UTF-8 BOM so Excel shows it right. */
export const STOCK_MOVES_TEMPLATE_ZH =
  '\uFEFF' +
  [
    HEADERS_ZH,
    '2026-03-05,采购,MUG-350-WH,SZ-01,,1000,12.50,12500.00,CNY,INV-20260305-01,',
    '2026-03-10,调拨,MUG-350-WH,SZ-01,FBA-US,600,,,,BN9810-0001,',
    '',
  ].join('\r\n');

const TYPE_NAMES: Readonly<Record<string, StockMoveType>> = {
  purchase: 'purchase',
  transfer: 'transfer',
  sale: 'sale',
  return: 'return',
  count: 'count',
  writeoff: 'writeoff',
  write_off: 'writeoff',
  landed_cost: 'landed_cost',
  landedcost: 'landed_cost',
  采购: 'purchase',
  采购入库: 'purchase',
  调拨: 'transfer',
  销售: 'sale',
  退货: 'return',
  盘点: 'count',
  报损: 'writeoff',
  报废: 'writeoff',
  头程费用: 'landed_cost',
  到岸成本: 'landed_cost',
};

const REQUIRED = {
  date: ['date', '日期'],
  type: ['type', '类型'],
  sku: ['sku', '商品编码'],
  warehouse: ['warehouse', '仓库'],
  quantity: ['quantity', '数量'],
} as const;
const OPTIONAL = {
  toWarehouse: ['to_warehouse', 'to warehouse', '目标仓库'],
  unitCost: ['unit_cost', 'unit cost', '单位成本'],
  amount: ['amount', '金额'],
  currency: ['currency', '币种'],
  reference: ['reference', '单号'],
  reason: ['reason', '原因'],
  carrier: ['carrier', '承运商', '物流商'],
  cartons: ['cartons', '箱数'],
  basis: ['basis', '分摊方式'],
  eta: ['eta', '预计到达'],
  receivedDate: ['received_date', 'received date', '到货日期', '收货日期'],
  warehouseKind: ['warehouse_kind', 'warehouse kind', '仓库类型'],
  warehouseCountry: ['warehouse_country', 'warehouse country', '仓库国家'],
  declaredUnitValue: ['declared_unit_value', 'declared unit value', '申报单价', '申报单价(人民币)'],
} as const;

/** Warehouse kinds by their English and Chinese names (also read by the warehouse file, warehouses-file.ts). */
export const KIND_NAMES: Readonly<Record<string, WarehouseKind>> = {
  ...Object.fromEntries(WAREHOUSE_KINDS.map((k) => [k.toLowerCase(), k])),
  overseas_own: 'overseasOwn',
  overseas_public: 'overseasPublic',
  fba: 'platform',
  国内仓: 'domestic',
  在途仓: 'transit',
  海外仓: 'overseasOwn',
  自营海外仓: 'overseasOwn',
  公共海外仓: 'overseasPublic',
  平台仓: 'platform',
  退货仓: 'returns',
};
const BASIS_NAMES: Readonly<Record<string, AllocationBasis>> = {
  ...Object.fromEntries(ALLOCATION_BASES.map((b) => [b, b])),
  货值: 'value',
  重量: 'weight',
  体积: 'volume',
  数量: 'quantity',
};

type Columns = ReturnType<typeof findColumns<keyof typeof REQUIRED, keyof typeof OPTIONAL>>;

/** Parses the template; file-level problems throw `import.file.*` (missingColumns {source: 'stock-moves'}). */
export async function parseStockMoves(
  bytes: Uint8Array,
  options: StockMovesOptions = {},
): Promise<StockParse<StockMoveRow>> {
  const table = await readTable(bytes);
  const cols = findColumns(table, 'stock-moves', REQUIRED, OPTIONAL);
  const fallback = options.defaultCurrency ?? null;
  const parsed = collectRows(table, (cells) => readMove(cells, cols, fallback));
  const seen = new Map<string, number>();
  const rows = parsed.rows.map((r) => {
    const fields = createHash('sha256')
      .update(
        JSON.stringify([
          r.date,
          r.type,
          r.sku,
          r.warehouse,
          r.toWarehouse,
          r.quantity,
          r.unitCostMinor,
          r.amountMinor,
          r.currency,
          r.reference,
          r.reason,
        ]),
      )
      .digest('hex')
      .slice(0, 32);
    const n = (seen.get(fields) ?? 0) + 1;
    seen.set(fields, n);
    return { ...r, naturalKey: `${fields}#${n}` } as StockMoveRow;
  });
  return { ...parsed, rows };
}

/** The row's warehouse kind and country columns. */
function warehouseFacts(
  c: StockCells,
  cols: Columns,
): { warehouseKind: WarehouseKind | null; warehouseCountry: string | null } {
  const kindText = c.optional(cols.warehouseKind);
  const warehouseKind =
    kindText === null
      ? null
      : (KIND_NAMES[kindText.toLowerCase().replace(/[\s-]+/g, '_')] ??
        KIND_NAMES[kindText.toLowerCase()] ??
        c.fail(cols.warehouseKind ?? 'warehouse_kind', 'stock.row.badWarehouseKind', kindText));
  const countryText = c.optional(cols.warehouseCountry);
  const warehouseCountry =
    countryText === null
      ? null
      : (countryToIso2(countryText) ??
        c.fail(cols.warehouseCountry ?? 'warehouse_country', 'stock.row.badCountry', countryText));
  return { warehouseKind, warehouseCountry };
}

/** The shipment columns of a transfer row. */
function shipmentColumns(c: StockCells, cols: Columns, date: string): ShipmentColumns {
  const basisText = c.optional(cols.basis);
  const basis =
    basisText === null
      ? 'value'
      : (BASIS_NAMES[basisText.toLowerCase()] ?? c.fail(cols.basis ?? 'basis', 'stock.row.badBasis', basisText));
  const cartons = cols.cartons === null || c.text(cols.cartons) === '' ? null : c.quantity(cols.cartons, false);
  const eta = cols.eta === null || c.text(cols.eta) === '' ? null : c.day(cols.eta, false);
  let receivedDate: string | null = date;
  if (cols.receivedDate !== null) {
    receivedDate = c.text(cols.receivedDate) === '' ? null : c.day(cols.receivedDate, false);
    if (receivedDate !== null && receivedDate < date)
      c.fail(cols.receivedDate, 'stock.row.receivedBeforeShipped', receivedDate);
  }
  const declaredText = c.optional(cols.declaredUnitValue);
  const declaredUnitValue =
    declaredText === null ? null : decimal(c, cols.declaredUnitValue ?? 'declared_unit_value', declaredText, 'CNY');
  if (declaredUnitValue === 0) c.fail(cols.declaredUnitValue ?? 'declared_unit_value', 'stock.row.badAmount', '0');
  return {
    carrier: c.optional(cols.carrier),
    cartons,
    basis,
    eta,
    receivedDate,
    receivedDateWritten: cols.receivedDate !== null && receivedDate !== null,
    declaredUnitValue,
  };
}

/** A row before its natural key is known (it needs the rows before it). */
type KeylessRow<T = StockMoveRow> = T extends unknown ? Omit<T, 'naturalKey'> : never;

function readMove(c: StockCells, cols: Columns, defaultCurrency: Currency | null): KeylessRow {
  const typeText = c.required(cols.type);
  const type =
    TYPE_NAMES[typeText.toLowerCase().replace(/[\s-]+/g, '_')] ?? c.fail(cols.type, 'stock.row.badType', typeText);
  const date = c.day(cols.date, true);
  if (type === 'landed_cost') {
    const sku = c.optional(cols.sku);
    const warehouse = c.optional(cols.warehouse);
    const quantity = c.text(cols.quantity) === '' ? null : c.quantity(cols.quantity, false);
    const amount = present(c, cols.amount, 'amount');
    const reference = present(c, cols.reference, 'reference');
    const unitCost = c.optional(cols.unitCost);
    const currency =
      readCurrency(c, cols.currency, defaultCurrency) ?? c.fail(cols.currency ?? 'currency', 'stock.row.missingValue');
    return {
      type,
      sku,
      warehouse,
      toWarehouse: null,
      quantity,
      unitCost,
      unitCostMinor: unitCost === null ? null : decimal(c, cols.unitCost ?? 'unit_cost', unitCost, currency),
      amount,
      amountMinor: decimal(c, cols.amount ?? 'amount', amount, currency),
      currency,
      reference,
      ...rowFacts(c, cols, date), // last: its cells are checked after the amounts, as they always were
    };
  }
  const sku = c.required(cols.sku);
  const warehouse = c.required(cols.warehouse);
  if (type !== 'transfer' && c.optional(cols.declaredUnitValue) !== null)
    c.fail(cols.declaredUnitValue!, 'stock.row.declaredValueNotTransfer', c.optional(cols.declaredUnitValue)!);
  let toWarehouse: string | null = null;
  if (type === 'transfer') {
    toWarehouse = present(c, cols.toWarehouse, 'to_warehouse');
    if (toWarehouse === warehouse) c.fail(cols.toWarehouse ?? 'to_warehouse', 'stock.row.sameWarehouse', toWarehouse);
  }
  const quantity = c.quantity(cols.quantity, type === 'count');
  const unitCost = type === 'purchase' ? present(c, cols.unitCost, 'unit_cost') : c.optional(cols.unitCost);
  const amount = c.optional(cols.amount);
  const reference = c.optional(cols.reference);
  let currency = readCurrency(c, cols.currency, defaultCurrency);
  if (unitCost !== null || amount !== null) currency ??= c.fail(cols.currency ?? 'currency', 'stock.row.missingValue');
  else if (c.text(cols.currency) === '') currency = null; // no money on the row: no default applied
  return {
    type,
    sku,
    warehouse,
    toWarehouse,
    quantity,
    unitCost,
    unitCostMinor:
      unitCost === null || currency === null ? null : decimal(c, cols.unitCost ?? 'unit_cost', unitCost, currency),
    amount,
    amountMinor: amount === null || currency === null ? null : decimal(c, cols.amount ?? 'amount', amount, currency),
    currency,
    reference,
    shipment: type === 'transfer' ? shipmentColumns(c, cols, date) : null,
    ...rowFacts(c, cols, date),
  };
}

/** What every move row states whatever its type: its row, day, reason and the warehouse it may create. */
function rowFacts(c: StockCells, cols: Columns, date: string) {
  return { row: c.row, date, reason: c.optional(cols.reason), ...warehouseFacts(c, cols) };
}

/** The written currency (ISO code or 人民币, 美元 …), else the default; `stock.row.badCurrency` when unknown. */
function readCurrency(c: StockCells, column: Column | null, defaultCurrency: Currency | null): Currency | null {
  const t = c.optional(column);
  if (t === null) return defaultCurrency;
  return currencyFromText(t) ?? c.fail(column ?? 'currency', 'stock.row.badCurrency', t);
}

/** The cell's text; blank (or the column absent) fails `stock.row.missingValue`. */
function present(c: StockCells, column: Column | null, name: string): string {
  const t = c.optional(column);
  if (t === null) c.fail(column ?? name, 'stock.row.missingValue');
  return t;
}

/** Minor units of a written, non-negative decimal in `currency`; `stock.row.badAmount` otherwise. */
function decimal(c: StockCells, column: Column | string, text: string, currency: Currency): Minor {
  let value: Minor;
  try {
    value = parseDecimal(text, currency).amount;
  } catch (e) {
    if (e instanceof DomainError) c.fail(column, 'stock.row.badAmount', text);
    throw e;
  }
  if (value < 0) c.fail(column, 'stock.row.badAmount', text);
  return value;
}
