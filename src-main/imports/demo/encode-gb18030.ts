/**
 * Encodes text as GB18030 for demo ERP files, covering ASCII and the two-byte (GBK) area —
 * all the Chinese characters a seller's ERP export uses. Node's TextEncoder only does UTF-8,
 * and no encoding library is a dependency, so the table is built once by decoding every
 * two-byte sequence with the platform's own `TextDecoder('gb18030')` and inverting it: what we
 * write therefore decodes back exactly with that decoder. Characters outside it throw.
 */

let table: Uint16Array | null = null;

function buildTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail);
  }
  const decoder = new TextDecoder('gb18030');
  const all = decoder.decode(Uint8Array.from(pairs));
  const aligned = all.length === pairs.length / 2;
  for (let i = 0; i < pairs.length; i += 2) {
    const lead = pairs[i] as number;
    const trail = pairs[i + 1] as number;
    // one decode for the whole area; per pair only if some pair did not decode to one unit
    const ch = aligned ? all.charCodeAt(i / 2) : decoder.decode(Uint8Array.of(lead, trail)).charCodeAt(0);
    if (ch === 0xfffd || (ch >= 0xd800 && ch <= 0xdfff)) continue;
    if (t[ch] === 0) t[ch] = (lead << 8) | trail;
  }
  return t;
}

/** GB18030 bytes of `text`; throws RangeError on a character outside ASCII and the two-byte area. */
export function encodeGb18030(text: string): Uint8Array {
  table ??= buildTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    const code = table[c] ?? 0;
    if (code === 0)
      throw new RangeError(`U+${c.toString(16).toUpperCase().padStart(4, '0')} has no two-byte GB18030 code`);
    out[n++] = code >> 8;
    out[n++] = code & 0xff;
  }
  return out.subarray(0, n);
}
