/**
 * The manual order form's editable values, their conversion to the `orders.save` input
 * (order time as ISO with the shop's offset, amounts as decimal text — the server parses
 * money, never the renderer), the few checks made before sending, and the values of an
 * existing order for editing (minor units back to exact decimal text).
 */
import type {
  CommandInput,
  CustomsMode,
  Fulfilment,
  OrderDetail,
  OrderStatus,
  Shop,
} from '../../../src-main/api/contract.ts';
import { isCurrency, type Currency } from '../../ui/currencies.ts';
import { minorToDecimal } from '../../ui/format-money.ts';
import { isoToZonedLocal, zonedLocalToIso } from './zoned-time.ts';

export interface LineValues {
  readonly sku: string;
  readonly itemName: string;
  readonly quantity: string;
  readonly unitPrice: string;
}

export interface OrderFormValues {
  readonly shopId: string;
  readonly orderNo: string;
  readonly status: OrderStatus;
  /** `datetime-local` text, read in the shop's time zone. */
  readonly orderedAt: string;
  readonly buyerCountry: string;
  readonly currency: Currency | '';
  readonly customsMode: CustomsMode | '';
  readonly fulfilment: Fulfilment | '';
  readonly shipping: string;
  readonly discount: string;
  readonly lines: readonly LineValues[];
}

/** Field error codes keyed like the server's: `orderNo`, `lines.0.sku`, … */
export type OrderFieldErrors = Readonly<Record<string, string>>;

export const EMPTY_LINE: LineValues = { sku: '', itemName: '', quantity: '1', unitPrice: '' };

export function emptyOrderValues(shop: Shop | null): OrderFormValues {
  return {
    shopId: shop ? String(shop.id) : '',
    orderNo: '',
    status: 'paid',
    orderedAt: '',
    buyerCountry: '',
    currency: shop && isCurrency(shop.currency) ? shop.currency : '',
    customsMode: '',
    fulfilment: '',
    shipping: '0',
    discount: '0',
    lines: [EMPTY_LINE],
  };
}

/**
 * Unit price of a stored line as decimal text: the stated one, or line total ÷ quantity when
 * that is exact; otherwise empty, so the person types it (a guess would change the total).
 */
function unitPriceText(line: OrderDetail['lines'][number], currency: string | null): string {
  if (currency === null) return '';
  if (line.unitPrice !== null) return minorToDecimal(line.unitPrice, currency);
  if (line.lineTotal === null) return ''; // unknown: the person types it
  const total = BigInt(line.lineTotal);
  const qty = BigInt(line.quantity);
  if (qty !== 0n && total % qty === 0n) return minorToDecimal(total / qty, currency);
  return '';
}

export function valuesFromOrder(order: OrderDetail, zone: string): OrderFormValues {
  return {
    shopId: String(order.shopId),
    orderNo: order.orderNo,
    status: order.status,
    orderedAt: isoToZonedLocal(order.orderedAt, zone),
    buyerCountry: order.buyerCountry ?? '',
    currency: order.currency !== null && isCurrency(order.currency) ? order.currency : '',
    customsMode: order.customsMode ?? '',
    fulfilment: order.fulfilment ?? '',
    shipping: order.shipping === null || order.currency === null ? '' : minorToDecimal(order.shipping, order.currency),
    discount: order.discount === null || order.currency === null ? '' : minorToDecimal(order.discount, order.currency),
    lines: order.lines
      .filter((l) => !l.cancelled)
      .map((l) => ({
        sku: l.sku,
        itemName: l.itemName,
        quantity: String(l.quantity),
        unitPrice: unitPriceText(l, order.currency),
      })),
  };
}

const INTEGER_RE = /^-?\d{1,9}$/;

/** Empty result = send it and let the server decide (it checks amounts, country, limits). */
export function precheckOrder(values: OrderFormValues, zone: string | null): OrderFieldErrors {
  const errors: Record<string, string> = {};
  if (values.shopId === '') errors['shopId'] = 'validation.required';
  if (values.orderNo.trim() === '') errors['orderNo'] = 'validation.required';
  // an unknown status word must be given a meaning before an edit is saved
  if (values.status === 'unknown') errors['status'] = 'validation.required';
  if (values.orderedAt === '') errors['orderedAt'] = 'validation.required';
  else if (zone !== null && zonedLocalToIso(values.orderedAt, zone) === null)
    errors['orderedAt'] = 'validation.invalid';
  if (values.currency === '') errors['currency'] = 'validation.required';
  const country = values.buyerCountry.trim();
  if (country !== '' && !/^[A-Za-z]{2}$/.test(country)) errors['buyerCountry'] = 'validation.invalid';
  if (values.lines.length === 0) errors['lines'] = 'validation.required';
  values.lines.forEach((line, i) => {
    if (line.sku.trim() === '') errors[`lines.${i}.sku`] = 'validation.required';
    if (!INTEGER_RE.test(line.quantity.trim())) errors[`lines.${i}.quantity`] = 'validation.invalid';
    if (line.unitPrice.trim() === '') errors[`lines.${i}.unitPrice`] = 'validation.required';
  });
  return errors;
}

/** The `orders.save` input; only valid after `precheckOrder` found nothing. */
export function toSaveInput(values: OrderFormValues, zone: string, id: number | null): CommandInput<'orders.save'> {
  const country = values.buyerCountry.trim().toUpperCase();
  return {
    ...(id === null ? {} : { id }),
    shopId: Number(values.shopId),
    orderNo: values.orderNo.trim(),
    status: values.status as Exclude<OrderStatus, 'unknown'>,
    orderedAt: zonedLocalToIso(values.orderedAt, zone) ?? values.orderedAt,
    buyerCountry: country === '' ? null : country,
    currency: values.currency as Currency,
    customsMode: values.customsMode === '' ? null : values.customsMode,
    fulfilment: values.fulfilment === '' ? null : values.fulfilment,
    shipping: values.shipping.trim() === '' ? '0' : values.shipping.trim(),
    discount: values.discount.trim() === '' ? '0' : values.discount.trim(),
    lines: values.lines.map((l) => ({
      sku: l.sku.trim(),
      itemName: l.itemName.trim(),
      quantity: Number(l.quantity.trim()),
      unitPrice: l.unitPrice.trim(),
    })),
  };
}
