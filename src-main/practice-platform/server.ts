/**
 * The practice platform over HTTP (node:http, 127.0.0.1 only), the API documented in
 * src-main/sync/README.md: POST /api/v1/messages, POST /api/v1/tax/six-items,
 * GET /api/v1/receipts?since=&limit=, plus GET /api/v1/stats for tests and demos. Faults from
 * the seeded config are injected per request: latency, 500s and dropped connections (before the
 * work or after it — a lost answer), duplicated and shuffled receipt pages.
 */
import type http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Faults, NO_FAULTS, type FaultConfig } from './faults.ts';
import { PracticePlatform, type IncomingMessage, type PracticePlatformOptions } from './platform.ts';

// not an ES import of node:http: its facade loads undici at start-up (see hosts/web/web-host.ts)
const { createServer } = process.getBuiltinModule('node:http') as typeof http;

export interface PlatformServerOptions extends PracticePlatformOptions {
  readonly port?: number;
  readonly faults?: FaultConfig;
  readonly seed?: number;
  /** The training sandbox this platform was started for; `GET /handshake` answers it (null: a stand-alone platform). */
  readonly sandboxId?: string | null;
}

/** `GET /handshake`: who this platform is, so a sandbox syncs only to the platform started for it (areas/sync/target-guard.ts). */
export interface PlatformHandshake {
  readonly platform: 'kuajing-practice';
  readonly sandboxId: string | null;
}

export interface PlatformServer {
  readonly url: string;
  readonly port: number;
  readonly platform: PracticePlatform;
  close(): Promise<void>;
}

const MAX_BODY = 256 * 1024 * 1024;
const MAX_PAGE = 1000;

class HttpProblem extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new HttpProblem(413, 'body too large');
    chunks.push(c as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpProblem(400, 'body is not JSON');
  }
}

/** Cursor 'EPOCH.SEQ'; a cursor of another platform epoch (or none) starts from the beginning. */
export function cursorSeq(since: string | null, epoch: string): number {
  const m = /^([\w-]+)\.(\d+)$/.exec(since ?? '');
  return m && m[1] === epoch ? Number(m[2]) : 0;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function messagesOf(body: unknown): IncomingMessage[] {
  const list = (body as { messages?: unknown })?.messages;
  if (!Array.isArray(list)) throw new HttpProblem(400, 'expected { messages: [...] }');
  return list.map((m, i) => {
    if (typeof m?.key !== 'string' || typeof m.xml !== 'string' || typeof m.type !== 'string') {
      throw new HttpProblem(400, `messages[${i}]: key, type and xml are required`);
    }
    return { key: m.key, type: m.type, guid: String(m.guid ?? ''), xml: m.xml };
  });
}

export async function startPlatformServer(opts: PlatformServerOptions = {}): Promise<PlatformServer> {
  const platform = new PracticePlatform(opts);
  const faults = new Faults(opts.faults ?? NO_FAULTS, opts.seed ?? 1);
  const sockets = new Set<Socket>();

  async function route(req: http.IncomingMessage, url: URL): Promise<unknown> {
    if (req.method === 'POST' && url.pathname === '/api/v1/messages') {
      return { results: await platform.receiveMessages(messagesOf(await readJson(req))) };
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/tax/six-items') {
      const list = ((await readJson(req)) as { exports?: unknown })?.exports;
      if (!Array.isArray(list) || !list.every((e) => typeof e?.key === 'string'))
        throw new HttpProblem(400, 'expected { exports: [{ key, items }] }');
      return { results: platform.receiveSixItems(list as Array<{ key: string; items: unknown }>) };
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/receipts') {
      const limit = Math.min(MAX_PAGE, Number(url.searchParams.get('limit') ?? '500'));
      if (!Number.isInteger(limit) || limit < 1) throw new HttpProblem(400, 'bad limit');
      const page = platform.receipts(cursorSeq(url.searchParams.get('since'), platform.epoch), limit);
      return { receipts: faults.deliver(page.receipts), cursor: `${platform.epoch}.${page.cursor}`, more: page.more };
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/stats') return platform.stats();
    if (req.method === 'GET' && url.pathname === '/handshake')
      return { platform: 'kuajing-practice', sandboxId: opts.sandboxId ?? null } satisfies PlatformHandshake;
    throw new HttpProblem(404, `no route ${req.method} ${url.pathname}`);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const faulty = url.pathname !== '/api/v1/stats' && url.pathname !== '/handshake';
    void (async () => {
      const latency = faulty ? faults.latencyMs() : 0;
      if (latency > 0) await new Promise((r) => setTimeout(r, latency));
      const fault = faulty ? faults.pick() : 'none';
      if (fault === 'drop-before') return void req.socket.destroy();
      if (fault === 'error500-before') return send(res, 500, { error: 'injected fault (before)' });
      const body = await route(req, url);
      if (fault === 'drop-after') return void req.socket.destroy();
      if (fault === 'error500-after') return send(res, 500, { error: 'injected fault (after)' });
      send(res, 200, body);
    })().catch((e: unknown) => {
      if (res.headersSent || req.socket.destroyed) return;
      if (e instanceof HttpProblem) send(res, e.status, { error: e.message });
      else send(res, 500, { error: (e as Error).message });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    platform,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
