/**
 * Row text for the demo's delimited files. CSV follows RFC 4180: a field is quoted when it
 * holds the delimiter, a quote, CR or LF, and quotes are doubled. Amazon flat files are TSV
 * without any quoting (quotes inside names stay literal), so tabs and line breaks in a field
 * become spaces, as Amazon's own reports do.
 */

const NEEDS_QUOTES = /[",\r\n]/;

export function csvRow(fields: readonly string[], delimiter = ','): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as string;
    if (i > 0) out += delimiter;
    out += NEEDS_QUOTES.test(f) || f.includes(delimiter) ? `"${f.replaceAll('"', '""')}"` : f;
  }
  return out;
}

export function tsvRow(fields: readonly string[]): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as string;
    if (i > 0) out += '\t';
    out += /[\t\r\n]/.test(f) ? f.replace(/[\t\r\n]+/g, ' ') : f;
  }
  return out;
}
