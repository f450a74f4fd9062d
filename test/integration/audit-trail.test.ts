/**
 * The tamper-evident audit trail (issue 16, point 6) on real files: every command appends an entry
 * chained to the one before over the hashes of the rows it wrote; `kuajing doctor` re-hashes rows
 * and chain. Editing one stored amount with the sqlite3 shell is named (table, row, the entry that
 * last wrote it); so is a row slipped in behind the app's back, a deleted row and a rewritten entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { cliWorkspace, json, kuajing } from '../helpers/cli.ts';
import { openTestWorkspace, VALID_PROFILE } from '../helpers/workspace.ts';
import { ok } from '../helpers/dispatch.ts';
import { verifyAudit } from '../../src-main/db/audit-chain.ts';

const HEADERS = [
  'amazon-order-id',
  'purchase-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'product-name',
  'sku',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'ship-country',
];
const tsv = (n: number) =>
  [
    HEADERS,
    ...Array.from({ length: n }, (_, i) => [
      `111-${String(i).padStart(7, '0')}-0000001`,
      '2026-03-05T14:02:00-08:00',
      'Shipped',
      'Amazon',
      'Amazon.com',
      '陶瓷杯',
      `CUP-${i}`,
      'Shipped',
      '1',
      'USD',
      '19.99',
      '0',
      '0',
      'US',
    ]),
  ]
    .map((r) => r.join('\t'))
    .join('\n') + '\n';

/** The sqlite3 shell when installed (as in the probe), else the same SQL through better-sqlite3. */
function shell(file: string, sql: string): void {
  try {
    execFileSync('sqlite3', [file, sql]);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const db = new Database(file);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
  }
}

describe('audit trail', () => {
  it('chains one entry per command over the rows it wrote', async () => {
    const { ws, dispatch } = await openTestWorkspace();
    try {
      await ok(dispatch, 'company.save', VALID_PROFILE);
      await ok(dispatch, 'company.save', { ...VALID_PROFILE, name: '第二版公司名' });
      const entries = ws.read
        .prepare('SELECT id, command, prev_hash AS prev, hash, row_count AS n FROM audit_entry ORDER BY id')
        .all() as Array<{ id: number; command: string; prev: string; hash: string; n: number }>;
      expect(entries.map((e) => e.command)).toEqual(['company.save', 'company.save']);
      expect(entries[1]!.prev).toBe(entries[0]!.hash);
      expect(entries.every((e) => e.n > 0)).toBe(true);
      expect(verifyAudit(ws.read)).toMatchObject({ ok: true, entries: 2, head: entries[1]!.hash, firstMismatch: null });
      // a failed command leaves no entry
      expect((await dispatch('company.save', { ...VALID_PROFILE, uscc: 'bad' })).ok).toBe(false);
      expect(ws.read.prepare('SELECT count(*) FROM audit_entry').pluck().get()).toBe(2);
    } finally {
      ws.close();
    }
  });

  it('kuajing doctor names the order whose amount was edited with the sqlite3 shell', () => {
    const dir = cliWorkspace();
    const file = path.join(dir, 'orders.txt');
    fs.writeFileSync(file, tsv(5));
    expect(kuajing('import', file, '--data-dir', dir, '--json').code).toBe(0);
    const clean = kuajing('doctor', '--data-dir', dir, '--json');
    expect(json(clean.out)).toMatchObject({ ok: true, audit: { ok: true, firstMismatch: null } });
    expect(clean.code).toBe(0);

    const ledger = path.join(dir, 'ledger.sqlite');
    shell(
      ledger,
      'UPDATE orders SET gross = gross + 100, goods = goods + 100 WHERE id = (SELECT min(id) FROM orders);',
    );
    const r = kuajing('doctor', '--data-dir', dir, '--json');
    expect(r.code).toBe(1);
    const report = json(r.out);
    expect(report.ok).toBe(false);
    expect(report.integrity).toBe('ok'); // SQLite itself sees nothing wrong
    expect(report.audit.firstMismatch).toMatchObject({ kind: 'row', table: 'orders' });
    expect(report.audit.firstMismatch.entryId).toBeGreaterThan(0);
  }, 60_000);

  it('names a row inserted behind the app, a deleted row and a rewritten entry', async () => {
    const { ws, dispatch } = await openTestWorkspace();
    const file = ws.file;
    await ok(dispatch, 'company.save', VALID_PROFILE);
    ws.close();

    shell(file, "INSERT INTO settings (key, value) VALUES ('sneaky', '1');");
    let db = new Database(file);
    expect(verifyAudit(db).firstMismatch).toMatchObject({ kind: 'unrecorded', table: 'settings' });
    db.exec("DELETE FROM settings WHERE key = 'sneaky'");
    expect(verifyAudit(db).ok).toBe(true);
    db.close();

    shell(file, "DROP TRIGGER audit_entry_append_only_u; UPDATE audit_entry SET command = 'company.get' WHERE id = 1;");
    db = new Database(file);
    expect(verifyAudit(db).firstMismatch).toEqual({ kind: 'entry', entryId: 1 });
    db.close();
  });
});
