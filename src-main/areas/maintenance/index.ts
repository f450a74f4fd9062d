/** The maintenance area: app info, doctor, backups (daily, online through the app's socket) and restore. Other areas, api/ and cli/ import it only through this file (or its contract.ts). */
export { createMaintenanceHandlers } from './handlers.ts';
export { backupWorkspace, doctorReport } from './maintenance.ts';
export {
  checkLedgerAfterOpen,
  ledgerIntegrity,
  replaceDamagedLedger,
  restoreInPlace,
  startAutomaticBackups,
  takeBackup,
  takeDailyBackup,
} from './backup-service.ts';
export { INSTANCE_FILE, requestOnlineBackup, startBackupSocket } from './backup-socket.ts';
export { exportArchive, importArchive, ledgerDigest } from './archive-service.ts';
