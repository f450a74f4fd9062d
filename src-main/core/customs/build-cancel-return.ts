/**
 * Withdrawals and returns (issue 15, point 5). CEB605 撤销申请单: a list customs holds is
 * withdrawn with the reason (required), never re-sent as new. CEB213 退货申请单 (退运): goods of
 * an exported list come back — tradeMode 9661 (1261 for 1210 exports) against the original invtNo,
 * ieFlag I, `country` = the country they come from, quantities not above the original (legal
 * quantities in proportion, exact to 5 decimals), and only within the return window of the
 * duty-free return rule: exported 2023-01-30…2025-12-31 (公告2023年第4号) or 2026-01-01…2027-12-31
 * (公告2026年第16号), returned within 6 months (domain.md §7.4, §11).
 */
import { XMLParser } from 'fast-xml-parser';
import { DomainError } from '../domain-error.ts';
import { formatAppTime } from './app-time.ts';
import { baseTransfer } from './base-transfer.ts';
import { appFields, fixedText, optionalText, requiredText, scaledDecimal } from './ceb-fields.ts';
import { cebGuid } from './ceb-guid.ts';
import type { CebBuildContext } from './ceb-input.ts';
import type { CebDocumentRef } from './ceb-message.ts';
import { serialiseCebMessage, type CebElement } from './ceb-xml.ts';
import { countryToCustomsCode } from './country-codes.ts';
import { toScaled } from './declared-values.ts';

export interface CebWithdrawalMessage {
  readonly type: 'CEB605' | 'CEB213';
  readonly guid: string;
  readonly xml: string;
  readonly documents: readonly CebDocumentRef[];
}

export interface ListCancellation {
  readonly copNo: string;
  readonly invtNo: string;
  readonly preNo?: string | null;
  readonly reason: string;
  readonly note?: string | null;
}

const MAX_BLOCKS = 100;

function message(
  type: 'CEB605' | 'CEB213',
  blocks: CebElement[],
  docs: CebDocumentRef[],
  ctx: CebBuildContext,
): CebWithdrawalMessage {
  if (blocks.length === 0 || blocks.length > MAX_BLOCKS)
    throw new DomainError('customs.message.blocks', { type, count: blocks.length });
  const guid = cebGuid(ctx.newId);
  return {
    type,
    guid,
    xml: serialiseCebMessage(`${type}Message`, guid, [...blocks, baseTransfer(ctx.company)]),
    documents: docs,
  };
}

/** CEB605: one InvtCancel per list (≤ 100). */
export function buildCeb605Message(lists: readonly ListCancellation[], ctx: CebBuildContext): CebWithdrawalMessage {
  const { settings, company } = ctx;
  const appTime = formatAppTime(ctx.clock());
  const docs: CebDocumentRef[] = [];
  const blocks = lists.map((l): CebElement => {
    const guid = cebGuid(ctx.newId);
    docs.push({ guid, orderNo: l.copNo, copNo: l.copNo, sourceOrderNo: l.copNo, part: 1, parts: 1 });
    return [
      'InvtCancel',
      [
        ...appFields(guid, appTime, settings.appStatus),
        ['customsCode', fixedText('customsCode', settings.customsCode, 4)],
        ['copNo', requiredText('copNo', l.copNo, 30)],
        ['preNo', l.preNo ? fixedText('preNo', l.preNo, 18) : undefined],
        ['invtNo', requiredText('invtNo', l.invtNo, 20)],
        ['reason', requiredText('reason', l.reason.trim() === '' ? '' : l.reason, 1000)],
        ['agentCode', requiredText('agentCode', settings.agentCode ?? company.customsCode, 18)],
        ['agentName', requiredText('agentName', settings.agentName ?? company.name, 100)],
        ['ebcCode', requiredText('ebcCode', company.customsCode, 18)],
        ['ebcName', requiredText('ebcName', company.name, 100)],
        ['note', optionalText('note', l.note, 1000)],
      ],
    ];
  });
  return message('CEB605', blocks, docs, ctx);
}

export interface ReturnApplication {
  /** The enterprise's own number of the return (coElNo ≤ 30). */
  readonly coElNo: string;
  readonly returnDate: string;
  readonly reason: string;
  /** ISO alpha-2 country the goods come back from. */
  readonly country: string;
  readonly logisticsNo: string;
  readonly billNo: string;
  readonly trafMode: string;
  readonly trafName: string;
  readonly voyageNo: string;
  readonly original: {
    readonly invtNo: string;
    readonly preNo?: string | null;
    readonly tradeMode: '9610' | '9710' | '9810' | '1210';
    readonly ieDate: string;
    readonly ebpCode: string;
    readonly ebpName: string;
    readonly logisticsCode: string;
    readonly logisticsName: string;
    /** The original list lines as declared (decimal(19,5) texts). */
    readonly lines: ReadonlyArray<{
      readonly gnum: number;
      readonly gcode: string;
      readonly gname: string;
      readonly gmodel: string;
      readonly qty: string;
      readonly qty1: string;
      readonly unit: string;
      readonly unit1: string;
      readonly qty2?: string | null;
      readonly unit2?: string | null;
    }>;
  };
  /** Returned quantity per original list line (whole units of the list unit). */
  readonly lines: ReadonlyArray<{ readonly gnum: number; readonly qty: number }>;
}

const WINDOWS: ReadonlyArray<readonly [string, string]> = [
  ['2023-01-30', '2025-12-31'],
  ['2026-01-01', '2027-12-31'],
];

function plusMonths(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12),
    nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last day goods exported on `exportDate` may come back duty-free (6 months), or null when the export date is in no window. */
export function returnWindowEnd(exportDate: string): string | null {
  return WINDOWS.some(([from, to]) => exportDate >= from && exportDate <= to) ? plusMonths(exportDate, 6) : null;
}

/** Whether goods exported on `exportDate` and returned on `returnDate` are in the duty-free return window. */
export function returnWindowOpen(exportDate: string, returnDate: string): boolean {
  const exported = WINDOWS.some(([from, to]) => exportDate >= from && exportDate <= to);
  return exported && returnDate >= exportDate && returnDate <= plusMonths(exportDate, 6);
}

/** qty1 of the returned part: original qty1 × returned / original, exact to 5 decimals. */
function proportion(field: string, total: string, part: number, whole: string, invtNo: string, gnum: number): string {
  const num = toScaled(total) * BigInt(part) * 100_000n;
  const den = toScaled(whole);
  if (den === 0n || num % den !== 0n) throw new DomainError('customs.return.inexact', { invtNo, gnum, field });
  return scaledDecimal(field, num / den, 5);
}

/** CEB213: one InvtRefund per return (≤ 100). */
export function buildCeb213Message(returns: readonly ReturnApplication[], ctx: CebBuildContext): CebWithdrawalMessage {
  const { settings, company } = ctx;
  const appTime = formatAppTime(ctx.clock());
  const docs: CebDocumentRef[] = [];
  const blocks = returns.map((r): CebElement => {
    const o = r.original;
    if (!returnWindowOpen(o.ieDate, r.returnDate)) {
      throw new DomainError('customs.return.outsideWindow', {
        invtNo: o.invtNo,
        exportDate: o.ieDate,
        returnDate: r.returnDate,
      });
    }
    if (r.lines.length === 0) throw new DomainError('customs.field.required', { field: 'InvtRefundList' });
    const lines = r.lines.map((l): CebElement => {
      const src = o.lines.find((x) => x.gnum === l.gnum);
      if (!src) throw new DomainError('customs.return.unknownLine', { invtNo: o.invtNo, gnum: l.gnum });
      if (!Number.isSafeInteger(l.qty) || l.qty <= 0 || toScaled(String(l.qty)) > toScaled(src.qty)) {
        throw new DomainError('customs.return.overQuantity', {
          invtNo: o.invtNo,
          gnum: l.gnum,
          qty: String(l.qty),
          original: src.qty,
        });
      }
      return [
        'InvtRefundList',
        [
          ['gnum', String(l.gnum)],
          ['gcode', requiredText('gcode', src.gcode, 10)],
          ['gname', requiredText('gname', src.gname, 250)],
          ['gmodel', requiredText('gmodel', src.gmodel, 250)],
          ['qty', scaledDecimal('qty', BigInt(l.qty), 0)],
          ['qty1', proportion('qty1', src.qty1, l.qty, src.qty, o.invtNo, l.gnum)],
          ['unit', fixedText('unit', src.unit, 3)],
          ['unit1', fixedText('unit1', src.unit1, 3)],
          ['qty2', src.qty2 && src.unit2 ? proportion('qty2', src.qty2, l.qty, src.qty, o.invtNo, l.gnum) : undefined],
          ['unit2', src.qty2 && src.unit2 ? fixedText('unit2', src.unit2, 3) : undefined],
        ],
      ];
    });
    const guid = cebGuid(ctx.newId);
    docs.push({ guid, orderNo: r.coElNo, copNo: r.coElNo, sourceOrderNo: o.invtNo, part: 1, parts: 1 });
    return [
      'InvtRefund',
      [
        [
          'InvtRefundHead',
          [
            ...appFields(guid, appTime, settings.appStatus),
            ['customsCode', fixedText('customsCode', settings.customsCode, 4)],
            ['loctNo', optionalText('loctNo', settings.loctNo, 10)],
            ['ebpCode', requiredText('ebpCode', o.ebpCode, 18)],
            ['ebpName', requiredText('ebpName', o.ebpName, 100)],
            ['ebcCode', requiredText('ebcCode', company.customsCode, 18)],
            ['ebcName', requiredText('ebcName', company.name, 100)],
            ['logisticsNo', requiredText('logisticsNo', r.logisticsNo, 80)],
            ['logisticsCode', requiredText('logisticsCode', o.logisticsCode, 18)],
            ['logisticsName', requiredText('logisticsName', o.logisticsName, 100)],
            ['coElNo', requiredText('coElNo', r.coElNo, 30)],
            ['preNo', optionalText('preNo', o.preNo, 18)],
            ['invtNo', requiredText('invtNo', o.invtNo, 20)],
            ['tradeMode', o.tradeMode === '1210' ? '1261' : '9661'],
            ['agentCode', requiredText('agentCode', settings.agentCode ?? company.customsCode, 18)],
            ['agentName', requiredText('agentName', settings.agentName ?? company.name, 100)],
            ['billNo', requiredText('billNo', r.billNo, 37)],
            ['ieFlag', 'I'],
            ['trafMode', fixedText('trafMode', r.trafMode, 1)],
            ['trafName', requiredText('trafName', r.trafName, 100)],
            ['portCode', fixedText('portCode', settings.portCode, 4)],
            ['reason', requiredText('reason', r.reason, 500)],
            ['country', countryToCustomsCode(r.country)],
            ['voyageNo', requiredText('voyageNo', r.voyageNo, 32)],
          ],
        ],
        ...lines,
      ],
    ];
  });
  return message('CEB213', blocks, docs, ctx);
}

const listParser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'Inventory' || name === 'InventoryList',
});

type XmlNode = Record<string, unknown>;
const textOf = (n: XmlNode, k: string): string => (typeof n[k] === 'string' ? (n[k] as string) : '');

/**
 * The original list a return is declared against, read back from the CEB603 message it was sent
 * in (the block with the document's guid), with the invtNo customs gave it; null when the message
 * has no such block.
 */
export function returnOriginalFromXml(
  xml: string,
  guid: string,
  invtNo: string,
  preNo: string | null,
): ReturnApplication['original'] | null {
  const root = (listParser.parse(xml) as XmlNode).CEB603Message as XmlNode | undefined;
  for (const block of (root?.Inventory ?? []) as XmlNode[]) {
    const h = (block.InventoryHead ?? {}) as XmlNode;
    if (textOf(h, 'guid') !== guid) continue;
    const ie = textOf(h, 'ieDate');
    const mode = textOf(h, 'tradeMode');
    return {
      invtNo,
      preNo,
      tradeMode: (['9610', '9710', '9810', '1210'].includes(mode) ? mode : '9610') as '9610',
      ieDate: `${ie.slice(0, 4)}-${ie.slice(4, 6)}-${ie.slice(6, 8)}`,
      ebpCode: textOf(h, 'ebpCode'),
      ebpName: textOf(h, 'ebpName'),
      logisticsCode: textOf(h, 'logisticsCode'),
      logisticsName: textOf(h, 'logisticsName'),
      lines: ((block.InventoryList ?? []) as XmlNode[]).map((l) => ({
        gnum: Number(textOf(l, 'gnum')),
        gcode: textOf(l, 'gcode'),
        gname: textOf(l, 'gname'),
        gmodel: textOf(l, 'gmodel'),
        qty: textOf(l, 'qty'),
        qty1: textOf(l, 'qty1'),
        unit: textOf(l, 'unit'),
        unit1: textOf(l, 'unit1'),
        qty2: textOf(l, 'qty2') || null,
        unit2: textOf(l, 'unit2') || null,
      })),
    };
  }
  return null;
}
