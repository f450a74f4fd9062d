import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startWebHost, MAX_BODY_BYTES, type WebHost } from '../../src-main/hosts/web/web-host.ts';
import { openTestWorkspace, tempDir, VALID_PROFILE } from '../helpers/workspace.ts';
import type { Workspace } from '../../src-main/api/workspace.ts';

const TOKEN = 'test-token-0123456789abcdef';
let host: WebHost;
let ws: Workspace;
let staticDir: string;

/** Raw HTTP so the Host header and body can be anything (fetch would normalise them). */
function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method: opts.method ?? 'GET', path: opts.path,
      headers: { host: `127.0.0.1:${host.port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => { body += String(c); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
const api = (command: string, body: string, headers: Record<string, string> = {}) =>
  request({ method: 'POST', path: `/api/${command}`, body, headers: { 'content-type': 'application/json', 'x-kuajing-token': TOKEN, ...headers } });

beforeAll(async () => {
  const opened = await openTestWorkspace();
  ws = opened.ws;
  staticDir = tempDir('kuajing-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>跨境台账</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(staticDir), 'secret.txt'), 'secret');
  host = await startWebHost({ dispatch: opened.dispatch, events: ws.events, staticDir, token: TOKEN });
});
afterAll(async () => { await host.close(); ws.close(); });

describe('web host', () => {
  it('listens on 127.0.0.1 only and prints an address carrying the launch token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('answers 403 to API calls and pages without the token', async () => {
    const r = await request({ method: 'POST', path: '/api/company.get', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'request.forbidden', params: {} } });
    expect((await request({ path: '/' })).status).toBe(403);
    expect((await api('company.get', '{}', { 'x-kuajing-token': 'wrong' })).status).toBe(403);
  });

  it('trades the launch token for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    const first = await request({ path: `/?token=${TOKEN}` });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = first.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request({ path: '/', headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('跨境台账');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const r = await api('company.get', '{}', { host: 'evil.example:80' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.code).toBe('request.badHost');
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
    expect(ws.db.prepare('SELECT count(*) FROM command_log').pluck().get()).toBe(0);
  });

  it('answers an unknown command with 404 and bad input with 400 and field codes', async () => {
    expect((await api('nope.nothing', '{}')).status).toBe(404);
    const r = await api('company.save', JSON.stringify({ ...VALID_PROFILE, pilotZone: 'atlantis' }));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.fields).toEqual({ pilotZone: 'validation.notAllowed' });
  });

  it('sends no CORS headers, whatever Origin asks', async () => {
    const r = await api('company.get', '{}', { origin: 'https://evil.example' });
    expect(r.status).toBe(200);
    expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control'))).toEqual([]);
  });

  it('serves files from the renderer folder only: traversal attempts get 404', async () => {
    const auth = { 'x-kuajing-token': TOKEN };
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
      const req = http.get({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { 'x-kuajing-token': TOKEN } }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        let buf = '';
        res.on('data', (c) => {
          buf += String(c);
          const m = /data: (.*ledger\.changed.*)\n/.exec(buf);
          if (m) { resolve(m[1]!); req.destroy(); }
        });
      });
      req.on('error', (e) => { if (!String(e).includes('socket hang up')) reject(e); });
      setTimeout(async () => { await api('company.save', JSON.stringify(VALID_PROFILE)); }, 100);
    });
    expect(JSON.parse(await received)).toMatchObject({ name: 'ledger.changed', payload: { command: 'company.save' } });
  });
});
