/**
 * Kills a writing process with SIGKILL at seeded random instants and checks that the file
 * reopens clean and every committed command has exactly its rows: profile, command log and
 * outbox together or not at all. The seed is printed so a failure can be replayed.
 */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { openTestWorkspace, tempDir } from '../helpers/workspace.ts';

const CHILD = path.resolve(import.meta.dirname, '../helpers/crash-writer-child.ts');
const SEED = Number(process.env.KUAJING_SEED ?? Date.now() % 100000);

async function writeThenKill(dataDir: string, afterMs: number): Promise<void> {
  const child = spawn(process.execPath, [CHILD, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  await new Promise((r) => setTimeout(r, afterMs));
  child.kill('SIGKILL');
  await new Promise((r) => child.on('exit', r));
}

describe('crash consistency', () => {
  it(`leaves a consistent ledger whenever the writer is killed (seed ${SEED})`, async () => {
    console.log(`crash-consistency seed ${SEED} (replay with KUAJING_SEED=${SEED})`);
    const delays = fc.sample(fc.integer({ min: 5, max: 400 }), { seed: SEED, numRuns: 4 });
    const dataDir = tempDir('kuajing-crash-');
    let previous = 0;
    for (const ms of delays) {
      await writeThenKill(dataDir, ms);
      const { ws } = await openTestWorkspace(dataDir);
      const count = (sql: string) => Number(ws.read.prepare(sql).pluck().get());
      expect(ws.read.pragma('integrity_check', { simple: true })).toBe('ok');
      const profiles = count('SELECT count(*) FROM company_profile');
      expect(count("SELECT count(*) FROM command_log WHERE command = 'company.save'")).toBe(profiles);
      expect(count("SELECT count(*) FROM outbox WHERE kind = 'company.profile'")).toBe(profiles);
      expect(
        count(
          "SELECT count(*) FROM outbox o LEFT JOIN company_profile p ON o.idempotency_key = 'company.profile:' || p.version WHERE p.version IS NULL",
        ),
      ).toBe(0);
      expect(profiles).toBeGreaterThanOrEqual(previous); // committed work survives the crash
      previous = profiles;
      ws.close();
    }
    expect(previous).toBeGreaterThan(0);
  }, 60_000);
});
