import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  hardenApp,
  hardenWindow,
  isTrustedSender,
  registerAppScheme,
  resolveAppPath,
  respondWithAppFile,
  secureWebPreferences,
  serveAppProtocol,
} from '../../../../src-main/hosts/electron/security.ts';
import { createFakeElectron, FakeWebContents, navigationEvent } from './electron-fakes.ts';

// security.ts imports only electron types; the mock is a guard should that ever change.
vi.mock('electron', () => ({}));

const ROOT = path.resolve('/srv/kuajing/dist-renderer');

function inside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

type Win = Parameters<typeof hardenWindow>[0];
type AppArg = Parameters<typeof hardenApp>[0];

describe('resolveAppPath', () => {
  it.each([
    ['app://kuajing/', 'index.html'],
    ['app://kuajing', 'index.html'],
    ['app://kuajing/index.html', 'index.html'],
    ['app://kuajing/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://kuajing/assets/index.css?v=1#x', 'assets/index.css'],
    ['app://kuajing/fonts/Noto%20Sans.woff2', 'fonts/Noto Sans.woff2'],
    ['app://kuajing/orders/2024/SO-0001', 'index.html'],
    ['app://kuajing/settings?tab=company', 'index.html'],
    ['APP://KUAJING/index.html', 'index.html'],
  ])('maps %s to %s under the renderer folder', (url, rel) => {
    expect(resolveAppPath(url, ROOT)).toBe(path.join(ROOT, rel));
  });

  const attacks = [
    'app://kuajing/../etc/passwd',
    'app://kuajing/assets/../../secret.txt',
    'app://kuajing/%2e%2e/%2e%2e/etc/passwd',
    'app://kuajing/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://kuajing/%2E%2E%2Fsecret.txt',
    'app://kuajing/..%2fsecret.txt',
    'app://kuajing/..%5c..%5csecret.txt',
    'app://kuajing/..\\..\\secret.txt',
    'app://kuajing/assets%5c..%5c..%5csecret.txt',
    'app://kuajing/%2fetc%2fpasswd',
    'app://kuajing//etc/passwd.txt',
    'app://kuajing/C:/Windows/win.ini',
    'app://kuajing/C%3A%5CWindows%5Cwin.ini',
    'app://kuajing/index.html%00.js',
    'app://kuajing/index.html\u0000.js',
    'app://kuajing/%252e%252e/secret.txt',
    'app://kuajing/.env',
    'app://kuajing/CON.js',
    'app://evil.example/index.html',
    'app://kuajing.evil.example/index.html',
    'app://evil@kuajing/index.html',
    'app://kuajing:8080/index.html',
    'app:///etc/passwd',
    'app:/etc/passwd',
    'file:///etc/passwd',
    'https://kuajing/index.html',
    '/etc/passwd',
    'app://kuajing/%E0%A4%A.js',
  ];

  it.each(attacks)('keeps %s inside the renderer folder or refuses it', (url) => {
    const resolved = resolveAppPath(url, ROOT);
    if (resolved !== null) expect(inside(resolved, ROOT)).toBe(true);
  });

  it('refuses traversal, encoded traversal, backslashes, absolute paths, NUL and foreign hosts outright', () => {
    const refused = [
      'app://kuajing/../etc/passwd',
      'app://kuajing/%2e%2e%2fetc%2fpasswd',
      'app://kuajing/..%5csecret.txt',
      'app://kuajing/..\\secret.txt',
      'app://kuajing/%2fetc%2fpasswd',
      'app://kuajing/C:/Windows/win.ini',
      'app://kuajing/index.html%00.js',
      'app://kuajing/index.html\u0000.js',
      'app://evil.example/index.html',
      'app://evil@kuajing/index.html',
      'app:///etc/passwd',
      'file:///etc/passwd',
    ];
    for (const url of refused) expect(resolveAppPath(url, ROOT), url).toBeNull();
  });

  it('resolves relative to the real folder on disk, never above it', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-root-'));
    for (const url of attacks) {
      const resolved = resolveAppPath(url, root);
      if (resolved !== null) expect(inside(resolved, root)).toBe(true);
    }
  });
});

describe('app:// responses', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-renderer-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>跨境台账</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), 'secret');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('serves files with their content type and the CSP header', async () => {
    const res = await respondWithAppFile(new Request('app://kuajing/assets/app.js'), root);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('serves index.html for / and for SPA routes', async () => {
    for (const url of ['app://kuajing/', 'app://kuajing/orders/SO-1']) {
      const res = await respondWithAppFile(new Request(url), root);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('跨境台账');
    }
  });

  it('answers 403 to an escape attempt and 404 to a missing file, both with the CSP', async () => {
    const escape = await respondWithAppFile(
      { url: `app://kuajing/..%2f${path.basename(root)}-secret.txt`, method: 'GET' } as Request,
      root,
    );
    expect(escape.status).toBe(403);
    expect(await escape.text()).not.toContain('secret');
    const missing = await respondWithAppFile(new Request('app://kuajing/assets/missing.js'), root);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await respondWithAppFile(new Request('app://kuajing/index.html', { method: 'POST', body: 'x' }), root);
    expect(res.status).toBe(405);
  });

  it('is what serveAppProtocol registers for the app scheme', async () => {
    const electron = createFakeElectron();
    serveAppProtocol(electron.protocol as never, root);
    const handler = electron.protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const res = await handler!(new Request('app://kuajing/index.html'));
    expect(res.status).toBe(200);
  });

  it('knows the content types Vite emits', () => {
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('window settings', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    expect(secureWebPreferences('/app/dist-main/preload.cjs')).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist-main/preload.cjs',
    });
  });

  it('has a CSP that forbids inline and eval scripts, plugins, framing and foreign connections', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('registers app:// as a standard, secure scheme with fetch but without CORS reads', () => {
    const electron = createFakeElectron();
    registerAppScheme(electron.protocol as never);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(APP_ORIGIN).toBe('app://kuajing');
  });
});

describe('hardenWindow', () => {
  function hardened() {
    const electron = createFakeElectron();
    const win = new electron.BrowserWindow({});
    hardenWindow(win as unknown as Win);
    return win.webContents;
  }

  it('denies window.open', () => {
    const wc = hardened();
    expect(wc.windowOpenHandler).not.toBeNull();
    expect(wc.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'app://kuajing/index.html' })).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('blocks %s to https://evil.example', (name) => {
    const wc = hardened();
    expect(wc.listenerCount(name)).toBe(1);
    const evil = navigationEvent('https://evil.example/');
    wc.emit(name, evil, 'https://evil.example/');
    expect(evil.preventDefault).toHaveBeenCalled();
    const file = navigationEvent('file:///etc/passwd');
    wc.emit(name, file);
    expect(file.preventDefault).toHaveBeenCalled();
  });

  it('lets the app navigate inside app://kuajing/', () => {
    const wc = hardened();
    const own = navigationEvent('app://kuajing/index.html#/orders');
    wc.emit('will-navigate', own, own.url);
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('blocks navigation when the target is hidden only in the legacy argument', () => {
    const wc = hardened();
    const event = { preventDefault: vi.fn() };
    wc.emit('will-navigate', event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('refuses <webview> and every permission request', () => {
    const wc = hardened();
    const attach = { preventDefault: vi.fn() };
    wc.emit('will-attach-webview', attach, {}, { src: 'https://evil.example/' });
    expect(attach.preventDefault).toHaveBeenCalled();

    const requestHandler = wc.session.setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown,
      permission: string,
      cb: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      const cb = vi.fn();
      requestHandler(wc, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    const checkHandler = wc.session.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(checkHandler(wc, 'media', 'app://kuajing', {})).toBe(false);
  });

  it('hardens a web contents only once', () => {
    const electron = createFakeElectron();
    const win = new electron.BrowserWindow({});
    hardenWindow(win as unknown as Win);
    hardenWindow(win as unknown as Win);
    expect(win.webContents.listenerCount('will-navigate')).toBe(1);
  });

  it('hardenApp enables the sandbox everywhere and hardens every new web contents', () => {
    const electron = createFakeElectron();
    hardenApp(electron.app as unknown as AppArg);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    const wc = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, wc);
    expect(wc.windowOpenHandler!({ url: 'https://x' })).toEqual({ action: 'deny' });
    const evil = navigationEvent('https://evil.example/');
    wc.emit('will-navigate', evil, evil.url);
    expect(evil.preventDefault).toHaveBeenCalled();
  });
});

describe('isTrustedSender', () => {
  it('accepts the main frame of app://kuajing/index.html', () => {
    expect(isTrustedSender({ url: 'app://kuajing/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://kuajing/', parent: null })).toBe(true);
  });

  it.each([
    'https://x',
    'https://kuajing/',
    'file:///',
    'file:///srv/kuajing/dist-renderer/index.html',
    'app://kuajing.evil.example/index.html',
    'app://kuajing',
    'app://other/index.html',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('rejects %s', (url) => {
    expect(isTrustedSender({ url, parent: null })).toBe(false);
  });

  it('rejects subframes, missing frames and destroyed frames', () => {
    expect(isTrustedSender({ url: 'app://kuajing/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
