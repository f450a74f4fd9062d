/**
 * Import files handed over by reference (issue 16, point 1): `imports.preview` takes `{ fileRef }`
 * naming an upload in the workspace's tmp/imports and nothing else; a streamed upload previews and
 * confirms exactly as the same file sent as base64; uploads go with their preview and are swept at open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import { receiveUpload, importsDir } from '../../../../src-main/areas/imports/import-files.ts';
import type { ImportPreview, ImportSummary } from '../../../../src-main/areas/imports/contract.ts';
import { iterateDemoOrders } from '../../../../src-main/imports/demo/demo-orders.ts';
import { SHOPIFY_HEADERS, shopifyRows } from '../../../../src-main/imports/demo/demo-rows.ts';
import { csvRow } from '../../../../src-main/imports/demo/delimited-rows.ts';
import { openTestWorkspace } from '../../../helpers/workspace.ts';

const opened: Workspace[] = [];
afterEach(() => {
  for (const ws of opened.splice(0)) ws.close();
});

async function open() {
  const o = await openTestWorkspace();
  opened.push(o.ws);
  return o;
}

type Dispatch = Awaited<ReturnType<typeof openTestWorkspace>>['dispatch'];

async function ok<T>(dispatch: Dispatch, name: string, input: unknown): Promise<T> {
  const r = await dispatch(name as never, input as never);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

async function errorOf(dispatch: Dispatch, name: string, input: unknown) {
  const r = await dispatch(name as never, input as never);
  return r.ok ? null : { code: r.error.code, params: r.error.params };
}

/** A Shopify orders export of a few hundred rows (its columns, multi-line orders, quoted cells). */
function shopifyCsv(): Buffer {
  let text = csvRow([...SHOPIFY_HEADERS]) + '\n';
  for (const o of iterateDemoOrders({ seed: 1601, orders: 120, platform: 'shopify' }))
    for (const r of shopifyRows(o)) text += csvRow(r) + '\n';
  return Buffer.from(text);
}

/** The body as a stream of small chunks, as an HTTP request delivers it. */
function body(bytes: Buffer, chunk = 1000): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk);
    })(),
  );
}

const input = { fileName: 'orders_export.csv', source: 'auto' };

describe('imports.preview by fileRef', () => {
  it('refuses anything but an upload of this workspace: paths, traversal, links, other folders', async () => {
    const { ws, dispatch } = await open();
    const outside = path.join(ws.dataDir, 'outside.csv');
    fs.writeFileSync(outside, shopifyCsv());
    const dir = importsDir(ws.dataDir);
    fs.mkdirSync(dir, { recursive: true });
    const link = 'upload-00000000-0000-4000-8000-000000000001';
    fs.symlinkSync(outside, path.join(dir, link));
    fs.mkdirSync(path.join(dir, 'upload-00000000-0000-4000-8000-000000000002'));
    for (const fileRef of [
      outside,
      '../outside.csv',
      '../../outside.csv',
      'upload-../../outside.csv',
      `upload-00000000-0000-4000-8000-000000000003/../../../outside.csv`,
      '/etc/passwd',
      'ledger.sqlite',
      link, // a link planted in the folder, pointing out of it
      'upload-00000000-0000-4000-8000-000000000002', // a folder
    ]) {
      expect((await errorOf(dispatch, 'imports.preview', { ...input, fileRef }))?.code, fileRef).toBe(
        'import.fileRef.invalid',
      );
    }
    expect(fs.readFileSync(outside).length).toBeGreaterThan(0); // not moved, not read
    expect(
      await errorOf(dispatch, 'imports.preview', { ...input, fileRef: 'upload-00000000-0000-4000-8000-00000000000f' }),
    ).toEqual({
      code: 'import.fileRef.missing',
      params: { fileRef: 'upload-00000000-0000-4000-8000-00000000000f' },
    });
    // exactly one of fileRef and contentBase64
    expect((await errorOf(dispatch, 'imports.preview', input))?.code).toBe('import.fileRef.invalid');
    const { fileRef } = await receiveUpload(ws.dataDir, body(shopifyCsv()), null);
    expect(
      (
        await errorOf(dispatch, 'imports.preview', {
          ...input,
          fileRef,
          contentBase64: shopifyCsv().toString('base64'),
        })
      )?.code,
    ).toBe('import.fileRef.invalid');
  });

  it('previews and confirms a streamed upload exactly as the same file sent as base64, then removes it', async () => {
    const bytes = shopifyCsv();
    const viaBase64 = await open();
    const p1 = await ok<ImportPreview>(viaBase64.dispatch, 'imports.preview', {
      ...input,
      contentBase64: bytes.toString('base64'),
    });
    const c1 = await ok<ImportSummary>(viaBase64.dispatch, 'imports.confirm', { previewId: p1.previewId });

    const viaUpload = await open();
    const upload = await receiveUpload(viaUpload.ws.dataDir, body(bytes, 777), bytes.length);
    expect(upload.bytes).toBe(bytes.length);
    const uploaded = path.join(importsDir(viaUpload.ws.dataDir), upload.fileRef);
    expect(fs.readFileSync(uploaded).equals(bytes)).toBe(true);
    const p2 = await ok<ImportPreview>(viaUpload.dispatch, 'imports.preview', { ...input, fileRef: upload.fileRef });
    expect(fs.existsSync(uploaded)).toBe(false); // moved into the preview's files
    // a reference is good for one preview
    expect((await errorOf(viaUpload.dispatch, 'imports.preview', { ...input, fileRef: upload.fileRef }))?.code).toBe(
      'import.fileRef.missing',
    );
    const c2 = await ok<ImportSummary>(viaUpload.dispatch, 'imports.confirm', { previewId: p2.previewId });

    expect(p1.orders).toBeGreaterThan(100);
    expect({ ...p2, previewId: '' }).toEqual({ ...p1, previewId: '' });
    expect(c2).toEqual(c1);
    const orders = (ws: Workspace) =>
      ws.read.prepare('SELECT order_no, status, currency, gross FROM orders ORDER BY order_no').all();
    expect(orders(viaUpload.ws)).toEqual(orders(viaBase64.ws));
    expect(fs.readdirSync(importsDir(viaUpload.ws.dataDir))).toEqual([]);
  });

  it('removes the upload when the preview is discarded or refused, and sweeps what a run left at open', async () => {
    const { ws, dispatch } = await open();
    const first = await receiveUpload(ws.dataDir, body(shopifyCsv()), null);
    const p = await ok<ImportPreview>(dispatch, 'imports.preview', { ...input, fileRef: first.fileRef });
    await ok(dispatch, 'imports.discard', { previewId: p.previewId });
    const refused = await receiveUpload(ws.dataDir, body(Buffer.from('\u0000\u0001binary')), null);
    expect((await errorOf(dispatch, 'imports.preview', { ...input, fileRef: refused.fileRef }))?.code).toBe(
      'import.file.binary',
    );
    expect(fs.readdirSync(importsDir(ws.dataDir))).toEqual([]);

    const left = await receiveUpload(ws.dataDir, body(shopifyCsv()), null);
    const dataDir = ws.dataDir;
    const earlier = new Date(Date.now() - process.uptime() * 1000 - 60_000); // made by an earlier run
    fs.utimesSync(path.join(importsDir(dataDir), left.fileRef), earlier, earlier);
    const fresh = await receiveUpload(ws.dataDir, body(shopifyCsv()), null); // this run's (the CLI copies first)
    opened.splice(opened.indexOf(ws), 1);
    ws.close();
    expect(fs.existsSync(path.join(importsDir(dataDir), left.fileRef))).toBe(true);
    const again = await openTestWorkspace(dataDir);
    opened.push(again.ws);
    expect(fs.existsSync(path.join(importsDir(dataDir), left.fileRef))).toBe(false);
    expect(fs.existsSync(path.join(importsDir(dataDir), fresh.fileRef))).toBe(true);
  });

  it('refuses an upload over the cap or cut short, leaving no partial file', async () => {
    const { ws } = await open();
    const bytes = shopifyCsv();
    await expect(receiveUpload(ws.dataDir, body(bytes), null, 1000)).rejects.toMatchObject({
      code: 'import.upload.tooLarge',
      params: { maxBytes: 1000 },
    });
    await expect(receiveUpload(ws.dataDir, body(bytes), bytes.length + 10)).rejects.toMatchObject({
      code: 'import.upload.failed',
    });
    expect(fs.readdirSync(importsDir(ws.dataDir))).toEqual([]);
  });
});
