/**
 * The generic importer's header dictionary: Chinese and English spellings of each field, as
 * ERPs and hand-made sheets write them. `proposeMapping` matches normalised headers exactly
 * (a unit suffix like "运费(USD)" is ignored), each header feeding at most one field; the user
 * corrects the proposal on the mapping screen.
 */
import { type ColumnMapping, GENERIC_FIELDS, type GenericField } from '../core/orders/order.ts';
import { normaliseHeader } from './normalise-header.ts';

export const GENERIC_HEADERS: Readonly<Record<GenericField, readonly string[]>> = {
  orderNo: [
    '订单号',
    '订单编号',
    '平台订单号',
    '订单id',
    '订单 id',
    'order id',
    'order no',
    'order no.',
    'order number',
    'order #',
    'orderid',
    'order_id',
  ],
  orderedAt: [
    '下单时间',
    '订单时间',
    '付款时间',
    '下单日期',
    '订单日期',
    '创建时间',
    '订单创建时间',
    'order date',
    'order time',
    'created',
    'created at',
    'order created',
    'date',
  ],
  status: ['订单状态', '状态', 'order status', 'status'],
  sku: ['sku', '商品sku', '商品编码', '产品sku', '产品编码', '货号', 'msku', 'seller sku', 'sku code'],
  itemName: [
    '商品名称',
    '品名',
    '产品名称',
    '商品标题',
    '中文品名',
    'product name',
    'item name',
    'product',
    'title',
    'product title',
  ],
  quantity: ['数量', '购买数量', '商品数量', 'quantity', 'qty'],
  unitPrice: ['单价', '售价', '商品单价', '销售单价', 'unit price', 'price'],
  lineTotal: ['金额', '小计', '商品金额', '商品总价', '销售额', 'line total', 'subtotal', 'amount'],
  currency: ['币种', '货币', '币别', 'currency'],
  shipping: ['运费', '买家运费', 'shipping', 'shipping fee', 'freight', 'postage'],
  discount: ['折扣', '优惠', '优惠金额', '折扣金额', 'discount', 'discount amount'],
  tax: ['税', '税费', '税额', 'tax', 'taxes', 'vat'],
  buyerCountry: [
    '买家国家',
    '收货国家',
    '收件国家',
    '国家',
    '国家/地区',
    '目的国',
    'country',
    'buyer country',
    'ship country',
    'shipping country',
    'country code',
  ],
  shopName: ['店铺', '店铺名称', '店铺名', 'shop', 'store', 'shop name', 'store name'],
  fulfilment: ['发货方式', '配送方式', 'fulfilment', 'fulfillment', 'fulfillment channel', 'fulfilment channel'],
  orderTotal: [
    '订单金额',
    '订单总额',
    '订单总金额',
    '订单总价',
    '实付金额',
    '买家实付',
    '买家实付金额',
    'order total',
    'order amount',
    'total amount',
    'grand total',
  ],
};

/** A trailing unit in parentheses: "运费(USD)" → "运费". */
export function stripUnit(key: string): string {
  return key.replace(/\s*\([^()]*\)$/, '');
}

export function proposeMapping(headers: readonly string[]): ColumnMapping {
  const keys = headers.map(normaliseHeader);
  const stripped = keys.map(stripUnit);
  const used = new Set<number>();
  const mapping = {} as Record<GenericField, string | null>;
  for (const field of GENERIC_FIELDS) {
    let found = -1;
    for (const spelling of GENERIC_HEADERS[field]) {
      found = keys.findIndex((k, i) => !used.has(i) && k === spelling);
      if (found < 0) found = stripped.findIndex((k, i) => !used.has(i) && k === spelling);
      if (found >= 0) break;
    }
    if (found >= 0) used.add(found);
    mapping[field] = found >= 0 ? (headers[found] ?? null) : null;
  }
  return mapping;
}
