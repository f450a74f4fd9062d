/**
 * One click between the company workspace and a sandbox (issue 18 point 1), as the web host and
 * Electron run it (api/workspace-switch.ts): the company workspace stays open, the sandbox is shown
 * instead, commands and events follow the workspace shown, and an import in the sandbox leaves the
 * company's data as it was (counts and business digest).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src-main/api/workspace.ts';
import { createWorkspaceSwitcher, type WorkspaceSwitcher } from '../../src-main/api/workspace-switch.ts';
import { businessDigest } from '../../src-main/areas/training/index.ts';
import type { AppEvent } from '../../src-main/areas/events.ts';
import { errorOf, ok } from '../helpers/dispatch.ts';
import { tempDir } from '../unit/sync/sync-test-kit.ts';

let company: Workspace | null = null;
let switcher: WorkspaceSwitcher | null = null;
afterEach(() => {
  switcher?.close();
  company?.close();
  switcher = null;
  company = null;
});

const PROFILE = {
  name: '株洲示例跨境贸易有限公司',
  uscc: '91350100M000100Y43',
  customsCode: '3301960ABC',
  pilotZone: 'zhuzhou',
  baseCurrency: 'CNY',
};

async function importFile(dispatch: WorkspaceSwitcher['dispatch'], file: string): Promise<void> {
  const preview = await ok<{ previewId: string }>(dispatch, 'imports.preview', {
    fileName: path.basename(file),
    contentBase64: fs.readFileSync(file).toString('base64'),
    source: 'auto',
  });
  await ok(dispatch, 'imports.confirm', { previewId: preview.previewId, acceptValidRows: true });
}

const counts = (ws: Workspace) => ({
  orders: ws.read.prepare('SELECT count(*) FROM orders').pluck().get(),
  imports: ws.read.prepare('SELECT count(*) FROM imports').pluck().get(),
  digest: businessDigest(ws.read),
});

describe('switching between the company workspace and a sandbox', () => {
  it('shows the sandbox, runs its commands there, and leaves the company data untouched', async () => {
    const dir = tempDir('kuajing-switch-');
    company = await openWorkspace({ dataDir: dir, host: 'test' });
    switcher = createWorkspaceSwitcher(company, { host: 'test' });
    const { dispatch } = switcher;
    await ok(dispatch, 'company.save', PROFILE);
    const seen: AppEvent[] = [];
    switcher.events.subscribe((e) => seen.push(e));

    await ok(dispatch, 'training.sandboxes.create', { name: 'trainee-1', scenario: 'parcel-9610' });
    const before = counts(company);
    expect(before.orders).toBe(0);
    expect(await ok(dispatch, 'training.sandbox.get', {})).toBeNull();

    const shown = await ok<{ workspace: string; dataDir: string }>(dispatch, 'training.workspace.switch', {
      to: 'sandbox',
      name: 'trainee-1',
    });
    expect(shown).toEqual({
      workspace: 'sandbox',
      name: 'trainee-1',
      dataDir: path.join(dir, 'sandboxes', 'trainee-1'),
    });
    expect(switcher.shown().dataDir).toBe(shown.dataDir);
    expect(await ok(dispatch, 'training.sandbox.get', {})).toMatchObject({
      name: 'trainee-1',
      scenario: 'parcel-9610',
    });
    expect(await ok(dispatch, 'company.get', {})).toBeNull(); // the sandbox's own (empty) profile, not the company's

    // the trainee imports the scenario's file in the sandbox
    seen.length = 0;
    await importFile(dispatch, path.join(shown.dataDir, 'files', 'amazon-all-orders-jp.tsv'));
    expect(seen.some((e) => e.name === 'ledger.changed' && e.payload.command === 'imports.confirm')).toBe(true);
    const inSandbox = await ok<{ items: unknown[] }>(dispatch, 'orders.list', { limit: 500 });
    expect(inSandbox.items.length).toBeGreaterThan(30);
    // a commit in the company workspace while the sandbox is shown does not reach the screens
    seen.length = 0;
    company.uow.run('company.save', () => undefined);
    expect(seen).toEqual([]);

    await ok(dispatch, 'training.workspace.switch', { to: 'company' });
    expect(switcher.shown()).toBe(company);
    expect(await ok(dispatch, 'company.get', {})).toMatchObject({ name: PROFILE.name });
    expect(counts(company)).toEqual(before);
    expect(await ok<{ items: unknown[] }>(dispatch, 'orders.list', { limit: 500 })).toMatchObject({ items: [] });

    // the sandbox was closed when left: it can be reset from the company and shown again
    await ok(dispatch, 'training.sandboxes.reset', { name: 'trainee-1' });
    await ok(dispatch, 'training.workspace.switch', { to: 'sandbox', name: 'trainee-1' });
    const again = await ok<{ items: unknown[] }>(dispatch, 'orders.list', { limit: 500 });
    expect(again.items.length).toBeLessThan(inSandbox.items.length); // the trainee's import is gone after the reset
    await ok(dispatch, 'training.workspace.switch', { to: 'company' });
    expect(counts(company)).toEqual(before);
  });

  it('refuses a folder that holds no sandbox, and a switch outside a host', async () => {
    const dir = tempDir('kuajing-switch-');
    company = await openWorkspace({ dataDir: dir, host: 'test' });
    switcher = createWorkspaceSwitcher(company, { host: 'test' });
    expect(
      await errorOf(switcher.dispatch, 'training.workspace.switch', { to: 'sandbox', name: 'nope' }),
    ).toMatchObject({
      code: 'training.notASandbox',
    });
    expect(fs.existsSync(path.join(dir, 'sandboxes', 'nope'))).toBe(false); // nothing created
    expect(
      await errorOf(switcher.dispatch, 'training.workspace.switch', { to: 'sandbox', name: '../x' }),
    ).toMatchObject({
      code: 'training.sandboxName',
    });
    expect(switcher.shown()).toBe(company);
    // the CLI's dispatch has no host to switch
    const { createDispatch } = await import('../../src-main/api/dispatch.ts');
    const { createHandlers } = await import('../../src-main/api/handlers.ts');
    const cli = createDispatch(createHandlers(company), () => undefined);
    expect(await errorOf(cli, 'training.workspace.switch', { to: 'company' })).toMatchObject({
      code: 'training.switchUnavailable',
    });
  });
});
