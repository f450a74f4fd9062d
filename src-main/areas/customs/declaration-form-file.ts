/**
 * The 报关单 data of a 9810 shipment as files for the customs broker (issue 15, point 1): JSON
 * (the data as it is) and XLSX (a 表头 sheet of field/value rows and a 表体 sheet of lines, with
 * Chinese column titles), both named after the booking note.
 */
import type { DeclarationFormData } from '../../core/customs/index.ts';

const HEAD_TITLES: Readonly<Record<string, string>> = {
  declarationType: '报关单类型',
  tradeMode: '监管方式',
  consignorCode: '境内发货人代码',
  consignorName: '境内发货人名称',
  producerCode: '生产销售单位代码',
  producerName: '生产销售单位名称',
  declareCustoms: '申报地海关',
  exitCustoms: '出境关别',
  exportDate: '出口日期',
  transportMode: '运输方式',
  arrivalCountry: '运抵国(地区)',
  destinationCountry: '最终目的国(地区)',
  packages: '件数',
  currency: '币制',
  totalValue: '总价',
  attachedDocument: '随附单证',
  overseasWarehouse: '海外仓',
};
const LINE_COLUMNS: ReadonlyArray<[keyof DeclarationFormData['lines'][number], string]> = [
  ['lineNo', '项号'],
  ['itemNo', '商品货号'],
  ['hsCode', '商品编号'],
  ['goodsName', '商品名称'],
  ['gmodel', '规格型号'],
  ['quantity', '成交数量'],
  ['unit', '成交计量单位'],
  ['legalQuantity1', '法定第一数量'],
  ['legalUnit1', '法定第一计量单位'],
  ['unitPrice', '单价'],
  ['totalPrice', '总价'],
  ['currency', '币制'],
  ['origin', '原产国(地区)'],
  ['destination', '最终目的国(地区)'],
];

export function declarationFormJson(data: DeclarationFormData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

export async function declarationFormXlsx(data: DeclarationFormData): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs'); // loaded when first used: the host starts sooner (issue 19)
  const wb = new Excel.Workbook();
  const head = wb.addWorksheet('表头');
  head.addRow(['字段', '内容']);
  for (const [k, v] of Object.entries(data.head)) {
    const value =
      typeof v === 'object' && v !== null
        ? Object.values(v)
            .filter((x) => x !== null)
            .join(' / ')
        : String(v);
    head.addRow([HEAD_TITLES[k] ?? k, value]);
  }
  const body = wb.addWorksheet('表体');
  body.addRow(LINE_COLUMNS.map(([, t]) => t));
  for (const l of data.lines) body.addRow(LINE_COLUMNS.map(([k]) => String(l[k])));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
