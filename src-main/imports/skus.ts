/**
 * A SKU customs-data file (issue 15, point 8: how a seller fills customs data for thousands of
 * SKUs): CSV in any encoding `readTable` knows, or XLSX; English or Chinese headers. Columns
 * `sku, goods_name, hs_code, declaration_elements, unit, legal_unit1, legal_qty1_per_unit,
 * legal_unit2, legal_qty2_per_unit, net_weight_kg, gross_weight_kg` and optionally `origin_country,
 * barcode, item_record_no, supervision_conditions, export_duty_rate`. Units may be the 3-digit
 * customs code (007) or its Chinese name (个); net weight in kg with up to 3 decimals becomes
 * whole grams exactly. Each row becomes a SkuInput; the core's validateSku judges it (its field
 * codes come back as the row's rejection). A SKU listed twice rejects the later row.
 */
import type { SkuInput } from '../core/stock/sku.ts';
import { UNIT_CODES } from '../core/stock/sku.ts';
import type { Column, FieldReader, TableRows } from './field-reader.ts';
import type { FoundColumns } from './find-columns.ts';
import { readFileRows } from './file-rows.ts';

export interface SkuFileRow {
  readonly row: number;
  readonly sku: SkuInput;
}

export type SkuFileParse = TableRows<SkuFileRow>;

const REQUIRED = {
  sku: ['sku', 'item no', 'item_no', '商品货号', '货号', '商品编号'],
  goodsName: ['goods_name', 'goods name', '商品名称', '品名'],
  hsCode: ['hs_code', 'hs code', 'hscode', '商品编码', 'hs编码'],
  declarationElements: ['declaration_elements', 'declaration elements', 'gmodel', '申报要素', '规格型号'],
  unit: ['unit', '计量单位', '申报单位'],
  legalUnit1: ['legal_unit1', 'legal unit1', 'legal unit 1', '法定第一单位', '法定单位'],
} as const;
const OPTIONAL = {
  legalQty1: [
    'legal_qty1_per_unit',
    'legal qty1 per unit',
    '法定第一数量换算',
    '第一法定数量换算',
    '每单位法定第一数量',
  ],
  legalUnit2: ['legal_unit2', 'legal unit2', 'legal unit 2', '法定第二单位'],
  legalQty2: [
    'legal_qty2_per_unit',
    'legal qty2 per unit',
    '法定第二数量换算',
    '第二法定数量换算',
    '每单位法定第二数量',
  ],
  netWeightKg: ['net_weight_kg', 'net weight kg', 'net weight (kg)', '净重(千克)', '净重(kg)', '净重'],
  grossWeightKg: ['gross_weight_kg', 'gross weight kg', 'gross weight (kg)', '毛重(千克)', '毛重(kg)', '毛重'],
  origin: ['origin_country', 'origin country', 'origin', '原产国', '原产国(地区)'],
  barcode: ['barcode', 'bar code', '条形码', '条码'],
  itemRecordNo: ['item_record_no', 'item record no', '账册项号', '账册备案料号'],
  supervision: ['supervision_conditions', 'supervision conditions', '监管条件'],
  dutyRate: ['export_duty_rate', 'export duty rate', '出口关税税率', '出口税率'],
} as const;

type Columns = FoundColumns<keyof typeof REQUIRED, keyof typeof OPTIONAL>;

const UNIT_BY_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(UNIT_CODES).map(([code, name]) => [name, code]),
);

export async function parseSkuFile(bytes: Uint8Array): Promise<SkuFileParse> {
  return readFileRows(bytes, { source: 'skus', required: REQUIRED, optional: OPTIONAL }, (r, cols, once) => {
    const sku = readRow(r, cols);
    once(cols.sku, sku.itemNo, 'stock.sku.duplicate', { sku: sku.itemNo });
    return { row: r.row, sku };
  });
}

/** A unit cell: the 3-digit code, or its Chinese name; blank → null; unknown → `stock.sku.unit.unknown`. */
function unit(r: FieldReader, column: Column | null): string | null {
  const t = r.text(column);
  if (t === '') return null;
  if (/^\d{3}$/.test(t) && Object.hasOwn(UNIT_CODES, t)) return t;
  return UNIT_BY_NAME.get(t) ?? r.fail(column, 'stock.sku.unit.unknown', { value: t });
}

/** kg text with ≤ 3 decimals → whole grams, exactly; blank → null. */
function grams(r: FieldReader, column: Column | null): number | null {
  const t = r.text(column);
  if (t === '') return null;
  const m = /^(\d{1,9})(?:\.(\d{1,3}))?$/.exec(t);
  if (m === null) return r.fail(column, 'stock.sku.measure.invalid', { value: t });
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
}

function readRow(r: FieldReader, c: Columns): SkuInput {
  const text = (col: Column | null) => {
    const t = r.text(col);
    return t === '' ? null : t;
  };
  const legalUnit = unit(r, c.legalUnit1);
  return {
    itemNo: r.required(c.sku),
    goodsName: r.text(c.goodsName),
    gmodel: r.text(c.declarationElements),
    hsCode: r.text(c.hsCode),
    unit: unit(r, c.unit) ?? '',
    legalUnit: legalUnit ?? '',
    secondLegalUnit: unit(r, c.legalUnit2),
    legalQty1PerUnit: text(c.legalQty1),
    legalQty2PerUnit: text(c.legalQty2),
    weightGrams: grams(r, c.netWeightKg),
    origin: text(c.origin)?.toUpperCase() ?? null,
    barcode: text(c.barcode),
    itemRecordNo: text(c.itemRecordNo),
    supervisionConditions: text(c.supervision),
    exportDutyRate: text(c.dutyRate)?.replace(/%$/, '') ?? null,
  };
}
