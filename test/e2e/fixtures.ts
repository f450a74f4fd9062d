/**
 * E2E fixture: a real `kuajing serve` child process on a temp data folder, as a user would
 * start it. `server.restart()` stops and starts it on the same folder (a new launch token).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { test as base, expect, type Page } from '@playwright/test';

const CLI = path.resolve(import.meta.dirname, '../../src-main/cli/main.ts');
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
fs.mkdirSync(SCREENSHOTS, { recursive: true });

export interface ServerHandle {
  readonly dataDir: string;
  url: string;
  origin: string;
  /** Stops the server, runs `between` on the stopped folder (if given), starts it again. */
  restart(between?: (dataDir: string) => Promise<void>): Promise<void>;
}

async function startServe(dataDir: string): Promise<{ child: ChildProcess; url: string; port: number }> {
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', CLI, 'serve', '--data-dir', dataDir, '--json'],
    // the sources under test, never the prebuilt host bundle (src-main/cli/host-bundle.ts)
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KUAJING_FROM_SOURCE: '1' } },
  );
  let stderr = '';
  child.stderr!.on('data', (c) => {
    stderr += String(c);
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (c) => {
      buf += String(c);
      if (buf.includes('\n')) resolve(buf.split('\n')[0]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const { url, port } = JSON.parse(line) as { url: string; port: number };
  return { child, url, port };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export const test = base.extend<{ server: ServerHandle }>({
  server: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-e2e-'));
    let current = await startServe(dataDir);
    const handle: ServerHandle = {
      dataDir,
      url: current.url,
      origin: `http://127.0.0.1:${current.port}`,
      async restart(between) {
        await stop(current.child);
        await between?.(dataDir);
        current = await startServe(dataDir);
        handle.url = current.url;
        handle.origin = `http://127.0.0.1:${current.port}`;
      },
    };
    await use(handle);
    await stop(current.child);
  },
});

export { expect };

export const VALID = { name: '株洲示例跨境贸易有限公司', uscc: '91350100M000100Y43', customsCode: '3301960ABC' };

/**
 * A command sent from inside the page as the app sends it: with the session id the page traded
 * the launch token for (sessionStorage), so tests exercise the real login flow.
 */
export async function apiFromPage(
  page: Page,
  command: string,
  body: string,
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ([c, b]) => {
      const r = await fetch(`/api/${c}`, {
        method: 'POST',
        body: b,
        headers: {
          'content-type': 'application/json',
          'x-kuajing-session': sessionStorage.getItem('kuajing.session') ?? '',
        },
      });
      return { status: r.status, body: await r.json() };
    },
    [command, body] as const,
  );
}

/** The first run as a user does it: open the app, fill the company profile, save, see the shell. */
export async function completeFirstRun(
  page: Page,
  server: ServerHandle,
  extra: { dxpId?: string } = {},
): Promise<void> {
  await page.goto(server.url);
  await page.getByTestId('field-name').fill(VALID.name);
  await page.getByTestId('field-uscc').fill(VALID.uscc);
  await page.getByTestId('field-customsCode').fill(VALID.customsCode);
  if (extra.dxpId) await page.getByTestId('field-dxpId').fill(extra.dxpId);
  await page.getByTestId('field-pilotZone').selectOption('zhuzhou');
  await page.getByTestId('company-save').click();
  await expect(page.getByTestId('app-shell')).toBeVisible();
}

/** On the Stock page's SKU tab: a new SKU, a ceramic mug with its customs data (HS 6912001000, unit 007, 420 g). */
export async function createMugSku(page: Page, itemNo: string): Promise<void> {
  await page.getByTestId('sku-new').click();
  await page.getByTestId('sku-form-itemNo').fill(itemNo);
  await page.getByTestId('sku-form-goodsName').fill('陶瓷马克杯');
  await page.getByTestId('sku-form-gmodel').fill('无品牌|350ml|陶瓷');
  await page.getByTestId('sku-form-hsCode').fill('6912001000');
  await page.getByTestId('sku-form-unit').selectOption('007');
  await page.getByTestId('sku-form-legalUnit').selectOption('007');
  await page.getByTestId('sku-form-weightGrams').fill('420');
  await page.getByTestId('sku-form-save').click();
  await expect(page.getByTestId(`sku-${itemNo}`)).toBeVisible();
}
