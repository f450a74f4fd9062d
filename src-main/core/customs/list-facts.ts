/**
 * What a summary plan needs of a stored CEB603 list: its head keys and lines, read back from the
 * message XML the list was sent in (the block with the document's guid). Pure: the XML comes in.
 */
import { XMLParser } from 'fast-xml-parser';
import type { SummaryListFacts } from './summary-plan.ts';

const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'Inventory' || name === 'InventoryList',
});

type Node = Record<string, unknown>;
const text = (n: Node, k: string): string => (typeof n[k] === 'string' ? (n[k] as string) : '');

/** The list facts of the document `guid` in a CEB603 message; null when the message has no such block. */
export function listFactsFromXml(xml: string, guid: string, invtNo: string, status: string): SummaryListFacts | null {
  const root = (parser.parse(xml) as Node).CEB603Message as Node | undefined;
  for (const block of (root?.Inventory ?? []) as Node[]) {
    const h = (block.InventoryHead ?? {}) as Node;
    if (text(h, 'guid') !== guid) continue;
    const ie = text(h, 'ieDate');
    return {
      invtNo,
      status,
      statisticsFlag: text(h, 'statisticsFlag'),
      ieDate: `${ie.slice(0, 4)}-${ie.slice(4, 6)}-${ie.slice(6, 8)}`,
      ebcCode: text(h, 'ebcCode'),
      trafMode: text(h, 'trafMode'),
      ownerCode: text(h, 'ownerCode'),
      country: text(h, 'country'),
      portCode: text(h, 'portCode'),
      lines: ((block.InventoryList ?? []) as Node[]).map((l) => ({
        country: text(l, 'country'),
        gcode: text(l, 'gcode'),
        currency: text(l, 'currency'),
        qty: text(l, 'qty'),
        totalPrice: text(l, 'totalPrice'),
      })),
    };
  }
  return null;
}
