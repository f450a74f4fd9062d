/**
 * Bench section `rss` (issue 16, point 1: bounded memory): the host's peak RSS while it previews
 * a large file three times, each measured in a child process of its own (rss-child.ts reads its
 * own process.resourceUsage().maxRSS), so the file generation here does not count.
 * - host.rssXlsx1m: a Shopee-shaped XLSX of 1,000,000 rows (shared strings, number and date
 *   cells, as Shopee writes them), previewed three times; target ≤ 300 MB.
 * - host.rssCsv100mb: a Shopify orders CSV of 100 MB, previewed three times; target ≤ 300 MB.
 * Each has a second case, `<id>.reader`: the peak RSS of the process that read the file (the
 * import's reader, a child process of the host: parse-off-thread.ts), same target. The host runs
 * with MALLOC_ARENA_MAX=2, as the launcher starts it (build/scripts/run.sh). The files are made
 * once and cached (rss-files.ts).
 * BENCH_SCALE shrinks both files (the target stays: a smaller file must fit all the more).
 * `npm run bench -- rss`, or `node test/bench/rss.ts` alone; RSS_CASES=host.rssXlsx1m runs one.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { makeCase, reportCase, scaled } from './bench-cases.ts';
import { shopeeXlsx, shopifyCsv } from './rss-files.ts';

const TARGET_MB = 300;
const only = new Set((process.env.RSS_CASES ?? 'host.rssXlsx1m,host.rssCsv100mb').split(',').map((s) => s.trim()));

interface Measured {
  maxRssMb: number;
  readerMaxRssMb: number;
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
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' },
    },
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
    for (const which of [id, `${id}.reader`])
      reportCase(
        makeCase({
          id: which,
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
  reportCase(
    makeCase({
      id: `${id}.reader`,
      ours_ms: null,
      raw_ms: null,
      value: Math.round(m.readerMaxRssMb),
      unit: 'MB',
      target: { op: '<=', limit: TARGET_MB },
      note: `peak RSS of the import's reader process (a child of the host) reading ${what}, the highest of the three`,
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
