/**
 * Bench section `rss` (issue 16, point 1: bounded memory): the host's peak RSS while it previews
 * a large file three times, each measured in a child process of its own (rss-child.ts reads its
 * own process.resourceUsage().maxRSS), so the file generation here does not count.
 * - host.rssXlsx1m: a Shopee-shaped XLSX of 1,000,000 rows (shared strings, number and date
 *   cells, as Shopee writes them), previewed three times; target ≤ 300 MB.
 * - host.rssCsv100mb: a Shopify orders CSV of 100 MB, previewed three times; target ≤ 300 MB.
 * BENCH_SCALE shrinks both files (the target stays: a smaller file must fit all the more).
 * `npm run bench -- rss`, or `node test/bench/rss.ts` alone; RSS_CASES=host.rssXlsx1m runs one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { iterateDemoOrders } from '../../src-main/imports/demo/demo-orders.ts';
import { SHOPEE_HEADERS, SHOPIFY_HEADERS, shopeeRows, shopifyRows } from '../../src-main/imports/demo/demo-rows.ts';
import { csvRow } from '../../src-main/imports/demo/delimited-rows.ts';
import { makeCase, reportCase, scaled } from './bench-cases.ts';

const TARGET_MB = 300;
const SEED = 16_001;
const only = new Set((process.env.RSS_CASES ?? 'host.rssXlsx1m,host.rssCsv100mb').split(',').map((s) => s.trim()));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-bench-rss-files-'));
process.on('exit', () => {
  if (process.env.RSS_KEEP !== '1') fs.rmSync(dir, { recursive: true, force: true });
});

async function shopeeXlsx(rows: number): Promise<string> {
  const file = path.join(dir, 'shopee-orders.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = wb.addWorksheet('orders');
  sheet.addRow([...SHOPEE_HEADERS]).commit();
  let n = 0;
  for (const o of iterateDemoOrders({ seed: SEED, orders: rows, platform: 'shopee' })) {
    for (const r of shopeeRows(o)) {
      if (n++ >= rows) break;
      const row = sheet.addRow(r as unknown[]);
      row.getCell(4).numFmt = 'yyyy-mm-dd hh:mm';
      row.commit();
    }
    if (n >= rows) break;
  }
  sheet.commit();
  await wb.commit();
  console.log(
    `  generated ${file}: ${rows.toLocaleString('en')} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`,
  );
  return file;
}

function shopifyCsv(bytes: number): string {
  const file = path.join(dir, 'shopify-orders.csv');
  const fd = fs.openSync(file, 'w');
  let size = 0;
  let rows = 0;
  const write = (s: string) => {
    const b = Buffer.from(s);
    fs.writeSync(fd, b);
    size += b.length;
  };
  write(csvRow([...SHOPIFY_HEADERS]) + '\n');
  for (const o of iterateDemoOrders({ seed: SEED, orders: Math.ceil(bytes / 150), platform: 'shopify' })) {
    for (const r of shopifyRows(o)) {
      write(csvRow(r) + '\n');
      rows++;
    }
    if (size >= bytes) break;
  }
  fs.closeSync(fd);
  console.log(`  generated ${file}: ${rows.toLocaleString('en')} rows, ${(size / 1e6).toFixed(1)} MB`);
  return file;
}

interface Measured {
  maxRssMb: number;
  afterMb: number[];
  ms: number[];
  orders: number;
  rejected: number;
}

function measure(file: string, platform: string, currency: string, zone: string): Measured | { error: string } {
  const r = spawnSync(
    process.execPath,
    [
      '--disable-warning=ExperimentalWarning',
      path.join(import.meta.dirname, 'rss-child.ts'),
      file,
      platform,
      currency,
      zone,
      '3',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  if (last.startsWith('{"error"')) return { error: `preview refused: ${last}` };
  if (r.status !== 0 || !last.startsWith('{'))
    return {
      error: `exit ${r.status ?? r.signal} (its messages are above)`,
    };
  return JSON.parse(last) as Measured;
}

async function rssCase(
  id: string,
  what: string,
  file: () => Promise<string> | string,
  platform: string,
  currency: string,
  zone: string,
) {
  if (!only.has(id)) return;
  const f = await file();
  const m = measure(f, platform, currency, zone);
  if ('error' in m) {
    console.log(`  ${id}: the child died (${m.error})`);
    reportCase(
      makeCase({
        id,
        ours_ms: null,
        raw_ms: null,
        value: null,
        unit: 'MB',
        target: { op: '<=', limit: TARGET_MB },
        note: m.error,
      }),
    );
    return;
  }
  const total = m.ms.reduce((a, b) => a + b, 0);
  reportCase(
    makeCase({
      id,
      ours_ms: total / m.ms.length,
      raw_ms: null,
      value: Math.round(m.maxRssMb),
      unit: 'MB',
      target: { op: '<=', limit: TARGET_MB },
      note:
        `peak RSS of a host process previewing ${what} three times (${m.orders.toLocaleString('en')} orders, ${m.rejected} rows rejected); ` +
        `RSS after each preview ${m.afterMb.map((x) => x.toFixed(0)).join(' / ')} MB; ours = mean preview time`,
    }),
  );
}

await rssCase(
  'host.rssXlsx1m',
  `a ${scaled(1_000_000).toLocaleString('en')}-row Shopee XLSX`,
  () => shopeeXlsx(scaled(1_000_000)),
  'shopee',
  'MYR',
  'Asia/Kuala_Lumpur',
);
await rssCase(
  'host.rssCsv100mb',
  `a ${scaled(100)} MB Shopify CSV`,
  () => shopifyCsv(scaled(100 * 1024 * 1024)),
  'shopify',
  'USD',
  'America/New_York',
);
