/**
 * A seller SKU with the customs data the inventory list (CEB603) needs: item no ≤ 20 characters,
 * goods name ≤ 250, declaration elements (gmodel) ≤ 250, a 10-digit HS code, customs and legal
 * unit codes (3 digits, e.g. 007 个, 011 件, 025 双, 035 千克), barcode ≤ 50, origin country,
 * weight in grams and volume in cm³ as integers. Validation returns per-field codes.
 */
import { DomainError, type FieldErrors } from '../domain-error.ts';
import { UNITS } from '../customs/codes/tables.generated.ts';

/** Every customs unit of measure (计量单位代码, resources/customs-codes/units.csv). */
export const UNIT_CODES: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(UNITS.map(([code, name]) => [code, name])),
);

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
  /** Legal quantity in legalUnit per one sales unit, as decimal text ('3', '0.125'); needed when the units differ and are not weights. */
  readonly legalQty1PerUnit?: string | null;
  readonly legalQty2PerUnit?: string | null;
  /** 监管条件 codes of the HS code (letters/digits, e.g. 'AB'); empty = none (涉证/涉检 when set). */
  readonly supervisionConditions?: string | null;
  /** Export duty rate in percent as decimal text ('0', '20'); above 0 = 涉税. */
  readonly exportDutyRate?: string | null;
  /** 1210 account-book item number (itemRecordNo, ≤ 30). */
  readonly itemRecordNo?: string | null;
}

/** The customs extras added by issue 15; optional so SKUs stored before them stay valid. */
type SkuCustomsExtras =
  'legalQty1PerUnit' | 'legalQty2PerUnit' | 'supervisionConditions' | 'exportDutyRate' | 'itemRecordNo';

export type Sku = Required<{ [K in Exclude<keyof SkuInput, SkuCustomsExtras>]: Exclude<SkuInput[K], undefined> }> & {
  readonly [K in SkuCustomsExtras]?: string | null;
};

const LEGAL_QTY = /^\d{1,9}(?:\.\d{1,5})?$/;

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
    if (v == null || v === '') {
      if (key !== 'secondLegalUnit') f[key] = 'stock.sku.unit.required';
      continue;
    }
    if (!(v in UNIT_CODES)) f[key] = 'stock.sku.unit.unknown';
  }
  if (input.barcode && input.barcode.length > 50) f.barcode = 'stock.sku.barcode.tooLong';
  if (input.origin && !/^[A-Z]{2}$/.test(input.origin)) f.origin = 'stock.sku.origin.format';
  for (const key of ['weightGrams', 'volumeCm3'] as const) {
    const v = input[key];
    if (v != null && (!Number.isInteger(v) || v < 0)) f[key] = 'stock.sku.measure.invalid';
  }
  for (const key of ['legalQty1PerUnit', 'legalQty2PerUnit'] as const) {
    const v = input[key];
    if (v != null && v !== '' && (!LEGAL_QTY.test(v) || /^0*(?:\.0*)?$/.test(v))) f[key] = 'stock.sku.legalQty.invalid';
  }
  if (input.supervisionConditions && !/^[0-9A-Za-z]{1,20}$/.test(input.supervisionConditions))
    f.supervisionConditions = 'stock.sku.supervision.invalid';
  if (input.exportDutyRate && !/^\d{1,3}(?:\.\d{1,4})?$/.test(input.exportDutyRate))
    f.exportDutyRate = 'stock.sku.dutyRate.invalid';
  if (input.itemRecordNo && [...input.itemRecordNo].length > 30) f.itemRecordNo = 'stock.sku.itemRecordNo.tooLong';
  if (Object.keys(f).length > 0) throw new DomainError('validation.failed', {}, f);
  return {
    itemNo,
    goodsName,
    gmodel: input.gmodel.trim(),
    hsCode: hs,
    unit: input.unit,
    legalUnit: input.legalUnit,
    secondLegalUnit: input.secondLegalUnit || null,
    barcode: input.barcode || null,
    origin: input.origin || null,
    weightGrams: input.weightGrams ?? null,
    volumeCm3: input.volumeCm3 ?? null,
    legalQty1PerUnit: input.legalQty1PerUnit || null,
    legalQty2PerUnit: input.legalQty2PerUnit || null,
    supervisionConditions: input.supervisionConditions ? input.supervisionConditions.toUpperCase() : null,
    exportDutyRate: input.exportDutyRate || null,
    itemRecordNo: input.itemRecordNo?.trim() || null,
  };
}
