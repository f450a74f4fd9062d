/**
 * The loopback web host: serves the built renderer and the command contract over HTTP, for
 * machines where Electron cannot start. Binds 127.0.0.1 only; every request needs the launch
 * token (from `?token=` once, which sets an HttpOnly SameSite=Strict cookie, or the
 * `X-Kuajing-Token` header); the Host header must name this loopback address (DNS rebinding);
 * no CORS headers are ever sent; bodies are size-limited. Business logic lives behind `dispatch`.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { contract, isCommandName, type ErrorInfo, type Result } from '../../api/contract.ts';
import type { Dispatch } from '../../api/dispatch.ts';
import type { EventBus } from '../../api/event-bus.ts';

export const TOKEN_COOKIE = 'kj_token';
export const TOKEN_HEADER = 'x-kuajing-token';
export const MAX_BODY_BYTES = 1024 * 1024;

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.map': 'application/json; charset=utf-8',
};

export interface WebHostOptions {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  /** Folder with the built renderer (index.html + assets). */
  readonly staticDir: string;
  readonly token: string;
  readonly port?: number;
}

export interface WebHost {
  readonly port: number;
  /** Address to open, with the launch token. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const staticRoot = path.resolve(opts.staticDir);
  const sseClients = new Set<http.ServerResponse>();
  let port = 0;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendResult(res, 500, { code: 'internal', params: {} });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    if (!hostAllowed(req.headers.host, port)) return sendResult(res, 403, { code: 'request.badHost', params: {} });
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    // Opening the printed address: trade the one-time query token for a cookie, then drop it from the URL.
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null && req.method === 'GET' && tokenMatches(queryToken, opts.token)) {
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${opts.token}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(303, { Location: url.pathname });
      return void res.end();
    }
    if (!tokenMatches(presentedToken(req), opts.token)) {
      return sendResult(res, 403, { code: 'request.forbidden', params: {} });
    }

    if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendResult(res, 405, { code: 'request.methodNotAllowed', params: {} });
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        return sendResult(res, 415, { code: 'request.notJson', params: {} });
      }
      const command = decodeURIComponent(url.pathname.slice('/api/'.length));
      const limit = bodyLimit(command);
      const body = await readBody(req, limit);
      if (body === 'tooLarge') {
        res.setHeader('Connection', 'close'); // the rest of the body is not read
        return sendResult(res, 413, { code: 'request.tooLarge', params: { limit } });
      }
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return sendResult(res, 400, { code: 'request.badJson', params: {} });
      }
      const result = await opts.dispatch(command, input);
      const status = result.ok ? 200
        : result.error.code === 'request.unknownCommand' ? 404
        : result.error.code === 'request.invalid' ? 400
        : result.error.code === 'internal' ? 500 : 200;
      return sendJson(res, status, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendResult(res, 405, { code: 'request.methodNotAllowed', params: {} });
    return serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    let rel: string;
    try { rel = decodeURIComponent(pathname); } catch { return sendResult(res, 400, { code: 'request.badPath', params: {} }); }
    if (rel.includes('\0')) return sendResult(res, 400, { code: 'request.badPath', params: {} });
    let file = path.resolve(staticRoot, '.' + path.posix.normalize('/' + rel));
    if (file !== staticRoot && !file.startsWith(staticRoot + path.sep)) {
      return sendResult(res, 404, { code: 'request.notFound', params: {} });
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      // Single-page app: unknown extension-less paths get index.html; missing assets are 404.
      if (path.extname(file) !== '') return sendResult(res, 404, { code: 'request.notFound', params: {} });
      file = path.join(staticRoot, 'index.html');
      if (!fs.existsSync(file)) return sendResult(res, 503, { code: 'host.rendererNotBuilt', params: {} });
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Frame-Options': 'DENY',
    });
    fs.createReadStream(file).pipe(res);
  }

  function openEventStream(res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    res.on('close', () => sseClients.delete(res));
  }

  const unsubscribe = opts.events.subscribe((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });
  const keepAlive = setInterval(() => { for (const c of sseClients) c.write(': ping\n\n'); }, 25_000);
  keepAlive.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${opts.token}`,
    close: () => new Promise<void>((resolve) => {
      unsubscribe();
      clearInterval(keepAlive);
      for (const c of sseClients) c.end();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function presentedToken(req: http.IncomingMessage): string {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === TOKEN_COOKIE) return v.join('=');
  }
  return '';
}

function tokenMatches(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Commands that carry files (imports) declare a larger limit in the contract. */
function bodyLimit(command: string): number {
  if (!isCommandName(command)) return MAX_BODY_BYTES;
  const spec = contract[command] as { maxBodyBytes?: number };
  return spec.maxBodyBytes ?? MAX_BODY_BYTES;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | 'tooLarge'> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return resolve('tooLarge');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolve('tooLarge');
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendResult(res: http.ServerResponse, status: number, error: ErrorInfo): void {
  const body: Result<never> = { ok: false, error };
  sendJson(res, status, body);
}
