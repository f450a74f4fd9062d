/**
 * Migration 0016 on a schema-15 ledger: customs messages and documents (with their receipts and
 * history pointing at them) move over unchanged into the rebuilt tables, which now also take CEB605
 * and CEB213; the append-only and immutable-facts triggers are still there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src-main/api/workspace.ts';
import { defaultMigrationsDir, loadMigrations } from '../../src-main/db/migrate.ts';
import { tempDir } from '../helpers/workspace.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

function migrationsUpTo(version: number): string {
  const dir = tempDir('kuajing-mig-');
  for (const m of loadMigrations().filter((x) => x.version <= version)) {
    const f = `${String(m.version).padStart(4, '0')}-${m.name}.sql`;
    fs.copyFileSync(path.join(defaultMigrationsDir(), f), path.join(dir, f));
  }
  return dir;
}

const G = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

describe('migration 0016 customs withdrawals and returns', () => {
  it('keeps every message, document and history row of a schema-15 ledger and takes CEB605/CEB213 after', async () => {
    const dataDir = tempDir();
    const v15 = await openWorkspace({ dataDir, host: 'test', migrationsDir: migrationsUpTo(15) });
    v15.uow.run('t', (tx) => {
      tx.db
        .prepare(
          "INSERT INTO customs_messages VALUES (?, 'CEB603', 'ceb:CEB603:WEB-1:1', '<xml/>', ?, '2026-03-03T00:00:00Z')",
        )
        .run(G(1), tx.commandId);
      tx.db
        .prepare(
          `INSERT INTO customs_documents (type, business_key, revision, guid, message_guid, status, status_rank, status_at, invt_no, created_at)
          VALUES ('CEB603', 'WEB-1', 1, ?, ?, '800', 20, '2026-03-04', '53142026E000000001', '2026-03-03')`,
        )
        .run(G(2), G(1));
      tx.db
        .prepare(
          "INSERT INTO customs_status_history (document_id, status, at, source, applied) VALUES (1, 'queued', '2026-03-03', 'local', 1)",
        )
        .run();
    });
    v15.close();
    const ws = await openWorkspace({ dataDir, host: 'test' });
    opened.push(ws);
    expect(ws.read.prepare('SELECT id, type, status, invt_no FROM customs_documents').all()).toEqual([
      { id: 1, type: 'CEB603', status: '800', invt_no: '53142026E000000001' },
    ]);
    expect(ws.read.prepare('SELECT count(*) FROM customs_status_history WHERE document_id = 1').pluck().get()).toBe(1);
    expect(ws.read.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    ws.uow.run('t', (tx) => {
      tx.db
        .prepare(
          "INSERT INTO customs_messages VALUES (?, 'CEB605', 'ceb:CEB605:WEB-1:1', '<xml/>', ?, '2026-03-05T00:00:00Z')",
        )
        .run(G(3), tx.commandId);
    });
    expect(() =>
      ws.uow.run('t', (tx) => tx.db.prepare("UPDATE customs_documents SET facts = '{}' WHERE id = 1").run()),
    ).toThrow(/immutable/);
    expect(() => ws.uow.run('t', (tx) => tx.db.prepare('DELETE FROM customs_messages').run())).toThrow(/append-only/);
  });
});
