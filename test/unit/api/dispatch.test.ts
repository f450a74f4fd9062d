import { describe, it, expect } from 'vitest';
import { openTestWorkspace, VALID_PROFILE } from '../../helpers/workspace.ts';
import { createDispatch } from '../../../src-main/api/dispatch.ts';
import { createHandlers } from '../../../src-main/api/handlers.ts';
import { COMMAND_NAMES } from '../../../src-main/api/contract.ts';

describe('dispatch', () => {
  it('answers an unknown command with request.unknownCommand', async () => {
    const { ws, dispatch } = await openTestWorkspace();
    expect(await dispatch('orders.delete', {})).toEqual({
      ok: false,
      error: { code: 'request.unknownCommand', params: { command: 'orders.delete' } },
    });
    ws.close();
  });

  it('rejects input that does not match the schema with per-field codes, before any handler runs', async () => {
    const { ws, dispatch } = await openTestWorkspace();
    const r = await dispatch('company.save', { ...VALID_PROFILE, uscc: undefined, extra: 1, name: 'x'.repeat(500) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('request.invalid');
    expect(r.error.fields).toMatchObject({ uscc: 'validation.required', name: 'validation.tooLong' });
    expect(ws.read.prepare('SELECT count(*) FROM command_log').pluck().get()).toBe(0);
    ws.close();
  });

  it('saves a valid company profile with its outbox row and emits ledger.changed after commit', async () => {
    const { ws, dispatch } = await openTestWorkspace();
    const events: unknown[] = [];
    ws.events.subscribe((e) => events.push(e));
    const r = await dispatch('company.save', {
      ...VALID_PROFILE,
      uscc: VALID_PROFILE.uscc.toLowerCase(),
      name: '  株洲示例  ',
    });
    expect(r).toMatchObject({ ok: true, value: { version: 1, name: '株洲示例', uscc: VALID_PROFILE.uscc } });
    const outbox = ws.read.prepare('SELECT kind, idempotency_key FROM outbox').all();
    expect(outbox).toEqual([{ kind: 'company.profile', idempotency_key: 'company.profile:1' }]);
    expect(events).toContainEqual({
      name: 'ledger.changed',
      payload: expect.objectContaining({ command: 'company.save' }),
    });
    // The profile row is a local record: only customs messages and six-item filings travel, so nothing waits.
    expect(events).toContainEqual({ name: 'sync.status', payload: { state: 'idle', queued: 0, failed: 0 } });
    ws.close();
  });

  it('returns every field error of an invalid profile at once and saves nothing', async () => {
    const { ws, dispatch } = await openTestWorkspace();
    const r = await dispatch('company.save', {
      ...VALID_PROFILE,
      name: ' ',
      uscc: VALID_PROFILE.uscc.slice(0, 17),
      customsCode: '33019-0ABC',
    });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'validation.failed',
        params: {},
        fields: {
          name: 'company.name.required',
          uscc: 'company.uscc.length',
          customsCode: 'company.customsCode.charset',
        },
      },
    });
    expect(await dispatch('company.get', {})).toEqual({ ok: true, value: null });
    expect(ws.read.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    ws.close();
  });

  it('keeps earlier profile versions: a second save appends, and the table refuses updates', async () => {
    const { ws, dispatch } = await openTestWorkspace();
    await dispatch('company.save', VALID_PROFILE);
    const r = await dispatch('company.save', { ...VALID_PROFILE, name: '新名称' });
    expect(r).toMatchObject({ ok: true, value: { version: 2, name: '新名称' } });
    expect(ws.read.prepare('SELECT name FROM company_profile ORDER BY version').pluck().all()).toEqual([
      VALID_PROFILE.name,
      '新名称',
    ]);
    expect(() => ws.read.prepare("UPDATE company_profile SET name = 'x'").run()).toThrow(/append-only/);
    expect(() => ws.read.prepare('DELETE FROM company_profile').run()).toThrow(/append-only/);
    ws.close();
  });

  it('turns an unexpected exception into internal with an incident id, and logs its stack', async () => {
    const { ws } = await openTestWorkspace();
    const incidents: Array<{ incidentId: string; stack?: string }> = [];
    const handlers = {
      ...createHandlers(ws),
      'app.info': () => {
        throw new TypeError('bug');
      },
    };
    const dispatch = createDispatch(handlers, (i) => incidents.push(i));
    const r = await dispatch('app.info', {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('internal');
    expect(r.error.incidentId).toBe(incidents[0]!.incidentId);
    expect(incidents[0]!.stack).toContain('TypeError: bug');
    ws.close();
  });

  it('persists the language setting and has a handler for every command in the contract', async () => {
    const { ws, dispatch } = await openTestWorkspace();
    expect(await dispatch('settings.get', {})).toEqual({ ok: true, value: { language: 'zh-CN' } });
    await dispatch('settings.setLanguage', { language: 'zh-TW' });
    expect(await dispatch('settings.get', {})).toEqual({ ok: true, value: { language: 'zh-TW' } });
    expect((await dispatch('settings.setLanguage', { language: 'fr' })).ok).toBe(false);
    expect(Object.keys(createHandlers(ws)).sort()).toEqual([...COMMAND_NAMES].sort());
    ws.close();
  });
});
