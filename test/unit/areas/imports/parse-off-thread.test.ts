/**
 * Bounded memory (issue 16, point 1): a preview reads its file in a child process (or, in
 * Electron, a worker thread) with a capped heap; the orders come back through the scratch file.
 * Same result as reading on this thread; a reader out of memory is a coded refusal and this
 * thread goes on.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Scratch } from '../../../../src-main/db/scratch.ts';
import { isDomainError } from '../../../../src-main/core/domain-error.ts';
import { parseImport, type ParseImportOptions } from '../../../../src-main/imports/parse-import.ts';
import { parseImportOffThread, readerPeak } from '../../../../src-main/areas/imports/parse-off-thread.ts';
import { openWorkspace, type Workspace } from '../../../../src-main/api/workspace.ts';
import { createHandlers } from '../../../../src-main/api/handlers.ts';
import { createDispatch } from '../../../../src-main/api/dispatch.ts';
import { createImportsHandlers } from '../../../../src-main/areas/imports/handlers.ts';
import { tempDir } from '../../../helpers/workspace.ts';
import { errorOf, ok } from '../../../helpers/dispatch.ts';

const scratches: Scratch[] = [];
const opened: Workspace[] = [];
afterEach(() => {
  while (scratches.length) scratches.pop()!.close();
  while (opened.length) opened.pop()!.close();
});

function fixtureFile(name: string): { path: string } {
  return { path: fileURLToPath(new URL(`../../../fixtures/imports/${name}`, import.meta.url)) };
}

function options(scratch: Scratch): ParseImportOptions {
  return {
    fileName: 'orders.csv',
    source: 'auto',
    timeZone: 'America/New_York',
    defaultCurrency: null,
    mapping: null,
    scratch,
  };
}

for (const kind of ['process', 'thread'] as const)
  describe(`an import read in a ${kind === 'process' ? 'child process' : 'worker thread'}`, () => {
    it('gives the same result as reading on this thread, its orders read through the scratch file', async () => {
      const dir = tempDir();
      for (const name of ['shopify-orders-usd.csv', 'shopify-orders-gbp.csv', 'shopify-orders-all-rejected.csv']) {
        const here = new Scratch(dir);
        const there = new Scratch(dir);
        scratches.push(here, there);
        const progress: number[][] = [];
        const expected = await parseImport(fixtureFile(name), options(here));
        const actual = await parseImportOffThread(undefined, kind)(fixtureFile(name), {
          ...options(there),
          onProgress: (done, total) => progress.push([done, total]),
        });
        const { orders: a, ...restA } = actual;
        const { orders: e, ...restE } = expected;
        expect(restA).toEqual(restE);
        expect([...a]).toEqual([...e]);
        if (name !== 'shopify-orders-all-rejected.csv') expect(a.length).toBeGreaterThan(0);
        expect(progress.length).toBeGreaterThan(0);
      }
      // the worker's scratch file goes when the caller's closes
      while (scratches.length) scratches.pop()!.close();
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('scratch-'))).toEqual([]);
    });

    it('refuses the file as import.file.tooLargeToRead when the worker runs out of memory, and this thread goes on', async () => {
      const dir = tempDir();
      const scratch = new Scratch(dir);
      scratches.push(scratch);
      // a heap too small for the reader to load and read the file: out of memory in the worker, not
      // here (far smaller, 2 MB, and V8 cannot even make the worker's heap: that aborts the process)
      const tiny = parseImportOffThread({ maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 }, kind);
      const error = await tiny(fixtureFile('shopify-orders-usd.csv'), options(scratch)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDomainError(error) ? [error.code, error.params] : error).toEqual([
        'import.file.tooLargeToRead',
        { limitMb: 8 },
      ]);
      // nothing of the worker's is left, and reading works again
      expect(fs.readdirSync(dir).filter((f) => f !== path.basename(scratch.file))).toEqual([]);
      const again = await parseImportOffThread(undefined, kind)(
        fixtureFile('shopify-orders-usd.csv'),
        options(scratch),
      );
      expect(again.orders.length).toBeGreaterThan(0);
    });

    it('gives a preview through dispatch a coded error when its reader runs out of memory; the next preview works', async () => {
      const dataDir = tempDir();
      const ws = await openWorkspace({ dataDir, host: 'test' });
      opened.push(ws);
      let limits = { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 };
      const dispatch = createDispatch(
        {
          ...createHandlers(ws),
          ...createImportsHandlers(ws, (file, opts) => parseImportOffThread(limits, kind)(file, opts)),
        },
        () => undefined,
      );
      const input = {
        fileName: 'shopify-orders-usd.csv',
        contentBase64: fs.readFileSync(fixtureFile('shopify-orders-usd.csv').path).toString('base64'),
        source: 'auto',
      };
      const error = (await errorOf(dispatch, 'imports.preview', input)) as { code: string; params: unknown };
      expect([error.code, error.params]).toEqual(['import.file.tooLargeToRead', { limitMb: 8 }]);
      limits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };
      const preview = await ok<{ orders: number }>(dispatch, 'imports.preview', input);
      expect(preview.orders).toBeGreaterThan(0);
    });
  });

describe('the reader outside Electron', () => {
  it('is a child process of its own by default, which reports its peak RSS (the second figure of the bench)', async () => {
    const dir = tempDir();
    const scratch = new Scratch(dir);
    scratches.push(scratch);
    readerPeak.rssMb = 0;
    const hostPeakKb = process.resourceUsage().maxRSS;
    const parsed = await parseImportOffThread()(fixtureFile('shopify-orders-usd.csv'), options(scratch));
    expect(parsed.orders.length).toBeGreaterThan(0);
    // a worker thread would report this process's own high-water mark, never below what it was before
    expect(readerPeak.rssMb).toBeGreaterThan(10);
    expect(readerPeak.rssMb * 1024).toBeLessThan(hostPeakKb);
  });
});

describe('the reader process when its host goes away', () => {
  it('stops at once instead of reading on for nobody', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'orders.csv');
    const header = fs.readFileSync(fixtureFile('shopify-orders-usd.csv').path, 'utf8').split('\n')[0];
    const rows: string[] = [header!];
    for (let i = 0; i < 60_000; i++)
      rows.push(`#${i},x@example.com,paid,fulfilled,2026-01-02 10:00:00 -0500,USD,10.00`);
    fs.writeFileSync(file, rows.join('\n') + '\n');
    const script = fileURLToPath(new URL('../../../../src-main/areas/imports/parse-worker.ts', import.meta.url));
    const job = {
      file: { path: file },
      folder: dir,
      opts: {
        fileName: 'orders.csv',
        source: 'auto',
        timeZone: 'America/New_York',
        defaultCurrency: null,
        mapping: null,
      },
    };
    // a host that forks the reader and, at its first progress report, prints the reader's pid and
    // either dies there (die) or prints how long the rest of the reading took
    const host = (die: boolean) => `const { fork } = require('node:child_process');
      const r = fork(${JSON.stringify(script)}, [], { execArgv: ['--disable-warning=ExperimentalWarning'], serialization: 'advanced', stdio: 'ignore' });
      let at = 0;
      r.on('message', (m) => {
        if ('progress' in m && at === 0) { at = performance.now(); console.log(r.pid); if (${die}) process.kill(process.pid, 'SIGKILL'); }
        if ('parsed' in m) { console.log(performance.now() - at); r.kill(); }
      });
      r.send(${JSON.stringify(job)});`;
    const run = (die: boolean) =>
      spawnSync(process.execPath, ['-e', host(die)], { encoding: 'utf8', timeout: 120_000 })
        .stdout.trim()
        .split('\n');
    const rest = Number(run(false)[1]);
    const reader = Number(run(true)[0]);
    expect(rest).toBeGreaterThan(0);
    expect(reader).toBeGreaterThan(0);
    const died = performance.now();
    // a process that has ended may wait as a zombie until it is reaped: that is not running
    const alive = () => {
      try {
        return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${reader}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    while (alive() && performance.now() - died < 2 * rest) await new Promise((r) => setTimeout(r, 20));
    if (alive()) process.kill(reader, 'SIGKILL');
    // gone well before it could have read the rest (it reads on to the end without the check)
    expect(performance.now() - died).toBeLessThan(rest / 2);
  }, 120_000);
});
