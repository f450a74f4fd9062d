/**
 * Totals carried across pages (过次页 / 承前页, issue 17 point 3): a long money table prints at the
 * foot of each page the running sum of the rows so far and repeats it at the head of the next; the
 * sums read back from the PDF equal the rows printed before them, to the fen.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src-main/reports/pdf-writer.ts';
import type { ReportDocument } from '../../../src-main/reports/report-document.ts';
import { tempDir } from '../../helpers/workspace.ts';

const fen = (text: string) => Number(text.replace(/[,.]/g, ''));

describe('PDF totals carried across pages', () => {
  it('prints 过次页 at the foot and 承前页 at the head of the next page with the exact running sum', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => ({
      no: String(i + 1),
      amount: { kind: 'money' as const, minor: 100_000 + i * 37 + 1, currency: 'CNY' as const },
    }));
    const total = rows.reduce((s, r) => s + r.amount.minor, 0);
    const doc: ReportDocument = {
      language: 'zh-CN',
      title: '测试',
      createdAt: '2026-04-01T00:00:00.000Z',
      meta: [],
      tables: [
        {
          heading: '明细',
          columns: [
            { key: 'no', label: '序号' },
            { key: 'amount', label: '金额', align: 'right' },
          ],
          rows,
          totals: { no: '合计', amount: { kind: 'money', minor: total, currency: 'CNY' } },
          carryTotals: true,
        },
      ],
    };
    const file = path.join(tempDir(), 'carry.pdf');
    fs.writeFileSync(file, await renderPdf(doc));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(1);
    let printed = 0;
    for (let p = 1; p <= pages; p += 1) {
      const text = execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), file, '-'], {
        encoding: 'utf8',
      });
      const brought = /承前页\s+([\d,]+\.\d\d) CNY/.exec(text);
      if (p > 1) expect(fen(brought![1]!)).toBe(printed);
      for (const m of text.matchAll(/^\s*(\d+)\s+([\d,]+\.\d\d) CNY\s*$/gm)) printed += fen(m[2]!);
      const carried = /过次页\s+([\d,]+\.\d\d) CNY/.exec(text);
      if (p < pages) expect(fen(carried![1]!)).toBe(printed);
      else
        expect(text).toMatch(
          new RegExp(
            `合计\\s+${(total / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }).replace(/[.,]/g, (c) => `\\${c}`)} CNY`,
          ),
        );
    }
    expect(printed).toBe(total);
  });
});
