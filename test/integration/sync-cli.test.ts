/**
 * The CLI of the sync area as a user runs it: `kuajing practice-platform` prints its URL as a
 * JSON line and serves until SIGTERM (stats written to --data-dir); `kuajing sync` sends a
 * workspace's queue to it and prints the counts; bad flags are usage errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildMessages, enqueueMessages, openSyncWorkspace, orders, tempDir } from '../unit/sync/sync-test-kit.ts';

const CLI = path.resolve(import.meta.dirname, '../../src-main/cli/main.ts');
const run = promisify(execFile);

describe('sync CLI', () => {
  it('practice-platform serves until SIGTERM and keeps its state in --data-dir; sync sends the queue to it', async () => {
    const stateDir = tempDir('kuajing-pp-');
    const start = async () => {
      const child = spawn(
        process.execPath,
        [
          CLI,
          'practice-platform',
          '--port',
          '0',
          '--seed',
          '5',
          '--step-ms',
          '0',
          '--faults',
          'latency=0-2',
          '--accept-drafts',
          '--data-dir',
          stateDir,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      const first = await readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
      const { url } = JSON.parse(String(first.value)) as { url: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      return {
        url,
        stop: async () => {
          child.kill('SIGTERM');
          return exited;
        },
      };
    };
    const stats = () =>
      JSON.parse(fs.readFileSync(path.join(stateDir, 'practice-platform-stats.json'), 'utf8')) as {
        keys: number;
        documents: Record<string, number>;
        duplicateDeliveries: number;
      };
    const sync = async (dataDir: string, url: string) =>
      JSON.parse(
        (
          await run(process.execPath, [
            CLI,
            'sync',
            '--data-dir',
            dataDir,
            '--platform',
            url,
            '--max-attempts',
            '50',
            '--json',
          ])
        ).stdout,
      ) as {
        sent: number;
        duplicates: number;
        failed: number;
        receipts: number;
        remaining: { queued: number; sent: number };
      };

    const dataDir = tempDir('kuajing-sync-cli-');
    const ws = await openSyncWorkspace(dataDir);
    const keys = enqueueMessages(ws, buildMessages(orders(6), 2).ceb303);
    ws.close();

    let platform = await start();
    const first = await sync(dataDir, platform.url);
    expect(first).toMatchObject({ sent: 3, failed: 0, remaining: { queued: 0, sent: 3 } });
    expect(first.receipts).toBeGreaterThanOrEqual(3);
    expect(await platform.stop()).toBe(0);
    expect(stats().keys).toBe(3);
    expect(Object.values(stats().documents)).toEqual([1, 1, 1, 1, 1, 1]);

    // restarted with the same state: a key sent again (its record lost) is a duplicate, not a new document
    platform = await start();
    const again = await openSyncWorkspace(dataDir);
    again.read.prepare("UPDATE outbox SET status = 'sending' WHERE idempotency_key = ?").run(keys[0]);
    again.close();
    expect(await sync(dataDir, platform.url)).toMatchObject({ sent: 1, duplicates: 1, receipts: 0 });
    expect(await platform.stop()).toBe(0);
    expect(stats().keys).toBe(3);
    expect(Object.values(stats().documents)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('refuses a sync without exactly one transport', async () => {
    const e = await run(process.execPath, [CLI, 'sync', '--data-dir', '/tmp', '--json']).catch(
      (x: { code: number; stdout: string }) => x,
    );
    expect(e).toMatchObject({ code: 2 });
    expect(JSON.parse((e as { stdout: string }).stdout)).toMatchObject({ ok: false, error: { code: 'usage' } });
  });
});
