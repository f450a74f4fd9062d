/**
 * Bench section `ui` (issue 19 point 3): what the seller feels at 1,000,000 orders — the web host
 * (`kuajing serve`, its own process, as a user starts it) opened on the 1M-order workspace of the
 * list bench (run.ts builds it; BENCH_LIST_DIR reuses one) and driven from Debian's Chromium
 * through Playwright (the flags of playwright.config.ts). The browser is up before the host
 * starts; times are taken in the page (a MutationObserver notes when each screen's element first
 * appears, so Playwright's own polling does not count).
 * - ui.coldStart1m (< 1.5 s): host process start to the first rows of the orders list;
 * - ui.open1m (reported): host process start to the first screen (the dashboard with its figures);
 * - ui.firstRows1m (reported): the orders screen chosen in the nav bar to its first rows;
 * - ui.filter1m (< 100 ms): a filter or sort change to its new rows, the worst of several;
 * - ui.scroll1m (no long task over 50 ms; value = the longest, Long Tasks API): scrolling 10k rows
 *   down the list (pages load as it goes), rows on screen at the end;
 * - host.rss1m (< 300 MB): the host's peak RSS (VmHWM) with the workspace open and all the above done;
 * - ui.importLongTask (issue 19 point 4; value = the longest task, ≤ 50 ms): 100k Amazon orders
 *   imported through the import screen into a new workspace (file chosen → preview → confirm →
 *   summary), long tasks on the page's main thread meanwhile.
 * Beside wall times: the host's CPU (/proc) and the page's main-thread busy time (CDP TaskDuration),
 * and for the cold start, the scroll and the import a Chromium trace of the page's main-thread tasks
 * with their thread CPU time (on a shared machine a long task's wall time is mostly waiting for a core).
 * Preparing (not timed): the workspace opened once by the CLI (migrated to the current schema, its
 * integrity checked) and a company profile saved, as a seller's ledger has.
 * BENCH_SLOW=<id> slows that case on purpose (a blocking task in the page, a slow host start, or
 * 320 MB of ballast in the host). `npm run bench -- ui`, or `node test/bench/ui.ts` alone.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { openWorkspace } from '../../src-main/api/workspace.ts';
import { createHandlers } from '../../src-main/api/handlers.ts';
import { createDispatch } from '../../src-main/api/dispatch.ts';
import { freshHostBundle } from '../../src-main/cli/host-bundle.ts';
import { buildHost } from '../../build/scripts/build-host.ts';
import { writeAmazonAllOrders } from '../../src-main/imports/demo/write-demo-files.ts';
import { isSlowed, makeCase, reportCase, SCALE, scaled } from './bench-cases.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src-main/cli/main.ts');
const COLD_START_MS = 1500;
const FILTER_MS = 100;
const LONG_TASK_MS = 50;
const RSS_MB = 300;
const SCROLL_ROWS = scaled(10_000, 300);
const IMPORT_ORDERS = scaled(100_000, 200);
const PROFILE = {
  name: '株洲示例跨境贸易有限公司',
  uscc: '91350100M000100Y43',
  customsCode: '3301960ABC',
  dxpId: null,
  pilotZone: 'zhuzhou',
  baseCurrency: 'CNY',
};

// run.ts builds the 1M-order workspace; with no part named it runs nothing else
process.env.BENCH_PARTS = 'none';
const { millionWorkspaceOnce } = await import('./run.ts');

/** A new workspace with a company profile, for the import case (a seller's first big import). */
async function emptyWorkspace(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-ui-import-'));
  const ws = await openWorkspace({ dataDir, host: 'cli' });
  const saved = await createDispatch(createHandlers(ws), (i) => console.error(i))('company.save', PROFILE);
  ws.close();
  if (!saved.ok) throw new Error(`company.save: ${JSON.stringify(saved.error)}`);
  return dataDir;
}

/** The workspace as a seller's: current schema (the first open migrates it), checked, a company profile. */
async function prepare(): Promise<{ dataDir: string; orders: number }> {
  const dataDir = await millionWorkspaceOnce();
  const t = Date.now();
  const ws = await openWorkspace({ dataDir, host: 'cli' });
  const dispatch = createDispatch(createHandlers(ws), (i) => console.error(i));
  const company = await dispatch('company.get', {});
  if (company.ok && company.value === null) {
    const saved = await dispatch('company.save', PROFILE);
    if (!saved.ok) throw new Error(`company.save: ${JSON.stringify(saved.error)}`);
  }
  const orders = Number(ws.read.prepare('SELECT count(*) FROM orders').pluck().get());
  ws.close();
  const mb = fs.statSync(path.join(dataDir, 'ledger.sqlite')).size / 1e6;
  console.log(
    `  workspace ${dataDir}: ${orders.toLocaleString('en')} orders, ${mb.toFixed(0)} MB; prepared in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
  return { dataDir, orders };
}

/** dist-renderer/, or KUAJING_RENDERER_DIR (which `kuajing serve` then serves): built when missing. */
function ensureRenderer(): void {
  const dir = process.env['KUAJING_RENDERER_DIR'] ?? path.join(ROOT, 'dist-renderer');
  if (fs.existsSync(path.join(dir, 'index.html'))) return;
  console.log('  building the renderer…');
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', dir, '--emptyOutDir'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('renderer build failed');
}

/** `kuajing serve` starts from the prebuilt bundle, as `npm start` does (built here when stale). */
async function ensureHostBundle(): Promise<void> {
  if (process.env['KUAJING_FROM_SOURCE'] === '1' || freshHostBundle()) return;
  console.log('  building the host bundle…');
  await buildHost();
}

interface Host {
  readonly child: ChildProcess;
  readonly url: string;
  /** Process start to listening, ms. */
  readonly listenMs: number;
  /** CPU time the host had used when it listened, ms (on a shared machine wall time waits for the CPU). */
  readonly listenCpuMs: number;
}

/** CPU time (user + system) a process has used so far, ms (/proc/PID/stat, clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** `kuajing serve --json` as a user starts it; resolves when it listens. `startedAt` = Date.now() at spawn. */
async function startHost(dataDir: string, startedAt: number): Promise<Host> {
  const extra: string[] = [];
  // BENCH_SLOW: a host that starts 1.6 s later, or carries 320 MB it never frees
  if (isSlowed('ui.coldStart1m'))
    extra.push('--import', 'data:text/javascript,Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0,1600)');
  if (isSlowed('host.rss1m'))
    extra.push('--import', 'data:text/javascript,globalThis.kjBallast=Buffer.alloc(320*1024*1024,1)');
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', ...extra, CLI, 'serve', '--data-dir', dataDir, '--json'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (c) => {
    stderr += String(c);
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (c) => {
      buf += String(c);
      if (buf.includes('\n')) resolve(buf.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const { url } = JSON.parse(line) as { url: string };
  return { child, url, listenMs: Date.now() - startedAt, listenCpuMs: cpuMsOf(child.pid!) };
}

async function stopHost(host: Host): Promise<void> {
  if (host.child.exitCode !== null) return;
  const exited = new Promise((r) => host.child.once('exit', r));
  host.child.kill('SIGTERM');
  await exited;
}

/** VmHWM (peak) and VmRSS of a process, MB. */
function memoryOf(pid: number): { peakMb: number; rssMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

/** Notes (Date.now()) when each watched element first appears; installed before the page's own scripts. */
const WATCH = () => {
  const seen: Record<string, number> = {};
  (window as unknown as { kjSeen: Record<string, number> }).kjSeen = seen;
  const watched: Record<string, string> = {
    shell: '[data-testid="app-shell"]',
    dashboard: '[data-testid="dashboard-period"]',
    rows: '[data-testid="orders-list"] [data-testid^="orders-row-"]',
  };
  const look = () => {
    for (const [k, sel] of Object.entries(watched))
      if (seen[k] === undefined && document.querySelector(sel)) seen[k] = Date.now();
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
};

async function seenAt(page: Page, key: string): Promise<number> {
  await page.waitForFunction(
    (k) => (window as unknown as { kjSeen: Record<string, number> }).kjSeen?.[k] !== undefined,
    key,
    {
      timeout: 180_000,
      polling: 50,
    },
  );
  return page.evaluate((k) => (window as unknown as { kjSeen: Record<string, number> }).kjSeen[k]!, key);
}

/**
 * In the page: runs `change` (one of the named changes below) and resolves with the ms until the
 * grid shows the new rows (it went busy and back, or its first row changed) and the next frame painted.
 */
async function timedChange(page: Page, change: string, slowMs: number): Promise<number> {
  return page.evaluate(
    async ([name, slow]) => {
      const grid = document.querySelector('[role="grid"]')!;
      const firstRow = () =>
        document.querySelector('[data-testid^="orders-row-"]')?.getAttribute('data-order-id') ?? null;
      const before = firstRow();
      let wentBusy = false;
      const obs = new MutationObserver(() => {
        if (grid.getAttribute('aria-busy') === 'true') wentBusy = true;
      });
      obs.observe(grid, { attributes: true, attributeFilter: ['aria-busy'] });
      const select = (id: string, value: string) => {
        const el = document.querySelector<HTMLSelectElement>(`[data-testid="${id}"]`)!;
        el.value = value === '#2' ? el.options[2]!.value : value;
        el.dispatchEvent(new Event('change', { bubbles: true }));
      };
      const click = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!.click();
      const t = performance.now();
      const [kind, id, value] = name.split(':') as [string, string, string | undefined];
      if (kind === 'select') select(id, value ?? '');
      else click(id);
      if (slow > 0) {
        const until = performance.now() + slow;
        while (performance.now() < until) {
          /* BENCH_SLOW: a blocking task in the page */
        }
      }
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      for (;;) {
        await frame();
        const busy = grid.getAttribute('aria-busy') === 'true';
        if (!busy && (wentBusy || firstRow() !== before)) break;
        if (performance.now() - t > 30_000) throw new Error(`no new rows after ${name}`);
      }
      await frame();
      obs.disconnect();
      return performance.now() - t;
    },
    [change, slowMs] as const,
  );
}

/**
 * The page's main-thread tasks in a Chromium trace of category `toplevel` (Playwright's
 * browser.startTracing): the longest by wall time (what the Long Tasks API sees) and by the
 * thread's CPU time. On a shared machine a task's wall time includes waiting for a core; its CPU
 * time is the work the page did, apart from the load.
 */
function mainThreadTasks(trace: Buffer): {
  longestWallMs: number;
  longestCpuMs: number;
  over50: number;
  cpuMs: number;
} {
  type Ev = { ph: string; name: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number };
  type Meta = { ph: string; name: string; pid: number; tid: number; args?: { name?: string } };
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: Array<Ev & Meta> }).traceEvents;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, Ev[]>();
  for (const e of events)
    if (e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mains.has(`${e.pid}:${e.tid}`))
      byThread.set(`${e.pid}:${e.tid}`, [...(byThread.get(`${e.pid}:${e.tid}`) ?? []), e]);
  // the page's renderer: the busiest main thread; nested run loops count once (top-level tasks only)
  const busiest = [...byThread.values()].sort(
    (a, b) => b.reduce((n, e) => n + (e.dur ?? 0), 0) - a.reduce((n, e) => n + (e.dur ?? 0), 0),
  )[0];
  let end = 0;
  let longestWallMs = 0;
  let longestCpuMs = 0;
  let over50 = 0;
  let cpuMs = 0;
  for (const e of [...(busiest ?? [])].sort((a, b) => a.ts - b.ts)) {
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    longestWallMs = Math.max(longestWallMs, (e.dur ?? 0) / 1000);
    longestCpuMs = Math.max(longestCpuMs, (e.tdur ?? 0) / 1000);
    cpuMs += (e.tdur ?? 0) / 1000;
    if ((e.tdur ?? 0) > LONG_TASK_MS * 1000) over50++;
  }
  return { longestWallMs, longestCpuMs, over50, cpuMs };
}

/** In the page: scrolls the list down `rows` rows (pages load as it goes); the longest long task and how long it took. */
async function scrollRows(page: Page, rows: number, slowMs: number) {
  return page.evaluate(
    async ([want, slow]) => {
      const list = document.querySelector<HTMLElement>('[data-testid="orders-list"]')!;
      const tasks: number[] = [];
      const po = new PerformanceObserver((l) => tasks.push(...l.getEntries().map((e) => e.duration)));
      po.observe({ type: 'longtask' });
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const lastIndex = () => {
        let max = -1;
        for (const r of list.querySelectorAll('[data-testid^="orders-row-"]'))
          max = Math.max(max, Number(r.getAttribute('aria-rowindex')) - 2);
        return max;
      };
      const t = performance.now();
      let steps = 0;
      while (lastIndex() < want) {
        list.scrollTop += 1200;
        steps++;
        if (slow > 0 && steps === 20) {
          const until = performance.now() + slow;
          while (performance.now() < until) {
            /* BENCH_SLOW: a blocking task in the page */
          }
        }
        await frame();
        if (performance.now() - t > 300_000) throw new Error(`scrolled only to row ${lastIndex()}`);
      }
      const ms = performance.now() - t;
      await frame();
      await new Promise((r) => setTimeout(r, 100)); // long tasks are reported after they end
      po.disconnect();
      const shown = list.querySelectorAll('[data-testid^="orders-row-"]').length;
      return {
        ms,
        longest: tasks.length ? Math.max(...tasks) : 0,
        longTasks: tasks.length,
        reached: lastIndex(),
        shown,
        steps,
      };
    },
    [rows, slowMs] as const,
  );
}

const { dataDir, orders } = await prepare();
ensureRenderer();
await ensureHostBundle();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--lang=zh-CN',
  ],
});
const size = `${orders.toLocaleString('en')} orders`;
try {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  await context.addInitScript(WATCH);

  // 1. cold start straight to the orders list
  {
    const page = await context.newPage();
    const startedAt = Date.now();
    const host = await startHost(dataDir, startedAt);
    try {
      await browser.startTracing(page, { categories: ['toplevel'] });
      await page.goto(`${host.url}#/orders`);
      const rows = (await seenAt(page, 'rows')) - startedAt;
      const cpu = cpuMsOf(host.child.pid!);
      const pageTasks = mainThreadTasks(await browser.stopTracing());
      reportCase(
        makeCase({
          id: 'ui.coldStart1m',
          ours_ms: rows,
          raw_ms: null,
          value: rows,
          unit: 'ms',
          target: { op: '<', limit: COLD_START_MS },
          note:
            `kuajing serve started to the first orders rows in Chromium, ${size}; listening after ${host.listenMs} ms; ` +
            `host CPU ${host.listenCpuMs} ms to listening, ${cpu} ms to the first rows; page main thread CPU ${pageTasks.cpuMs.toFixed(0)} ms ` +
            `(longest task ${pageTasks.longestWallMs.toFixed(0)} ms, ${pageTasks.longestCpuMs.toFixed(0)} ms of it on the CPU)`,
        }),
      );
    } finally {
      await page.close();
      await stopHost(host);
    }
  }

  // 2. a start as usual (the dashboard first), then the orders screen, filters, scrolling, memory
  const page = await context.newPage();
  const startedAt = Date.now();
  const host = await startHost(dataDir, startedAt);
  try {
    await page.goto(host.url);
    const dashboard = (await seenAt(page, 'dashboard')) - startedAt;
    const shell = (await seenAt(page, 'shell')) - startedAt;
    reportCase(
      makeCase({
        id: 'ui.open1m',
        ours_ms: dashboard,
        raw_ms: null,
        value: dashboard,
        unit: 'ms',
        target: null,
        note: `kuajing serve started to the dashboard with its figures, ${size}; listening ${host.listenMs} ms, app shell ${shell} ms`,
      }),
    );

    const clickedAt = await page.evaluate(() => {
      const t = Date.now();
      document.querySelector<HTMLElement>('[data-testid="nav-orders"]')!.click();
      return t;
    });
    const firstRows = (await seenAt(page, 'rows')) - clickedAt;
    reportCase(
      makeCase({
        id: 'ui.firstRows1m',
        ours_ms: firstRows,
        raw_ms: null,
        value: firstRows,
        unit: 'ms',
        target: null,
        note: `nav bar → orders screen → first rows (orders.list + orders.count), ${size}`,
      }),
    );
    await page.waitForSelector('[role="grid"][aria-busy="false"]');

    const slowFilter = isSlowed('ui.filter1m') ? FILTER_MS + 10 : 0;
    const changes: Array<[string, string]> = [
      ['status cancelled', 'select:orders-filter-status:cancelled'],
      ['+ mode 1210', 'select:orders-filter-customsMode:1210'],
      ['status all', 'select:orders-filter-status:'],
      ['+ a shop', 'select:orders-filter-shop:#2'],
      ['sort by gross', 'click:orders-sort-gross'],
      ['sort by order no.', 'click:orders-sort-orderNo'],
      ['clear filters', 'click:orders-filter-clear'],
      ['sort by date', 'click:orders-sort-orderedAt'],
    ];
    // CPU beside wall time (the machine is shared): the page's main-thread busy time (Chromium's
    // TaskDuration) and the host's CPU time for each change
    const metrics = await page.context().newCDPSession(page);
    await metrics.send('Performance.enable');
    const busyMs = async () =>
      1000 *
      ((await metrics.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);
    const filterMs: Array<[string, number]> = [];
    const filterCpu: string[] = [];
    await browser.startTracing(page, { categories: ['toplevel'] });
    for (const [label, change] of changes) {
      const [page0, host0] = [await busyMs(), cpuMsOf(host.child.pid!)];
      filterMs.push([label, await timedChange(page, change, slowFilter)]);
      filterCpu.push(`${label} ${((await busyMs()) - page0).toFixed(0)}/${cpuMsOf(host.child.pid!) - host0}`);
    }
    const filterTasks = mainThreadTasks(await browser.stopTracing());
    const worst = filterMs.reduce((a, b) => (b[1] > a[1] ? b : a));
    reportCase(
      makeCase({
        id: 'ui.filter1m',
        ours_ms: worst[1],
        raw_ms: null,
        value: worst[1],
        unit: 'ms',
        target: { op: '<', limit: FILTER_MS },
        note:
          `change → new rows painted, worst of ${filterMs.length} (${filterMs.map(([l, ms]) => `${l} ${ms.toFixed(0)}`).join(', ')} ms), ${size}; ` +
          `page main thread busy / host CPU, ms: ${filterCpu.join(', ')}; page main thread on the CPU (Chromium trace, thread time) ` +
          `${filterTasks.cpuMs.toFixed(0)} ms in all, the longest task ${filterTasks.longestCpuMs.toFixed(0)} ms`,
      }),
    );

    const want = Math.min(SCROLL_ROWS, orders - 50);
    const [scrollPage0, scrollHost0] = [await busyMs(), cpuMsOf(host.child.pid!)];
    await browser.startTracing(page, { categories: ['toplevel'] });
    const scroll = await scrollRows(page, want, isSlowed('ui.scroll1m') ? LONG_TASK_MS + 30 : 0);
    const scrollTasks = mainThreadTasks(await browser.stopTracing());
    const scrollCpu = `page main thread busy ${((await busyMs()) - scrollPage0).toFixed(0)} ms, host CPU ${cpuMsOf(host.child.pid!) - scrollHost0} ms`;
    reportCase(
      makeCase({
        id: 'ui.scroll1m',
        ours_ms: scroll.ms,
        raw_ms: null,
        value: scroll.longest,
        unit: 'ms',
        target: { op: '<=', limit: LONG_TASK_MS, text: `no long task > ${LONG_TASK_MS} ms` },
        also: scroll.shown > 0 && scroll.reached >= want,
        note:
          `scrolled ${want.toLocaleString('en')} rows in ${(scroll.ms / 1000).toFixed(1)} s (${scroll.steps} steps of 1200 px), ` +
          `${scroll.longTasks} long tasks, the longest ${scroll.longest.toFixed(0)} ms; on the CPU (Chromium trace, thread time) the longest task ` +
          `${scrollTasks.longestCpuMs.toFixed(0)} ms, ${scrollTasks.over50} over ${LONG_TASK_MS} ms; ${scrollCpu}; ${scroll.shown} rows on screen at row ${scroll.reached.toLocaleString('en')}, ${size}`,
      }),
    );

    const mem = memoryOf(host.child.pid!);
    // the integrity check and daily copy start 15 s after opening (off the UI's path): did they run meanwhile?
    const integrity = await page.evaluate(async () => {
      const r = await fetch('/api/app.info', {
        method: 'POST',
        body: '{}',
        headers: {
          'content-type': 'application/json',
          'x-kuajing-session': sessionStorage.getItem('kuajing.session') ?? '',
        },
      });
      return JSON.stringify(((await r.json()) as { value?: { integrity?: unknown } }).value?.integrity ?? null);
    });
    reportCase(
      makeCase({
        id: 'host.rss1m',
        ours_ms: null,
        raw_ms: null,
        value: mem.peakMb,
        unit: 'MB',
        target: { op: '<', limit: RSS_MB },
        note: `web host peak RSS (VmHWM) after all of the above, now ${mem.rssMb.toFixed(0)} MB, ${size}; integrity check after open: ${integrity}`,
      }),
    );
  } finally {
    await page.close();
    await stopHost(host);
  }

  // 3. ui.importLongTask (issue 19 point 4): 100k Amazon orders imported through the import screen
  // into a new workspace; the longest task on the page's main thread from choosing the file to the summary
  {
    const importDir = await emptyWorkspace();
    const file = path.join(importDir, 'amazon-all-orders.txt');
    await writeAmazonAllOrders({ seed: 20260305, orders: IMPORT_ORDERS, outFile: file, currency: 'USD' });
    const mb = fs.statSync(file).size / 1e6;
    const importHost = await startHost(importDir, Date.now());
    const importPage = await context.newPage();
    try {
      await importPage.goto(`${importHost.url}#/orders/import`);
      await importPage.waitForSelector('[data-testid="import-file"]', { state: 'attached', timeout: 120_000 });
      await importPage.evaluate(() => {
        const w = window as unknown as { kjTasks: number[] };
        w.kjTasks = [];
        new PerformanceObserver((l) => w.kjTasks.push(...l.getEntries().map((e) => e.duration))).observe({
          type: 'longtask',
        });
      });
      await browser.startTracing(importPage, { categories: ['toplevel'] });
      const t = Date.now();
      const cpu0 = cpuMsOf(importHost.child.pid!);
      await importPage.getByTestId('import-file').setInputFiles(file);
      await importPage.getByTestId('import-start').click();
      await importPage.getByTestId('import-preview').waitFor({ timeout: 1_800_000 });
      const previewMs = Date.now() - t;
      const accept = importPage.getByTestId('import-accept-valid-rows');
      if (await accept.count()) await accept.check();
      if (isSlowed('ui.importLongTask'))
        await importPage.evaluate(() => {
          const until = performance.now() + 80;
          while (performance.now() < until) {
            /* BENCH_SLOW: a blocking task in the page */
          }
        });
      await importPage.getByTestId('import-confirm').click();
      await importPage.getByTestId('import-summary').waitFor({ timeout: 1_800_000 });
      const ms = Date.now() - t;
      await importPage.waitForTimeout(200); // long tasks are reported after they end
      const tasks = await importPage.evaluate(() => (window as unknown as { kjTasks: number[] }).kjTasks);
      const importTasks = mainThreadTasks(await browser.stopTracing());
      const longest = tasks.length ? Math.max(...tasks) : 0;
      reportCase(
        makeCase({
          id: 'ui.importLongTask',
          ours_ms: ms,
          raw_ms: null,
          value: longest,
          unit: 'ms',
          target: { op: '<=', limit: LONG_TASK_MS, text: `longest task ≤ ${LONG_TASK_MS} ms` },
          note:
            `${IMPORT_ORDERS.toLocaleString('en')} Amazon orders (${mb.toFixed(1)} MB) through the import screen: preview after ` +
            `${(previewMs / 1000).toFixed(1)} s, summary after ${(ms / 1000).toFixed(1)} s; ${tasks.length} long tasks on the page, ` +
            `the longest ${longest.toFixed(0)} ms (on the CPU, thread time: ${importTasks.longestCpuMs.toFixed(0)} ms, ` +
            `${importTasks.over50} over ${LONG_TASK_MS} ms); host CPU ${cpuMsOf(importHost.child.pid!) - cpu0} ms`,
        }),
      );
    } finally {
      await importPage.close();
      await stopHost(importHost);
      fs.rmSync(importDir, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
if (SCALE !== 1) console.log(`  (BENCH_SCALE=${SCALE}: ${size}, not the size the targets are for)`);
