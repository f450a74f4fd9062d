/** A workspace opened for reading only answers queries and refuses every mutating command up front. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, COMMAND_NAMES } from '../../../src-main/api/contract.ts';
import { createDispatch } from '../../../src-main/api/dispatch.ts';
import { createHandlers } from '../../../src-main/api/handlers.ts';
import { openWorkspace } from '../../../src-main/api/workspace.ts';
import { openTestWorkspace, tempDir, VALID_PROFILE } from '../../helpers/workspace.ts';

describe('read-only workspace', () => {
  it('reads, refuses mutations with db.readOnly before any work, and leaves the file byte for byte', async () => {
    const dataDir = tempDir();
    const first = await openTestWorkspace(dataDir);
    expect(await first.dispatch('company.save', VALID_PROFILE)).toMatchObject({ ok: true });
    first.ws.close();
    const file = path.join(dataDir, 'ledger.sqlite');
    const before = fs.readFileSync(file);

    const ws = await openWorkspace({ dataDir, host: 'test', readOnly: true });
    try {
      expect(ws.readOnly).toBe(true);
      const dispatch = createDispatch(createHandlers(ws), () => undefined, ws.file, ws.readOnly);
      expect(await dispatch('company.get', {})).toMatchObject({ ok: true, value: { name: VALID_PROFILE.name } });
      expect(await dispatch('orders.list', {})).toMatchObject({ ok: true });
      expect(await dispatch('company.save', { ...VALID_PROFILE, name: '改名' })).toEqual({
        ok: false,
        error: { code: 'db.readOnly', params: { file: ws.file, command: 'company.save' } },
      });
      // the stock ledger too: no move is looked up, nothing is tried
      expect(await dispatch('stock.moves.reverse', { moveId: 1, reason: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'db.readOnly' },
      });
      // and a write that slips past dispatch (a background job) is stopped by the unit of work
      expect(() => ws.uow.run('test.write', () => 1)).toThrowError(expect.objectContaining({ code: 'db.readOnly' }));
    } finally {
      ws.close();
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reads a ledger another connection holds from a snapshot copy, and deletes that copy when it closes', async () => {
    const dataDir = tempDir();
    const app = await openTestWorkspace(dataDir); // the app has the ledger open: its lock keeps direct readers out
    const tmp = tempDir('kuajing-tmp-');
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp; // the snapshot goes to os.tmpdir(): here, a folder only this test uses
    try {
      expect(await app.dispatch('company.save', VALID_PROFILE)).toMatchObject({ ok: true });
      const ws = await openWorkspace({ dataDir, host: 'test', readOnly: true });
      const snapshots = fs.readdirSync(tmp).filter((d) => d.startsWith('kuajing-readonly-'));
      expect(snapshots).toHaveLength(1);
      expect(fs.readdirSync(path.join(tmp, snapshots[0]!))).toContain('ledger.sqlite');
      const dispatch = createDispatch(createHandlers(ws), () => undefined, ws.file, ws.readOnly);
      expect(await dispatch('company.get', {})).toMatchObject({ ok: true, value: { name: VALID_PROFILE.name } });
      ws.close();
      expect(fs.readdirSync(tmp)).toEqual([]);
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
      app.ws.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('every command declares whether it mutates, and the declaration is what dispatch reads', () => {
    for (const name of COMMAND_NAMES) expect(typeof contract[name].mutates, name).toBe('boolean');
    expect(contract['orders.list'].mutates).toBe(false);
    expect(contract['imports.confirm'].mutates).toBe(true);
  });
});
