/**
 * Handlers for the import unit: preview (parse, count new/updated/unchanged, list rejected rows)
 * → confirm (one transaction) or discard; rejected rows as CSV; saved generic mappings.
 * PLACEHOLDER — being implemented; every command answers `notImplemented` until then.
 */
import { DomainError } from '../core/domain-error.ts';
import type { Handlers } from './handlers.ts';
import type { Workspace } from './workspace.ts';

type ImportsHandlers = Pick<Handlers, 'imports.preview' | 'imports.confirm' | 'imports.discard' | 'imports.rejectedCsv' | 'imports.mappings.list'>;

export function createImportsHandlers(_ws: Workspace): ImportsHandlers {
  const todo = (): never => { throw new DomainError('notImplemented'); };
  return {
    'imports.preview': todo, 'imports.confirm': todo, 'imports.discard': todo, 'imports.rejectedCsv': todo, 'imports.mappings.list': todo,
  };
}
