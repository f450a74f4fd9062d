/**
 * One peak-RSS measurement (issue 16, point 1), run by rss.ts as its own process so nothing else
 * is in its memory: opens a fresh workspace with a shop of the file's platform, previews FILE
 * through dispatch PREVIEWS times as the host would (the file streamed into tmp/imports as the web
 * host's upload writes it, then previewed by `fileRef`; RSS_MODE=base64 sends it base64-encoded), and prints `{ maxRssMb, readerMaxRssMb, afterMb[], ms[], orders, rejected }` as its last line
 * (readerMaxRssMb: the highest peak RSS the import's reader process reported, parse-off-thread.ts).
 * process.resourceUsage().maxRSS is the process's own high-water mark (kilobytes on Linux).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkspace } from '../../src-main/api/workspace.ts';
import { createHandlers } from '../../src-main/api/handlers.ts';
import { createDispatch } from '../../src-main/api/dispatch.ts';
import { receiveUpload } from '../../src-main/areas/imports/import-files.ts';
import { readerPeak } from '../../src-main/areas/imports/parse-off-thread.ts';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
/** The process's resident memory by kind (Linux): anonymous (heaps, malloc) and file-backed (the binary, libraries). */
function rollup(): string {
  try {
    const text = fs.readFileSync('/proc/self/smaps_rollup', 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return `anonymous ${mb(kb('Anonymous'))}, file ${mb(kb('Rss') - kb('Anonymous'))}`;
  } catch {
    return 'no smaps_rollup';
  }
}

const [file, platform, currency, timeZone, previewsArg] = process.argv.slice(2);
if (!file || !platform || !currency || !timeZone)
  throw new Error('usage: rss-child.ts FILE PLATFORM CURRENCY ZONE [N]');
const previews = Number(previewsArg ?? 3);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-bench-rss-'));
try {
  const ws = await openWorkspace({ dataDir, host: 'web' });
  const dispatch = createDispatch(createHandlers(ws), () => undefined);
  const shop = await dispatch('shops.save', { platform, name: 'Bench shop', site: null, currency, timeZone });
  if (!shop.ok) throw new Error(JSON.stringify(shop.error));
  const shopId = (shop.value as { id: number }).id;
  console.error(`  host open: RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB (${rollup()})`);
  const afterMb: number[] = [];
  const ms: number[] = [];
  let last: { orders: number; rejected: number } = { orders: 0, rejected: 0 };
  for (let i = 0; i < previews; i++) {
    const t = performance.now();
    // the host receives the file as a streamed upload (`POST /api/upload` writes the body to
    // tmp/imports chunk by chunk) and previews it by reference; RSS_MODE=base64: the file as base64
    // text in the command body, as before
    const handOver =
      process.env.RSS_MODE === 'base64'
        ? { contentBase64: fs.readFileSync(file).toString('base64') }
        : { fileRef: (await receiveUpload(dataDir, fs.createReadStream(file), fs.statSync(file).size)).fileRef };
    const p = await dispatch('imports.preview', {
      fileName: path.basename(file),
      ...handOver,
      source: 'auto',
      shopId,
    });
    if (!p.ok) {
      console.log(JSON.stringify({ error: p.error }));
      process.exit(1);
    }
    const v = p.value as { orders: number; rows: { rejected: number } };
    last = { orders: v.orders, rejected: v.rows.rejected };
    ms.push(performance.now() - t);
    afterMb.push(process.memoryUsage().rss / 2 ** 20);
    // progress on stderr (the parent passes it through): a long run shows its figures as they come
    if (process.env.RSS_SNAPSHOT === '1') {
      (globalThis as { gc?: () => void }).gc?.();
      console.error(`  heap snapshot: ${(await import('node:v8')).writeHeapSnapshot()}`);
    }
    const mem = process.memoryUsage();
    console.error(
      `  preview ${i + 1}/${previews}: ${(ms.at(-1)! / 1000).toFixed(1)} s, RSS ${afterMb.at(-1)!.toFixed(0)} MB, peak so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, reader's ${readerPeak.rssMb.toFixed(0)} MB` +
        ` (V8 heap ${mb(mem.heapUsed)} used of ${mb(mem.heapTotal)}, external ${mb(mem.external)}, ${rollup()})`,
    );
  }
  ws.close();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ maxRssMb, readerMaxRssMb: readerPeak.rssMb, afterMb, ms, ...last }));
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
