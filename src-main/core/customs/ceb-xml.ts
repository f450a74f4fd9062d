/**
 * Serialises a CEB element tree to UTF-8 XML text: the root `ceb:<type>Message guid=… version="1.0"`
 * in the `ceb` namespace, every child qualified (elementFormDefault="qualified"), one element per
 * line so validator line numbers point at it, without indentation (15% less text to build,
 * validate, sign, store and send). Elements whose content is undefined are left out
 * (optional fields). A small escaping writer rather than a DOM builder: the element order comes
 * from the builders (which follow the XSD), and every output is XSD-validated in tests and before
 * sending; this is ~20× faster than building a DOM with xmlbuilder2 for 10k-order batches.
 * Text is escaped (& < >); characters XML 1.0 forbids throw `customs.text.invalid`.
 */
import { DomainError } from '../domain-error.ts';

export const CEB_NAMESPACE = 'http://www.chinaport.gov.cn/ceb';
export const CEB_VERSION = '1.0';

export type CebElement = readonly [name: string, content: string | undefined | readonly CebElement[]];

const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Anything that needs a closer look: markup characters, control characters, surrogates, non-characters. */
const ATTENTION = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const SPECIAL = /[&<>]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeText(name: string, text: string): string {
  if (!ATTENTION.test(text)) return text;
  if (FORBIDDEN.test(text)) throw new DomainError('customs.text.invalid', { field: name });
  return text.replace(SPECIAL, (c) => ENTITIES[c]!);
}

/** Appends the pieces of `children` to `out` (joined once per block: no rope of small strings to flatten and collect). */
function write(children: readonly CebElement[], out: string[]): void {
  for (const [name, content] of children) {
    if (content === undefined) continue;
    if (typeof content === 'string') out.push('<ceb:', name, '>', escapeText(name, content), '</ceb:', name, '>\n');
    else {
      out.push('<ceb:', name, '>\n');
      write(content, out);
      out.push('</ceb:', name, '>\n');
    }
  }
}

/** One top-level block (an Order, an Inventory…) as text, ready for `serialiseCebBlocks`. */
export function serialiseCebBlock(block: CebElement): string {
  const out: string[] = [];
  write([block], out);
  return out.join('');
}

/**
 * A message from blocks already serialised (builders serialise each block at once, so trees do
 * not pile up). One join makes one flat string: a message (~200k characters) is a large object
 * for V8, and a rope of head + blocks would be copied into a second one when first read.
 */
export function serialiseCebBlocks(rootName: string, guid: string, blocks: readonly string[]): string {
  const head =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<ceb:${rootName} xmlns:ceb="${CEB_NAMESPACE}" guid="${escapeText('guid', guid).replaceAll('"', '&quot;')}" version="${CEB_VERSION}">\n`;
  return [head, ...blocks, `</ceb:${rootName}>`].join('');
}

export function serialiseCebMessage(rootName: string, guid: string, children: readonly CebElement[]): string {
  const out: string[] = [];
  write(children, out);
  return serialiseCebBlocks(rootName, guid, [out.join('')]);
}
