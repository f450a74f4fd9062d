/**
 * CEB403 receipts of payment (收款单) from plain orders, one per order (not split by lines):
 * charge = the amount collected (default goodsValue + freight), accountingDate = when the money
 * arrived (C14 in China time; default: the build time), payName from the settings ('现金支付'
 * when not paid online), payCode only for domestic payment firms.
 */
import { money, addMoney } from '../money/index.ts';
import { formatAppTime } from './app-time.ts';
import { assembleFlatMessages, type BlockContext } from './assemble-messages.ts';
import { appFields, currencyCode, moneyDecimal, optionalText, requiredText } from './ceb-fields.ts';
import type { CebBuildContext, CebOrderInput } from './ceb-input.ts';
import type { CebMessage } from './ceb-message.ts';
import type { CebElement } from './ceb-xml.ts';
import { DomainError } from '../domain-error.ts';
import { orderFreight, orderGoodsValue } from './order-totals.ts';
import { platformOf } from './declared-values.ts';

function accountingDate(paidAt: string | null | undefined, appTime: string): string {
  if (paidAt == null || paidAt === '') return appTime;
  const d = new Date(paidAt);
  if (!Number.isFinite(d.getTime()))
    throw new DomainError('customs.date.invalid', { field: 'accountingDate', value: paidAt });
  return formatAppTime(d);
}

function receiptBlock(order: CebOrderInput, orderNo: string, guid: string, ctx: BlockContext): CebElement {
  const { settings, company } = ctx;
  const charge =
    order.charge != null ? money(order.charge, order.currency) : addMoney(orderGoodsValue(order), orderFreight(order));
  return [
    'Receipts',
    [
      ...appFields(guid, ctx.appTime, settings.appStatus, order.appTypes?.CEB403),
      ['ebpCode', requiredText('ebpCode', platformOf(order, settings).ebpCode, 18)],
      ['ebpName', requiredText('ebpName', platformOf(order, settings).ebpName, 100)],
      ['ebcCode', requiredText('ebcCode', company.customsCode, 18)],
      ['ebcName', requiredText('ebcName', company.name, 100)],
      ['orderNo', requiredText('orderNo', orderNo, 60)],
      ['payCode', optionalText('payCode', settings.payCode, 18)],
      ['payName', requiredText('payName', settings.payName ?? '现金支付', 100)],
      ['payNo', optionalText('payNo', order.payNo, 60)],
      ['charge', moneyDecimal('charge', charge)],
      ['currency', currencyCode(order.currency)],
      ['accountingDate', accountingDate(order.paidAt, ctx.appTime)],
      ['note', optionalText('note', order.note, 1000)],
    ],
  ];
}

/** Orders → CEB403 messages (≤ 100 receipts each). Throws the first DomainError found. */
export function buildCeb403Messages(orders: readonly CebOrderInput[], ctx: CebBuildContext): CebMessage[] {
  return assembleFlatMessages('CEB403', orders, ctx, receiptBlock);
}
