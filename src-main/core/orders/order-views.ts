/**
 * Read models of orders as the screens, the CLI and the stores share them: the list row, the
 * detail with lines, fees, change history and profit, and the statistics. Money fields are
 * integer minor units of the order's `currency`. Types only; the stores build them.
 */
import type { CustomsMode, FeeType, Fulfilment, ImportedLine, OrderStatus, Platform, SaleExclusion } from './order.ts';
import type { ProfitBreakdown } from './profit.ts';
import type { Minor } from '../money/index.ts';

/**
 * All money fields are integer minor units of `currency`. A null amount is unknown (the file
 * stated none): shown as 未知 / unknown, sorted apart, never as 0; `currency` is null only then.
 */
export interface OrderListItem {
  readonly id: number;
  readonly platform: Platform;
  readonly shopId: number;
  readonly shopName: string;
  readonly orderNo: string;
  readonly status: OrderStatus;
  readonly orderedAt: string;
  readonly buyerCountry: string | null;
  readonly currency: string | null;
  readonly customsMode: CustomsMode | null;
  readonly fulfilment: Fulfilment | null;
  readonly units: number;
  readonly gross: Minor | null;
  readonly refunded: Minor;
  /** null = counts as a sale. */
  readonly exclusion: SaleExclusion | null;
}

/**
 * A stored line: the imported line's fields (the VAT inside, shipping promotion and platform
 * discount where the file states them, issue 15) with its id; its amounts are null where its
 * order's are unknown.
 */
export interface OrderLine
  extends
    Pick<
      ImportedLine,
      | 'lineKey'
      | 'sku'
      | 'itemName'
      | 'quantity'
      | 'unitPrice'
      | 'lineTotal'
      | 'cancelled'
      | 'includedTax'
      | 'includedShippingTax'
      | 'shippingDiscount'
      | 'platformDiscount'
    >,
    Readonly<Record<'discount' | 'taxOnTop' | 'shipping' | 'giftWrap', Minor | null>> {
  readonly id: number;
}

export interface OrderFee {
  readonly id: number;
  readonly type: FeeType;
  readonly description: string;
  readonly amount: Minor;
  readonly currency: string;
}

export interface OrderChange {
  readonly at: string;
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  /** 'import' (a re-import changed it) or 'edit' (a person did). */
  readonly cause: 'import' | 'edit';
}

export interface OrderDetail extends OrderListItem {
  /** How the order entered the ledger: an order export, only a settlement so far, or by hand. */
  readonly origin: 'import' | 'settlement' | 'manual';
  /** Increments on every change (import or edit); part of the outbox idempotency key. */
  readonly revision: number;
  readonly platformStatus: string;
  readonly salesChannel: string | null;
  readonly goods: Minor | null;
  readonly discount: Minor | null;
  readonly shipping: Minor | null;
  readonly giftWrap: Minor | null;
  readonly taxOnTop: Minor | null;
  /** The total the order's file states, when it states one (it may differ from the parts: see the import's warnings). */
  readonly statedTotal: Minor | null;
  /** An Amazon multi-channel order's number in the channel it was sold in. */
  readonly channelOrderNo: string | null;
  readonly lines: readonly OrderLine[];
  readonly fees: readonly OrderFee[];
  readonly changes: readonly OrderChange[];
  readonly profit: ProfitBreakdown;
}

export interface OrdersStats {
  readonly orders: number;
  readonly lines: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly sales: Readonly<
    Record<string, { readonly orders: number; readonly units: number; readonly gross: Minor; readonly refunded: Minor }>
  >;
  readonly excluded: Readonly<Record<SaleExclusion, number>>;
  /** Status words no table or mapping knows yet, with how many orders carry each. */
  readonly unknownStatuses: Readonly<Record<string, number>>;
}
