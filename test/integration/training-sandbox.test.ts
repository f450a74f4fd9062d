/**
 * Training sandboxes (issue 18 points 1, 3, 5): a company workspace refuses the practice platform and
 * the practice signer; `kuajing training new` refuses a company folder; a sandbox syncs only to the
 * loopback practice platform answering its own handshake; lesson 2's checks fail before each step and
 * pass after it; a reset restores the scenario (same business digest) and keeps the progress record.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src-main/api/dispatch.ts';
import { createHandlers } from '../../src-main/api/handlers.ts';
import { openWorkspace, type Workspace } from '../../src-main/api/workspace.ts';
import { runCli } from '../../src-main/cli/run-cli.ts';
import { startPlatformServer, type PlatformServer } from '../../src-main/practice-platform/server.ts';
import { businessDigest } from '../../src-main/areas/training/index.ts';
import { tempDir } from '../unit/sync/sync-test-kit.ts';

const CLI = path.resolve(import.meta.dirname, '../../src-main/cli/main.ts');
const open: Workspace[] = [];
const servers: PlatformServer[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) w.close();
  for (const s of servers.splice(0)) await s.close();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (t) => {
      out += t + '\n';
    },
    err: (t) => {
      err += t + '\n';
    },
    untilStopped: () => new Promise(() => undefined),
  });
  return { code, out, err };
}

async function workspace(dataDir: string) {
  const ws = await openWorkspace({ dataDir, host: 'cli' });
  open.push(ws);
  const dispatch = createDispatch(createHandlers(ws), () => undefined);
  return { ws, call: (name: string, input: unknown = {}) => dispatch(name, input) };
}

function close(ws: Workspace) {
  ws.close();
  open.splice(open.indexOf(ws), 1);
}

async function checks(dataDir: string): Promise<Record<string, boolean>> {
  const r = await cli('training', 'check', '--data-dir', dataDir, '--json');
  expect(r.code).toBe(0);
  const steps = JSON.parse(r.out).steps as Array<{ lesson: number; step: string; done: boolean }>;
  return Object.fromEntries(steps.map((s) => [`${s.lesson}.${s.step}`, s.done]));
}

describe('company workspace and the practice platform', () => {
  it('refuses the in-app practice platform, the practice signer and a platform started for a sandbox', async () => {
    const dir = tempDir('kuajing-company-');
    const { call } = await workspace(dir);
    expect(await call('training.practice.start')).toMatchObject({ ok: false, error: { code: 'training.notSandbox' } });
    const standalone = await startPlatformServer({ port: 0 });
    const forSandbox = await startPlatformServer({ port: 0, sandboxId: 'abc' });
    servers.push(standalone, forSandbox);
    expect(
      await call('sync.configure', { mode: 'platform', url: standalone.url, signer: { kind: 'sm2Practice' } }),
    ).toMatchObject({ ok: false, error: { code: 'training.notSandbox' } });
    expect(await call('sync.configure', { mode: 'platform', url: forSandbox.url })).toMatchObject({
      ok: false,
      error: { code: 'training.notSandbox' },
    });
    expect(await call('sync.getConfig')).toMatchObject({ ok: true, value: { mode: 'off' } });
    // a stand-alone platform without a sandbox (the tests' stand-in for a zone platform) stays allowed unsigned
    expect(await call('sync.configure', { mode: 'platform', url: standalone.url })).toMatchObject({ ok: true });
  });

  it('kuajing sync refuses the practice signer in a company workspace, and a sandbox anything but its platform', async () => {
    const dir = tempDir('kuajing-company-');
    close((await workspace(dir)).ws);
    const standalone = await startPlatformServer({ port: 0 });
    servers.push(standalone);
    const refused = await cli(
      'sync',
      '--data-dir',
      dir,
      '--platform',
      standalone.url,
      '--signer',
      'sm2-practice',
      '--json',
    );
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({ ok: false, error: { code: 'training.notSandbox' } });
    const sandboxDir = path.join(tempDir('kuajing-sandboxes-'), 'trainee-c');
    expect((await cli('training', 'new', '--scenario', 'mixed-erp', '--data-dir', sandboxDir)).code).toBe(0);
    const elsewhere = await cli('sync', '--data-dir', sandboxDir, '--exchange-dir', tempDir(), '--json');
    expect(JSON.parse(elsewhere.out)).toMatchObject({ ok: false, error: { code: 'training.sandboxTarget' } });
  });

  it("a whole training run in the company's sandboxes/ folder leaves the company workspace untouched", async () => {
    const company = tempDir('kuajing-company-');
    const { ws, call } = await workspace(company);
    expect(
      await call('company.save', {
        name: '正式公司',
        uscc: '91350100M000100Y43',
        customsCode: '3301960ABC',
        pilotZone: 'xiamen',
        baseCurrency: 'CNY',
      }),
    ).toMatchObject({ ok: true });
    const before = businessDigest(ws.read);
    close(ws);
    const sandboxDir = path.join(company, 'sandboxes', 'trainee-d');
    expect((await cli('training', 'new', '--scenario', 'parcel-9610', '--data-dir', sandboxDir)).code).toBe(0);
    expect(
      (
        await cli(
          'import',
          path.join(sandboxDir, 'files', 'amazon-all-orders-jp.tsv'),
          '--data-dir',
          sandboxDir,
          '--accept-valid-rows',
        )
      ).code,
    ).toBe(0);
    expect((await cli('training', 'reset', '--data-dir', sandboxDir)).code).toBe(0);
    const again = await workspace(company);
    expect(businessDigest(again.ws.read)).toBe(before);
    const listed = await again.call('training.sandboxes.list');
    expect(listed).toMatchObject({
      ok: true,
      value: [{ name: 'trainee-d', scenario: 'parcel-9610', resets: 1, current: false }],
    });
    expect(await again.call('training.sandbox.get')).toEqual({ ok: true, value: null });
    // in the company workspace no lesson step is ever done
    const lessons = (await again.call('training.lessons.check')) as {
      ok: true;
      value: Array<{ steps: Array<{ done: boolean; reason: string }> }>;
    };
    expect(
      lessons.value.flatMap((l) => l.steps).every((s) => !s.done && s.reason === 'training.check.notSandbox'),
    ).toBe(true);
  });

  it("the Training page's commands create and reset a sandbox under the company's sandboxes/ folder, never the open one", async () => {
    const company = tempDir('kuajing-company-');
    const { ws, call } = await workspace(company);
    const before = businessDigest(ws.read);
    expect(await call('training.sandboxes.create', { name: '../x', scenario: 'parcel-9610' })).toMatchObject({
      ok: false,
      error: { code: 'training.sandboxName' },
    });
    expect(await call('training.sandboxes.create', { name: 'tr-1', scenario: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'training.scenarioUnknown' },
    });
    const created = await call('training.sandboxes.create', { name: 'tr-1', scenario: 'overseas-9810' });
    expect(created).toMatchObject({
      ok: true,
      value: {
        name: 'tr-1',
        scenario: 'overseas-9810',
        dataDir: path.join(company, 'sandboxes', 'tr-1'),
        current: false,
      },
    });
    expect(await call('training.sandboxes.create', { name: 'tr-1', scenario: 'overseas-9810' })).toMatchObject({
      ok: false,
      error: { code: 'training.sandboxExists' },
    });
    const sandboxDir = path.join(company, 'sandboxes', 'tr-1');
    const digestOf = async () => {
      const o = await workspace(sandboxDir);
      const x = businessDigest(o.ws.read);
      close(o.ws);
      return x;
    };
    const loaded = await digestOf();
    expect(
      (
        await cli(
          'import',
          path.join(sandboxDir, 'files', 'amazon-all-orders-us.tsv'),
          '--data-dir',
          sandboxDir,
          '--accept-valid-rows',
        )
      ).code,
    ).toBe(0);
    expect(await digestOf()).not.toBe(loaded);
    expect(await call('training.sandboxes.reset', { name: 'tr-1' })).toMatchObject({
      ok: true,
      value: { name: 'tr-1', resets: 1 },
    });
    expect(await digestOf()).toBe(loaded);
    expect(businessDigest(ws.read)).toBe(before);
    // from inside the sandbox, it cannot reset itself (it holds the file)
    const inside = await workspace(sandboxDir);
    expect(await inside.call('training.sandboxes.reset', { name: 'tr-1' })).toMatchObject({
      ok: false,
      error: { code: 'training.sandboxOpen' },
    });
    expect(await inside.call('training.sandboxes.list')).toMatchObject({
      ok: true,
      value: [{ name: 'tr-1', current: true }],
    });
  });

  it('training new refuses a folder holding a company workspace and leaves it untouched', async () => {
    const dir = tempDir('kuajing-company-');
    const { ws } = await workspace(dir);
    const before = businessDigest(ws.read);
    close(ws);
    const r = await cli('training', 'new', '--scenario', 'parcel-9610', '--data-dir', dir, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 'training.companyFolder' } });
    const again = await workspace(dir);
    expect(businessDigest(again.ws.read)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'files'))).toBe(false);
  });
});

describe('training sandbox', () => {
  it('lists the three scenarios', async () => {
    const r = await cli('training', 'scenarios', '--json');
    expect(JSON.parse(r.out).scenarios.map((s: { name: string }) => s.name)).toEqual([
      'parcel-9610',
      'overseas-9810',
      'mixed-erp',
    ]);
  });

  it.each(['parcel-9610', 'overseas-9810', 'mixed-erp'])(
    'loads the scenario %s with every lesson step not done yet; another seed gives other data',
    async (name) => {
      const root = tempDir('kuajing-sandboxes-');
      const a = path.join(root, 'a');
      const b = path.join(root, 'b');
      expect((await cli('training', 'new', '--scenario', name, '--data-dir', a)).code).toBe(0);
      expect((await cli('training', 'new', '--scenario', name, '--data-dir', b, '--seed', '7')).code).toBe(0);
      expect(Object.values(await checks(a)).every((done) => !done)).toBe(true);
      expect(fs.readdirSync(path.join(a, 'files')).length).toBeGreaterThan(0);
      const digests = [];
      for (const d of [a, b]) {
        const { ws } = await workspace(d);
        digests.push(businessDigest(ws.read));
        close(ws);
      }
      expect(digests[0]).not.toBe(digests[1]);
    },
  );

  it('syncs only to the practice platform answering its own handshake; the in-app platform is its own', async () => {
    const dir = path.join(tempDir('kuajing-sandboxes-'), 'trainee-a');
    expect((await cli('training', 'new', '--scenario', 'parcel-9610', '--data-dir', dir)).code).toBe(0);
    expect((await cli('training', 'new', '--scenario', 'parcel-9610', '--data-dir', dir, '--json')).out).toContain(
      'training.sandboxExists',
    );
    const { call } = await workspace(dir);
    const other = await startPlatformServer({ port: 0, sandboxId: 'someone-else' });
    const standalone = await startPlatformServer({ port: 0 });
    servers.push(other, standalone);
    expect(await call('sync.configure', { mode: 'platform', url: other.url })).toMatchObject({
      ok: false,
      error: { code: 'training.sandboxTarget' },
    });
    expect(await call('sync.configure', { mode: 'platform', url: standalone.url })).toMatchObject({
      ok: false,
      error: { code: 'training.sandboxTarget' },
    });
    expect(await call('sync.configure', { mode: 'platform', url: 'https://swapp.singlewindow.cn/ceb' })).toMatchObject({
      ok: false,
      error: { code: 'training.sandboxTarget' },
    });
    expect(await call('sync.configure', { mode: 'exchangeDir', dir: tempDir() })).toMatchObject({
      ok: false,
      error: { code: 'training.sandboxTarget' },
    });
    const started = await call('training.practice.start');
    expect(started).toMatchObject({ ok: true, value: { running: true } });
    const url = (started as { value: { url: string } }).value.url;
    expect(await call('sync.getConfig')).toMatchObject({
      ok: true,
      value: { mode: 'platform', url, signer: { kind: 'sm2Practice' } },
    });
    expect(
      await call('sync.configure', { mode: 'platform', url, signer: { kind: 'http', url: 'http://127.0.0.1:9/sign' } }),
    ).toMatchObject({ ok: false, error: { code: 'training.sandboxSigner' } });
    await call('training.practice.stop');
  });

  it('kuajing practice-platform --sandbox ID answers that sandbox’s handshake, so the sandbox may sync to it', async () => {
    const dir = path.join(tempDir('kuajing-sandboxes-'), 'trainee-cli');
    const created = await cli('training', 'new', '--scenario', 'parcel-9610', '--data-dir', dir, '--json');
    const id = (JSON.parse(created.out) as { sandbox: { id: string } }).sandbox.id;
    const child = spawn(
      process.execPath,
      [
        '--disable-warning=ExperimentalWarning',
        CLI,
        'practice-platform',
        '--port',
        '0',
        '--sandbox',
        id,
        '--step-ms',
        '0',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((r) => child.on('exit', r));
    try {
      const first = await readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
      const { url } = JSON.parse(String(first.value)) as { url: string };
      expect(await (await fetch(new URL('/handshake', url))).json()).toEqual({
        platform: 'kuajing-practice',
        sandboxId: id,
      });
      const { call } = await workspace(dir);
      expect(await call('sync.configure', { mode: 'platform', url, signer: { kind: 'sm2Practice' } })).toMatchObject({
        ok: true,
      });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    expect((await cli('practice-platform', '--sandbox', '../x')).err).toContain('--sandbox');
  });

  it('ticks lesson 2 step by step, and a reset restores the scenario exactly while keeping the progress record', async () => {
    const root = tempDir('kuajing-sandboxes-');
    const dir = path.join(root, 'trainee-b');
    const fresh = path.join(root, 'fresh');
    expect((await cli('training', 'new', '--scenario', 'parcel-9610', '--data-dir', dir)).code).toBe(0);
    expect((await cli('training', 'new', '--scenario', 'parcel-9610', '--data-dir', fresh)).code).toBe(0);
    const digestOf = async (d: string) => {
      const { ws } = await workspace(d);
      const x = businessDigest(ws.read);
      close(ws);
      return x;
    };
    const scenarioDigest = await digestOf(dir);
    expect(await digestOf(fresh)).toBe(scenarioDigest);

    const file = path.join(dir, 'files', 'amazon-all-orders-jp.tsv');
    expect(await checks(dir)).toMatchObject({ '2.import': false, '2.fixRejected': false, '2.statuses': false });
    const imported = await cli('import', file, '--data-dir', dir, '--accept-valid-rows', '--json');
    expect(imported.code).toBe(0);
    expect(await checks(dir)).toMatchObject({ '2.import': true, '2.fixRejected': false, '2.statuses': false });
    expect(JSON.parse(imported.out).unknownStatuses).toEqual({ 'On Hold Review': 2 });
    expect(
      (
        await cli(
          'statuses',
          'map',
          '--data-dir',
          dir,
          '--word',
          'On Hold Review',
          '--as',
          'paid',
          '--shop',
          'Amazon.co.jp',
        )
      ).code,
    ).toBe(0);
    expect(await checks(dir)).toMatchObject({ '2.import': true, '2.fixRejected': false, '2.statuses': true });
    const fixed = path.join(root, 'fixed.tsv');
    fs.writeFileSync(fixed, fs.readFileSync(file, 'utf8').replaceAll('\ttwo\t', '\t1\t'));
    expect((await cli('import', fixed, '--data-dir', dir, '--accept-valid-rows', '--json')).code).toBe(0);
    const after = await checks(dir);
    expect(after).toMatchObject({ '2.import': true, '2.fixRejected': true, '2.statuses': true });
    expect(await digestOf(dir)).not.toBe(scenarioDigest);

    const progress = JSON.parse(fs.readFileSync(path.join(dir, 'progress.json'), 'utf8'));
    expect(progress.steps['2.import']).toMatchObject({ attempts: 1 });
    expect(progress.steps['2.fixRejected'].attempts).toBe(3); // checked three times before the fix
    expect((await cli('training', 'reset', '--data-dir', dir)).code).toBe(0);
    expect(await digestOf(dir)).toBe(scenarioDigest);
    const kept = JSON.parse(fs.readFileSync(path.join(dir, 'progress.json'), 'utf8'));
    expect(kept.steps['2.import'].doneAt).toBe(progress.steps['2.import'].doneAt);
    expect(kept.resets).toBe(1);

    for (const format of ['pdf', 'xlsx']) {
      const out = path.join(root, `report.${format}`);
      expect((await cli('training', 'report', '--data-dir', dir, '--format', format, '--out', out)).code).toBe(0);
      expect(fs.statSync(out).size).toBeGreaterThan(1000);
    }
  });
});
