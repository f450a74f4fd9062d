import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { openLedger } from '../../../src-main/db/open-ledger.ts';
import { UnitOfWork } from '../../../src-main/db/unit-of-work.ts';
import { tempDir } from '../../helpers/workspace.ts';

async function setup() {
  const { db } = await openLedger(path.join(tempDir(), 'ledger.sqlite'));
  const uow = new UnitOfWork(db, () => new Date('2026-03-05T06:02:00Z'));
  const count = (table: string) => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  return { db, uow, count };
}

describe('UnitOfWork', () => {
  it('writes the change, the command log row and its outbox rows in one commit', async () => {
    const { db, uow, count } = await setup();
    const result = uow.run('test.write', (tx) => {
      tx.db.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
      tx.enqueue({ kind: 'test.msg', idempotencyKey: 'test:1', payload: { n: 1 } });
      return tx.commandId;
    });
    expect(count('settings')).toBe(1);
    expect(count('command_log')).toBe(1);
    const row = db.prepare('SELECT * FROM outbox').get() as Record<string, unknown>;
    expect(row).toMatchObject({
      command_id: result,
      kind: 'test.msg',
      idempotency_key: 'test:1',
      status: 'queued',
      created_at: '2026-03-05T06:02:00.000Z',
    });
    expect(JSON.parse(String(row.payload))).toEqual({ n: 1 });
    db.close();
  });

  it('rolls back the change and its outbox rows together when the command throws', async () => {
    const { db, uow, count } = await setup();
    expect(() =>
      uow.run('test.fail', (tx) => {
        tx.db.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
        tx.enqueue({ kind: 'test.msg', idempotencyKey: 'test:2', payload: {} });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect([count('settings'), count('outbox'), count('command_log')]).toEqual([0, 0, 0]);
    db.close();
  });

  it('never queues the same idempotency key twice: the second command fails as a whole', async () => {
    const { db, uow, count } = await setup();
    uow.run('a', (tx) => tx.enqueue({ kind: 'k', idempotencyKey: 'same', payload: 1 }));
    expect(() =>
      uow.run('b', (tx) => {
        tx.db.prepare("INSERT INTO settings (key, value) VALUES ('b', '1')").run();
        tx.enqueue({ kind: 'k', idempotencyKey: 'same', payload: 2 });
      }),
    ).toThrow(/UNIQUE/);
    expect([count('outbox'), count('settings'), count('command_log')]).toEqual([1, 0, 1]);
    db.close();
  });

  it('refuses re-entry so commands run strictly one at a time', async () => {
    const { db, uow, count } = await setup();
    expect(() => uow.run('outer', () => uow.run('inner', () => 1))).toThrow(/re-entered/);
    expect(count('command_log')).toBe(0);
    expect(uow.run('after', () => 'ok')).toBe('ok');
    db.close();
  });

  it('tells listeners about a command only after it committed', async () => {
    const { db, uow } = await setup();
    const seen: Array<[string, number]> = [];
    uow.onCommitted((c) => seen.push([c, Number(db.prepare('SELECT count(*) FROM command_log').pluck().get())]));
    uow.run('ok', () => undefined);
    expect(() =>
      uow.run('bad', () => {
        throw new Error('x');
      }),
    ).toThrow();
    expect(seen).toEqual([['ok', 1]]);
    db.close();
  });
});
