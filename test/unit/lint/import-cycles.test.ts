/** The import-cycle check must find planted cycles (and ignore type-only ones), and the tree must have none. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImportCycles } from '../../../build/scripts/import-cycles.ts';

const root = path.resolve(import.meta.dirname, '../../..');

function plant(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-cycles-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('import cycle check', () => {
  it('reports a cycle through three files, re-exports included', () => {
    const dir = plant({
      'src/areas/a/index.ts': "export { b } from '../b/index.ts';\nexport const a = 1;\n",
      'src/areas/b/index.ts': "import { c } from './c.ts';\nexport const b = c;\n",
      'src/areas/b/c.ts': "import { a } from '../a/index.ts';\nexport const c = a;\n",
    });
    expect(findImportCycles(dir, ['src'])).toEqual([
      ['src/areas/a/index.ts', 'src/areas/b/c.ts', 'src/areas/b/index.ts'],
    ]);
  });

  it('ignores type-only imports and lazy import(), which do not run at load time', () => {
    const dir = plant({
      'src/x.ts': "import type { Y } from './y.ts';\nimport { type Z } from './z.ts';\nexport type X = Y | Z;\n",
      'src/y.ts': "import { x } from './x2.ts';\nexport type Y = string;\nexport const y = x;\n",
      'src/x2.ts': "export const x = async () => (await import('./y.ts')).y;\n",
      'src/z.ts': "import type { X } from './x.ts';\nexport type Z = X;\n",
    });
    expect(findImportCycles(dir, ['src'])).toEqual([]);
  });

  it('finds no cycle in src-main and src-renderer as they stand', () => {
    expect(findImportCycles(root, ['src-main', 'src-renderer'])).toEqual([]);
  }, 120_000);
});
