/**
 * Exchange-folder round trip: sync writes each message whole into out/ (named by its key, no
 * temp files left), the practice platform relays them and drops receipts into in/, the next
 * sync stores them and moves them to in/processed/. Re-runs are idempotent: a resent key
 * rewrites the same file, a receipt file that shows up again is not stored twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../src-main/sync/engine.ts';
import { folderTransport } from '../../src-main/sync/folder-transport.ts';
import { unsignedSigner } from '../../src-main/sync/signer.ts';
import { PracticePlatform } from '../../src-main/practice-platform/platform.ts';
import { relayExchangeFolder } from '../../src-main/practice-platform/folder-bridge.ts';
import type { Workspace } from '../../src-main/api/workspace.ts';
import {
  buildMessages,
  enqueueMessages,
  manualClock,
  openSyncWorkspace,
  orders,
  tempDir,
} from '../unit/sync/sync-test-kit.ts';

let ws: Workspace | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

const ls = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((n) => !fs.statSync(path.join(dir, n)).isDirectory())
        .sort()
    : [];

describe('exchange folder', () => {
  it('files out, receipts in, processed moved, idempotent on re-run', async () => {
    const dir = tempDir('kuajing-exchange-');
    const clock = manualClock();
    ws = await openSyncWorkspace();
    const { ceb303, ceb603 } = buildMessages(orders(3), 1);
    const keys = [...enqueueMessages(ws, ceb303), ...enqueueMessages(ws, ceb603)];
    const engine = new SyncEngine({
      db: ws.read,
      uow: ws.uow,
      transport: folderTransport({ dir }),
      signer: unsignedSigner(),
      clock: () => new Date(),
      random: Math.random,
    });

    expect((await engine.run()).sent).toBe(6);
    const out = ls(path.join(dir, 'out'));
    expect(out).toHaveLength(6);
    expect(out.every((n) => n.endsWith('.xml') && !n.includes('.tmp'))).toBe(true);
    expect(
      fs.readFileSync(
        path.join(
          dir,
          'out',
          out.find((n) => n.startsWith('ceb_CEB303_ORD-1_1'))!,
        ),
        'utf8',
      ),
    ).toBe(ceb303[0]!.xml);

    // a crash after writing but before marking sent: the row goes again, to the same file
    ws.read.prepare("UPDATE outbox SET status = 'sending' WHERE idempotency_key = ?").run(keys[0]);
    await engine.run();
    expect(ls(path.join(dir, 'out'))).toEqual(out);

    const platform = new PracticePlatform({ now: clock.now, stepMs: 1000, acceptDrafts: true }); // store-only (appStatus 1) messages: accepted as before issue 15
    expect(await relayExchangeFolder(platform, dir)).toEqual({ messages: 6, receipts: 6 }); // status 2 for each message
    clock.advance(2000);
    expect((await relayExchangeFolder(platform, dir)).receipts).toBe(9); // 120 for each, 800 for the 3 lists
    expect(Object.values(platform.stats().documents)).toEqual([1, 1, 1, 1, 1, 1]);
    const incoming = ls(path.join(dir, 'in'));
    expect(incoming).toHaveLength(15);

    const r = await engine.run();
    expect(r.receipts).toBe(15);
    expect(ls(path.join(dir, 'in'))).toEqual([]);
    expect(ls(path.join(dir, 'in', 'processed'))).toEqual(incoming);
    const stored = () => Number(ws!.read.prepare('SELECT count(*) FROM sync_receipt').pluck().get());
    expect(stored()).toBe(15);

    // re-run: nothing new; a receipt file delivered again is recognised and moved, not stored twice
    expect((await engine.run()).receipts).toBe(0);
    fs.copyFileSync(path.join(dir, 'in', 'processed', incoming[0]!), path.join(dir, 'in', incoming[0]!));
    const again = await engine.run();
    expect(again).toMatchObject({ receipts: 0, duplicateReceipts: 1 });
    expect(stored()).toBe(15);
    expect(ls(path.join(dir, 'in'))).toEqual([]);
  });
});
