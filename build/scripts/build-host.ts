/**
 * Bundles the CLI (`kuajing serve` / `npm start`, the web host) into ESM files with esbuild, so a
 * start loads a few prebuilt files instead of stripping types from and loading some 400 modules
 * one by one (issue 19 point 3: cold start of the web host on a 1M-order workspace):
 *   dist-main/host/run-cli.mjs (+ chunks for what is imported on first use)
 *   dist-main/host/inputs.json  the source files in it, to tell a stale bundle (src-main/cli/main.ts)
 * Packages stay external (better-sqlite3 and xmllint-wasm are native or start their own workers;
 * exceljs and pdfkit read files next to themselves). Every `import.meta.url` / `import.meta.dirname`
 * in our sources is pointed back at the source file's own place, so migrations, XSDs, the
 * renderer folder and worker scripts are found exactly as when running from source.
 * Run: `node build/scripts/build-host.ts [--out <dir>]`. Tests keep running on the sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { isEntryPoint } from './entry-point.ts';
import type { HostBundleInputs } from '../../src-main/cli/host-bundle.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOST_BUNDLE_DIR = path.join(ROOT, 'dist-main', 'host');

/** `import.meta.*` of each source file, as that file sees it, from wherever its bundle lies. */
function sourcePlaces(outDir: string): Plugin {
  return {
    name: 'kuajing-source-places',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const text = fs.readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta')) return { contents: text, loader: 'ts' };
        const rel = (p: string) => JSON.stringify(path.relative(outDir, p).split(path.sep).join('/'));
        const url = `new URL(${rel(args.path)}, import.meta.url).href`;
        const dir = `__kjPath(new URL(${rel(path.dirname(args.path))} + '/', import.meta.url)).replace(/[\\\\/]$/, '')`;
        return {
          contents: text.replaceAll('import.meta.url', url).replaceAll('import.meta.dirname', dir),
          loader: 'ts',
        };
      });
    },
  };
}

export async function buildHost(outDir = HOST_BUNDLE_DIR): Promise<{ files: number; bytes: number }> {
  const builtAt = Date.now(); // a source changed after this may not be in the bundle
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [path.join(ROOT, 'src-main', 'cli', 'run-cli.ts')],
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]',
    chunkNames: '[name]-[hash]', // same folder as the entry: the relative source places hold for every file
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    banner: { js: "import { fileURLToPath as __kjPath } from 'node:url';" },
    plugins: [sourcePlaces(outDir)],
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  fs.writeFileSync(path.join(outDir, 'inputs.json'), JSON.stringify({ builtAt, inputs } satisfies HostBundleInputs));
  const outputs = Object.entries(result.metafile.outputs);
  return { files: outputs.length, bytes: outputs.reduce((n, [, o]) => n + o.bytes, 0) };
}

if (isEntryPoint(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  buildHost(i >= 0 ? path.resolve(process.argv[i + 1]!) : undefined).then(
    (r) => process.stderr.write(`[kuajing] host bundle: ${r.files} files, ${(r.bytes / 1024).toFixed(0)} KiB\n`),
    (e: unknown) => {
      process.stderr.write(`[kuajing] build-host failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
