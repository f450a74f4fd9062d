/**
 * The practice platform's state between runs (`kuajing practice-platform --data-dir D`):
 * `D/practice-platform-state.json` (keys, documents, receipt log, pending receipts) is read at
 * start and written whole (temp + rename) on stop, with `D/practice-platform-stats.json` for a
 * quick look. A restarted platform still deduplicates keys and keeps its receipt cursor epoch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../sync/atomic-file.ts';
import type { PlatformSnapshot, PracticePlatform } from './platform.ts';

export const STATE_FILE = 'practice-platform-state.json';
export const STATS_FILE = 'practice-platform-stats.json';

export function loadPlatformState(dir: string): PlatformSnapshot | undefined {
  const file = path.join(dir, STATE_FILE);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as PlatformSnapshot) : undefined;
}

export function savePlatformState(platform: PracticePlatform, dir: string): void {
  writeFileAtomic(path.join(dir, STATE_FILE), JSON.stringify(platform.snapshot()));
  writeFileAtomic(path.join(dir, STATS_FILE), JSON.stringify(platform.stats(), null, 2));
}
