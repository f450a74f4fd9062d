/**
 * The trainee's progress record: `progress.json` beside the sandbox's ledger, so a reset (a new
 * ledger from the scenario) keeps it. Per lesson step: the checks run before it was done
 * (attempts), when it was first checked and when it was first found done; and the lesson the trainee
 * chose to follow beside every screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SandboxMarker } from '../sync/index.ts';

export const PROGRESS_FILE = 'progress.json';

export interface StepProgress {
  attempts: number;
  firstCheckedAt: string;
  doneAt: string | null;
}
export interface Progress {
  readonly sandboxId: string;
  readonly name: string;
  readonly scenario: string;
  readonly seed: number;
  readonly startedAt: string;
  resets: number;
  steps: Record<string, StepProgress>;
  /** The lesson the trainee follows in the panel beside every screen (absent: none chosen). */
  currentLesson?: number | null;
}

export function readProgress(dataDir: string): Progress | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, PROGRESS_FILE), 'utf8')) as Progress;
  } catch {
    return null;
  }
}

export function writeProgress(dataDir: string, p: Progress): void {
  const file = path.join(dataDir, PROGRESS_FILE);
  fs.writeFileSync(file + '.tmp', JSON.stringify(p, null, 2));
  fs.renameSync(file + '.tmp', file);
}

/** Creates the record for a new sandbox; keeps an existing one (a reset). */
export function ensureProgress(dataDir: string, marker: SandboxMarker): Progress {
  const existing = readProgress(dataDir);
  if (existing) return existing;
  const p: Progress = {
    sandboxId: marker.id,
    name: marker.name,
    scenario: marker.scenario,
    seed: marker.seed,
    startedAt: marker.createdAt,
    resets: 0,
    steps: {},
  };
  writeProgress(dataDir, p);
  return p;
}
