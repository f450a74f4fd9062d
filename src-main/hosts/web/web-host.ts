/**
 * The loopback web host: serves the built renderer and the command contract over HTTP, for
 * machines where Electron cannot start. Binds 127.0.0.1 only; the Host header must name this
 * loopback address (DNS rebinding); no CORS headers are ever sent; bodies are size-limited.
 * Auth: the printed `?token=` launch token is traded once (`POST /api/session`) for a session id
 * that the page keeps in sessionStorage and sends as `X-Kuajing-Session`; the launch token is then
 * dead, and no cookie carries a secret (cookies are shared by every port of 127.0.0.1). Every POST
 * must carry this app's own `Origin`. Business logic lives behind `dispatch`.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { contract, isCommandName, type ErrorInfo, type Result } from '../../api/contract.ts';
import type { Dispatch } from '../../api/dispatch.ts';
import type { EventBus } from '../../areas/events.ts';
import type { Incident } from '../../api/workspace.ts';
import { DomainError } from '../../core/domain-error.ts';

// Not `import http from 'node:http'`: that builds an ES module facade reading every export, and
// the lazy WebSocket getters of Node 22's http then load undici (~0.3 s of CPU at start-up).
const { createServer } = process.getBuiltinModule('node:http') as typeof http;

export const SESSION_HEADER = 'x-kuajing-session';
/** Where the page trades the launch token for a session id (not a contract command: no dot). */
export const SESSION_PATH = '/api/session';
/**
 * Where the page streams an import file (the body is the file itself, any type; not a contract
 * command: no dot): `upload` writes it to the workspace's tmp/imports as it arrives and answers
 * `{ fileRef }` for `imports.preview` (issue 16, point 1: the file is never held in memory).
 */
export const UPLOAD_PATH = '/api/upload';
export const MAX_BODY_BYTES = 1024 * 1024;

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

export interface WebHostOptions {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  /** Folder with the built renderer (index.html + assets). */
  readonly staticDir: string;
  /** The launch token printed in the address; good for one session exchange. */
  readonly token: string;
  readonly port?: number;
  /** Where a host-level bug (not a command's) is logged under its incident id. */
  readonly logIncident?: (incident: Incident) => void;
  /** Receives an upload's body (`length`: its Content-Length, if sent); a DomainError is answered as its code. */
  readonly upload?: (body: AsyncIterable<Uint8Array>, length: number | null) => Promise<unknown>;
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
  let launchTokenUsed = false;
  const sessions = new Set<string>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      const incidentId = randomUUID();
      const err = e instanceof Error ? e : new Error(String(e));
      opts.logIncident?.({
        incidentId,
        command: `http ${req.method ?? ''} ${req.url ?? ''}`,
        message: err.message,
        stack: err.stack,
      });
      if (!res.headersSent) sendResult(res, 500, { code: 'internal', params: { incidentId }, incidentId });
      else res.end();
    });
  });

  /** Trades the launch token (once) for a session id; a second trade, even with the right token, is refused. */
  function openSession(body: unknown): Result<{ session: string }> | 'forbidden' | 'used' {
    const token = typeof body === 'object' && body !== null ? (body as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || !tokenMatches(token, opts.token)) return 'forbidden';
    if (launchTokenUsed) return 'used';
    launchTokenUsed = true;
    const session = randomBytes(32).toString('base64url');
    sessions.add(session);
    return { ok: true, value: { session } };
  }

  function sessionValid(req: http.IncomingMessage): boolean {
    const presented = req.headers[SESSION_HEADER];
    if (typeof presented !== 'string' || presented.length === 0) return false;
    let found = false;
    for (const s of sessions) if (tokenMatches(presented, s)) found = true;
    return found;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    if (!hostAllowed(req.headers.host, port)) return sendResult(res, 403, { code: 'request.badHost', params: {} });
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method === 'POST' && !originAllowed(req.headers.origin, port)) {
        if (url.pathname !== SESSION_PATH && !sessionValid(req))
          return sendResult(res, 403, { code: 'request.forbidden', params: {} });
        return sendResult(res, 403, { code: 'request.badOrigin', params: {} });
      }
      if (url.pathname === SESSION_PATH) {
        if (req.method !== 'POST') return sendResult(res, 405, { code: 'request.methodNotAllowed', params: {} });
        const body = await readBody(req, 4096);
        let input: unknown = null;
        try {
          input = body === 'tooLarge' ? null : JSON.parse(body);
        } catch {
          input = null;
        }
        const opened = openSession(input);
        if (opened === 'forbidden') return sendResult(res, 403, { code: 'request.forbidden', params: {} });
        if (opened === 'used') return sendResult(res, 403, { code: 'request.launchTokenUsed', params: {} });
        return sendJson(res, 200, opened);
      }
      if (!sessionValid(req)) return sendResult(res, 403, { code: 'request.forbidden', params: {} });
      if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res);
      if (url.pathname === UPLOAD_PATH) return receiveUpload(req, res);
      if (req.method !== 'POST') return sendResult(res, 405, { code: 'request.methodNotAllowed', params: {} });
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        return sendResult(res, 415, { code: 'request.notJson', params: {} });
      }
      let command: string;
      try {
        command = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        return sendResult(res, 400, { code: 'request.invalid', params: {} });
      }
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
      const status = result.ok
        ? 200
        : result.error.code === 'request.unknownCommand'
          ? 404
          : result.error.code === 'request.invalid'
            ? 400
            : result.error.code === 'internal'
              ? 500
              : 200;
      return sendJson(res, status, result);
    }
    // The renderer's files are public (no secret in them); a `?token=` here authenticates nothing:
    // the page reads it from its own address and trades it for a session.
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendResult(res, 405, { code: 'request.methodNotAllowed', params: {} });
    return serveStatic(url.pathname, res);
  }

  async function receiveUpload(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendResult(res, 405, { code: 'request.methodNotAllowed', params: {} });
    if (!opts.upload) return sendResult(res, 404, { code: 'request.unknownCommand', params: {} });
    const declared = req.headers['content-length'];
    const length = declared === undefined || !/^\d+$/.test(declared) ? null : Number(declared);
    try {
      return sendJson(res, 200, { ok: true, value: await opts.upload(req, length) });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (!req.complete) res.setHeader('Connection', 'close'); // the rest of the body is not read
      return sendResult(res, e.code === 'import.upload.tooLarge' ? 413 : 200, { code: e.code, params: e.params });
    }
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return sendResult(res, 400, { code: 'request.badPath', params: {} });
    }
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
  const keepAlive = setInterval(() => {
    for (const c of sseClients) c.write(': ping\n\n');
  }, 25_000);
  keepAlive.unref();

  try {
    await listen(server, opts.port ?? 0);
  } catch (e) {
    unsubscribe();
    clearInterval(keepAlive);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      const requested = opts.port ?? 0;
      throw new DomainError('host.portInUse', { port: requested, nextFreePort: await nextFreePort(requested + 1) });
    }
    if (code === 'EACCES') throw new DomainError('host.portNotAllowed', { port: opts.port ?? 0 });
    throw e;
  }
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${opts.token}`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        clearInterval(keepAlive);
        for (const c of sseClients) c.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The first port from `from` on that 127.0.0.1 can listen on (offered when the asked one is taken); 0 if none below 65536. */
export async function nextFreePort(from: number): Promise<number> {
  for (let port = Math.max(1024, from); port <= 65535 && port < from + 200; port++) {
    const probe = createServer();
    try {
      await listen(probe, port);
      await new Promise<void>((r) => probe.close(() => r()));
      return port;
    } catch {
      // taken: try the next one
    }
  }
  return 0;
}

function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A POST must come from this app's own page: a browser always sends Origin on POST. */
function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
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
