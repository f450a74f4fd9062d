/**
 * Reads the business blocks out of an incoming CEB message with fast-xml-parser (namespace
 * prefixes dropped, every value kept as text): per document its head fields and lines, in a
 * flat shape the platform's checks use. Only the sent types are understood (303/403/505/603/701,
 * and the withdrawal 605 and return 213).
 */
import { XMLParser } from 'fast-xml-parser';

export type SentType = 'CEB303' | 'CEB403' | 'CEB505' | 'CEB603' | 'CEB701' | 'CEB605' | 'CEB213';

export interface CebDoc {
  readonly type: SentType;
  readonly head: Readonly<Record<string, string>>;
  readonly lines: ReadonlyArray<Readonly<Record<string, string>>>;
}

export interface ParsedMessage {
  readonly type: SentType;
  readonly guid: string;
  readonly docs: readonly CebDoc[];
}

/** Block element, head element (null: the block is flat) and line element per message type. */
const SHAPES: Record<SentType, { block: string; head: string | null; line: string | null }> = {
  CEB303: { block: 'Order', head: 'OrderHead', line: 'OrderList' },
  CEB403: { block: 'Receipts', head: null, line: null },
  CEB505: { block: 'Logistics', head: null, line: null },
  CEB603: { block: 'Inventory', head: 'InventoryHead', line: 'InventoryList' },
  CEB701: { block: 'SummaryApply', head: 'SummaryApplyHead', line: 'SummaryApplyList' },
  CEB605: { block: 'InvtCancel', head: null, line: null },
  CEB213: { block: 'InvtRefund', head: 'InvtRefundHead', line: 'InvtRefundList' },
};
const ARRAYS = new Set(
  Object.values(SHAPES)
    .flatMap((s) => [s.block, s.line])
    .filter((x): x is string => x !== null),
);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
  // callbacks get the path matcher, not its text: nothing here reads paths, and making the text
  // for every tag was a fifth of the parse (sync bench, issue 19)
  jPath: false,
});

type Node = Record<string, unknown>;

function flat(node: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((node ?? {}) as Node)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function sentTypeOf(xml: string): SentType | null {
  const m = /<(?:[\w-]+:)?(CEB\d{3})Message[\s>]/.exec(xml)?.[1];
  return m && m in SHAPES ? (m as SentType) : null;
}

export function parseCebMessage(xml: string): ParsedMessage | null {
  const type = sentTypeOf(xml);
  if (!type) return null;
  const root = (parser.parse(xml) as Node)[`${type}Message`] as Node | undefined;
  if (!root) return null;
  const shape = SHAPES[type];
  const blocks = (root[shape.block] ?? []) as Node[];
  const docs = blocks.map((b) => ({
    type,
    head: flat(shape.head ? b[shape.head] : b),
    lines: shape.line ? ((b[shape.line] ?? []) as Node[]).map(flat) : [],
  }));
  return { type, guid: String(root['@guid'] ?? ''), docs };
}
