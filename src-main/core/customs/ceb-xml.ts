/**
 * Serialises a CEB element tree to UTF-8 XML with xmlbuilder2 (pure JS, no I/O): the root
 * `ceb:<type>Message guid=… version="1.0"` in the `ceb` namespace, every child qualified
 * (elementFormDefault="qualified"), one element per line so validator line numbers point at it.
 * Elements whose content is undefined are left out (optional fields).
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

export const CEB_NAMESPACE = 'http://www.chinaport.gov.cn/ceb';
export const CEB_VERSION = '1.0';

export type CebElement = readonly [name: string, content: string | undefined | readonly CebElement[]];

function append(parent: XMLBuilder, children: readonly CebElement[]): void {
  for (const [name, content] of children) {
    if (content === undefined) continue;
    const el = parent.ele(CEB_NAMESPACE, `ceb:${name}`);
    if (typeof content === 'string') el.txt(content);
    else append(el, content);
  }
}

export function serialiseCebMessage(rootName: string, guid: string, children: readonly CebElement[]): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(CEB_NAMESPACE, `ceb:${rootName}`, { guid, version: CEB_VERSION });
  append(root, children);
  return doc.end({ prettyPrint: true });
}
