/**
 * Bundles the Electron main process and its preload with esbuild, and copies the migrations:
 *   dist-main/main.cjs     (node, cjs; electron, better-sqlite3 and xmllint-wasm stay external)
 *   dist-main/preload.cjs  (browser platform, cjs; only electron external, so a Node built-in or zod fails the build or the test)
 *   dist-main/migrations/*.sql
 * Run: `node build/scripts/build-main.ts [--out <dir>]`. Sizes go to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { isEntryPoint } from './entry-point.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BuildMainOptions {
  /** Output folder; default `<repo>/dist-main`. */
  readonly outDir?: string;
  /** Print sizes to stderr (default true). */
  readonly log?: boolean;
}

export interface BuildMainResult {
  readonly outDir: string;
  readonly files: readonly { readonly file: string; readonly bytes: number }[];
}

export async function buildMain(opts: BuildMainOptions = {}): Promise<BuildMainResult> {
  const outDir = path.resolve(opts.outDir ?? path.join(ROOT, 'dist-main'));
  const electronDir = path.join(ROOT, 'src-main', 'hosts', 'electron');
  fs.mkdirSync(outDir, { recursive: true });

  await build({
    entryPoints: [path.join(electronDir, 'main.ts')],
    outfile: path.join(outDir, 'main.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron', 'better-sqlite3', 'xmllint-wasm'], // xmllint-wasm starts a worker from its own folder
    // CJS has no import.meta: give it the bundle's own URL, so paths resolve next to main.cjs.
    define: { 'import.meta.url': '__kuajingBundleUrl' },
    // The banner repeats "use strict": esbuild's own directive below it is no longer the first statement.
    banner: { js: '"use strict";\nconst __kuajingBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    sourcemap: 'linked',
    logLevel: 'warning',
  });

  await build({
    entryPoints: [path.join(electronDir, 'preload.ts')],
    outfile: path.join(outDir, 'preload.cjs'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2023',
    external: ['electron'],
    logLevel: 'warning',
  });

  // Replace, never merge: a stale migration left behind would break the numbering check.
  const migrationsOut = path.join(outDir, 'migrations');
  fs.rmSync(migrationsOut, { recursive: true, force: true });
  fs.mkdirSync(migrationsOut, { recursive: true });
  const migrationsSrc = path.join(ROOT, 'src-main', 'db', 'migrations');
  for (const name of fs
    .readdirSync(migrationsSrc)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    fs.copyFileSync(path.join(migrationsSrc, name), path.join(migrationsOut, name));
  }

  const files = [
    'main.cjs',
    'preload.cjs',
    ...fs.readdirSync(migrationsOut).map((f) => path.join('migrations', f)),
  ].map((f) => ({ file: f, bytes: fs.statSync(path.join(outDir, f)).size }));
  if (opts.log !== false) {
    const shown = path.relative(ROOT, outDir).startsWith('..') ? outDir : path.relative(ROOT, outDir) || '.';
    for (const f of files)
      process.stderr.write(`[kuajing] ${path.join(shown, f.file)}  ${(f.bytes / 1024).toFixed(1)} KiB\n`);
  }
  return { outDir, files };
}

if (isEntryPoint(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const outDir = i >= 0 ? process.argv[i + 1] : undefined;
  buildMain(outDir ? { outDir } : {}).catch((e: unknown) => {
    process.stderr.write(`[kuajing] build-main failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
