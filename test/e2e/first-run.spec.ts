/**
 * A new user's first minutes, in real Chromium against a real `kuajing serve`: the first-run
 * company form in Chinese, translated field errors with nothing saved, the shell after saving,
 * language switch to English and 繁體中文, and a restart that keeps the profile and language.
 */
import path from 'node:path';
import { test, expect, VALID, SCREENSHOTS, apiFromPage } from './fixtures.ts';

test('the first run asks for the company profile in Chinese, rejects a bad credit code and saves a good one', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await expect(page).toHaveURL(`${server.origin}/`); // the token left the address bar
  await expect(page.getByTestId('company-form')).toBeVisible();
  await expect(page.getByText('欢迎使用跨境台账')).toBeVisible();
  await expect(page.getByText('统一社会信用代码').first()).toBeVisible();

  await page.getByTestId('field-name').fill(VALID.name);
  await page.getByTestId('field-customsCode').fill(VALID.customsCode);
  await page.getByTestId('field-pilotZone').selectOption('zhuzhou');

  // 17 characters: refused with a translated message
  await page.getByTestId('field-uscc').fill(VALID.uscc.slice(0, 17));
  await page.getByTestId('company-save').click();
  await expect(page.getByTestId('field-error-uscc')).toContainText('18');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'first-run-error.png'), fullPage: true });

  // 18 characters but a wrong check digit: the server refuses, the form shows why
  await page.getByTestId('field-uscc').fill(VALID.uscc.slice(0, 17) + '4');
  await page.getByTestId('company-save').click();
  await expect(page.getByTestId('field-error-uscc')).toContainText('校验位');
  const stored = await apiFromPage(page, 'company.get', '{}');
  expect(stored.body).toEqual({ ok: true, value: null });

  await page.getByTestId('field-uscc').fill(VALID.uscc);
  await page.getByTestId('company-save').click();
  await expect(page.getByTestId('app-shell')).toBeVisible();
  for (const f of [
    'dashboard',
    'orders',
    'stock',
    'settlement',
    'customs',
    'sync',
    'reports',
    'training',
    'settings',
  ]) {
    await expect(page.getByTestId(`nav-${f}`)).toBeVisible();
  }
  await expect(page.getByTestId('page-dashboard')).toBeVisible(); // the first screen after setup
  await expect(page.getByTestId('company-name')).toContainText(VALID.name);
  await expect(page.getByTestId('nav-orders')).toContainText('订单');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'shell-zh-CN.png'), fullPage: true });
});

test('switching language to English and 繁體中文 works and survives a restart, and the profile is kept', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await page.getByTestId('field-name').fill(VALID.name);
  await page.getByTestId('field-uscc').fill(VALID.uscc);
  await page.getByTestId('field-customsCode').fill(VALID.customsCode);
  await page.getByTestId('field-pilotZone').selectOption('honghe');
  await page.getByTestId('company-save').click();
  await expect(page.getByTestId('app-shell')).toBeVisible();

  await page.getByTestId('lang-switch').selectOption('en');
  await expect(page.getByTestId('nav-orders')).toContainText('Orders');
  await expect(page.getByTestId('nav-settlement')).toContainText('Settlement');
  await page.getByTestId('nav-sync').click();
  await expect(page.getByTestId('page-sync')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'shell-en-sync.png'), fullPage: true });

  await page.getByTestId('lang-switch').selectOption('zh-TW');
  await expect(page.getByTestId('nav-orders')).toContainText('訂單');
  await expect(page.getByTestId('nav-settings')).toContainText('設定');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'shell-zh-TW.png'), fullPage: true });

  await server.restart();
  await page.goto(server.url);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('company-name')).toContainText(VALID.name);
  await expect(page.getByTestId('nav-orders')).toContainText('訂單');
});

test('the web API refuses calls without the launch token and answers malformed JSON with a coded 400', async ({
  page,
  server,
  playwright,
}) => {
  const anonymous = await playwright.request.newContext();
  const denied = await anonymous.post(`${server.origin}/api/company.get`, { data: {} });
  expect(denied.status()).toBe(403);
  expect((await denied.json()).error.code).toBe('request.forbidden');
  await anonymous.dispose();

  await page.goto(server.url);
  await expect(page.getByTestId('company-form')).toBeVisible();
  const bad = await apiFromPage(page, 'company.get', '{oops');
  expect(bad).toEqual({ status: 400, body: { ok: false, error: { code: 'request.badJson', params: {} } } });

  // the launch token is dead once traded: a second trade from anywhere is refused, and a reload keeps the session
  const reuse = await page.evaluate(async (url) => {
    const token = new URL(url).searchParams.get('token');
    const r = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    return (await r.json()) as unknown;
  }, server.url);
  expect(reuse).toMatchObject({ ok: false, error: { code: 'request.launchTokenUsed' } });
  expect(await page.context().cookies()).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('company-form')).toBeVisible();
  expect((await apiFromPage(page, 'company.get', '{}')).status).toBe(200);
});
