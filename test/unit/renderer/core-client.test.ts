/**
 * core-client over the web host (no bridge): POST /api/<command> with JSON and the session
 * cookie, Result bodies passed through for every status, transport failures turned into
 * `network.unreachable`, and events from one shared EventSource on /api/events.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../../src-main/api/contract.ts';
import { call, subscribe } from '../../../src-renderer/app/core-client.ts';
import { installFakeHost } from './fake-host.ts';

afterEach(() => {
  vi.unstubAllGlobals();
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
    for (const [status, code] of [[400, 'request.invalid'], [403, 'request.forbidden'], [404, 'request.unknownCommand'], [413, 'request.tooLarge']] as const) {
      vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(status, { ok: false, error: { code, params: {} } })));
      const result = await call('company.get', {});
      expect(result).toEqual({ ok: false, error: { code, params: {} } });
    }
  });

  it('turns a network failure into network.unreachable', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    expect(await call('company.get', {})).toEqual({ ok: false, error: { code: 'network.unreachable', params: {} } });
  });

  it('turns a reply that is not a Result into network.unreachable', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>502</html>', { status: 502 })));
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

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly url: string;
  onmessage: ((m: MessageEvent) => void) | null = null;
  readonly named = new Map<string, (m: MessageEvent) => void>();
  closed = false;
  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }
  addEventListener(name: string, fn: (m: MessageEvent) => void): void {
    this.named.set(name, fn);
  }
  close(): void {
    this.closed = true;
  }
}

describe('subscribe over the web host', () => {
  it('shares one EventSource on /api/events, delivers AppEvents and closes when the last listener leaves', () => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    const a: AppEvent[] = [];
    const b: AppEvent[] = [];
    const offA = subscribe((e) => a.push(e));
    const offB = subscribe((e) => b.push(e));
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe('/api/events');

    const event: AppEvent = { name: 'sync.status', payload: { state: 'idle', queued: 2, failed: 0 } };
    source.onmessage?.(new MessageEvent('message', { data: JSON.stringify(event) }));
    source.onmessage?.(new MessageEvent('message', { data: 'not json' }));
    source.named.get('ledger.changed')?.(new MessageEvent('ledger.changed', {
      data: JSON.stringify({ name: 'ledger.changed', payload: { command: 'company.save', at: 'now' } }),
    }));
    expect(a).toEqual([event, { name: 'ledger.changed', payload: { command: 'company.save', at: 'now' } }]);
    expect(b).toHaveLength(2);

    offA();
    expect(source.closed).toBe(false);
    offB();
    expect(source.closed).toBe(true);
  });
});
