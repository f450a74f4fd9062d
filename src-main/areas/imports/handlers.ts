/** Handlers of the imports area: one line each, the use cases are in import-service.ts. */
import type { AreaHandlers } from '../area-kit.ts';
import type { Workspace } from '../workspace.ts';
import type { importsContract } from './contract.ts';
import { createImportService, type ParseImportFn } from './import-service.ts';
import { parseImportOffThread } from './parse-off-thread.ts';

export type { ParseImportFn };

export function createImportsHandlers(
  ws: Workspace,
  parse: ParseImportFn = parseImportOffThread(),
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
