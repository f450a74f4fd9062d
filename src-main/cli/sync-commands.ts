/**
 * `kuajing sync --data-dir D (--platform URL | --exchange-dir DIR) [--signer none|sm2-practice]
 * [--max-attempts N] [--batch N] --json`: one pass until the queue is empty or the retry budget
 * is spent (backoffs are waited out), then receipts; prints the counts. Exit 0 when nothing is
 * left queued and nothing failed, 1 otherwise.
 * `kuajing practice-platform --port P [--faults SPEC] [--seed N] [--step-ms MS] [--no-validate]
 * [--accept-drafts] [--sandbox ID] [--data-dir D]` (--sandbox: answer `GET /handshake` with that training sandbox's id,
 * as `kuajing training new --json` prints it, so the sandbox may sync to it; --accept-drafts: take store-only appStatus 1 messages as declared, as before issue 15): starts the practice platform, prints `{"url":…}` as one JSON line, runs until
 * SIGINT/SIGTERM; with --data-dir its state is read from and saved to D (keys, documents and
 * receipts survive a restart) with D/practice-platform-stats.json for a quick look.
 */
import path from 'node:path';
import {
  loadPlatformState,
  parseFaultSpec,
  passCounts,
  savePlatformState,
  startPlatformServer,
  syncOnce,
} from '../areas/sync/index.ts';
import { parse, UsageError, strings, flags } from './cli-args.ts';
import { existingWorkspaceDir, withWorkspace, type CliIo } from './cli-kit.ts';

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number`);
  return n;
}

export async function syncCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    ...strings('platform', 'exchange-dir', 'signer', 'max-attempts', 'batch'),
  });
  const json = Boolean(values.json);
  if (Boolean(values.platform) === Boolean(values['exchange-dir']))
    throw new UsageError('give exactly one of --platform URL or --exchange-dir DIR');
  const signer = values.signer ?? 'none';
  if (signer !== 'none' && signer !== 'sm2-practice') throw new UsageError('--signer must be none or sm2-practice');
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, async (ws) => {
    const r = await syncOnce(ws, {
      platformUrl: values.platform,
      exchangeDir: values['exchange-dir'],
      signer: signer === 'none' ? 'none' : 'sm2Practice',
      maxAttempts: positiveInt(values['max-attempts'], 'max-attempts', 8),
      batchSize: positiveInt(values.batch, 'batch', 200),
      onProgress: (p) => {
        if (!json && p.phase === 'sending') io.err(`sent ${p.sent}, failed ${p.failed}, queued ${p.queued}`);
      },
    });
    const out = {
      ...passCounts(r),
      remaining: r.remaining,
      errors: r.errors.slice(0, 20),
    };
    io.out(
      json
        ? JSON.stringify(out)
        : [
            `sent ${out.sent} (of which already at the platform ${out.duplicates}), rejected ${out.rejected}, failed ${out.failed}, retried ${out.retried}`,
            `receipts stored ${out.receipts} (repeated ${out.duplicateReceipts})`,
            `left: queued ${r.remaining.queued + r.remaining.sending}, failed ${r.remaining.failed}, sent ${r.remaining.sent}`,
            ...out.errors.map((e) => `  ${e}`),
          ].join('\n'),
    );
    return r.remaining.queued + r.remaining.sending + r.remaining.failed === 0 ? 0 : 1;
  });
}

export async function practicePlatformCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    ...strings('port', 'faults', 'seed', 'step-ms', 'sandbox'),
    ...flags('no-validate', 'accept-drafts'),
  });
  const sandboxId = values.sandbox;
  if (sandboxId !== undefined && !/^[A-Za-z0-9-]{1,64}$/.test(sandboxId))
    throw new UsageError('--sandbox is the sandbox id that `kuajing training new --json` prints');
  let faults;
  try {
    faults = parseFaultSpec(values.faults ?? '');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const stateDir = values['data-dir'] ? path.resolve(values['data-dir']) : null;
  const state = stateDir ? loadPlatformState(stateDir) : undefined;
  const server = await startPlatformServer({
    port: positiveInt(values.port, 'port', 0),
    faults,
    seed: positiveInt(values.seed, 'seed', 1),
    stepMs: positiveInt(values['step-ms'], 'step-ms', 2000),
    validate: !values['no-validate'],
    acceptDrafts: Boolean(values['accept-drafts']),
    ...(sandboxId ? { sandboxId } : {}),
    ...(state ? { state } : {}),
  });
  io.out(JSON.stringify({ url: server.url, port: server.port }));
  await io.untilStopped();
  if (stateDir) savePlatformState(server.platform, stateDir);
  await server.close();
  return 0;
}
