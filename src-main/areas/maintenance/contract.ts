/**
 * Commands of the maintenance area: what the app and its file are, and its backups — the list
 * (daily, pre-migration, pre-restore, manual), a copy now, and restore in place from one of them
 * (named as listed: the renderer never sends a path).
 */
import { z } from 'zod';
import { empty, result } from '../contract-kit.ts';
import type { BackupEntry } from '../../db/backups.ts';

/**
 * The ledger's integrity (issue 19): CLI opens check it at open (`checkedAtOpen`); interactive
 * hosts open without the check and run it after the first screen (`pending` until then), on a
 * snapshot in a worker (backup-service.ts) — `damaged` names the newest good backup.
 */
export interface LedgerIntegrity {
  readonly state: 'checkedAtOpen' | 'pending' | 'ok' | 'damaged';
  readonly detail?: string;
  readonly newestBackup?: string | null;
  readonly checkedAt?: string;
}

export interface AppInfo {
  readonly version: string;
  readonly schemaVersion: number;
  readonly dataFile: string;
  readonly host: 'electron' | 'web' | 'cli' | 'test';
  /** The ledger's `quick_check`: at open (CLI), or after the first screen in the app (backup-service.ts). */
  readonly integrity: LedgerIntegrity;
}

/** A backup as the Settings screen lists it (its `name` is what `maintenance.restore` takes). */
export type BackupListEntry = Omit<BackupEntry, 'file'>;

export interface RestoreSummary {
  /** The copy of the state just before the restore, in `backups/pre-restore/`. */
  readonly keptAside: string;
  readonly restoredFrom: string;
  readonly schemaFrom: number;
  readonly schemaTo: number;
}

/** Everything exported as one zip (`archive-service.ts`), written in the workspace's `exports/` folder. */
export interface ExportSummary {
  /** The zip, relative to the data folder (`exports/kuajing-export-….zip`). */
  readonly file: string;
  readonly tables: number;
  readonly rows: number;
  readonly digest: string;
}

export const maintenanceContract = {
  'app.info': { input: empty, result: result<AppInfo>(), mutates: false },
  'maintenance.backups.list': { input: empty, result: result<readonly BackupListEntry[]>(), mutates: false },
  'maintenance.backup.now': { input: empty, result: result<BackupListEntry>(), mutates: false },
  'maintenance.restore': {
    input: z.object({ name: z.string().min(1).max(300) }).strict(),
    result: result<RestoreSummary>(),
    mutates: true,
  },
  'maintenance.export': { input: empty, result: result<ExportSummary>(), mutates: false },
} as const;
