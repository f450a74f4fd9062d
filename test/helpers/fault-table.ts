/**
 * The kill tests' count: how many kill points each fault test runs (2 by default, so `npm test`
 * stays short; `KUAJING_KILLS=1000` spreads 1,000 over the six faults for the long mode), and a
 * record of runs and failures per fault that `npm test` prints as a table
 * (test-results/faults.jsonl, read by build/scripts/test-all.ts).
 */
import fs from 'node:fs';
import path from 'node:path';

export const FAULTS = ['import', 'stock', 'payout', 'customs', 'sync', 'migration'] as const;
export type Fault = (typeof FAULTS)[number];

export const FAULT_TABLE = path.resolve(import.meta.dirname, '../../test-results/faults.jsonl');

/** Kill points for one fault: KUAJING_KILLS (the whole long run) shared over the faults, else 2. */
export function killsPerFault(): number {
  const total = Number(process.env.KUAJING_KILLS ?? 0);
  return total > 0 ? Math.ceil(total / FAULTS.length) : 2;
}

export function recordFault(fault: Fault, runs: number, failures: number): void {
  fs.mkdirSync(path.dirname(FAULT_TABLE), { recursive: true });
  fs.appendFileSync(FAULT_TABLE, `${JSON.stringify({ fault, runs, failures })}\n`);
}
