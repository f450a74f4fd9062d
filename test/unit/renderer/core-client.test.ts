/**
 * core-client over the web host (no bridge): the launch token taken from the address once and
 * traded for a session id kept in sessionStorage, POST /api/<command> with JSON and the session
 * header, Result bodies passed through for every status, transport failures turned into
 * `network.unreachable`, and events from one shared fetch stream on /api/events.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../../src-main/api/contract.ts';
import { call, subscribe, SESSION_STORAGE_KEY } from '../../../src-renderer/app/core-client.ts';
import { installFakeHost } from './fake-host.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('call over the web host', () => {
  it('posts the input as JSON to /api/<command> with same-origin credentials', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true, value: { language: 'en' } }));
    vi.stubGlobal('fetch', fetchMock);

    const result = await call('settings.setLanguage', { language: 'en' });

    expect(result).toEqual({ ok: true, value: { language: 'en' } });
    expect(fetchMock).toHaveBeenCalledWith('/api/settings.setLanguage', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"language":"en"}',
      credentials: 'same-origin',
    });
  });

  it('passes error Results through for 400, 403, 404 and 413', async () => {
    for (const [status, code] of [
      [400, 'request.invalid'],
      [403, 'request.forbidden'],
      [404, 'request.unknownCommand'],
      [413, 'request.tooLarge'],
    ] as const) {
      vi.stubGlobal(
        'fetch',
        vi.fn(async () => jsonResponse(status, { ok: false, error: { code, params: {} } })),
      );
      const result = await call('company.get', {});
      expect(result).toEqual({ ok: false, error: { code, params: {} } });
    }
  });

  it('turns a network failure into network.unreachable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(await call('company.get', {})).toEqual({ ok: false, error: { code: 'network.unreachable', params: {} } });
  });

  it('turns a reply that is not a Result into network.unreachable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>502</html>', { status: 502 })),
    );
    const result = await call('company.get', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('network.unreachable');
  });
});

describe('call over the Electron bridge', () => {
  it('uses window.kuajing when it exists and never fetches', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const host = installFakeHost({ settings: { language: 'zh-TW' } });
    try {
      expect(await call('settings.get', {})).toEqual({ ok: true, value: { language: 'zh-TW' } });
      expect(host.callsOf('settings.get')).toEqual([{}]);
      expect(fetchMock).not.toHaveBeenCalled();
    } finally {
      host.uninstall();
    }
  });

  it('turns a rejected bridge call into network.unreachable', async () => {
    const host = installFakeHost();
    host.overrides['company.get'] = () => Promise.reject(new Error('IPC closed'));
    try {
      expect(await call('company.get', {})).toEqual({ ok: false, error: { code: 'network.unreachable', params: {} } });
    } finally {
      host.uninstall();
    }
  });
});

describe('the session over the web host', () => {
  it('takes the launch token from the address once, drops it, trades it for a session id and sends that as a header', async () => {
    window.history.replaceState(null, '', '/orders?token=launch-123#list');
    const seen: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        seen.push({ url, init });
        if (url === '/api/session') return jsonResponse(200, { ok: true, value: { session: 'sess-1' } });
        return jsonResponse(200, { ok: true, value: null });
      }),
    );

    const [a, b] = await Promise.all([call('company.get', {}), call('settings.get', {})]);
    expect(a.ok && b.ok).toBe(true);
    expect(window.location.search).toBe('');
    expect(window.location.pathname + window.location.hash).toBe('/orders#list');
    const exchanges = seen.filter((s) => s.url === '/api/session');
    expect(exchanges).toHaveLength(1); // concurrent calls share one trade
    expect(JSON.parse(String(exchanges[0]!.init.body))).toEqual({ token: 'launch-123' });
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBe('sess-1');
    for (const s of seen.filter((x) => x.url !== '/api/session')) {
      expect(s.init.headers).toMatchObject({ 'X-Kuajing-Session': 'sess-1' });
    }
    expect(document.cookie).toBe('');
  });

  it('re-authenticates after a reload from sessionStorage without any launch token', async () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, 'sess-stored');
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true, value: null }));
    vi.stubGlobal('fetch', fetchMock);
    await call('company.get', {});
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]).toEqual([
      '/api/company.get',
      expect.objectContaining({ headers: { 'Content-Type': 'application/json', 'X-Kuajing-Session': 'sess-stored' } }),
    ]);
  });

  it('a new launch token in the address replaces a stored session', async () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, 'sess-old');
    window.history.replaceState(null, '', '/?token=launch-new');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        jsonResponse(
          200,
          url === '/api/session' ? { ok: true, value: { session: 'sess-new' } } : { ok: true, value: null },
        ),
      ),
    );
    await call('company.get', {});
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBe('sess-new');
  });
});

function sseResponse(frames: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const f of frames) controller.enqueue(encoder.encode(f));
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('subscribe over the web host', () => {
  it('shares one event stream on /api/events sent with the session header, delivers AppEvents and stops when the last listener leaves', async () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, 'sess-ev');
    const event: AppEvent = { name: 'sync.status', payload: { state: 'idle', queued: 2, failed: 0 } };
    const changed = { name: 'ledger.changed', payload: { command: 'company.save', at: 'now' } };
    let signal: AbortSignal | undefined;
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      signal = init.signal ?? undefined;
      return sseResponse([
        ': connected\n\n',
        `data: ${JSON.stringify(event)}\n\n`,
        'data: not json\n\n',
        `event: ledger.changed\ndata: ${JSON.stringify(changed).slice(0, 20)}`,
        `${JSON.stringify(changed).slice(20)}\n\n`,
      ]);
    });
    vi.stubGlobal('fetch', fetchMock);
    const a: AppEvent[] = [];
    const b: AppEvent[] = [];
    const offA = subscribe((e) => a.push(e));
    const offB = subscribe((e) => b.push(e));
    await vi.waitFor(() => expect(a).toHaveLength(2));
    expect(a).toEqual([event, changed]);
    expect(b).toHaveLength(2);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/events');
    expect(fetchMock.mock.calls[0]![1].headers).toEqual({ 'X-Kuajing-Session': 'sess-ev' });

    offA();
    expect(signal?.aborted).toBe(false);
    offB();
    expect(signal?.aborted).toBe(true);
  });
});
