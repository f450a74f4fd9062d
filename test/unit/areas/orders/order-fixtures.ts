/** Hand-built importer output (`ImportedOrder`, `ParsedImport`) for store, handler and bench tests. */
import type { Currency, Minor } from '../../../../src-main/core/money/index.ts';
import type {
  ImportedFee,
  ImportedLine,
  ImportedOrder,
  ImportSource,
  ParsedImport,
} from '../../../../src-main/core/orders/order.ts';

export const m = (n: number) => n as Minor;

export function line(over: Partial<ImportedLine> = {}): ImportedLine {
  return {
    lineKey: 'SKU-1#1',
    sku: 'SKU-1',
    itemName: '红色陶瓷杯 Red cup',
    quantity: 1,
    unitPrice: null,
    lineTotal: m(1999),
    discount: m(0),
    taxOnTop: m(0),
    shipping: m(0),
    giftWrap: m(0),
    cancelled: false,
    sourceRow: 2,
    ...over,
  };
}

/** An Amazon.com order shipped on 2026-03-0d, one line of 19.99 USD unless told otherwise. */
export function amazonOrder(i: number, over: Partial<ImportedOrder> = {}): ImportedOrder {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return {
    platform: 'amazon',
    orderNo: `112-${String(i).padStart(7, '0')}-4455667`,
    platformStatus: 'Shipped',
    salesChannel: 'Amazon.com',
    orderedAt: `2026-03-${day}T10:15:00-08:00`,
    buyerCountry: 'US',
    currency: 'USD' as Currency,
    fulfilment: 'platform',
    shipping: m(0),
    discount: m(0),
    taxOnTop: m(0),
    refunded: m(0),
    lines: [line({ sourceRow: i + 2 })],
    fees: [],
    sourceRows: [i + 2],
    shopName: 'Amazon.com',
    ...over,
  };
}

export function fee(type: ImportedFee['type'], description: string, amount: number): ImportedFee {
  return { type, description, amount: m(amount), sourceRow: 2 };
}

export function parsedImport(
  orders: readonly ImportedOrder[],
  over: Partial<ParsedImport> & { source?: ImportSource } = {},
): ParsedImport {
  return {
    source: 'amazon-orders',
    encoding: 'utf-8',
    delimiter: '\t',
    headers: ['amazon-order-id', 'purchase-date', 'sku', 'item-price'],
    mapping: null,
    unmappedRequired: [],
    orders,
    rejected: [],
    rejectedOrderNos: {},
    rowCount: orders.reduce((n, o) => n + o.sourceRows.length, 0),
    warnings: [],
    unknownStatuses: {},
    rowsImported: orders.reduce((n, o) => n + o.sourceRows.length, 0),
    rowsRejected: 0,
    rowsSkipped: 0,
    ...over,
  };
}
