/**
 * CEB505 waybills (物流运单), when the seller declares its own parcels (normally the logistics firm
 * does): one per order, logisticsNo/carrier as on the list, freight in the order currency,
 * grossWeight in kg from the parcel (or the lines' net weight), goodsInfo = the goods names
 * (≤ 200 characters, cut with '…').
 */
import { money } from '../money/index.ts';
import { assembleFlatMessages, type BlockContext } from './assemble-messages.ts';
import { appFields, currencyCode, moneyDecimal, requiredText, scaledDecimal } from './ceb-fields.ts';
import type { CebBuildContext, CebOrderInput } from './ceb-input.ts';
import type { CebMessage } from './ceb-message.ts';
import type { CebElement } from './ceb-xml.ts';
import { orderFreight, orderGrossGrams } from './order-totals.ts';

const GOODS_INFO_MAX = 200;

function goodsInfo(order: CebOrderInput): string {
  const names = [...new Set(order.lines.map((l) => l.sku.goodsName.replace(/\s+/g, ' ').trim()))].join(';');
  const chars = [...names];
  return chars.length <= GOODS_INFO_MAX ? names : `${chars.slice(0, GOODS_INFO_MAX - 1).join('')}…`;
}

function waybillBlock(order: CebOrderInput, _orderNo: string, guid: string, ctx: BlockContext): CebElement {
  const { settings, company } = ctx;
  return [
    'Logistics',
    [
      ...appFields(guid, ctx.appTime, settings.appStatus, order.appTypes?.CEB505),
      ['logisticsCode', requiredText('logisticsCode', order.logisticsCode ?? settings.logisticsCode, 18)],
      ['logisticsName', requiredText('logisticsName', order.logisticsName ?? settings.logisticsName, 100)],
      ['logisticsNo', requiredText('logisticsNo', order.logisticsNo, 32)],
      ['freight', moneyDecimal('freight', orderFreight(order))],
      ['insuredFee', moneyDecimal('insuredFee', money(0, order.currency))],
      ['currency', currencyCode(order.currency)],
      ['grossWeight', scaledDecimal('grossWeight', orderGrossGrams(order), 3)],
      ['packNo', String(order.packNo ?? 1)],
      ['goodsInfo', requiredText('goodsInfo', goodsInfo(order), GOODS_INFO_MAX)],
      ['ebcCode', requiredText('ebcCode', company.customsCode, 18)],
      ['ebcName', requiredText('ebcName', company.name, 100)],
    ],
  ];
}

/** Orders → CEB505 messages (≤ 100 waybills each), keyed by logisticsNo. */
export function buildCeb505Messages(orders: readonly CebOrderInput[], ctx: CebBuildContext): CebMessage[] {
  return assembleFlatMessages('CEB505', orders, ctx, waybillBlock);
}
