/** The imports area: preview → confirm of marketplace and ERP order files. Other areas, api/ and cli/ import it only through this file (or its contract.ts). */
export type { ImportMeta } from './import-store.ts';
export { createImportsHandlers } from './handlers.ts';
export { prepare, writePreparedImport, type ParseImportFn, type PreparedImport } from './import-service.ts';
export { periodPlan } from './period-guard.ts';
export { writeDemoFiles } from './demo-files.ts';
export { copyIntoImports, receiveUpload, type Upload } from './import-files.ts';
