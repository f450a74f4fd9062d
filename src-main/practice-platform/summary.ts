/**
 * Answers a summary application (CEB701) the way CEB792 reports it: the named lists (or, with
 * startTime/endTime, every accepted list of the consignor) are merged into declaration forms
 * of ≤ 50 lines; list lines with the same (gcode, country, currency, unit) share a declaration
 * line (gseqno). Each form gets its declSeqNo and entryId; weights are summed exactly.
 */
import type { ReceiptInput, ReceiptLineMapping } from '../core/customs/index.ts';
import type { CebDoc } from './parse-ceb.ts';
import type { ReceivedDocs } from './three-docs.ts';

/** One declaration form: the CEB792 fields of its receipt (numbers, summed weights, list line → declaration line). */
export type DeclarationForm = Required<Pick<ReceiptInput, 'declSeqNo' | 'entryId' | 'grossWeight' | 'netWeight' | 'lineMapping'>>;

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

export function summaryResults(apply: CebDoc, docs: ReceivedDocs, number: (prefix: string) => string): { error: string | null; forms: DeclarationForm[] } {
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
  const groups = new Map<string, number>();
  const mapping: Array<Omit<ReceiptLineMapping, 'gseqno'> & { group: number }> = [];
  lists.forEach((list, i) => {
    for (const line of list.lines) {
      const g = `${line.gcode}|${line.country}|${line.currency}|${line.unit}`;
      if (!groups.has(g)) groups.set(g, groups.size);
      mapping.push({ invtNo: invtNos[i]!, logisticsNo: list.head.logisticsNo ?? '', gnum: Number(line.gnum), gcode: line.gcode ?? '', group: groups.get(g)! });
    }
  });
  const forms: DeclarationForm[] = [];
  for (let first = 0; first < groups.size; first += FORM_LINES) {
    const lines = mapping.filter((m) => m.group >= first && m.group < first + FORM_LINES)
      .map(({ group, ...m }) => ({ ...m, gseqno: group - first + 1 }));
    const invts = new Set(lines.map((l) => l.invtNo));
    const heads = lists.filter((_, i) => invts.has(invtNos[i]!)).map((l) => l.head);
    forms.push({
      declSeqNo: number('D'), entryId: number('1'),
      grossWeight: sumDecimals(heads.map((x) => x.grossWeight)), netWeight: sumDecimals(heads.map((x) => x.netWeight)), lineMapping: lines,
    });
  }
  return { error: null, forms };
}
