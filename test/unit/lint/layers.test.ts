/** The layer rule must catch planted violations, and the real tree must be clean of them. */
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'kuajing/layers').map((m) => m.message);
}

describe('kuajing/layers lint rule', () => {
  it.each([
    ['src-main/core/planted.ts', "import { openLedger } from '../db/open-ledger.ts';"],
    ['src-main/core/money/planted.ts', "import fs from 'node:fs';"],
    ['src-main/db/planted.ts', "import { contract } from '../api/contract.ts';"],
    ['src-main/api/planted.ts', "import { app } from 'electron';"],
    ['src-main/api/planted.ts', "import { startWebHost } from '../hosts/web/web-host.ts';"],
    ['src-main/hosts/web/planted.ts', "import { openLedger } from '../../db/open-ledger.ts';"],
    ['src-main/hosts/web/planted.ts', "import Database from 'better-sqlite3';"],
    ['src-main/cli/planted.ts', "export * from '../db/migrate.ts';"],
    ['src-main/core/planted.ts', "const m = await import('../api/dispatch.ts');"],
    ['src-renderer/app/planted.ts', "import { contract } from '../../src-main/api/contract.ts';"],
    ['src-renderer/app/planted.ts', "import type { Db } from '../../src-main/db/open-ledger.ts';"],
    ['src-renderer/features/orders/planted.ts', "import { CompanyProfileForm } from '../settings/CompanyProfileForm.tsx';"],
    ['src-renderer/state/planted.ts', "import path from 'node:path';"],
  ])('reports a violation in %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['src-main/api/planted.ts', "import { openLedger } from '../db/open-ledger.ts';"],
    ['src-main/hosts/electron/planted.ts', "import { app } from 'electron';"],
    ['src-main/db/planted.ts', "import Database from 'better-sqlite3';"],
    ['src-main/cli/planted.ts', "import { startWebHost } from '../hosts/web/web-host.ts';"],
    ['src-renderer/app/planted.ts', "import type { CommandName } from '../../src-main/api/contract.ts';"],
    ['src-renderer/features/orders/planted.ts', "import { SettingsPage } from '../settings/index.ts';"],
  ])('allows %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('finds no layer violation in the project as it stands', async () => {
    const results = await eslint.lintFiles(['src-main', 'src-renderer']);
    const violations = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'kuajing/layers').map((m) => `${r.filePath}: ${m.message}`));
    expect(violations).toEqual([]);
  });
});
