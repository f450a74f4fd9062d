/**
 * A write outside a unit of work must not compile: store functions that write take the `WriteDb`
 * that only `Tx.db` hands out, and the workspace's `read` handle does not satisfy it.
 */
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function diagnosticsOf(code: string): string[] {
  const file = path.join(root, 'src-main/areas/stock/planted-tx.ts');
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  )!;
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (f) => (path.resolve(f) === file ? code : readFile(f));
  host.fileExists = (f) => path.resolve(f) === file || fileExists(f);
  const program = ts.createProgram([file], { ...config.options, noEmit: true }, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const HEAD = `import type { Workspace } from '../workspace.ts';
import { saveWarehouse } from './stock-catalog-store.ts';
const w = { code: 'US1', name: 'US', kind: 'platform', country: 'US' } as const;
`;

describe('Tx and read handles', () => {
  it('refuses to compile a store write through the workspace read handle', () => {
    const errors = diagnosticsOf(
      `${HEAD}export function bad(ws: Workspace) { return saveWarehouse(ws.read, undefined, w); }\n`,
    );
    expect(errors.join('\n')).toMatch(/not assignable to parameter of type 'WriteDb'/);
  }, 60_000);

  it('compiles the same write inside a unit of work', () => {
    const errors = diagnosticsOf(
      `${HEAD}export function good(ws: Workspace) { return ws.uow.run('x', (tx) => saveWarehouse(tx.db, undefined, w)); }\n`,
    );
    expect(errors).toEqual([]);
  }, 60_000);

  it('has no raw database handle on the workspace', () => {
    const errors = diagnosticsOf(`${HEAD}export function raw(ws: Workspace) { return ws.db; }\n`);
    expect(errors.join('\n')).toMatch(/Property 'db' does not exist/);
  }, 60_000);
});
