/**
 * 9810 head-haul shipments (跨境电商出口海外仓, 公告2020年第75号; domain.md §2, §5): what is declared
 * is the bulk shipment to the overseas warehouse, not each later sale. Always a CEB303 with
 * orderType W (orderNo = the booking-note number, ebpName = the warehouse, ebpCode 无); then, when
 * the shipment is at most CNY 5,000 and none of its SKUs has 监管条件 (涉证/涉检) or export duty
 * (涉税), a CEB603 list with tradeMode 9810 to the warehouse's country — otherwise the 报关单 data
 * (head, lines, the booking note as attached document 10000004-跨境B2B出口单证) for the broker.
 * Values are the declared unit values in CNY fen. Pure.
 */
import type { CompanyProfile } from '../company/company-profile.ts';
import { formatDecimal, multiplyByQuantity, sumMinor, type Currency, type Minor } from '../money/index.ts';
import type { Sku } from '../stock/sku.ts';
import { COUNTRIES_ALPHA3 } from './codes/tables.generated.ts';
import type { CebOrderInput, CebSettings } from './ceb-input.ts';
import { isRestricted } from './declared-values.ts';

export interface HeadHaulShipment {
  readonly bookingNoteNo: string;
  readonly shipDate: string;
  readonly cartons: number;
  readonly carrier: string;
  readonly warehouse: { readonly code: string; readonly name: string; readonly country: string | null };
  /** 9710 B2B orders reuse the 报关单 data; default 9810 and CNY. */
  readonly tradeMode?: '9710' | '9810';
  readonly currency?: Currency;
  /** Declared unit value in minor units of `currency` (CNY fen for a shipment: cost plus the user's markup). */
  readonly lines: ReadonlyArray<{ readonly sku: Sku; readonly quantity: number; readonly declaredUnitValue: Minor }>;
}

/** CNY 5,000 in fen: above it a B2B ticket goes on a 报关单 (公告2020年第75号). */
export const B2B_LIST_LIMIT_FEN = 500_000;

export type HeadHaulReason = 'overLimit' | 'supervision' | 'exportDuty';

export function headHaulRoute(s: HeadHaulShipment): {
  route: 'list' | 'declarationForm';
  totalCny: Minor;
  reasons: HeadHaulReason[];
} {
  const totalCny = sumMinor(
    s.lines.map((l) => multiplyByQuantity({ amount: l.declaredUnitValue, currency: 'CNY' }, l.quantity).amount),
  );
  const reasons: HeadHaulReason[] = [];
  if (totalCny > B2B_LIST_LIMIT_FEN) reasons.push('overLimit');
  if (s.lines.some((l) => (l.sku.supervisionConditions ?? '') !== '')) reasons.push('supervision');
  if (s.lines.some((l) => isRestricted({ supervisionConditions: null, exportDutyRate: l.sku.exportDutyRate ?? null })))
    reasons.push('exportDuty');
  return { route: reasons.length === 0 ? 'list' : 'declarationForm', totalCny, reasons };
}

/** The shipment as the CEB builders take it: one 9810 order (booking note) in CNY to the warehouse's country. */
export function headHaulOrderInput(s: HeadHaulShipment): CebOrderInput {
  return {
    orderNo: s.bookingNoteNo,
    mode: '9810',
    currency: 'CNY',
    destinationCountry: s.warehouse.country ?? '',
    lines: s.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.declaredUnitValue })),
    logisticsNo: s.bookingNoteNo,
    exportDate: s.shipDate,
    packNo: s.cartons > 0 ? s.cartons : 1,
    platform: { ebpCode: '无', ebpName: s.warehouse.name },
    statisticsFlag: 'B',
  };
}

const ALPHA3 = new Map(COUNTRIES_ALPHA3.filter(([, , , iso2]) => iso2 !== '').map(([code, , , iso2]) => [iso2, code]));
const alpha3 = (iso2: string | null | undefined) => (iso2 ? (ALPHA3.get(iso2) ?? '') : '');

function amount(v: number, currency: Currency): string {
  return formatDecimal({ amount: v as Minor, currency });
}

export interface DeclarationFormData {
  readonly head: {
    readonly declarationType: '出口货物报关单';
    readonly tradeMode: '9710' | '9810';
    readonly consignorCode: string;
    readonly consignorName: string;
    readonly producerCode: string;
    readonly producerName: string;
    readonly declareCustoms: string;
    readonly exitCustoms: string;
    readonly exportDate: string;
    readonly transportMode: string;
    readonly arrivalCountry: string;
    readonly destinationCountry: string;
    readonly packages: number;
    readonly currency: string;
    readonly totalValue: string;
    readonly attachedDocument: { readonly code: '10000004'; readonly name: '跨境B2B出口单证'; readonly number: string };
    readonly overseasWarehouse: { readonly code: string; readonly name: string; readonly country: string | null };
  };
  readonly lines: ReadonlyArray<{
    readonly lineNo: number;
    readonly itemNo: string;
    readonly hsCode: string;
    readonly goodsName: string;
    readonly gmodel: string;
    readonly quantity: string;
    readonly unit: string;
    readonly legalQuantity1: string;
    readonly legalUnit1: string;
    readonly unitPrice: string;
    readonly totalPrice: string;
    readonly currency: string;
    readonly origin: string;
    readonly destination: string;
  }>;
}

/** legal quantity 1 of a line as text: the sales quantity when the units agree, the conversion, or kg/g from the weight. */
function legalQuantity1(sku: Sku, quantity: number): string {
  if (sku.legalUnit === sku.unit) return String(quantity);
  if (sku.legalQty1PerUnit) {
    const [i = '0', f = ''] = sku.legalQty1PerUnit.split('.');
    const scaled = BigInt(i + f.padEnd(5, '0')) * BigInt(quantity);
    const t = scaled.toString().padStart(6, '0');
    return `${t.slice(0, -5)}.${t.slice(-5)}`.replace(/\.?0+$/, '') || '0';
  }
  const grams = BigInt(sku.weightGrams ?? 0) * BigInt(quantity);
  if (sku.legalUnit === '035') {
    const t = grams.toString().padStart(4, '0');
    return `${t.slice(0, -3)}.${t.slice(-3)}`;
  }
  if (sku.legalUnit === '036') return grams.toString();
  return '';
}

/** Head and lines of the 出口货物报关单 for the broker (a 9810 shipment above the list limit or with restricted goods). */
export function declarationFormData(
  s: HeadHaulShipment,
  company: CompanyProfile,
  settings: Pick<CebSettings, 'customsCode' | 'portCode' | 'trafMode' | 'ownerCode' | 'ownerName'>,
): DeclarationFormData {
  const dest = alpha3(s.warehouse.country);
  const currency = s.currency ?? 'CNY';
  const total = s.lines.reduce((t, l) => t + l.quantity * l.declaredUnitValue, 0);
  return {
    head: {
      declarationType: '出口货物报关单',
      tradeMode: s.tradeMode ?? '9810',
      consignorCode: company.customsCode,
      consignorName: company.name,
      producerCode: settings.ownerCode ?? company.customsCode,
      producerName: settings.ownerName ?? company.name,
      declareCustoms: settings.customsCode,
      exitCustoms: settings.portCode,
      exportDate: s.shipDate,
      transportMode: settings.trafMode,
      arrivalCountry: dest,
      destinationCountry: dest,
      packages: s.cartons,
      currency,
      totalValue: amount(total, currency),
      attachedDocument: { code: '10000004', name: '跨境B2B出口单证', number: s.bookingNoteNo },
      overseasWarehouse: s.warehouse,
    },
    lines: s.lines.map((l, i) => ({
      lineNo: i + 1,
      itemNo: l.sku.itemNo,
      hsCode: l.sku.hsCode,
      goodsName: l.sku.goodsName,
      gmodel: l.sku.gmodel,
      quantity: String(l.quantity),
      unit: l.sku.unit,
      legalQuantity1: legalQuantity1(l.sku, l.quantity),
      legalUnit1: l.sku.legalUnit,
      unitPrice: amount(l.declaredUnitValue, currency),
      totalPrice: amount(l.quantity * l.declaredUnitValue, currency),
      currency,
      origin: alpha3(l.sku.origin ?? 'CN'),
      destination: dest,
    })),
  };
}
