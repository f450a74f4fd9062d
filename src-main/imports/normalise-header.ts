/**
 * Header text as importers match it: BOM stripped, Unicode NFKC (full-width （）： become
 * ASCII), whitespace collapsed and trimmed (exports add trailing spaces), lower-case.
 * The original header is kept elsewhere for display and error messages.
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
