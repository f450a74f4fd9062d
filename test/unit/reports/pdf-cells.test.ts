/**
 * One-line table cells are written by the PDF writer itself (one text object per row, numbers put
 * together from their characters' glyphs) rather than one pdfkit `text()` call each (issue 17's
 * 10k-line register in under 5 s): the text must still read back as printed, right-aligned money
 * must end at the column's right edge, and the font stays embedded as a subset with its ToUnicode map.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src-main/reports/pdf-writer.ts';
import type { ReportDocument } from '../../../src-main/reports/report-document.ts';
import { tempDir } from '../../helpers/workspace.ts';

const rows = Array.from({ length: 120 }, (_, i) => ({
  no: { kind: 'number' as const, value: i + 1 },
  order: i % 3 === 0 ? `#${100200 + i}` : `112-${String(1000000 + i * 7919).slice(0, 7)}-${4455667 + i}`,
  goods: i % 2 === 0 ? '陶瓷马克杯' : 'Grey 收纳盒',
  amount: { kind: 'money' as const, minor: 1_000_000 + i * 123_457, currency: 'CNY' as const },
}));
const total = rows.reduce((s, r) => s + r.amount.minor, 0);
const doc: ReportDocument = {
  language: 'zh-CN',
  title: '出口明细',
  createdAt: '2026-04-01T00:00:00.000Z',
  meta: [['所属期间', '2025-03']],
  tables: [
    {
      heading: '明细',
      columns: [
        { key: 'no', label: '#', width: 0.6, align: 'right' },
        { key: 'order', label: '订单号', width: 2 },
        { key: 'goods', label: '货物名称', width: 1.6 },
        { key: 'amount', label: '金额', width: 1.8, align: 'right' },
      ],
      rows,
      totals: { no: '合计', amount: { kind: 'money', minor: total, currency: 'CNY' } },
      carryTotals: true,
    },
  ],
};
const yuan = (minor: number) =>
  (minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('PDF table cells written per row', () => {
  it('reads back every cell, ends right-aligned money at the column edge and embeds the font subset', async () => {
    const file = path.join(tempDir(), 'cells.pdf');
    fs.writeFileSync(file, await renderPdf(doc));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const r of rows) {
      expect(text).toMatch(
        new RegExp(`^\\s*${r.no.value}\\s+${r.order}\\s+${r.goods}\\s+${yuan(r.amount.minor)} CNY\\s*$`, 'm'),
      );
    }
    expect(text).toMatch(new RegExp(`合计\\s+${yuan(total).replace(/[.]/g, '\\.')} CNY`));

    // A4 width 595.28, margins 42, cell padding 4: the last column's text ends at 595.28 − 42 − 4
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    const ends = [...bbox.matchAll(/xMax="([\d.]+)"[^>]*>CNY</g)].map((m) => Number(m[1]));
    expect(ends.length).toBeGreaterThan(20);
    for (const x of ends) expect(Math.abs(x - (595.28 - 42 - 4))).toBeLessThan(0.6);

    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/\+NotoSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });
});
