import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startWebHost, MAX_BODY_BYTES, type WebHost } from '../../src-main/hosts/web/web-host.ts';
import { DomainError } from '../../src-main/core/domain-error.ts';
import { openTestWorkspace, tempDir, VALID_PROFILE } from '../helpers/workspace.ts';
import type { Workspace } from '../../src-main/api/workspace.ts';

const TOKEN = 'test-token-0123456789abcdef';
let host: WebHost;
let ws: Workspace;
let staticDir: string;

/** Raw HTTP so the Host header and body can be anything (fetch would normalise them). */
function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${host.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => {
          body += String(c);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
let session: string;
let sessionReply: { status: number; headers: http.IncomingHttpHeaders; body: string };
const origin = () => `http://127.0.0.1:${host.port}`;
const api = (command: string, body: string, headers: Record<string, string> = {}) =>
  request({
    method: 'POST',
    path: `/api/${command}`,
    body,
    headers: { 'content-type': 'application/json', origin: origin(), 'x-kuajing-session': session, ...headers },
  });
const openSession = (token: string, headers: Record<string, string> = {}) =>
  request({
    method: 'POST',
    path: '/api/session',
    body: JSON.stringify({ token }),
    headers: { 'content-type': 'application/json', origin: origin(), ...headers },
  });

beforeAll(async () => {
  const opened = await openTestWorkspace();
  ws = opened.ws;
  staticDir = tempDir('kuajing-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>跨境台账</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(staticDir), 'secret.txt'), 'secret');
  host = await startWebHost({ dispatch: opened.dispatch, events: ws.events, staticDir, token: TOKEN });
  sessionReply = await openSession(TOKEN);
  session = (JSON.parse(sessionReply.body) as { value: { session: string } }).value.session;
});
afterAll(async () => {
  await host.close();
  ws.close();
});

describe('web host', () => {
  it('listens on 127.0.0.1 only and prints an address carrying the launch token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('answers 403 to API calls and the event stream without a session', async () => {
    const r = await request({
      method: 'POST',
      path: '/api/company.get',
      body: '{}',
      headers: { 'content-type': 'application/json', origin: origin() },
    });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'request.forbidden', params: {} } });
    expect((await api('company.get', '{}', { 'x-kuajing-session': 'wrong' })).status).toBe(403);
    expect((await request({ path: '/api/events' })).status).toBe(403);
  });

  it('trades the launch token once for a session id and sets no cookie', async () => {
    expect(sessionReply.status).toBe(200);
    expect(sessionReply.headers['set-cookie']).toBeUndefined();
    expect(session).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(session).not.toContain(TOKEN);
    const again = await openSession(TOKEN);
    expect(again.status).toBe(403);
    expect(JSON.parse(again.body).error.code).toBe('request.launchTokenUsed');
    expect((await openSession('wrong-token')).status).toBe(403);
    expect(JSON.parse((await openSession('wrong-token')).body).error.code).toBe('request.forbidden');
    expect((await api('company.get', '{}')).status).toBe(200);
  });

  it('the launch token authenticates nothing after the trade: not as a header, not as ?token= on a GET', async () => {
    const asHeader = await api('company.get', '{}', { 'x-kuajing-session': TOKEN, 'x-kuajing-token': TOKEN });
    expect(asHeader.status).toBe(403);
    const events = await request({ path: `/api/events?token=${TOKEN}` });
    expect(events.status).toBe(403);
    const page = await request({ path: `/?token=${TOKEN}` });
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.status).toBe(200); // the page is public: it reads the token itself and trades it
    const cookieOnly = await request({
      method: 'POST',
      path: '/api/company.get',
      body: '{}',
      headers: { 'content-type': 'application/json', origin: origin(), cookie: `kj_token=${TOKEN}` },
    });
    expect(cookieOnly.status).toBe(403);
  });

  it('serves the renderer page with its CSP and no secret in it', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('跨境台账');
    expect(page.body).not.toContain(TOKEN);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it("refuses a POST whose Origin is not the app's own, or has none, even with a valid session", async () => {
    for (const bad of ['https://evil.example', `http://127.0.0.1:${host.port + 1}`, 'null']) {
      const r = await api('company.get', '{}', { origin: bad });
      expect(r.status, bad).toBe(403);
      expect(JSON.parse(r.body).error.code).toBe('request.badOrigin');
    }
    const none = await request({
      method: 'POST',
      path: '/api/company.get',
      body: '{}',
      headers: { 'content-type': 'application/json', 'x-kuajing-session': session },
    });
    expect(none.status).toBe(403);
    expect(JSON.parse(none.body).error.code).toBe('request.badOrigin');
    const localhost = await api('company.get', '{}', {
      origin: `http://localhost:${host.port}`,
      host: `localhost:${host.port}`,
    });
    expect(localhost.status).toBe(200);
  });

  it('refuses the session trade from a foreign Origin', async () => {
    const r = await openSession(TOKEN, { origin: 'http://127.0.0.1:1' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.code).toBe('request.badOrigin');
  });

  it('answers an undecodable command path (/api/%ZZ) with 400 request.invalid, not internal', async () => {
    const r = await request({
      method: 'POST',
      path: '/api/%ZZ',
      body: '{}',
      headers: { 'content-type': 'application/json', origin: origin(), 'x-kuajing-session': session },
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.code).toBe('request.invalid');
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const r = await api('company.get', '{}', { host: 'evil.example:80' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.code).toBe('request.badHost');
  });

  it('a port already in use is a coded error offering the next free port, not an uncaught EADDRINUSE', async () => {
    let error: unknown;
    try {
      const second = await startWebHost({
        dispatch: async () => ({ ok: true, value: null }),
        events: ws.events,
        staticDir,
        token: 'other',
        port: host.port,
      });
      await second.close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const { code, params } = error as DomainError;
    expect(code).toBe('host.portInUse');
    expect(params.port).toBe(host.port);
    expect(params.nextFreePort).toBeGreaterThan(host.port);
    const third = await startWebHost({
      dispatch: async () => ({ ok: true, value: null }),
      events: ws.events,
      staticDir,
      token: 'third',
      port: Number(params.nextFreePort),
    });
    expect(third.port).toBe(params.nextFreePort);
    await third.close();
  });

  it('answers malformed JSON with 400 request.badJson', async () => {
    const r = await api('company.get', '{"a":');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.code).toBe('request.badJson');
  });

  it('answers an oversized body with 413 and never runs the command', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) });
    const r = await api('company.save', big);
    expect(r.status).toBe(413);
    expect(ws.read.prepare('SELECT count(*) FROM command_log').pluck().get()).toBe(0);
  });

  it('answers an unknown command with 404 and bad input with 400 and field codes', async () => {
    expect((await api('nope.nothing', '{}')).status).toBe(404);
    const r = await api('company.save', JSON.stringify({ ...VALID_PROFILE, pilotZone: 'atlantis' }));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.fields).toEqual({ pilotZone: 'validation.notAllowed' });
  });

  it('sends no CORS headers, whatever Origin asks', async () => {
    const r = await api('company.get', '{}', { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control'))).toEqual([]);
  });

  it('serves files from the renderer folder only: traversal attempts get 404', async () => {
    const auth = {};
    expect((await request({ path: '/assets/app.js', headers: auth })).status).toBe(200);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const r = await request({ path: p, headers: auth });
      expect(r.body, p).not.toContain('secret');
    }
    expect((await request({ path: '/missing.js', headers: auth })).status).toBe(404);
    expect((await request({ path: '/orders', headers: auth })).body).toContain('跨境台账');
  });

  it('pushes ledger.changed to server-sent-event listeners after a save', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: host.port, path: '/api/events', headers: { 'x-kuajing-session': session } },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          let buf = '';
          res.on('data', (c) => {
            buf += String(c);
            const m = /data: (.*ledger\.changed.*)\n/.exec(buf);
            if (m) {
              resolve(m[1]!);
              req.destroy();
            }
          });
        },
      );
      req.on('error', (e) => {
        if (!String(e).includes('socket hang up')) reject(e);
      });
      setTimeout(async () => {
        await api('company.save', JSON.stringify(VALID_PROFILE));
      }, 100);
    });
    expect(JSON.parse(await received)).toMatchObject({ name: 'ledger.changed', payload: { command: 'company.save' } });
  });
});
