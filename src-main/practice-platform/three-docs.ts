/**
 * The platform's own 三单比对 before it accepts a list (CEB603): the order (CEB303) with the
 * same ebpCode + orderNo must have arrived, with the same consignor (ebcCode), and every list
 * line must match the order line of the same gnum (itemNo, unit, currency, quantity). A waybill
 * (CEB505) or payment receipt (CEB403), when received, must agree too. Returns the first
 * mismatch as a reason text (as customs writes returnInfo), or null.
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
    case 'CEB303': case 'CEB403': return `${doc.type}:${h.ebpCode}:${h.orderNo}`;
    case 'CEB505': return `${doc.type}:${h.logisticsCode}:${h.logisticsNo}`;
    case 'CEB603': case 'CEB701': return `${doc.type}:${h.agentCode}:${h.copNo}`;
  }
}

/** '2.00000' and '2' are the same quantity. */
export function sameDecimal(a: string | undefined, b: string | undefined): boolean {
  const norm = (s: string | undefined) => (s ?? '').trim().replace(/^(-?)0+(?=\d)/, '$1').replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return norm(a) === norm(b);
}

export function checkThreeDocs(list: CebDoc, docs: ReceivedDocs): string | null {
  const h = list.head;
  const order = docs.orders.get(`${h.ebpCode}|${h.orderNo}`);
  if (!order) return `三单比对失败：未收到订单 ${h.orderNo}（电商平台 ${h.ebpCode}）`;
  if (order.head.ebcCode !== h.ebcCode) return `三单比对失败：清单电商企业 ${h.ebcCode} 与订单 ${order.head.ebcCode} 不一致`;
  for (const line of list.lines) {
    const o = order.lines.find((l) => l.gnum === line.gnum);
    if (!o) return `三单比对失败：订单 ${h.orderNo} 没有第 ${line.gnum} 行`;
    for (const f of ['itemNo', 'unit', 'currency'] as const) {
      if ((o[f] ?? '') !== (line[f] ?? '')) return `三单比对失败：第 ${line.gnum} 行 ${f} 清单 ${line[f]} ≠ 订单 ${o[f]}`;
    }
    if (!sameDecimal(o.qty, line.qty)) return `三单比对失败：第 ${line.gnum} 行数量 清单 ${line.qty} ≠ 订单 ${o.qty}`;
  }
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
