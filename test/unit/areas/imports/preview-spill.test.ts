/**
 * Bounded memory (issue 16, point 1): a pending preview keeps only its summary. The file and its
 * rejected rows wait in temporary files in the workspace (every rejected row still listed and
 * downloadable); confirm reads the file again and refuses it as import.file.changed when its
 * digest is not the one the preview saw; the temporary files go with the preview.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../../../src-main/api/workspace.ts';
import { createHandlers } from '../../../../src-main/api/handlers.ts';
import { createDispatch } from '../../../../src-main/api/dispatch.ts';
import { createImportsHandlers } from '../../../../src-main/areas/imports/handlers.ts';
import type { ImportPreview, ImportSummary } from '../../../../src-main/api/contract.ts';
import { parseImport } from '../../../../src-main/imports/parse-import.ts';
import type { ParseImportOptions } from '../../../../src-main/imports/parse-import.ts';
import { tempDir } from '../../../helpers/workspace.ts';
import { errorOf, ok } from '../../../helpers/dispatch.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

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
const good = (i: number) =>
  [`111-000000${i}-000000${i}`, '2026-03-05T14:02:00-08:00', 'Shipped', 'Amazon', 'Amazon.com', 'Tea pot', `SKU-${i}`]
    .concat(['Shipped', '1', 'USD', '25.00', '2.00', '4.99', 'US'])
    .join('\t');
/** An Amazon All Orders report (tab-separated) with `bad` rows of the wrong width after 3 good orders. */
function allOrders(bad: number, extra = ''): string {
  const lines = [HEADERS.join('\t'), good(1), good(2), good(3)];
  for (let i = 0; i < bad; i++) lines.push(`111-900000${i}-0000009\t2026-03-05T14:02:00-08:00\tShipped`);
  return lines.join('\n') + '\n' + extra;
}

async function setup() {
  const dataDir = tempDir();
  const ws = await openWorkspace({ dataDir, host: 'test' });
  opened.push(ws);
  const parses: ParseImportOptions[] = [];
  const dispatch = createDispatch(
    {
      ...createHandlers(ws),
      ...createImportsHandlers(ws, (bytes, opts) => {
        parses.push(opts);
        return parseImport(bytes, opts);
      }),
    },
    () => undefined,
  );
  const folder = path.join(dataDir, 'tmp', 'imports');
  const orders = () => Number(ws.read.prepare('SELECT count(*) FROM orders').pluck().get());
  return { dispatch, folder, parses, orders, dataDir };
}

const preview = (dispatch: Parameters<typeof ok>[0], text: string) =>
  ok<ImportPreview>(dispatch, 'imports.preview', {
    fileName: 'All Orders.txt',
    contentBase64: Buffer.from(text).toString('base64'),
    source: 'auto',
  });

describe('a pending preview keeps its summary only', () => {
  it('spills the file and every rejected row to the workspace, lists them all, reads the file again at confirm and then removes them', async () => {
    const { dispatch, folder, parses, orders } = await setup();
    const text = allOrders(250);
    const p = await preview(dispatch, text);
    expect(p).toMatchObject({ orders: 3, rows: { read: 253, rejected: 250 } });
    expect(p.rejected).toHaveLength(250);
    expect(fs.readFileSync(path.join(folder, `${p.previewId}.file`), 'utf8')).toBe(text);
    const spilled = fs
      .readFileSync(path.join(folder, `${p.previewId}.rejected.jsonl`), 'utf8')
      .trim()
      .split('\n');
    expect(spilled).toHaveLength(250);

    const { csv } = await ok<{ csv: string }>(dispatch, 'imports.rejectedCsv', { previewId: p.previewId });
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: 250 }, (_, i) => i + 5));
    expect(rows[0]!.slice(2, 4)).toEqual(['import.row.columnCount', '111-9000000-0000009']);

    expect(parses).toHaveLength(1);
    const summary = await ok<ImportSummary>(dispatch, 'imports.confirm', {
      previewId: p.previewId,
      acceptValidRows: true,
    });
    expect(parses).toHaveLength(2); // confirm read the file again
    expect(summary).toMatchObject({ new: 3, orders: 3 });
    expect(summary.rejected).toHaveLength(250);
    expect(orders()).toBe(3);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses to confirm a file that changed since its preview as import.file.changed, writing nothing', async () => {
    const { dispatch, folder, orders } = await setup();
    const p = await preview(dispatch, allOrders(0));
    // the waiting copy is replaced by another file (one more order)
    fs.writeFileSync(path.join(folder, `${p.previewId}.file`), allOrders(0, good(4) + '\n'));
    expect(await errorOf(dispatch, 'imports.confirm', { previewId: p.previewId })).toMatchObject({
      code: 'import.file.changed',
    });
    fs.rmSync(path.join(folder, `${p.previewId}.file`));
    expect(await errorOf(dispatch, 'imports.confirm', { previewId: p.previewId })).toMatchObject({
      code: 'import.file.changed',
    });
    expect(orders()).toBe(0);
  });

  it('leaves the pending preview of the process holding the workspace alone when it is opened read-only', async () => {
    const { dispatch, folder, dataDir } = await setup();
    const held = await preview(dispatch, allOrders(1));
    const tempFolders = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('kuajing-previews-'));
    const before = new Set(tempFolders());
    const ro = await openWorkspace({ dataDir, host: 'test', readOnly: true });
    const roDispatch = createDispatch(createHandlers(ro), () => undefined, ro.file, ro.readOnly);
    const other = await preview(roDispatch, allOrders(2));
    expect(fs.readdirSync(folder).sort()).toEqual([`${held.previewId}.file`, `${held.previewId}.rejected.jsonl`]);
    await ok(roDispatch, 'imports.discard', { previewId: other.previewId });
    // the read-only opening's own temp folder goes with it
    const made = tempFolders().filter((f) => !before.has(f));
    expect(made.length).toBeGreaterThan(0);
    ro.close();
    expect(made.filter((f) => fs.existsSync(path.join(os.tmpdir(), f)))).toEqual([]);
    expect(await ok(dispatch, 'imports.confirm', { previewId: held.previewId, acceptValidRows: true })).toMatchObject({
      new: 3,
    });
  });

  it('removes the temporary files of a preview that is replaced or discarded', async () => {
    const { dispatch, folder } = await setup();
    const first = await preview(dispatch, allOrders(2));
    const second = await preview(dispatch, allOrders(1));
    expect(fs.readdirSync(folder).sort()).toEqual([`${second.previewId}.file`, `${second.previewId}.rejected.jsonl`]);
    expect(await errorOf(dispatch, 'imports.confirm', { previewId: first.previewId })).toMatchObject({
      code: 'imports.preview.expired',
    });
    await ok(dispatch, 'imports.discard', { previewId: second.previewId });
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});
