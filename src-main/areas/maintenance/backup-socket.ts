/**
 * Online backup while the app has the workspace open (the file lock keeps every other process
 * out): the interactive host listens on a local socket only this user can open — a Unix socket in
 * a 0700 folder of its own, or a named pipe on Windows — and names it, with a random token, in the
 * workspace's instance file `kuajing-instance.json` (0600, removed on close). `kuajing backup`
 * reads it when the workspace is open elsewhere and asks the app for the copy: one JSON line each
 * way. The copy is the same verified, never-overwriting backup as the CLI's own.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError, isDomainError, type ErrorParams } from '../../core/domain-error.ts';
import { backupWorkspace } from './maintenance.ts';
import type { Workspace } from '../workspace.ts';

export const INSTANCE_FILE = 'kuajing-instance.json';
const MAX_REQUEST = 64 * 1024;

export interface InstanceInfo {
  readonly pid: number;
  readonly host: string;
  readonly socket: string;
  readonly token: string;
  readonly startedAt: string;
}

export interface OnlineBackupDone {
  readonly out: string;
  readonly pages: number;
  readonly bytes: number;
}

type Reply = { ok: true; value: OnlineBackupDone } | { ok: false; error: { code: string; params: ErrorParams } };

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Starts the socket and writes the instance file; both go away when the workspace closes. */
export async function startBackupSocket(ws: Workspace): Promise<InstanceInfo> {
  const token = randomBytes(32).toString('base64url');
  let socketPath: string;
  let socketDir: string | null = null;
  if (process.platform === 'win32') {
    socketPath = `\\\\.\\pipe\\kuajing-${randomBytes(12).toString('hex')}`;
  } else {
    socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuajing-sock-')); // 0700: only this user can reach the socket
    socketPath = path.join(socketDir, 'backup.sock');
  }
  const server = net.createServer((conn) => {
    let buf = '';
    conn.setEncoding('utf8');
    conn.on('data', (chunk: string) => {
      buf += chunk;
      if (buf.length > MAX_REQUEST) return void conn.destroy();
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      conn.removeAllListeners('data');
      void answer(buf.slice(0, nl)).then((reply) => conn.end(`${JSON.stringify(reply)}\n`));
    });
    conn.on('error', () => {
      /* the client went away */
    });
  });
  async function answer(line: string): Promise<Reply> {
    try {
      const req = JSON.parse(line) as { op?: unknown; token?: unknown; out?: unknown };
      if (typeof req.token !== 'string' || !same(req.token, token)) throw new DomainError('backup.socket.forbidden');
      if (req.op !== 'backup' || typeof req.out !== 'string' || !path.isAbsolute(req.out))
        throw new DomainError('backup.socket.badRequest');
      return { ok: true, value: await backupWorkspace(ws, req.out) };
    } catch (e) {
      if (isDomainError(e)) return { ok: false, error: { code: e.code, params: e.params } };
      return { ok: false, error: { code: 'backup.socket.badRequest', params: {} } };
    }
  }
  const infoFile = path.join(ws.dataDir, INSTANCE_FILE);
  let closed = false;
  const cleanup = (): void => {
    server.close();
    try {
      const current = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as InstanceInfo;
      if (current.token === token) fs.rmSync(infoFile, { force: true });
    } catch {
      /* already gone */
    }
    if (socketDir) fs.rmSync(socketDir, { recursive: true, force: true });
  };
  ws.onClose(() => {
    closed = true;
    cleanup();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  server.unref(); // never keeps the process alive on its own
  const info: InstanceInfo = {
    pid: process.pid,
    host: ws.host,
    socket: socketPath,
    token,
    startedAt: ws.clock().toISOString(),
  };
  if (closed) {
    cleanup(); // the workspace closed while the socket was starting
    return info;
  }
  if (socketDir) fs.chmodSync(socketPath, 0o600);
  fs.writeFileSync(infoFile, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  return info;
}

/**
 * Asks the app that has `dataDir` open for a backup to `out`. No instance file or no answer:
 * `db.alreadyOpen` (another program holds the file and offers no backup).
 */
export async function requestOnlineBackup(
  dataDir: string,
  out: string,
  timeoutMs = 120_000,
): Promise<OnlineBackupDone> {
  let info: InstanceInfo;
  try {
    info = JSON.parse(fs.readFileSync(path.join(dataDir, INSTANCE_FILE), 'utf8')) as InstanceInfo;
  } catch {
    throw new DomainError('db.alreadyOpen', { file: dataDir });
  }
  const reply = await new Promise<Reply>((resolve, reject) => {
    const conn = net.createConnection(info.socket);
    let buf = '';
    conn.setEncoding('utf8');
    conn.setTimeout(timeoutMs, () => conn.destroy(new Error('timeout')));
    conn.on('connect', () =>
      conn.write(`${JSON.stringify({ op: 'backup', token: info.token, out: path.resolve(out) })}\n`),
    );
    conn.on('data', (c: string) => {
      buf += c;
    });
    conn.on('end', () => {
      try {
        resolve(JSON.parse(buf) as Reply);
      } catch (e) {
        reject(e);
      }
    });
    conn.on('error', reject);
  }).catch(() => {
    throw new DomainError('db.alreadyOpen', { file: dataDir });
  });
  if (!reply.ok) throw new DomainError(reply.error.code, reply.error.params);
  return reply.value;
}
