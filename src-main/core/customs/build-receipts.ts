/**
 * Receipt messages (CEB304/404/506/604/702/792, CEB606/214) as customs would send them, from the same plain
 * shape `parseReceipt` returns: used by the practice platform to answer, and by tests as
 * samples (they validate against the XSD and parse back to the same data). Element order
 * follows the 2022-05 XSD.
 */
import { DomainError } from '../domain-error.ts';
import { serialiseCebMessage, type CebElement } from './ceb-xml.ts';
import type { ParsedReceipt, ReceiptType } from './parse-receipt.ts';

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

function receiptBlock(type: ReceiptType, r: ReceiptInput): CebElement {
  switch (type) {
    case 'CEB304':
      return [
        'OrderReturn',
        [
          ['guid', r.guid],
          ['ebpCode', need(r, 'ebpCode')],
          ['ebcCode', need(r, 'ebcCode')],
          ['orderNo', r.orderNo ?? r.businessKey],
          ...statusFields(r),
        ],
      ];
    case 'CEB404':
      return [
        'ReceiptsReturn',
        [
          ['guid', r.guid],
          ['ebcCode', need(r, 'ebcCode')],
          ['orderNo', r.orderNo ?? r.businessKey],
          ...statusFields(r),
        ],
      ];
    case 'CEB506':
      return [
        'LogisticsReturn',
        [
          ['guid', r.guid],
          ['logisticsCode', need(r, 'logisticsCode')],
          ['logisticsNo', r.businessKey],
          ...statusFields(r),
        ],
      ];
    case 'CEB604':
      return [
        'InventoryReturn',
        [
          ['guid', r.guid],
          ['agentCode', need(r, 'agentCode')],
          ['copNo', r.copNo ?? r.businessKey],
          ['preNo', need(r, 'preNo')],
          ['invtNo', r.invtNo ?? ''],
          ['ebcCode', need(r, 'ebcCode')],
          ['ebpCode', need(r, 'ebpCode')],
          ['orderNo', need(r, 'orderNo')],
          ['statisticsFlag', r.statisticsFlag ?? 'A'],
          ...statusFields(r),
        ],
      ];
    case 'CEB702':
      return [
        'SummaryReturn',
        [
          ['guid', r.guid],
          ['agentCode', need(r, 'agentCode')],
          ['ebcCode', need(r, 'ebcCode')],
          ['copNo', r.copNo ?? r.businessKey],
          ['preNo', need(r, 'preNo')],
          ['sumNo', r.sumNo],
          ['msgSeqNo', String(r.msgSeqNo ?? 1)],
          ...statusFields(r),
        ],
      ];
    case 'CEB606':
      return [
        'InvtCancelReturn',
        [
          ['guid', r.guid],
          ['agentCode', need(r, 'agentCode')],
          ['copNo', r.copNo ?? r.businessKey],
          ['preNo', need(r, 'preNo')],
          ['invtNo', need(r, 'invtNo')],
          ...statusFields(r),
        ],
      ];
    case 'CEB214':
      return [
        'RefundReturn',
        [
          ['guid', r.guid],
          ['ebpCode', r.ebpCode],
          ['ebcCode', r.ebcCode],
          ['agentCode', need(r, 'agentCode')],
          ['coElNo', r.coElNo ?? r.businessKey],
          ['preNo', r.preNo],
          ['invtNo', need(r, 'invtNo')],
          ...statusFields(r),
        ],
      ];
    case 'CEB792':
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
