/**
 * Answers a summary application (CEB701) the way CEB792 reports it (公告2018年第194号, the
 * platform's own reading, domain.md §5): the named lists (or, with startTime/endTime, every
 * accepted list of the consignor) must be summary-declaration lists (statisticsFlag B) of one
 * consignor, one exit office (portCode) and one month (ieDate) — else the application is refused
 * with the reason. They are merged into one declaration form per (consignor, transport mode,
 * producer/seller, country of arrival, exit office), ≤ 50 lines each; list lines with the same
 * (final destination, 10-digit HS, currency) share a declaration line (gseqno). Each form gets its
 * own declSeqNo and entryId; weights are summed exactly.
 */
import type { ReceiptInput, ReceiptLineMapping } from '../core/customs/index.ts';
import type { CebDoc } from './parse-ceb.ts';
import type { ReceivedDocs } from './three-docs.ts';

/** One declaration form: the CEB792 fields of its receipt (numbers, summed weights, list line → declaration line). */
export type DeclarationForm = Required<
  Pick<ReceiptInput, 'declSeqNo' | 'entryId' | 'grossWeight' | 'netWeight' | 'lineMapping'>
>;

const FORM_LINES = 50;
const SCALE = 5;

/** Exact sum of decimal(19,5) strings. */
export function sumDecimals(values: readonly (string | undefined)[]): string {
  let total = 0n;
  for (const v of values) {
    const m = /^(\d+)(?:\.(\d{0,5}))?$/.exec((v ?? '0').trim());
    if (m) total += BigInt(m[1]! + (m[2] ?? '').padEnd(SCALE, '0'));
  }
  const s = total.toString().padStart(SCALE + 1, '0');
  return `${s.slice(0, -SCALE)}.${s.slice(-SCALE)}`;
}

export function summaryResults(
  apply: CebDoc,
  docs: ReceivedDocs,
  number: (prefix: string) => string,
): { error: string | null; forms: DeclarationForm[] } {
  const h = apply.head;
  const ranged = Boolean(h.startTime && h.endTime);
  const invtNos = ranged
    ? [...docs.lists.entries()].filter(([, l]) => l.doc.head.ebcCode === h.ebcCode).map(([n]) => n)
    : apply.lines.map((l) => l.invtNo ?? '');
  if (invtNos.length === 0) return { error: '汇总申请没有可汇总的清单', forms: [] };
  const lists: CebDoc[] = [];
  for (const n of invtNos) {
    const l = docs.lists.get(n);
    if (!l) return { error: `清单 ${n} 不存在或未放行`, forms: [] };
    if (l.doc.head.ebcCode !== h.ebcCode) return { error: `清单 ${n} 的电商企业与汇总申请不一致`, forms: [] };
    lists.push(l.doc);
  }
  const refusal = mixedApplication(lists, invtNos);
  if (refusal) return { error: refusal, forms: [] };
  // 194号: one declaration per (consignor, transport mode, producer/seller, country of arrival, exit office);
  // within it one line per (final destination, 10-digit HS, currency[, itemName]). Unit is not a key.
  const byItemName = h.itemNameFlag === '1';
  const heads = new Map<string, number[]>();
  lists.forEach((list, i) => {
    const x = list.head;
    const k = [x.ebcCode, x.trafMode, x.ownerCode, x.country, x.portCode].join('|');
    heads.set(k, [...(heads.get(k) ?? []), i]);
  });
  const forms: DeclarationForm[] = [];
  for (const members of heads.values()) {
    const groups = new Map<string, number>();
    const mapping: Array<Omit<ReceiptLineMapping, 'gseqno'> & { group: number }> = [];
    for (const i of members) {
      const list = lists[i]!;
      for (const line of list.lines) {
        const g = `${line.country}|${line.gcode}|${line.currency}${byItemName ? `|${line.itemName ?? ''}` : ''}`;
        if (!groups.has(g)) groups.set(g, groups.size);
        mapping.push({
          invtNo: invtNos[i]!,
          logisticsNo: list.head.logisticsNo ?? '',
          gnum: Number(line.gnum),
          gcode: line.gcode ?? '',
          group: groups.get(g)!,
        });
      }
    }
    for (let first = 0; first < groups.size; first += FORM_LINES) {
      const lines = mapping
        .filter((m) => m.group >= first && m.group < first + FORM_LINES)
        .map(({ group, ...m }) => ({ ...m, gseqno: group - first + 1 }));
      const invts = new Set(lines.map((l) => l.invtNo));
      const formHeads = members.filter((i) => invts.has(invtNos[i]!)).map((i) => lists[i]!.head);
      forms.push({
        declSeqNo: number('D'),
        entryId: number('1'),
        grossWeight: sumDecimals(formHeads.map((x) => x.grossWeight)),
        netWeight: sumDecimals(formHeads.map((x) => x.netWeight)),
        lineMapping: lines,
      });
    }
  }
  return { error: null, forms };
}

/** Why an application may not be taken as one: A lists, mixed exit offices or months. */
function mixedApplication(lists: readonly CebDoc[], invtNos: readonly string[]): string | null {
  const a = lists.findIndex((l) => l.head.statisticsFlag !== 'B');
  if (a >= 0)
    return `清单 ${invtNos[a]} 为汇总统计（statisticsFlag ${lists[a]!.head.statisticsFlag ?? ''}），不参与汇总申报`;
  const distinct = (f: (l: CebDoc) => string) => [...new Set(lists.map(f))];
  const months = distinct((l) => (l.head.ieDate ?? '').slice(0, 6));
  if (months.length > 1) return `汇总申请混合了不同月份的清单（${months.join('、')}），请按月分开申请`;
  const ports = distinct((l) => l.head.portCode ?? '');
  if (ports.length > 1) return `汇总申请混合了不同出境关别的清单（${ports.join('、')}），请分开申请`;
  return null;
}
