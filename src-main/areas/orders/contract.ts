/**
 * Commands of the orders area: the list (keyset pages), one order, manual entry, customs mode, stats.
 */
import { z } from 'zod';
import { CURRENCIES } from '../../core/money/currency.ts';
import {
  CUSTOMS_MODES,
  FULFILMENTS,
  MAPPABLE_STATUSES,
  ORDER_STATUSES,
  type MappableStatus,
} from '../../core/orders/order.ts';
import type { OrderDetail, OrderListItem, OrdersStats } from '../../core/orders/order-views.ts';
import type { StatusWords } from './status-mappings.ts';
import type { Page } from '../paging.ts';

export type { StatusMappingRecord, StatusWords, UnknownStatusWord } from './status-mappings.ts';
export type { MappableStatus } from '../../core/orders/order.ts';

export interface StatusMapResult {
  readonly shopId: number;
  /** The word as stored (normalised). */
  readonly word: string;
  readonly status: MappableStatus;
  /** Stored orders of the shop whose status or exclusion changed (each a recorded change). */
  readonly reclassified: number;
  /** Orders dated in a closed month, kept as they were (issue 17 point 1g), per month. */
  readonly heldBack: ReadonlyArray<{ readonly month: string; readonly orders: number }>;
}
import { decimalText, empty, id, isoDay, pageFields, result } from '../contract-kit.ts';

export const ORDER_SORTS = ['orderedAt', '-orderedAt', 'gross', '-gross', 'orderNo', '-orderNo'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

/** A page of orders; `nextCursor` is an opaque keyset cursor, null at the end. */
export type OrdersPage = Page<OrderListItem>;

const isoDate = isoDay;
export const orderFilter = z
  .object({
    shopId: id.optional(),
    status: z.enum(ORDER_STATUSES).optional(),
    customsMode: z.enum(CUSTOMS_MODES).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    country: z.string().length(2).optional(),
    q: z.string().max(100).optional(),
  })
  .strict();

export const manualOrderInput = z
  .object({
    id: id.optional(),
    shopId: id,
    orderNo: z.string().min(1).max(60),
    status: z.enum(MAPPABLE_STATUSES),
    orderedAt: z.string().max(40),
    buyerCountry: z.string().max(2).nullable(),
    currency: z.enum(CURRENCIES),
    customsMode: z.enum(CUSTOMS_MODES).nullable(),
    fulfilment: z.enum(FULFILMENTS).nullable(),
    shipping: decimalText,
    discount: decimalText,
    lines: z
      .array(
        z
          .object({
            sku: z.string().min(1).max(60),
            itemName: z.string().max(250),
            quantity: z.number().int(),
            unitPrice: decimalText,
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();

export const ordersContract = {
  'orders.list': {
    input: z
      .object({
        filter: orderFilter.optional(),
        sort: z.enum(ORDER_SORTS).optional(),
        ...pageFields(500),
      })
      .strict(),
    result: result<OrdersPage>(),
    mutates: false,
  },
  'orders.count': {
    input: z.object({ filter: orderFilter.optional() }).strict(),
    result: result<{ readonly total: number }>(),
    mutates: false,
  },
  'orders.get': { input: z.object({ id }).strict(), result: result<OrderDetail>(), mutates: false },
  'orders.save': { input: manualOrderInput, result: result<OrderDetail>(), mutates: true },
  'orders.setCustomsMode': {
    input: z.object({ ids: z.array(id).min(1).max(100_000), mode: z.enum(CUSTOMS_MODES) }).strict(),
    result: result<{ readonly changed: number }>(),
    mutates: true,
  },
  'orders.stats': { input: empty, result: result<OrdersStats>(), mutates: false },
  'statuses.list': {
    input: z.object({ shopId: id.optional() }).strict(),
    result: result<StatusWords>(),
    mutates: false,
  },
  'statuses.map': {
    input: z
      .object({ shopId: id.optional(), word: z.string().min(1).max(100), status: z.enum(MAPPABLE_STATUSES) })
      .strict(),
    result: result<StatusMapResult>(),
    mutates: true,
  },
} as const;
