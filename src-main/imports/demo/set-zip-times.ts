/**
 * Sets every entry's DOS modification time in a ZIP (an .xlsx) to one fixed instant, in place,
 * so a seeded workbook is byte-identical from run to run: exceljs (through JSZip) stamps entries
 * with the current time. Only the time/date fields of the local and central headers change;
 * they are outside the CRCs. Throws on anything that is not a plain single-disk ZIP.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function setZipTimes(zip: Uint8Array, utcMs: number): void {
  const d = new Date(utcMs);
  const year = d.getUTCFullYear();
  if (year < 1980 || year > 2107) throw new RangeError('DOS dates cover 1980–2107');
  const dosTime = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2);
  const dosDate = ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let p = zip.byteLength - 22; p >= Math.max(0, zip.byteLength - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new RangeError('not a ZIP: no end-of-central-directory record');
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(p, true) !== CENTRAL) throw new RangeError(`bad central directory entry at ${p}`);
    view.setUint16(p + 12, dosTime, true);
    view.setUint16(p + 14, dosDate, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new RangeError(`bad local header at ${local}`);
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
}
