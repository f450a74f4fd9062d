/**
 * Field rules every CEB value passes before it reaches the XML: required non-empty text (the
 * 2022 XSD accepts empty values, quirk 5), maximum and exact lengths counted in characters,
 * decimal(19,5) amounts from exact integers, and code lookups (currency, unit). Each failure
 * is a DomainError code with the CEB element name as `field`.
 */
import { DomainError } from '../domain-error.ts';
import { currencyToCustomsCode, formatDecimal, type Money } from '../money/index.ts';
import type { Currency } from '../money/currency.ts';
import { UNIT_CODES } from '../stock/sku.ts';
import type { CebElement } from './ceb-xml.ts';

/** Max integer digits of decimal(19,5). */
const MAX_INT_DIGITS = 14;

/** Length in characters (code points); a string of ≤ n UTF-16 units has ≤ n characters, so most need no count. */
function charLength(s: string, max = 0): number {
  if (s.length <= max) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function requiredText(field: string, value: string | null | undefined, max: number): string {
  const v = value ?? '';
  if (v.trim().length === 0) throw new DomainError('customs.field.required', { field });
  if (charLength(v, max) > max) throw new DomainError('customs.field.tooLong', { field, max });
  return v;
}

/** Empty → undefined (the element is left out). */
export function optionalText(field: string, value: string | null | undefined, max: number): string | undefined {
  if (value == null || value.trim().length === 0) return undefined;
  if (charLength(value, max) > max) throw new DomainError('customs.field.tooLong', { field, max });
  return value;
}

/** Exactly `min`..`max` characters (customs office, port, flags). */
export function fixedText(field: string, value: string | null | undefined, min: number, max = min): string {
  const v = value ?? '';
  if (v.trim().length === 0) throw new DomainError('customs.field.required', { field });
  const n = charLength(v);
  if (n < min || n > max)
    throw new DomainError('customs.field.length', { field, length: min === max ? String(min) : `${min}-${max}` });
  return v;
}

/** One of a few allowed codes (statisticsFlag, appStatus…). */
export function enumText<T extends string>(kind: string, value: string | null | undefined, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value ?? ''))
    throw new DomainError('customs.code.unknown', { kind, value: String(value ?? '') });
  return value as T;
}

/** The four fields every CEB head starts with: guid, appType (1 new, the default; 2 change), appTime, appStatus (1 store, the default; 2 declare). */
export function appFields(
  guid: string,
  appTime: string,
  appStatus: string | undefined,
  appType: string | undefined = '1',
): CebElement[] {
  return [
    ['guid', guid],
    ['appType', enumText('appType', appType, ['1', '2'])],
    ['appTime', appTime],
    ['appStatus', enumText('appStatus', appStatus ?? '1', ['1', '2'])],
  ];
}

function checkDigits(field: string, text: string): string {
  if (text.startsWith('-')) throw new DomainError('customs.amount.negative', { field });
  if ((text.indexOf('.') < 0 ? text.length : text.indexOf('.')) > MAX_INT_DIGITS)
    throw new DomainError('customs.amount.tooLarge', { field });
  return text;
}

/** Exact decimal(19,5) text of a Money: 1999 USD minor → '19.99000'. */
export function moneyDecimal(field: string, m: Money): string {
  return checkDigits(field, formatDecimal(m, 5));
}

/** Exact decimal(19,5) text of an integer with `scale` implied decimals: (1250, 3) → '1.25000'. */
export function scaledDecimal(field: string, value: bigint, scale: number): string {
  if (value < 0n) throw new DomainError('customs.amount.negative', { field });
  const text = value.toString().padStart(scale + 1, '0');
  const intPart = scale === 0 ? text : text.slice(0, text.length - scale);
  const frac = (scale === 0 ? '' : text.slice(text.length - scale)).padEnd(5, '0');
  if (frac.length > 5) throw new DomainError('customs.amount.tooLarge', { field });
  return checkDigits(field, `${intPart}.${frac}`);
}

const DECIMAL_TEXT = /^\d{1,14}(?:\.\d{1,5})?$/;

/** A user-given quantity text ('2', '0.5') normalised to 5 decimals. */
export function quantityText(field: string, text: string, itemNo: string): string {
  if (!DECIMAL_TEXT.test(text)) throw new DomainError('customs.quantity.invalid', { field, itemNo });
  const [i, f = ''] = text.split('.');
  return `${i}.${f.padEnd(5, '0')}`;
}

export function currencyCode(c: Currency): string {
  try {
    return currencyToCustomsCode(c);
  } catch {
    throw new DomainError('customs.code.unknown', { kind: 'currency', value: String(c) });
  }
}

/** Checks a 3-digit unit code against the known table (007 个, 035 千克…). */
export function unitCode(field: string, code: string | null | undefined): string {
  if (code == null || code === '') throw new DomainError('customs.field.required', { field });
  if (!Object.hasOwn(UNIT_CODES, code)) throw new DomainError('customs.code.unknown', { kind: 'unit', value: code });
  return code;
}

/** 'YYYY-MM-DD' → 'YYYYMMDD'. */
export function compactDate(field: string, isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (m === null) throw new DomainError('customs.date.invalid', { field, value: String(isoDate) });
  return `${m[1]}${m[2]}${m[3]}`;
}
