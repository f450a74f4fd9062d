/**
 * The platform's own 三单比对 before it accepts a list (CEB603): the order (CEB303) with the
 * same ebpCode + orderNo must have arrived, with the same consignor (ebcCode), and every list
 * line must match the order line of the same gnum (itemNo, unit, currency, quantity). A waybill
 * (CEB505) or payment receipt (CEB403), when received, must agree too. Returns the first
 * mismatch as a reason text (as customs writes returnInfo), or null. Issue 15 adds the rules
 * customs applies to the content: a 9810 list must answer a W booking note, a 9710/9810 list may
 * not exceed CNY 5,000 (公告2020年第75号: a 报关单 then), and the declared value (每行 totalPrice
 * and their sum) must be the order's. This is the platform's own arithmetic, not the builder's.
 */
import type { CebDoc } from './parse-ceb.ts';

export interface ReceivedDocs {
  readonly orders: Map<string, CebDoc>;
  readonly payments: Map<string, CebDoc>;
  readonly waybills: Map<string, CebDoc>;
  /** Accepted lists by invtNo. */
  readonly lists: Map<string, { readonly doc: CebDoc; readonly acceptedAt: number }>;
}

/** Who a document is, for counting acceptances: type + codes + number. */
export function docIdentity(doc: CebDoc): string {
  const h = doc.head;
  switch (doc.type) {
    case 'CEB303':
    case 'CEB403':
      return `${doc.type}:${h.ebpCode}:${h.orderNo}`;
    case 'CEB505':
      return `${doc.type}:${h.logisticsCode}:${h.logisticsNo}`;
    case 'CEB603':
    case 'CEB701':
    case 'CEB605':
      return `${doc.type}:${h.agentCode}:${h.copNo}`;
    case 'CEB213':
      return `${doc.type}:${h.agentCode}:${h.coElNo}`;
  }
}

/** '2.00000' and '2' are the same quantity. */
export function sameDecimal(a: string | undefined, b: string | undefined): boolean {
  const norm = (s: string | undefined) =>
    (s ?? '')
      .trim()
      .replace(/^(-?)0+(?=\d)/, '$1')
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, '');
  return norm(a) === norm(b);
}

export function checkThreeDocs(
  list: CebDoc,
  docs: ReceivedDocs,
  cnyRates: Readonly<Record<string, string>> = PRACTICE_CNY_RATES,
): string | null {
  const h = list.head;
  const order = docs.orders.get(`${h.ebpCode}|${h.orderNo}`);
  if (!order) return `三单比对失败：未收到订单 ${h.orderNo}（电商平台 ${h.ebpCode}）`;
  if (order.head.ebcCode !== h.ebcCode)
    return `三单比对失败：清单电商企业 ${h.ebcCode} 与订单 ${order.head.ebcCode} 不一致`;
  for (const line of list.lines) {
    const o = order.lines.find((l) => l.gnum === line.gnum);
    if (!o) return `三单比对失败：订单 ${h.orderNo} 没有第 ${line.gnum} 行`;
    for (const f of ['itemNo', 'unit', 'currency'] as const) {
      if ((o[f] ?? '') !== (line[f] ?? ''))
        return `三单比对失败：第 ${line.gnum} 行 ${f} 清单 ${line[f]} ≠ 订单 ${o[f]}`;
    }
    if (!sameDecimal(o.qty, line.qty)) return `三单比对失败：第 ${line.gnum} 行数量 清单 ${line.qty} ≠ 订单 ${o.qty}`;
  }
  const b2b = checkB2bList(list, order, cnyRates);
  if (b2b) return b2b;
  const value = checkDeclaredValue(list, order);
  if (value) return value;
  const waybill = docs.waybills.get(`${h.logisticsCode}|${h.logisticsNo}`);
  if (waybill && waybill.head.ebcCode && waybill.head.ebcCode !== h.ebcCode) {
    return `三单比对失败：运单 ${h.logisticsNo} 电商企业 ${waybill.head.ebcCode} 与清单 ${h.ebcCode} 不一致`;
  }
  const payment = docs.payments.get(`${h.ebpCode}|${h.orderNo}`);
  if (payment && payment.head.ebcCode !== h.ebcCode) {
    return `三单比对失败：收款单 ${h.orderNo} 电商企业 ${payment.head.ebcCode} 与清单 ${h.ebcCode} 不一致`;
  }
  return null;
}

/** Practice conversion rates to CNY per customs currency code (1 unit → CNY), stated to the trainee; real customs uses its monthly rate. */
export const PRACTICE_CNY_RATES: Readonly<Record<string, string>> = {
  142: '1',
  502: '7.2',
  300: '7.8',
  303: '9.1',
  116: '0.048',
  110: '0.92',
  501: '5.2',
  601: '4.7',
  609: '4.3',
  132: '5.3',
  122: '1.6',
  136: '0.2',
};

const FRACTION = 5;
/** decimal text → integer at 10^5 (null when not a plain decimal). */
export function scaled(text: string | undefined): bigint | null {
  const m = /^(\d+)(?:\.(\d{0,5}))?$/.exec((text ?? '').trim());
  return m ? BigInt(m[1]! + (m[2] ?? '').padEnd(FRACTION, '0')) : null;
}
function fixed2(v: bigint): string {
  const cents = (v + 500n) / 1000n; // 10^5 → 10^2, half up
  const s = cents.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

const B2B_LIMIT_CNY = 5000n * 10n ** BigInt(FRACTION);

function checkB2bList(list: CebDoc, order: CebDoc, cnyRates: Readonly<Record<string, string>>): string | null {
  const mode = list.head.tradeMode;
  if (mode === '9810' && order.head.orderType !== 'W') {
    return `9810 清单须对应海外仓订仓单（订单类型 W），订单 ${order.head.orderNo} 的类型是 ${order.head.orderType ?? ''}`;
  }
  if (mode !== '9710' && mode !== '9810') return null;
  let cny = 0n;
  for (const l of list.lines) {
    const total = scaled(l.totalPrice);
    const rate = scaled(cnyRates[l.currency ?? ''] ?? undefined);
    if (total === null) continue;
    if (rate === null) return `练习平台没有币制 ${l.currency} 的折算汇率，无法核对 5000 元限额`;
    cny += (total * rate) / 10n ** BigInt(FRACTION);
  }
  return cny > B2B_LIMIT_CNY ? `9710/9810 单票货值 ${fixed2(cny)} 元人民币超过 5000 元，应以报关单申报` : null;
}

function checkDeclaredValue(list: CebDoc, order: CebDoc): string | null {
  for (const line of list.lines) {
    const o = order.lines.find((l) => l.gnum === line.gnum);
    if (o && scaled(o.totalPrice) !== scaled(line.totalPrice)) {
      return `申报价值与订单不一致：第 ${line.gnum} 行总价 清单 ${line.totalPrice} ≠ 订单 ${o.totalPrice}`;
    }
  }
  return null;
}
