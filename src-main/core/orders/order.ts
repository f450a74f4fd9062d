/**
 * The order vocabulary shared by importers, the store and the screens: platforms, statuses,
 * customs modes, fulfilment channels, fee types, and the normalised `ImportedOrder` every
 * importer produces. Money is integer minor units in the order's currency; order numbers are
 * text (TikTok ids exceed 2^53); times are ISO-8601 with the offset they were read in.
 */
import type { Currency } from '../money/currency.ts';
import type { Minor } from '../money/minor.ts';

export const PLATFORMS = ['amazon', 'shopify', 'shopee', 'tiktok', 'erp', 'manual'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * `refunding`: a refund is in progress (退款中); `unknown`: the file's status word is in no table
 * and the shop has not mapped it yet (the word is kept as written; see sale-rule.ts).
 */
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
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** What a user may map an unknown status word to: every status except `unknown` itself. */
export const MAPPABLE_STATUSES = ORDER_STATUSES.filter((s): s is Exclude<OrderStatus, 'unknown'> => s !== 'unknown');
export type MappableStatus = (typeof MAPPABLE_STATUSES)[number];

export const CUSTOMS_MODES = ['9610', '9710', '9810', '1210'] as const;
export type CustomsMode = (typeof CUSTOMS_MODES)[number];

/** self: shipped by the seller from China; overseas: from an own/public overseas warehouse; platform: FBA-like. */
export const FULFILMENTS = ['self', 'overseas', 'platform'] as const;
export type Fulfilment = (typeof FULFILMENTS)[number];

export const FEE_TYPES = ['commission', 'fulfilment', 'shipping', 'advertising', 'other'] as const;
export type FeeType = (typeof FEE_TYPES)[number];

/**
 * Why an order (or all of it) is not counted as a sale; null = it is a sale. `unknownStatus`:
 * its status word is not known yet; `amountsUnknown`: the file states no prices for it (it
 * counts in orders and lines, never in sales).
 */
export const SALE_EXCLUSIONS = [
  'cancelled',
  'pending',
  'otherChannel',
  'unpaid',
  'unknownStatus',
  'amountsUnknown',
] as const;
export type SaleExclusion = (typeof SALE_EXCLUSIONS)[number];

export const IMPORT_SOURCES = ['amazon-orders', 'amazon-settlement', 'shopify', 'shopee', 'tiktok', 'generic'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export interface ImportedLine {
  /** Stable within the order across re-imports (platform item id, or SKU + occurrence). */
  readonly lineKey: string;
  readonly sku: string;
  readonly itemName: string;
  readonly quantity: number;
  /** Unit price as the file states it, when it states one. */
  readonly unitPrice: Minor | null;
  /**
   * Goods amount of the line before discounts (Amazon item-price; Shopify quantity × price);
   * null when the file states no price for the line (Amazon Pending and multi-channel rows): the
   * line's amounts are then unknown, stored as NULL, and its order's amounts with them.
   */
  readonly lineTotal: Minor | null;
  /** Discounts on this line, as a positive amount. */
  readonly discount: Minor;
  /** Taxes listed on top of the price (US sales tax, Shopify Taxes); VAT inside prices stays in lineTotal. */
  readonly taxOnTop: Minor;
  /** Item-level shipping and gift wrap charged to the buyer (Amazon lists them per item). */
  readonly shipping: Minor;
  readonly giftWrap: Minor;
  /** The platform cancelled this item although the order stands (Amazon item-status Cancelled). */
  readonly cancelled: boolean;
  /**
   * Transaction-price parts for the customs declaration (issue 15), where the file states them:
   * VAT the marketplace collected inside lineTotal (Amazon UK/EU item-tax) and inside shipping and
   * gift wrap (shipping-tax, gift-wrap-tax), and the part of `discount` that is a shipping promotion.
   */
  readonly includedTax?: Minor | undefined;
  readonly includedShippingTax?: Minor | undefined;
  readonly shippingDiscount?: Minor | undefined;
  /**
   * Platform-funded (non-cash) discount on the line, its shipping or its payment (Shopee voucher and
   * coins, TikTok platform discounts), positive: not in `discount` (the seller's), so it stays in the
   * goods value the seller is paid and declares; the buyer paid that much less (CEB403 `charge`).
   */
  readonly platformDiscount?: Minor | undefined;
  /** 1-based data row in the file (header = row 1), for messages and evidence. */
  readonly sourceRow: number;
}

export interface ImportedFee {
  readonly type: FeeType;
  /** The platform's own words for it, e.g. 'FBAPerUnitFulfillmentFee'. */
  readonly description: string;
  /** A cost to the seller as a positive amount. */
  readonly amount: Minor;
  readonly sourceRow: number;
}

export interface ImportedOrder {
  readonly platform: Platform;
  readonly orderNo: string;
  /** The status text exactly as the file has it ('Shipped', '已取消', 'paid'…); the core maps it. */
  readonly platformStatus: string;
  /** Amazon sales-channel ('Amazon.com', 'Non-Amazon'), Shopify Source…; null when absent. */
  readonly salesChannel: string | null;
  readonly orderedAt: string;
  readonly buyerCountry: string | null;
  /** Null only for an order whose amounts are all unknown and whose file names no currency (Amazon MCF rows). */
  readonly currency: Currency | null;
  readonly fulfilment: Fulfilment | null;
  /** Order-level amounts (ERP 运费 counted once per order, Shopify Shipping, order discounts). */
  readonly shipping: Minor;
  readonly discount: Minor;
  readonly taxOnTop: Minor;
  readonly refunded: Minor;
  readonly lines: readonly ImportedLine[];
  readonly fees: readonly ImportedFee[];
  readonly sourceRows: readonly number[];
  readonly shopName: string | null;
  /** The order total the file itself states (Shopify Total, TikTok Order Amount …), null when it states none. */
  readonly statedTotal?: Minor | null;
  /**
   * For an Amazon multi-channel (Non-Amazon) order: the order number in the channel it was sold
   * in (`merchant-order-id`), so the store can link it to that order and post its goods out once.
   */
  readonly channelOrderNo?: string | null;
  /**
   * Set where the export states no tax for a destination whose marketplace collects VAT inside the
   * prices, so the lines' `includedTax` / `includedShippingTax` were computed from that country's
   * standard rate (issue 15): the import says so (`import.order.taxComputed`).
   */
  readonly computedTax?: { readonly country: string; readonly ratePercent: string } | null;
}

/** Something an import found worth saying that rejects nothing (`import.order.totalMismatch` …). */
export interface ImportWarning {
  readonly row: number;
  readonly orderNo: string;
  readonly code: string;
  readonly params: Record<string, string | number>;
}

/** A rejected row: where, and a coded reason (`import.row.badDate` …) with its parameters. */
export interface RowError {
  readonly row: number;
  readonly column: string | null;
  readonly code: string;
  readonly params: Record<string, string | number>;
}

/** Fields the generic CSV/XLSX importer maps columns to (the mapping screen's rows). */
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
] as const;
export type GenericField = (typeof GENERIC_FIELDS)[number];
/** Which header feeds each field; null = not in the file. */
export type ColumnMapping = Readonly<Record<GenericField, string | null>>;
export const REQUIRED_GENERIC_FIELDS: readonly GenericField[] = ['orderNo', 'orderedAt', 'sku', 'quantity'];

/** What an importer hands to the store: normalised orders plus rejected rows, nothing written yet. */
export interface ParsedImport {
  readonly source: ImportSource;
  /** 'utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'xlsx'. */
  readonly encoding: string;
  readonly delimiter: string | null;
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping | null;
  readonly unmappedRequired: readonly GenericField[];
  readonly orders: readonly ImportedOrder[];
  /** Rows that could not be read; an order with any bad row is rejected whole (never half an order). */
  readonly rejected: readonly RowError[];
  /** The order number of each rejected row that has one, keyed by row number (the CLI and the preview name it). */
  readonly rejectedOrderNos: Readonly<Record<number, string>>;
  /** Data rows in the file (header excluded). */
  readonly rowCount: number;
  /** Per-order remarks that reject nothing (totals that differ from the file's own). */
  readonly warnings: readonly ImportWarning[];
  /** Status words no table (and no mapping given to the parse) knows, with how many orders carry each. */
  readonly unknownStatuses: Readonly<Record<string, number>>;
  /**
   * Rows read = rows of imported orders (continuation rows included) + rejected rows + rows that
   * are not order rows (a settlement's other transactions); `parseImport` refuses a file where
   * this does not hold (`import.file.rowsUnaccounted`).
   */
  readonly rowsImported: number;
  readonly rowsRejected: number;
  readonly rowsSkipped: number;
}
