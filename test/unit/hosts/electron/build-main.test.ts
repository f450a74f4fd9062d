import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMain, type BuildMainResult } from '../../../../build/scripts/build-main.ts';

describe('build-main', () => {
  let outDir: string;
  let result: BuildMainResult;

  beforeAll(async () => {
    outDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kj-build-')), 'dist-main');
    result = await buildMain({ outDir, log: false });
  }, 60_000);

  afterAll(() => fs.rmSync(path.dirname(outDir), { recursive: true, force: true }));

  it('writes main.cjs, preload.cjs and the migrations into the chosen folder', () => {
    expect(result.outDir).toBe(outDir);
    expect(fs.existsSync(path.join(outDir, 'main.cjs'))).toBe(true);
    expect(fs.existsSync(path.join(outDir, 'preload.cjs'))).toBe(true);
    const sources = fs
      .readdirSync(new URL('../../../../src-main/db/migrations', import.meta.url))
      .filter((f) => f.endsWith('.sql'));
    expect(sources.length).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(outDir, 'migrations')).sort()).toEqual(sources.sort());
    expect(result.files.map((f) => f.file)).toEqual(expect.arrayContaining(['main.cjs', 'preload.cjs']));
  });

  it('keeps zod and Node built-ins out of the sandboxed preload', () => {
    const preload = fs.readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
    expect(preload).not.toContain('zod');
    expect(preload).not.toMatch(/require\("(node:)?(fs|path|child_process|os)"\)/);
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("kuajing"');
  });

  it('leaves electron and better-sqlite3 external and replaces import.meta in the CJS main bundle', () => {
    const main = fs.readFileSync(path.join(outDir, 'main.cjs'), 'utf8');
    expect(main).toContain('require("electron")');
    expect(main).toContain('require("better-sqlite3")');
    expect(main).not.toContain('import.meta');
    expect(main.startsWith('"use strict";')).toBe(true);
  });

  it('replaces stale migrations instead of merging', async () => {
    fs.writeFileSync(path.join(outDir, 'migrations', '9999-stale.sql'), 'SELECT 1;');
    await buildMain({ outDir, log: false });
    expect(fs.existsSync(path.join(outDir, 'migrations', '9999-stale.sql'))).toBe(false);
  }, 60_000);
});
