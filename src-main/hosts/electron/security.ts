/**
 * All Electron window security in one place (architecture rule 4): sandboxed, isolated
 * webPreferences, the CSP, denied popups / navigation / webviews / permissions, the `app://`
 * scheme with its path-traversal guard, and the IPC sender check. Imports only electron
 * *types*, so everything here runs (and is tested) in plain Node.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { App, BrowserWindow, Protocol, WebContents, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kuajing';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** No inline or eval'd script anywhere; inline styles are allowed because React sets style attributes. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    preload: preloadPath,
  };
}

/** True for URLs of our own renderer (scheme, host and the slash that ends the host). */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** The parts of an IPC sender frame (Electron's `WebFrameMain`) the check needs. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: object | null;
}

/**
 * An IPC message is trusted only from the main frame of a page served by `app://kuajing/`.
 * ipc-bridge additionally checks that the sender is one of the windows main.ts created.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || typeof frame.url !== 'string') return false;
  return frame.parent === null && isAppUrl(frame.url);
}

// ---------------------------------------------------------------------------------------------
// app:// scheme

/** Must run before `app` is ready. `corsEnabled` stays off: it would make app:// readable from any origin. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)(\..*)?$/i;
const MAX_URL_LENGTH = 4096;

/**
 * Maps an `app://kuajing/...` URL to a file under rootDir, or null when the URL is not ours or
 * could escape the folder. Works on the raw string (the WHATWG parser would silently collapse
 * `..`, hiding the attempt). Refuses: other hosts, userinfo or ports, `.`/`..`/dot-file segments
 * (also percent-encoded), encoded slashes, backslashes, NUL and control characters, drive letters
 * and Windows device names. `/` and extension-less paths (SPA routes) map to index.html.
 */
export function resolveAppPath(url: string, rootDir: string): string | null {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(url)) return null;
  const m = /^app:\/\/([^/?#]*)([^?#]*)/i.exec(url);
  if (!m || m[1]!.toLowerCase() !== APP_HOST) return null;
  const rawPath = m[2]!;
  if (rawPath !== '' && !rawPath.startsWith('/')) return null;

  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg.startsWith('.') || /[/\\:\u0000-\u001f\u007f]/.test(seg) || WINDOWS_DEVICE_NAME.test(seg)) return null;
    segments.push(seg);
  }
  const root = path.resolve(rootDir);
  const last = segments[segments.length - 1];
  const file = last === undefined || !last.includes('.') ? path.join(root, 'index.html') : path.join(root, ...segments);
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
}

/** The app:// request handler, separate from `protocol.handle` so it can be tested without Electron. */
export async function respondWithAppFile(request: Request, rootDir: string): Promise<Response> {
  const plain = securityHeaders('text/plain; charset=utf-8');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('method not allowed', { status: 405, headers: plain });
  }
  const file = resolveAppPath(request.url, rootDir);
  if (file === null) return new Response('forbidden', { status: 403, headers: plain });
  let body: Buffer;
  try {
    body = await fs.readFile(file);
  } catch {
    return new Response('not found', { status: 404, headers: plain });
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: securityHeaders(contentTypeFor(file)),
  });
}

/** Serves the built renderer (`dist-renderer/`) as app://kuajing/. Call after `app` is ready. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondWithAppFile(request, rootDir));
}

// ---------------------------------------------------------------------------------------------
// Windows and web contents

const hardened = new WeakSet<object>();

interface NavigationEvent {
  readonly url?: string;
  preventDefault(): void;
}

/** Electron passes the target in `event.url` (new) and as the deprecated second argument. */
function blockForeignNavigation(event: NavigationEvent, legacyUrl?: unknown): void {
  const url = typeof event.url === 'string' ? event.url : typeof legacyUrl === 'string' ? legacyUrl : '';
  if (!isAppUrl(url)) event.preventDefault();
}

/**
 * Popups denied (the renderer has no reason to open windows; external links are not a feature),
 * navigation and redirects only within app://kuajing/, no <webview>, every permission refused.
 * Idempotent per web contents.
 */
export function hardenWebContents(contents: WebContents): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', blockForeignNavigation);
  contents.on('will-frame-navigate', blockForeignNavigation);
  contents.on('will-redirect', blockForeignNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

export function hardenWindow(win: BrowserWindow): void {
  hardenWebContents(win.webContents);
}

/** Call before ready: forces the sandbox on every renderer and hardens any web contents created later. */
export function hardenApp(app: Pick<App, 'on' | 'enableSandbox'>): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
