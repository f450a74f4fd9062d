/**
 * Default answers of the fake host (fake-host.ts) for the sync area's commands: small,
 * plausible data so a screen renders; tests override single commands through `overrides`.
 */
import type { CommandInput, CommandName, CommandResult, Result } from '../../../src-main/api/contract.ts';
import type { SyncConfig, syncContract } from '../../../src-main/areas/sync/contract.ts';
import type { PracticeStatus, trainingContract } from '../../../src-main/areas/training/contract.ts';

type SyncCommand = Exclude<keyof typeof syncContract, 'sync.status'> | keyof typeof trainingContract;
type Answer<K extends CommandName> = (
  input: CommandInput<K>,
) => Result<CommandResult<K>> | Promise<Result<CommandResult<K>>>;

const ok = <T>(value: T) => ({ ok: true as const, value });

/** Only commands a screen needs data from; any other answers notImplemented (fake-host.ts). */
export function syncDefaults(): { [K in SyncCommand]?: Answer<K> } {
  let config: SyncConfig = {
    mode: 'off',
    url: null,
    dir: null,
    signer: { kind: 'none', url: null, dir: null },
    intervalSeconds: 60,
  };
  const stopped: PracticeStatus = { running: false, url: null, startedAt: null, counters: null };
  let practice = stopped;
  return {
    'sync.getConfig': () => ok(config),
    'sync.configure': (input) => {
      config = {
        mode: input.mode,
        url: input.url ?? null,
        dir: input.dir ?? null,
        signer: input.signer
          ? { kind: input.signer.kind, url: input.signer.url ?? null, dir: input.signer.dir ?? null }
          : config.signer,
        intervalSeconds: input.intervalSeconds ?? config.intervalSeconds,
      };
      return ok(config);
    },
    'sync.now': () =>
      ok({
        sent: 2,
        duplicates: 0,
        rejected: 0,
        retried: 0,
        failed: 0,
        receipts: 3,
        duplicateReceipts: 0,
        quarantined: 0,
        queued: 0,
        errors: [],
      }),
    'sync.outbox.list': () =>
      ok({
        items: [
          {
            id: 2,
            kind: 'ceb.message',
            idempotencyKey: 'ceb:CEB603:ORD-1:1',
            status: 'failed',
            attempts: 10,
            nextAttemptAt: null,
            lastError: 'platform.rejected xsd line 12: itemNo too long',
            createdAt: '2026-03-01T08:00:00.000Z',
          },
          {
            id: 1,
            kind: 'ceb.message',
            idempotencyKey: 'ceb:CEB303:ORD-1:1',
            status: 'sent',
            attempts: 1,
            nextAttemptAt: null,
            lastError: null,
            createdAt: '2026-03-01T08:00:00.000Z',
          },
        ],
        total: 2,
      }),
    'sync.outbox.retry': (input) => ok({ requeued: input.ids.length }),
    'sync.receipts.list': () =>
      ok({
        items: [
          {
            id: 1,
            messageType: 'CEB304',
            returnStatus: '120',
            source: 'R000000001',
            receivedAt: '2026-03-01T08:00:05.000Z',
          },
        ],
        total: 1,
      }),
    'sync.quarantine.list': () => ok({ items: [], total: 0 }),
    'training.practice.start': () => {
      practice = {
        running: true,
        url: 'http://127.0.0.1:40123',
        startedAt: '2026-03-01T08:00:00.000Z',
        counters: {
          deliveries: 0,
          duplicateDeliveries: 0,
          keys: 0,
          rejectedKeys: 0,
          sixItems: 0,
          receiptsVisible: 0,
          receiptsPending: 0,
        },
      };
      config = {
        ...config,
        mode: 'platform',
        url: practice.url,
        signer: { kind: 'sm2Practice', url: null, dir: null },
      };
      return ok(practice);
    },
    'training.practice.stop': () => {
      practice = stopped;
      config = { ...config, mode: 'off' };
      return ok(practice);
    },
    'training.practice.status': () => ok(practice),
    // a company workspace: no sandbox, nothing under sandboxes/, the lessons unchecked
    'training.sandbox.get': () => ok(null),
    'training.sandboxes.list': () => ok([]),
    'training.scenarios.list': () => ok([]),
    'training.lessons.check': () => ok([]),
    'training.lesson.status': () => ok({ current: null, lesson: null }),
  };
}
