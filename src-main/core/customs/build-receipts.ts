/**
 * Receipt messages (CEB304/404/506/604/702/792, CEB606/214) as customs would send them, from the same plain
 * shape `parseReceipt` returns: used by the practice platform to answer, and by tests as
 * samples (they validate against the XSD and parse back to the same data). Element order
 * follows the 2022-05 XSD.
 */
import { DomainError } from '../domain-error.ts';
import { serialiseCebMessage, type CebElement } from './ceb-xml.ts';
import { RECEIPT_BLOCKS, type ParsedReceipt, type ReceiptType } from './parse-receipt.ts';

/** Extra head fields only CEB604/702/792 carry. */
export interface ReceiptExtras {
  readonly agentCode?: string;
  readonly logisticsCode?: string;
  readonly statisticsFlag?: string;
  readonly msgSeqNo?: number;
  /** CEB792 head. */
  readonly customsCode?: string;
  readonly decState?: string;
  readonly agentName?: string;
  readonly ebcName?: string;
  readonly declAgentCode?: string;
  readonly declAgentName?: string;
  readonly grossWeight?: string;
  readonly netWeight?: string;
  readonly msgCount?: number;
}

export type ReceiptInput = Omit<ParsedReceipt, 'messageGuid' | 'messageType'> & ReceiptExtras;

function need(r: ReceiptInput, field: keyof ReceiptInput): string {
  const v = r[field];
  if (v === undefined || v === null || v === '')
    throw new DomainError('customs.field.required', { field: String(field) });
  return String(v);
}

const statusFields = (r: ReceiptInput): CebElement[] => [
  ['returnStatus', r.status],
  ['returnTime', r.returnTime],
  ['returnInfo', r.returnInfo],
];

/**
 * How a head element's text comes from the receipt: `need` required, `key` the field or else the
 * business key, `opt` left out when absent, `{ or }` the field or else a default.
 */
type Source = 'need' | 'key' | 'opt' | { readonly or: string };

/** Per receipt type (but CEB792): the head elements after `guid`, in XSD order, before the status. */
const LAYOUTS: Readonly<Record<Exclude<ReceiptType, 'CEB792'>, Readonly<Record<string, Source>>>> = {
  CEB304: { ebpCode: 'need', ebcCode: 'need', orderNo: 'key' },
  CEB404: { ebcCode: 'need', orderNo: 'key' },
  CEB506: { logisticsCode: 'need', logisticsNo: 'key' },
  CEB604: {
    agentCode: 'need',
    copNo: 'key',
    preNo: 'need',
    invtNo: { or: '' },
    ebcCode: 'need',
    ebpCode: 'need',
    orderNo: 'need',
    statisticsFlag: { or: 'A' },
  },
  CEB702: { agentCode: 'need', ebcCode: 'need', copNo: 'key', preNo: 'need', sumNo: 'opt', msgSeqNo: { or: '1' } },
  CEB606: { agentCode: 'need', copNo: 'key', preNo: 'need', invtNo: 'need' },
  CEB214: { ebpCode: 'opt', ebcCode: 'opt', agentCode: 'need', coElNo: 'key', preNo: 'opt', invtNo: 'need' },
};

function headText(r: ReceiptInput, name: string, source: Source): string | undefined {
  const field = name as keyof ReceiptInput;
  if (source === 'need') return need(r, field);
  const v = r[field];
  if (source === 'key') return v === undefined ? r.businessKey : String(v);
  if (source === 'opt') return v === undefined ? undefined : String(v);
  return String(v ?? source.or);
}

function receiptBlock(type: ReceiptType, r: ReceiptInput): CebElement {
  if (type !== 'CEB792') {
    const fields = Object.entries(LAYOUTS[type]).map(([name, source]): CebElement => [name, headText(r, name, source)]);
    return [RECEIPT_BLOCKS[type], [['guid', r.guid], ...fields, ...statusFields(r)]];
  }
  return [
    'SummaryResult',
    [
      [
        'SummaryResultHead',
        [
          ['guid', r.guid],
          ['customsCode', need(r, 'customsCode')],
          ['sumNo', r.sumNo ?? r.businessKey],
          ['opDate', r.returnTime],
          ['declSeqNo', need(r, 'declSeqNo')],
          ['entryId', r.entryId],
          ['decState', r.status],
          ['agentCode', need(r, 'agentCode')],
          ['agentName', need(r, 'agentName')],
          ['ebcCode', need(r, 'ebcCode')],
          ['ebcName', need(r, 'ebcName')],
          ['declAgentCode', r.declAgentCode ?? need(r, 'agentCode')],
          ['declAgentName', r.declAgentName ?? need(r, 'agentName')],
          ['grossWeight', r.grossWeight ?? '0'],
          ['netWeight', r.netWeight ?? '0'],
          ['msgCount', String(r.msgCount ?? 1)],
          ['msgSeqNo', String(r.msgSeqNo ?? 1)],
          ['note', r.returnInfo === '' ? undefined : r.returnInfo],
        ],
      ],
      ...(r.lineMapping ?? []).map((l): CebElement => [
        'SummaryResultList',
        [
          ['invtNo', l.invtNo],
          ['logisticsNo', l.logisticsNo],
          ['gseqno', String(l.gseqno)],
          ['gnum', String(l.gnum)],
          ['gcode', l.gcode],
        ],
      ]),
    ],
  ];
}

/** Receipts of one type → one receipt message (≤ 100 blocks, the caller batches). */
export function buildReceiptMessage(type: ReceiptType, messageGuid: string, receipts: readonly ReceiptInput[]): string {
  if (receipts.length === 0 || receipts.length > 100)
    throw new DomainError('customs.field.length', { field: type, length: String(receipts.length) });
  return serialiseCebMessage(
    `${type}Message`,
    messageGuid,
    receipts.map((r) => receiptBlock(type, r)),
  );
}
