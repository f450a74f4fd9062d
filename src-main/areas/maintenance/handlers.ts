/** Handlers of the maintenance area: what the app and its file are; backups and restore (backup-service.ts). */
import pkg from '../../../package.json' with { type: 'json' };
import { readPragmas } from '../../db/open-ledger.ts';
import type { AreaHandlers } from '../area-kit.ts';
import type { Workspace } from '../workspace.ts';
import type { maintenanceContract } from './contract.ts';
import { exportWorkspace } from './archive-service.ts';
import { ledgerIntegrity, listWorkspaceBackups, restoreNamedBackup, takeBackup } from './backup-service.ts';

export function createMaintenanceHandlers(ws: Workspace): AreaHandlers<typeof maintenanceContract> {
  return {
    'app.info': () => ({
      version: pkg.version,
      schemaVersion: readPragmas(ws.read).schemaVersion,
      dataFile: ws.file,
      host: ws.host,
      integrity: ledgerIntegrity(ws),
    }),
    'maintenance.backups.list': () => listWorkspaceBackups(ws).map(({ file: _f, ...b }) => b),
    'maintenance.backup.now': async () => {
      const { file: _f, ...done } = await takeBackup(ws, 'manual');
      return { ...done, takenAt: ws.clock().toISOString() };
    },
    'maintenance.restore': async ({ name }) => {
      const r = await restoreNamedBackup(ws, name);
      return { keptAside: r.keptAside.name, restoredFrom: name, schemaFrom: r.schemaFrom, schemaTo: r.schemaTo };
    },
    'maintenance.export': () => exportWorkspace(ws),
  };
}
