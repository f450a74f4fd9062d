/**
 * Plain inputs of the CEB builders: an order with its lines (money as integer minor units in
 * the order currency, SKU customs data per line), the per-workspace customs settings and the
 * build context (company profile, clock and id source as parameters; the core never reads them).
 */
import type { CompanyProfile } from '../company/company-profile.ts';
import type { Currency } from '../money/currency.ts';
import type { Minor } from '../money/minor.ts';
import type { CustomsMode } from '../orders/order.ts';
import type { Sku } from '../stock/sku.ts';
import type { Clock } from './app-time.ts';
import type { IdSource } from './ceb-guid.ts';

export interface CebLineInput {
  readonly sku: Sku;
  /** Positive whole number in `sku.unit`. */
  readonly quantity: number;
  /** FOB unit price in the order currency; totalPrice = quantity × unitPrice exactly. */
  readonly unitPrice: Minor;
  /**
   * Declared line total (transaction price) when it does not divide into whole minor units per
   * piece (14.37 for 2 → price 7.18500): totalPrice = lineTotal, price = lineTotal / quantity to
   * 5 decimals (must be exact). unitPrice is then ignored.
   */
  readonly lineTotal?: Minor | null;
  readonly itemDescribe?: string | null;
  /** Legal quantity (qty1) as decimal text when it cannot be derived (unit1 ≠ unit, not 035/036). */
  readonly legalQuantity?: string | null;
  readonly secondLegalQuantity?: string | null;
  /** Account-book item number, required for tradeMode 1210. */
  readonly itemRecordNo?: string | null;
}

export interface CebOrderInput {
  /** Platform order number; for 9810 the booking-note number. */
  readonly orderNo: string;
  readonly mode: CustomsMode;
  readonly currency: Currency;
  readonly lines: readonly CebLineInput[];
  /** Freight in the order currency; 0 when absent. */
  readonly freight?: Minor | null;
  /** ISO alpha-2 country of arrival and final destination. */
  readonly destinationCountry: string;
  readonly logisticsNo: string;
  /** Logistics firm; defaults to the settings' carrier. */
  readonly logisticsCode?: string | null;
  readonly logisticsName?: string | null;
  /** Enterprise's own list number (≤ 30); defaults to the order number. */
  readonly copNo?: string | null;
  /** Export date 'YYYY-MM-DD' (ieDate). */
  readonly exportDate: string;
  readonly packNo?: number | null;
  /** Gross weight of the parcel in grams; defaults to the net weight of the lines. */
  readonly grossWeightGrams?: number | null;
  readonly note?: string | null;
  /** CEB403: amount collected (default goodsValue + freight), when the money arrived (ISO time), payment number. */
  readonly charge?: Minor | null;
  readonly paidAt?: string | null;
  readonly payNo?: string | null;
  /** Platform-funded (non-cash) discounts stored with the order: charge + nonCashDiscount = goodsValue + freight. */
  readonly nonCashDiscount?: Minor | null;
  /** The platform that took the order (its shop's ebpCode/ebpName; '无' + name abroad); default: the settings. */
  readonly platform?: { readonly ebpCode: string; readonly ebpName: string } | null;
  /** Destination port for this list (shop or list choice); default: settings.podByCountry, then the country's port. */
  readonly pod?: string | null;
  /** 1210: the bonded warehouse's account book (emsNo) and special area; default: the settings. */
  readonly bonded?: {
    readonly emsNo: string;
    readonly iacCode?: string | null;
    readonly iacName?: string | null;
  } | null;
  /** Documents sent as a change (appType 2) of one customs already holds; the others go as new (1). */
  readonly appTypes?: Readonly<Partial<Record<'CEB303' | 'CEB403' | 'CEB505' | 'CEB603', '1' | '2'>>> | null;
  /** The user's statisticsFlag choice for this list; default: the settings (see statisticsFlagFor). */
  readonly statisticsFlag?: 'A' | 'B' | null;
}

export interface CebSettings {
  /** Platform code (≤ 18, '无' for a foreign platform) and name; for 9810 the warehouse name. */
  readonly ebpCode: string;
  readonly ebpName: string;
  /** Declaring customs office and exit port office, 4 digits each. */
  readonly customsCode: string;
  readonly portCode: string;
  /** Legacy single destination port: no longer used (it put 502 on every list); see podByCountry. */
  readonly pod?: string | null;
  /** Destination port per ISO alpha-2 country (3–4 characters); a country not listed uses its own port code. */
  readonly podByCountry?: Readonly<Record<string, string>> | null;
  readonly trafMode: string;
  /** CEB 1-digit packing code (2 纸箱). */
  readonly wrapType: string;
  readonly statisticsFlag: 'A' | 'B';
  readonly logisticsCode: string;
  readonly logisticsName: string;
  /** Declaring agent and producer/seller; default: the company itself. */
  readonly agentCode?: string | null;
  readonly agentName?: string | null;
  readonly ownerCode?: string | null;
  readonly ownerName?: string | null;
  /** Special-area data, required for tradeMode 1210. */
  readonly iacCode?: string | null;
  readonly iacName?: string | null;
  readonly emsNo?: string | null;
  readonly loctNo?: string | null;
  /** CEB403 collecting firm: payCode (domestic payment firms), payName ('现金支付' if not paid online). */
  readonly payCode?: string | null;
  readonly payName?: string | null;
  /** CEB701 customs broker declaring the summary; default: the agent. */
  readonly declAgentCode?: string | null;
  readonly declAgentName?: string | null;
  /** 1 store only (default, unsigned), 2 declare (needs a signature). */
  readonly appStatus?: '1' | '2';
}

export interface CebBuildContext {
  readonly company: CompanyProfile;
  readonly settings: CebSettings;
  readonly clock: Clock;
  readonly newId: IdSource;
}
