/**
 * A seller SKU with the customs data the inventory list (CEB603) needs: item no ≤ 20 characters,
 * goods name ≤ 250, declaration elements (gmodel) ≤ 250, a 10-digit HS code, customs and legal
 * unit codes (3 digits, e.g. 007 个, 011 件, 025 双, 035 千克), barcode ≤ 50, origin country,
 * weight in grams and volume in cm³ as integers. Validation returns per-field codes.
 */
import { DomainError, type FieldErrors } from '../domain-error.ts';

export const UNIT_CODES: Readonly<Record<string, string>> = {
  '001': '台', '006': '套', '007': '个', '008': '只', '011': '件', '012': '支', '015': '条', '025': '双',
  '030': '米', '032': '平方米', '035': '千克', '036': '克', '095': '升', '120': '箱', '125': '包', '136': '袋', '140': '盒', '142': '瓶',
};

export interface SkuInput {
  readonly itemNo: string;
  readonly goodsName: string;
  readonly gmodel: string;
  readonly hsCode: string;
  readonly unit: string;
  readonly legalUnit: string;
  readonly secondLegalUnit?: string | null;
  readonly barcode?: string | null;
  readonly origin?: string | null;
  readonly weightGrams?: number | null;
  readonly volumeCm3?: number | null;
}

export type Sku = Required<{ [K in keyof SkuInput]: Exclude<SkuInput[K], undefined> }>;

export function validateHsCode(code: string): string | null {
  if (!/^\d+$/.test(code)) return 'stock.sku.hsCode.digits';
  if (code.length !== 10) return 'stock.sku.hsCode.length';
  return null;
}

export function validateSku(input: SkuInput): Sku {
  const f: FieldErrors = {};
  const itemNo = input.itemNo.trim();
  if (itemNo.length === 0) f.itemNo = 'stock.sku.itemNo.required';
  else if ([...itemNo].length > 20) f.itemNo = 'stock.sku.itemNo.tooLong';
  const goodsName = input.goodsName.trim();
  if (goodsName.length === 0) f.goodsName = 'stock.sku.goodsName.required';
  else if ([...goodsName].length > 250) f.goodsName = 'stock.sku.goodsName.tooLong';
  if ([...input.gmodel].length > 250) f.gmodel = 'stock.sku.gmodel.tooLong';
  const hs = input.hsCode.trim();
  const hsError = validateHsCode(hs);
  if (hsError) f.hsCode = hsError;
  for (const key of ['unit', 'legalUnit', 'secondLegalUnit'] as const) {
    const v = input[key];
    if (v == null || v === '') { if (key !== 'secondLegalUnit') f[key] = 'stock.sku.unit.required'; continue; }
    if (!(v in UNIT_CODES)) f[key] = 'stock.sku.unit.unknown';
  }
  if (input.barcode && input.barcode.length > 50) f.barcode = 'stock.sku.barcode.tooLong';
  if (input.origin && !/^[A-Z]{2}$/.test(input.origin)) f.origin = 'stock.sku.origin.format';
  for (const key of ['weightGrams', 'volumeCm3'] as const) {
    const v = input[key];
    if (v != null && (!Number.isInteger(v) || v < 0)) f[key] = 'stock.sku.measure.invalid';
  }
  if (Object.keys(f).length > 0) throw new DomainError('validation.failed', {}, f);
  return {
    itemNo, goodsName, gmodel: input.gmodel.trim(), hsCode: hs, unit: input.unit, legalUnit: input.legalUnit,
    secondLegalUnit: input.secondLegalUnit || null, barcode: input.barcode || null, origin: input.origin || null,
    weightGrams: input.weightGrams ?? null, volumeCm3: input.volumeCm3 ?? null,
  };
}
