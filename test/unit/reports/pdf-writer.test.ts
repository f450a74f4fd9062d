/** renderPdf: real PDFs read back with poppler (pdftotext, pdffonts, pdfinfo). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf, resolveReportFont } from '../../../src-main/reports/pdf-writer.ts';
import { tempDir } from '../../helpers/workspace.ts';
import { sampleDocument } from './report-fixtures.ts';

const dir = tempDir('kuajing-pdf-');

function poppler(tool: string, pdf: Buffer, ...args: string[]): string {
  const file = path.join(dir, `${tool}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}

describe('renderPdf', () => {
  it('prints the Chinese title, exact grouped money with its currency, totals and page numbers', async () => {
    const pdf = await renderPdf(sampleDocument('zh-CN'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = poppler('pdftotext', pdf, '-layout');
    expect(text).toContain('结汇证据包 — 亚马逊美国站');
    expect(text).toContain('株洲示例跨境贸易有限公司');
    expect(text).toMatch(/总收入（还原）\s+1,234\.56 USD/);
    expect(text).toMatch(/海外仓储费\s+-20\.00 USD/);
    expect(text).toMatch(/净额\s+1,214\.56 USD/);
    expect(text).toContain('7.105600');
    expect(text).toMatch(/第\s*1\s*\/\s*1\s*页/); // pdftotext may drop the spaces next to CJK
    expect(text).toContain('汇率来源：中国人民银行中间价。');
  });

  it('embeds a subset CJK font and sets the info dates from createdAt (deterministic output)', async () => {
    const doc = sampleDocument('zh-CN');
    const a = await renderPdf(doc);
    const b = await renderPdf(doc);
    expect(a.equals(b)).toBe(true);
    const fonts = poppler('pdffonts', a);
    expect(fonts).toMatch(/^[A-Z]{6}\+NotoSans\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/m);
    const info = poppler('pdfinfo', a, '-isodates');
    expect(info).toMatch(/CreationDate:\s+2026-03-20T08:00:00/);
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
  });

  it('breaks a 300-row table across pages, repeating the header and wrapping long text', async () => {
    const pdf = await renderPdf(sampleDocument('en', 300));
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf))?.[1]);
    expect(pages).toBeGreaterThan(4);
    const perPage = poppler('pdftotext', pdf, '-layout')
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(perPage).toHaveLength(pages);
    perPage.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages}`);
      if (i > 0) expect(page).toMatch(/#\s+订单号\s+说明/); // header repeated
    });
    const all = perPage.join('\n');
    for (const n of [1, 150, 300]) expect(all).toContain(`113-${String(n - 1).padStart(7, '0')}-8812345`);
    expect(all).toMatch(/\b300 113-0000299-8812345\s+物流费\s+12\.99 USD/); // row 300: 1000 + 299 minor
    expect(all).toMatch(/合计\s+3,448\.50 USD/); // Σ (1000 + i), i < 300 = 300,000 + 44,850 minor
    expect(all).toContain('对账单'); // end of a wrapped long cell is still printed
  });

  it('numbers pages in Traditional Chinese, marks an empty table, and rejects a missing font path with a code', async () => {
    const doc = sampleDocument('zh-TW');
    const empty = {
      heading: '匹配訂單',
      columns: [
        { key: 'a', label: '訂單號' },
        { key: 'b', label: '金額' },
      ],
      rows: [],
    };
    const text = poppler('pdftotext', await renderPdf({ ...doc, tables: [...doc.tables, empty] }), '-layout');
    expect(text).toMatch(/第\s*1\s*\/\s*1\s*頁/);
    expect(text).toMatch(/訂單號\s+金額\s+（無）/);
    expect(() => resolveReportFont({ fontPath: path.join(dir, 'nope.ttf') })).toThrow('reportFont.missing');
  });

  it('takes the font shipped under the Electron resources folder when there is one', () => {
    const resources = tempDir('kuajing-resources-');
    fs.mkdirSync(path.join(resources, 'fonts'));
    const shipped = path.join(resources, 'fonts', 'NotoSansSC_400Regular.ttf');
    fs.copyFileSync(resolveReportFont().path, shipped);
    const proc = process as { resourcesPath?: string };
    proc.resourcesPath = resources;
    try {
      expect(resolveReportFont()).toEqual({ path: shipped });
    } finally {
      delete proc.resourcesPath;
    }
    expect(resolveReportFont().path).not.toBe(shipped);
  });

  it('renders with the Debian TTC face when given as fontPath + fontFamily', async () => {
    const ttc = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
    if (!fs.existsSync(ttc)) return;
    const pdf = await renderPdf(sampleDocument('zh-CN'), { fontPath: ttc, fontFamily: 'NotoSansCJKsc-Regular' });
    expect(poppler('pdffonts', pdf)).toContain('NotoSansCJKsc-Regular');
    expect(poppler('pdftotext', pdf, '-layout')).toMatch(/净额\s+1,214\.56 USD/);
  });
});
