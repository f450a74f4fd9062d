/**
 * Where a pre-check finding is fixed: the risk list (licence prefixes, value ceilings), the
 * SKU master data (HS code, weight, mapping), the order's shipping data (logisticsNo, export
 * date…, edited right here), the customs settings, the company profile (DXP ID, customs
 * code), or else the order itself.
 */
import type { CustomsFinding } from '../../../src-main/api/contract.ts';

export type FindingFix =
  | { readonly kind: 'risk' }
  | { readonly kind: 'sku' }
  | { readonly kind: 'shipping'; readonly orderId: number }
  | { readonly kind: 'settings' }
  | { readonly kind: 'company' }
  | { readonly kind: 'order'; readonly orderId: number }
  | { readonly kind: 'none' };

const SHIPPING_FIELDS: ReadonlySet<string> = new Set([
  'logisticsNo',
  'logisticsCode',
  'logisticsName',
  'exportDate',
  'grossWeight',
  'grossWeightGrams',
  'packNo',
  'copNo',
]);
/** BaseTransfer / consignor fields taken from the company profile. */
const COMPANY_FIELDS: ReadonlySet<string> = new Set([
  'dxpId',
  'copCode',
  'copName',
  'ebcCode',
  'ebcName',
  'company.dxpId',
  'company.customsCode',
]);
const SKU_FIELDS: ReadonlySet<string> = new Set(['sku', 'gcode', 'itemNo', 'gname', 'gmodel', 'unit']);

export function findingFix(f: CustomsFinding): FindingFix {
  if (f.code.startsWith('precheck.risk.')) return { kind: 'risk' };
  if (SKU_FIELDS.has(f.field) || f.field.startsWith('sku.')) return { kind: 'sku' };
  if (f.field.startsWith('settings.')) return { kind: 'settings' };
  if (COMPANY_FIELDS.has(f.field) || f.code === 'customs.company.missing') return { kind: 'company' };
  if (f.orderId !== null && SHIPPING_FIELDS.has(f.field)) return { kind: 'shipping', orderId: f.orderId };
  if (f.orderId !== null) return { kind: 'order', orderId: f.orderId };
  return { kind: 'none' };
}
