/**
 * Read models of the stock ledger shared by the screens, the CLI and the stores: SKUs,
 * warehouses, moves, positions, shipments, ageing, reorder hints, reconciliation differences.
 * Quantities are units; values are CNY fen (the base currency), integers. Types only.
 */
import type { Minor } from '../money/minor.ts';
import type { Platform } from '../orders/order.ts';
import type { Sku } from './sku.ts';

export const WAREHOUSE_KINDS = ['domestic', 'transit', 'overseasOwn', 'overseasPublic', 'platform', 'returns'] as const;
export type WarehouseKind = (typeof WAREHOUSE_KINDS)[number];

export const MOVE_TYPES = [
  'purchase',
  'transfer',
  'sale',
  'return',
  'count',
  'writeoff',
  'reversal',
  'landedCost',
  'shipmentDispatch',
  'shipmentReceipt',
] as const;
export type MoveType = (typeof MOVE_TYPES)[number];

export const ALLOCATION_BASES = ['value', 'weight', 'volume', 'quantity'] as const;
export type AllocationBasis = (typeof ALLOCATION_BASES)[number];

/** A stored SKU: the validated fields (`Sku`, issue 15's customs extras optional) with its id and platform codes. */
export interface SkuRecord extends Sku {
  readonly id: number;
  readonly platformSkus: ReadonlyArray<{ readonly platform: Platform; readonly kind: string; readonly code: string }>;
}

export interface Warehouse {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: WarehouseKind;
  readonly country: string | null;
  /** 1210: the bonded warehouse's account-book number (emsNo), issue 15. */
  readonly emsNo?: string | null;
}

/** Quantities are units; values are CNY fen (the base currency), integers. */
export interface StockMove {
  readonly id: number;
  readonly date: string;
  readonly type: MoveType;
  readonly sku: string;
  readonly warehouse: string;
  readonly quantity: number;
  readonly value: Minor;
  readonly reference: string | null;
  readonly reason: string | null;
  readonly reversesMoveId: number | null;
  readonly reversedByMoveId: number | null;
}

export interface StockPosition {
  readonly sku: string;
  readonly warehouse: string;
  readonly quantity: number;
  readonly value: Minor;
}

export interface Shipment {
  readonly id: number;
  /** 9810 overseas-warehouse booking note number (订仓单号). */
  readonly bookingNoteNo: string;
  readonly carrier: string;
  readonly cartons: number;
  readonly shipDate: string;
  readonly eta: string | null;
  readonly from: string;
  readonly to: string;
  readonly status: 'inTransit' | 'received';
  readonly allocationBasis: AllocationBasis;
  readonly lines: ReadonlyArray<{
    readonly sku: string;
    readonly shipped: number;
    readonly received: number | null;
    readonly discrepancyReason: string | null;
    readonly landedCost: Minor;
  }>;
  readonly landedCost: Minor;
}

export interface AgeingRow {
  readonly sku: string;
  readonly warehouse: string;
  readonly buckets: Readonly<
    Record<'0-30' | '31-90' | '91-180' | '181-365' | '365+', { readonly quantity: number; readonly value: Minor }>
  >;
}

export interface ReorderHint {
  readonly sku: string;
  readonly warehouse: string;
  readonly onHand: number;
  readonly sold30d: number;
  /** onHand / (sold30d / 30), null when nothing sold. */
  readonly daysOfCover: number | null;
}

export interface StockDifference {
  readonly sku: string;
  readonly warehouse: string;
  readonly ledger: number;
  readonly reported: number;
  readonly difference: number;
}
