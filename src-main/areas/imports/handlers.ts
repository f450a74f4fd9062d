/** Handlers of the imports area: one line each, the use cases are in import-service.ts. */
import { parseImport } from '../../imports/parse-import.ts';
import type { AreaHandlers } from '../area-kit.ts';
import type { Workspace } from '../workspace.ts';
import type { importsContract } from './contract.ts';
import { createImportService, type ParseImportFn } from './import-service.ts';

export type { ParseImportFn };

export function createImportsHandlers(
  ws: Workspace,
  parse: ParseImportFn = parseImport,
): AreaHandlers<typeof importsContract> {
  const imports = createImportService(ws, parse);
  return {
    'imports.preview': (input) => imports.preview(input),
    'imports.confirm': (input) => imports.confirm(input),
    'imports.discard': (input) => imports.discard(input),
    'imports.rejectedCsv': (input) => imports.rejectedCsv(input),
    'imports.mappings.list': (input) => imports.listMappings(input),
  };
}
