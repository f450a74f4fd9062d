/**
 * Export everything as CSV/JSON in a zip and load it into a new workspace (issue 16 point 4): the
 * round trip gives the same digest over every business table, the loaded workspace answers as the
 * source did, its audit trail verifies, and a damaged or foreign archive or a folder that already
 * holds a ledger are refused with coded errors, leaving nothing behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../src-main/api/dispatch.ts';
import { LEDGER_FILE, type Workspace } from '../../../../src-main/api/workspace.ts';
import { exportArchive, importArchive, ledgerDigest } from '../../../../src-main/areas/maintenance/archive-service.ts';
import { verifyAudit } from '../../../../src-main/db/audit-chain.ts';
import type { Db } from '../../../../src-main/db/open-ledger.ts';
import { ok } from '../../../helpers/dispatch.ts';
import { openTestWorkspace, tempDir, VALID_PROFILE } from '../../../helpers/workspace.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures');
const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

const b64 = (file: string) => fs.readFileSync(path.join(FIXTURES, file)).toString('base64');

async function importFile(dispatch: Dispatch, kind: 'imports' | 'payouts', file: string) {
  const preview = await ok<{ previewId: string }>(dispatch, `${kind}.preview`, {
    fileName: path.basename(file),
    contentBase64: b64(file),
    source: 'auto',
  });
  await ok(dispatch, `${kind}.confirm`, {
    previewId: preview.previewId,
    ...(kind === 'imports' ? { acceptValidRows: true } : {}),
  });
}

/** A ledger with orders (lines, FTS texts), stock moves and balances, rates, a payout with its journal. */
async function seeded() {
  const t = await openTestWorkspace();
  opened.push(t.ws);
  const d = t.dispatch;
  await ok(d, 'company.save', VALID_PROFILE);
  for (let day = 1; day <= 20; day++)
    await ok(d, 'rates.save', {
      currency: 'USD',
      date: `2026-03-${String(day).padStart(2, '0')}`,
      rate: '7.12',
      source: 'pboc',
    });
  await importFile(d, 'imports', 'imports/amazon-all-orders-us.txt');
  await importFile(d, 'imports', 'imports/shopify-orders-usd.csv');
  await importFile(d, 'payouts', 'payouts/amazon-settlement-us-reserve.txt');
  await ok(d, 'stock.import', {
    fileName: 'moves.csv',
    contentBase64: Buffer.from(
      'date,type,sku,warehouse,to_warehouse,quantity,unit_cost,amount,currency,reference,reason,warehouse_kind,warehouse_country\n' +
        '2026-03-01,purchase,MUG-350-WH,SZ-01,,600,12.50,,CNY,INV-1,,domestic,CN\n' +
        '2026-03-02,purchase,中文品名-01,SZ-01,,10,"1,013.25",,CNY,INV-2,,domestic,CN\n',
    ).toString('base64'),
    source: 'stock-moves',
    createMissing: true,
  });
  return t;
}

describe('export everything as a zip, load it into a new workspace', () => {
  it('round-trips every business table: same digest, same answers, a verified audit trail', async () => {
    const { ws, dispatch } = await seeded();
    const out = path.join(tempDir('kuajing-archive-'), 'export.zip');
    const manifest = exportArchive(ws.read, out, new Date('2026-12-07T10:00:00Z'));
    expect(manifest.digest).toBe(ledgerDigest(ws.read).digest);
    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    expect(byName.get('orders')!.rows).toBeGreaterThan(3);
    expect(byName.get('stock_moves')!.rows).toBe(2);
    expect(byName.get('journal_lines')!.rows).toBeGreaterThan(0);
    expect(byName.has('audit_entry')).toBe(false); // the trail is the file's own history
    expect(byName.has('line_texts_fts')).toBe(false); // an index: rebuilt, not copied

    const target = tempDir('kuajing-archive-target-');
    const loaded = await importArchive(out, path.join(target, LEDGER_FILE), new Date('2026-12-07T11:00:00Z'));
    expect(loaded.digest).toBe(manifest.digest);
    const copy = await openTestWorkspace(target);
    opened.push(copy.ws);
    // the same rows in every table; command_log alone has one more: the load itself, recorded by the audit trail
    const after = new Map(ledgerDigest(copy.ws.read).tables.map((t) => [t.name, t]));
    for (const t of manifest.tables) {
      if (t.name === 'command_log') expect(after.get(t.name)!.rows, t.name).toBe(t.rows + 1);
      else expect(after.get(t.name), t.name).toEqual(t);
    }
    expect(verifyAudit(copy.ws.read as unknown as Db).ok).toBe(true);
    for (const [name, input] of [
      ['orders.stats', {}],
      ['stock.onHand', {}],
      ['journal.trialBalance', { asOf: '2026-12-31' }],
      ['payouts.list', {}],
      ['orders.list', { filter: { q: 'MUG' } }], // the full-text index was rebuilt
    ] as const) {
      const a = await dispatch(name, input);
      if (!a.ok) throw new Error(`${name}: ${JSON.stringify(a.error)}`);
      expect(await copy.dispatch(name, input), name).toEqual(a);
      if (name === 'orders.list') expect((a.value as { items: unknown[] }).items.length).toBeGreaterThan(0);
    }
    // the loaded workspace takes new work as usual
    await importFile(copy.dispatch, 'imports', 'imports/shopify-store-a.csv');
  });

  it('writes each table as CSV too, readable by a spreadsheet, Chinese intact', async () => {
    const { ws } = await seeded();
    const out = path.join(tempDir('kuajing-archive-'), 'export.zip');
    exportArchive(ws.read, out, new Date());
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(fs.readFileSync(out));
    const bytes = files['csv/skus.csv']!;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs to read UTF-8
    const csv = strFromU8(bytes.subarray(3));
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r['item_no'])).toContain('中文品名-01');
  });

  it('refuses a folder that already holds a ledger, a file that is not an archive, and a damaged one — leaving nothing behind', async () => {
    const { ws } = await seeded();
    const dir = tempDir('kuajing-archive-');
    const out = path.join(dir, 'export.zip');
    exportArchive(ws.read, out, new Date());
    await expect(importArchive(out, ws.file, new Date())).rejects.toMatchObject({ code: 'archive.targetExists' });

    const notZip = path.join(dir, 'orders.csv');
    fs.writeFileSync(notZip, 'a,b\n1,2\n');
    const t1 = path.join(tempDir('kuajing-archive-t1-'), LEDGER_FILE);
    await expect(importArchive(notZip, t1, new Date())).rejects.toMatchObject({ code: 'archive.notAnArchive' });
    expect(fs.existsSync(t1)).toBe(false);

    // one row changed inside the zip: the loaded digest differs from the manifest's, nothing is kept
    const { unzipSync, zipSync, strToU8, strFromU8 } = await import('fflate');
    const files = unzipSync(fs.readFileSync(out));
    const lines = strFromU8(files['data/orders.jsonl']!).split('\n');
    lines[0] = lines[0]!.replace(/"(\d{3}-\d{7}-\d{7})"/, '"999-9999999-9999999"');
    files['data/orders.jsonl'] = strToU8(lines.join('\n'));
    const tampered = path.join(dir, 'tampered.zip');
    fs.writeFileSync(tampered, zipSync(files));
    const t2 = path.join(tempDir('kuajing-archive-t2-'), LEDGER_FILE);
    await expect(importArchive(tampered, t2, new Date())).rejects.toMatchObject({ code: 'archive.digestMismatch' });
    expect(fs.existsSync(t2)).toBe(false);
  });
});
