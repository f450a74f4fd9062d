/**
 * CEB303 electronic orders (电子订单) from plain orders: orderType E for 9610 (and 1210), B for
 * 9710, W for 9810 (booking note; orderNo = booking-note number, ebpName = warehouse name from
 * the settings). goodsValue = Σ line totalPrice (FOB excluding freight), amounts decimal(19,5)
 * in the order currency, codes mapped. Orders over 100 lines are split (split-order-lines.ts).
 */
import { DomainError } from '../domain-error.ts';
import { money, sumMoney } from '../money/index.ts';
import type { CustomsMode } from '../orders/order.ts';
import { assembleMessages, type BlockContext } from './assemble-messages.ts';
import { appFields, currencyCode, moneyDecimal, optionalText, requiredText, unitCode } from './ceb-fields.ts';
import type { CebBuildContext, CebOrderInput } from './ceb-input.ts';
import type { CebMessage } from './ceb-message.ts';
import type { CebElement } from './ceb-xml.ts';
import { lineAmounts } from './line-amounts.ts';
import type { CebOrderPart } from './split-order-lines.ts';
import { platformOf } from './declared-values.ts';

export const ORDER_TYPE_BY_MODE: Readonly<Record<CustomsMode, 'E' | 'B' | 'W'>> = {
  9610: 'E',
  9710: 'B',
  9810: 'W',
  1210: 'E',
};

export function orderTypeFor(mode: string): 'E' | 'B' | 'W' {
  const t = Object.hasOwn(ORDER_TYPE_BY_MODE, mode) ? ORDER_TYPE_BY_MODE[mode as CustomsMode] : undefined;
  if (t === undefined) throw new DomainError('customs.code.unknown', { kind: 'tradeMode', value: String(mode) });
  return t;
}

function orderBlock(part: CebOrderPart, guid: string, ctx: BlockContext): CebElement {
  const order = part.source;
  const { settings, company } = ctx;
  const currency = currencyCode(order.currency);
  const lines = part.lines.map((line, i) => {
    const a = lineAmounts(line, order.currency);
    const sku = line.sku;
    return {
      total: a.total,
      element: [
        'OrderList',
        [
          ['gnum', String(i + 1)],
          ['itemNo', requiredText('itemNo', sku.itemNo, 30)],
          ['itemName', requiredText('itemName', sku.goodsName, 250)],
          ['itemDescribe', optionalText('itemDescribe', line.itemDescribe, 1000)],
          ['barCode', optionalText('barCode', sku.barcode, 50)],
          ['unit', unitCode('unit', sku.unit)],
          ['currency', currency],
          ['qty', a.qty],
          ['price', a.price],
          ['totalPrice', a.totalPrice],
        ],
      ] as CebElement,
    };
  });
  const goodsValue = sumMoney(
    lines.map((l) => l.total),
    order.currency,
  );
  const head: CebElement = [
    'OrderHead',
    [
      ...appFields(guid, ctx.appTime, settings.appStatus, order.appTypes?.CEB303),
      ['orderType', orderTypeFor(order.mode)],
      ['orderNo', requiredText('orderNo', part.orderNo, 60)],
      ['ebpCode', requiredText('ebpCode', platformOf(order, settings).ebpCode, 18)],
      ['ebpName', requiredText('ebpName', platformOf(order, settings).ebpName, 100)],
      ['ebcCode', requiredText('ebcCode', company.customsCode, 18)],
      ['ebcName', requiredText('ebcName', company.name, 100)],
      ['goodsValue', moneyDecimal('goodsValue', goodsValue)],
      ['freight', moneyDecimal('freight', money(part.freight, order.currency))],
      ['currency', currency],
      ['note', optionalText('note', order.note, 1000)],
    ],
  ];
  return ['Order', [head, ...lines.map((l) => l.element)]];
}

/** Orders → CEB303 messages (≤ 100 orders each). Throws the first DomainError found. */
export function buildCeb303Messages(orders: readonly CebOrderInput[], ctx: CebBuildContext): CebMessage[] {
  return assembleMessages('CEB303', orders, ctx, orderBlock);
}
