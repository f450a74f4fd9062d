/**
 * Exact amounts of one order line: quantity (positive whole number), unit price and
 * totalPrice = quantity × unitPrice as decimal(19,5) strings, computed with core money
 * (integers inside, never floats). Shared by CEB303 and CEB603 so both state the same values.
 */
import { DomainError } from '../domain-error.ts';
import { minorDigits as minorDigitsOf, money, multiplyByQuantity, type Money } from '../money/index.ts';
import type { Currency } from '../money/currency.ts';
import { moneyDecimal, scaledDecimal } from './ceb-fields.ts';
import type { CebLineInput } from './ceb-input.ts';

export interface LineAmounts {
  readonly qty: string;
  readonly price: string;
  readonly totalPrice: string;
  readonly total: Money;
}

export function lineAmounts(line: CebLineInput, currency: Currency): LineAmounts {
  const q = line.quantity;
  if (!Number.isSafeInteger(q) || q <= 0)
    throw new DomainError('customs.quantity.invalid', { field: 'qty', itemNo: line.sku.itemNo });
  if (line.lineTotal != null) {
    const total = money(line.lineTotal, currency);
    const scaled = BigInt(line.lineTotal) * 10n ** BigInt(5 - minorDigitsOf(currency));
    if (scaled % BigInt(q) !== 0n)
      throw new DomainError('customs.price.inexact', { itemNo: line.sku.itemNo, quantity: q });
    return {
      qty: scaledDecimal('qty', BigInt(q), 0),
      price: scaledDecimal('price', scaled / BigInt(q), 5),
      totalPrice: moneyDecimal('totalPrice', total),
      total,
    };
  }
  const unit = money(line.unitPrice, currency);
  const total = multiplyByQuantity(unit, q);
  return {
    qty: scaledDecimal('qty', BigInt(q), 0),
    price: moneyDecimal('price', unit),
    totalPrice: moneyDecimal('totalPrice', total),
    total,
  };
}
