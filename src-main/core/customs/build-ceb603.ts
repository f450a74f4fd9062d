/**
 * CEB603 inventory lists (申报清单) from plain orders: tradeMode = the order's mode (9610, 9710,
 * 9810, 1210; 1210 needs iacCode/iacName/emsNo and per-line itemRecordNo), statisticsFlag A/B,
 * ebc = the company, agent/owner default to it. qty1 = qty when unit1 = unit, else net weight for
 * 035 千克 / 036 克, else the line's legalQuantity. Weights from SKU grams, exact to 5 decimals.
 */
import { DomainError } from '../domain-error.ts';
import { money } from '../money/index.ts';
import { assembleMessages, type BlockContext } from './assemble-messages.ts';
import {
  appFields,
  compactDate,
  currencyCode,
  enumText,
  fixedText,
  moneyDecimal,
  optionalText,
  quantityText,
  requiredText,
  scaledDecimal,
  unitCode,
} from './ceb-fields.ts';
import type { CebBuildContext, CebLineInput, CebOrderInput } from './ceb-input.ts';
import type { CebMessage } from './ceb-message.ts';
import type { CebElement } from './ceb-xml.ts';
import { countryToCustomsCode } from './country-codes.ts';
import { lineAmounts } from './line-amounts.ts';
import { orderTypeFor } from './build-ceb303.ts';
import { lineNetGrams } from './order-totals.ts';
import type { CebOrderPart } from './split-order-lines.ts';
import { convertedLegalQuantity, platformOf, podOf, statisticsFlagFor } from './declared-values.ts';

const KG = '035';
const GRAM = '036';
const MAX_PACKAGES = 999_999_999;

/**
 * Legal quantity: given on the line; else = qty when the units agree; else quantity × the SKU's
 * conversion from the sales unit (any unit); else the net weight for 035 千克 / 036 克.
 */
function legalQuantity(
  field: string,
  legalUnit: string,
  given: string | null | undefined,
  line: CebLineInput,
  qty: string,
  perUnit: string | null | undefined,
): string {
  if (given != null && given !== '') return quantityText(field, given, line.sku.itemNo);
  if (legalUnit === line.sku.unit) return qty;
  const converted = convertedLegalQuantity(field, line.quantity, perUnit);
  if (converted !== null) return converted;
  if (legalUnit === KG) return scaledDecimal(field, lineNetGrams(line), 3);
  if (legalUnit === GRAM) return scaledDecimal(field, lineNetGrams(line), 0);
  throw new DomainError('customs.legalQuantity.missing', {
    field,
    itemNo: line.sku.itemNo,
    unit: line.sku.unit,
    legalUnit,
  });
}

function hsCode(itemNo: string, code: string): string {
  if (!/^\d{10}$/.test(code)) throw new DomainError('customs.hsCode.invalid', { itemNo, hsCode: code });
  return code;
}

function inventoryBlock(part: CebOrderPart, guid: string, ctx: BlockContext): CebElement {
  const order = part.source;
  const { settings, company } = ctx;
  const tradeMode = order.mode;
  orderTypeFor(tradeMode); // rejects an unknown mode
  const bonded = tradeMode === '1210';
  const currency = currencyCode(order.currency);
  const country = countryToCustomsCode(order.destinationCountry);

  let netGrams = 0n;
  const lines = part.lines.map((line, i): CebElement => {
    const sku = line.sku;
    const a = lineAmounts(line, order.currency);
    netGrams += lineNetGrams(line);
    const unit1 = unitCode('unit1', sku.legalUnit);
    const unit2 = sku.secondLegalUnit ? unitCode('unit2', sku.secondLegalUnit) : undefined;
    return [
      'InventoryList',
      [
        ['gnum', String(i + 1)],
        ['itemNo', requiredText('itemNo', sku.itemNo, 20)],
        [
          'itemRecordNo',
          bonded
            ? requiredText('itemRecordNo', line.itemRecordNo ?? sku.itemRecordNo, 30)
            : optionalText('itemRecordNo', line.itemRecordNo ?? sku.itemRecordNo, 30),
        ],
        ['itemName', requiredText('itemName', sku.goodsName, 250)],
        ['gcode', hsCode(sku.itemNo, sku.hsCode)],
        ['gname', requiredText('gname', sku.goodsName, 250)],
        ['gmodel', requiredText('gmodel', sku.gmodel, 250)],
        ['barCode', optionalText('barCode', sku.barcode, 50) ?? '无'],
        ['country', country],
        ['currency', currency],
        ['qty', a.qty],
        ['qty1', legalQuantity('qty1', unit1, line.legalQuantity, line, a.qty, sku.legalQty1PerUnit)],
        [
          'qty2',
          unit2 === undefined
            ? undefined
            : legalQuantity('qty2', unit2, line.secondLegalQuantity, line, a.qty, sku.legalQty2PerUnit),
        ],
        ['unit', unitCode('unit', sku.unit)],
        ['unit1', unit1],
        ['unit2', unit2],
        ['price', a.price],
        ['totalPrice', a.totalPrice],
      ],
    ];
  });

  let grossGrams = netGrams;
  if (order.grossWeightGrams != null) {
    const orderNet = order.lines.reduce((s, l) => s + lineNetGrams(l), 0n);
    const gross = BigInt(order.grossWeightGrams);
    if (gross < orderNet) throw new DomainError('customs.weight.grossBelowNet', { orderNo: order.orderNo });
    if (part.isFirst) grossGrams += gross - orderNet;
  }
  const packNo = order.packNo ?? 1;
  if (!Number.isSafeInteger(packNo) || packNo < 1 || packNo > MAX_PACKAGES) {
    throw new DomainError('customs.quantity.invalid', { field: 'packNo', itemNo: '' });
  }
  const fCurrency = currency;
  const head: CebElement = [
    'InventoryHead',
    [
      ...appFields(guid, ctx.appTime, settings.appStatus, order.appTypes?.CEB603),
      ['customsCode', fixedText('customsCode', settings.customsCode, 4)],
      ['ebpCode', requiredText('ebpCode', platformOf(order, settings).ebpCode, 18)],
      ['ebpName', requiredText('ebpName', platformOf(order, settings).ebpName, 100)],
      ['orderNo', requiredText('orderNo', part.orderNo, 60)],
      ['logisticsCode', requiredText('logisticsCode', order.logisticsCode ?? settings.logisticsCode, 18)],
      ['logisticsName', requiredText('logisticsName', order.logisticsName ?? settings.logisticsName, 100)],
      ['logisticsNo', requiredText('logisticsNo', order.logisticsNo, 32)],
      ['copNo', requiredText('copNo', part.copNo, 30)],
      ['ieFlag', 'E'],
      ['portCode', fixedText('portCode', settings.portCode, 4)],
      ['ieDate', compactDate('ieDate', order.exportDate)],
      [
        'statisticsFlag',
        statisticsFlagFor(
          tradeMode,
          order.statisticsFlag,
          enumText('statisticsFlag', settings.statisticsFlag, ['A', 'B']),
          order.lines.map((l) => l.sku),
        ),
      ],
      ['agentCode', requiredText('agentCode', settings.agentCode ?? company.customsCode, 18)],
      ['agentName', requiredText('agentName', settings.agentName ?? company.name, 100)],
      ['ebcCode', requiredText('ebcCode', company.customsCode, 18)],
      ['ebcName', requiredText('ebcName', company.name, 100)],
      ['ownerCode', requiredText('ownerCode', settings.ownerCode ?? company.customsCode, 18)],
      ['ownerName', requiredText('ownerName', settings.ownerName ?? company.name, 100)],
      ['iacCode', bonded ? requiredText('iacCode', order.bonded?.iacCode ?? settings.iacCode, 18) : undefined],
      ['iacName', bonded ? requiredText('iacName', order.bonded?.iacName ?? settings.iacName, 100) : undefined],
      ['emsNo', bonded ? requiredText('emsNo', order.bonded?.emsNo ?? settings.emsNo, 30) : undefined],
      ['tradeMode', tradeMode],
      ['trafMode', fixedText('trafMode', settings.trafMode, 1)],
      ['loctNo', optionalText('loctNo', settings.loctNo, 10)],
      ['country', country],
      ['POD', fixedText('POD', podOf(order, settings), 3, 4)],
      ['freight', moneyDecimal('freight', money(part.freight, order.currency))],
      ['fCurrency', fCurrency],
      ['fFlag', '3'],
      ['insuredFee', '0.00000'],
      ['iCurrency', fCurrency],
      ['iFlag', '3'],
      ['wrapType', fixedText('wrapType', settings.wrapType, 1)],
      ['packNo', String(packNo)],
      ['grossWeight', scaledDecimal('grossWeight', grossGrams, 3)],
      ['netWeight', scaledDecimal('netWeight', netGrams, 3)],
      ['note', optionalText('note', order.note, 1000)],
    ],
  ];
  return ['Inventory', [head, ...lines]];
}

/** Orders → CEB603 messages (≤ 100 lists each, ≤ 100 lines per list). Throws the first DomainError found. */
export function buildCeb603Messages(orders: readonly CebOrderInput[], ctx: CebBuildContext): CebMessage[] {
  return assembleMessages('CEB603', orders, ctx, inventoryBlock);
}
