/**
 * Receipts (回执) from the e-port / customs as plain data: CEB304 order, CEB404 payment receipt,
 * CEB506 waybill, CEB604 list, CEB702 summary application and the CEB792 summary result
 * (declaration number `entryId` and the list-line → declaration-line mapping), CEB606 (answer to
 * a CEB605 withdrawal) and CEB214 (answer to a CEB213 return). Parsed with
 * fast-xml-parser, namespace prefixes dropped, every value kept as text (codes such as
 * '0120' or '-301010' must not become numbers). Unknown roots: `customs.receipt.unknownType`;
 * not XML: `customs.receipt.malformed`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomainError } from '../domain-error.ts';

export const RECEIPT_TYPES = ['CEB304', 'CEB404', 'CEB506', 'CEB604', 'CEB702', 'CEB792', 'CEB606', 'CEB214'] as const;
export type ReceiptType = (typeof RECEIPT_TYPES)[number];

/** Which sent message a receipt answers. */
export const ANSWERS: Readonly<
  Record<ReceiptType, 'CEB303' | 'CEB403' | 'CEB505' | 'CEB603' | 'CEB701' | 'CEB605' | 'CEB213'>
> = {
  CEB304: 'CEB303',
  CEB404: 'CEB403',
  CEB506: 'CEB505',
  CEB604: 'CEB603',
  CEB702: 'CEB701',
  CEB792: 'CEB701',
  CEB606: 'CEB605',
  CEB214: 'CEB213',
};

export interface ReceiptLineMapping {
  readonly invtNo: string;
  readonly logisticsNo: string;
  /** Declaration line. */
  readonly gseqno: number;
  /** List line. */
  readonly gnum: number;
  readonly gcode: string;
}

export interface ParsedReceipt {
  readonly messageType: ReceiptType;
  /** Guid of the receipt message (the root attribute). */
  readonly messageGuid: string;
  /** Guid of the business block: for 304/404/506/604/702 the guid of the document it answers. */
  readonly guid: string;
  /** orderNo (304, 404), logisticsNo (506), copNo (604, 702, 606), sumNo (792), coElNo (214). */
  readonly businessKey: string;
  readonly ebcCode?: string;
  readonly ebpCode?: string;
  readonly logisticsCode?: string;
  readonly orderNo?: string;
  readonly copNo?: string;
  readonly preNo?: string;
  readonly invtNo?: string;
  readonly sumNo?: string;
  /** CEB214: the enterprise's number of the return. */
  readonly coElNo?: string;
  /** returnStatus, or decState for CEB792. */
  readonly status: string;
  /** `yyyyMMddHHmmssfff` (opDate for CEB792). */
  readonly returnTime: string;
  readonly returnInfo: string;
  readonly entryId?: string;
  readonly declSeqNo?: string;
  readonly lineMapping?: readonly ReceiptLineMapping[];
}

type Node = Record<string, unknown>;

/** The business block's element name per receipt type. */
export const RECEIPT_BLOCKS: Readonly<Record<ReceiptType, string>> = {
  CEB304: 'OrderReturn',
  CEB404: 'ReceiptsReturn',
  CEB506: 'LogisticsReturn',
  CEB604: 'InventoryReturn',
  CEB702: 'SummaryReturn',
  CEB792: 'SummaryResult',
  CEB606: 'InvtCancelReturn',
  CEB214: 'RefundReturn',
};
const ARRAYS = new Set([...Object.values(RECEIPT_BLOCKS), 'SummaryResultList']);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

function text(node: Node, name: string, required = true): string | undefined {
  const v = node[name];
  if (v === undefined || v === null || v === '') {
    if (required) throw new DomainError('customs.receipt.fieldMissing', { field: name });
    return undefined;
  }
  if (typeof v === 'object') throw new DomainError('customs.receipt.malformed', { field: name });
  return String(v);
}

const req = (node: Node, name: string): string => text(node, name)!;

function opt(node: Node, name: string): Record<string, string> {
  const v = text(node, name, false);
  return v === undefined ? {} : { [name]: v };
}

function int(node: Node, name: string): number {
  const s = req(node, name);
  if (!/^-?\d+$/.test(s)) throw new DomainError('customs.receipt.malformed', { field: name });
  return Number(s);
}

function status(node: Node) {
  return {
    status: req(node, 'returnStatus'),
    returnTime: req(node, 'returnTime'),
    returnInfo: text(node, 'returnInfo', false) ?? '',
  };
}

/** Text fields a receipt block may carry (`?`: optional). */
type TextField =
  'ebcCode' | 'ebpCode' | 'logisticsCode' | 'orderNo' | 'copNo' | 'preNo' | 'invtNo' | 'sumNo' | 'coElNo';

/** Per receipt type: the field that is its business key and the text fields read, in order. */
const LAYOUTS: Readonly<
  Record<Exclude<ReceiptType, 'CEB792'>, { key: string; fields: readonly (TextField | `${TextField}?`)[] }>
> = {
  CEB304: { key: 'orderNo', fields: ['ebpCode', 'ebcCode', 'orderNo'] },
  CEB404: { key: 'orderNo', fields: ['ebcCode', 'orderNo'] },
  CEB506: { key: 'logisticsNo', fields: ['logisticsCode'] },
  CEB604: { key: 'copNo', fields: ['copNo', 'ebcCode', 'ebpCode', 'orderNo', 'preNo?', 'invtNo?'] },
  CEB702: { key: 'copNo', fields: ['copNo', 'ebcCode', 'preNo?', 'sumNo?'] },
  CEB606: { key: 'copNo', fields: ['copNo', 'preNo?', 'invtNo'] },
  CEB214: { key: 'coElNo', fields: ['coElNo', 'ebpCode?', 'ebcCode?', 'preNo?', 'invtNo'] },
};

function textFields(n: Node, fields: readonly string[]): Partial<Record<TextField, string>> {
  const out: Record<string, string> = {};
  for (const f of fields) Object.assign(out, f.endsWith('?') ? opt(n, f.slice(0, -1)) : { [f]: req(n, f) });
  return out;
}

function block(type: ReceiptType, messageGuid: string, n: Node): ParsedReceipt {
  const base = { messageType: type, messageGuid };
  if (type === 'CEB792') {
    const head = n.SummaryResultHead as Node | undefined;
    if (!head || typeof head !== 'object')
      throw new DomainError('customs.receipt.fieldMissing', { field: 'SummaryResultHead' });
    const lines = (n.SummaryResultList as Node[] | undefined) ?? [];
    return {
      ...base,
      guid: req(head, 'guid'),
      businessKey: req(head, 'sumNo'),
      sumNo: req(head, 'sumNo'),
      ebcCode: req(head, 'ebcCode'),
      status: req(head, 'decState'),
      returnTime: req(head, 'opDate'),
      returnInfo: text(head, 'note', false) ?? '',
      declSeqNo: req(head, 'declSeqNo'),
      ...opt(head, 'entryId'),
      lineMapping: lines.map((l) => ({
        invtNo: req(l, 'invtNo'),
        logisticsNo: req(l, 'logisticsNo'),
        gseqno: int(l, 'gseqno'),
        gnum: int(l, 'gnum'),
        gcode: req(l, 'gcode'),
      })),
    };
  }
  const layout = LAYOUTS[type];
  return {
    ...base,
    guid: req(n, 'guid'),
    businessKey: req(n, layout.key),
    ...textFields(n, layout.fields),
    ...status(n),
  };
}

/** One receipt message → its receipts (one per business block, up to 100). */
export function parseReceipt(xml: string): ParsedReceipt[] {
  const source = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  if (XMLValidator.validate(source) !== true) throw new DomainError('customs.receipt.malformed', { field: 'xml' });
  const doc = parser.parse(source) as Node;
  const rootName = Object.keys(doc).find((k) => k.endsWith('Message'));
  const type = rootName?.slice(0, -'Message'.length);
  if (!rootName || !(RECEIPT_TYPES as readonly string[]).includes(type ?? '')) {
    throw new DomainError('customs.receipt.unknownType', { root: rootName ?? '' });
  }
  const root = doc[rootName] as Node;
  const messageGuid = text(root, '@guid') ?? '';
  const blocks = root[RECEIPT_BLOCKS[type as ReceiptType]] as Node[] | undefined;
  if (!blocks || blocks.length === 0)
    throw new DomainError('customs.receipt.fieldMissing', { field: RECEIPT_BLOCKS[type as ReceiptType] });
  return blocks.map((b) => block(type as ReceiptType, messageGuid, b));
}

/** Codes below zero are processing errors (e.g. -301010 order number already exists). */
export function isErrorStatus(status: string): boolean {
  return /^-\d+$/.test(status);
}
