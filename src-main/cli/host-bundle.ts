/**
 * The prebuilt CLI bundle (build/scripts/build-host.ts → dist-main/host/): `kuajing serve` and
 * `npm start` load it when it is there and none of the source files in it changed since it was
 * built, which takes the web host's start from ~1.7 s of CPU (stripping types from and loading
 * some 300 modules) to ~0.6 s. Anything else, or KUAJING_FROM_SOURCE=1, runs the sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const HOST_BUNDLE_DIR = fileURLToPath(new URL('../../dist-main/host/', import.meta.url));

/** What build-host.ts writes beside the bundle. */
export interface HostBundleInputs {
  /** Date.now() when the build started: a source changed later is not in the bundle. */
  readonly builtAt: number;
  /** Source files in the bundle, relative to the repository. */
  readonly inputs: readonly string[];
}

/** The bundle's entry URL when it is there and current, else null. */
export function freshHostBundle(dir = HOST_BUNDLE_DIR): string | null {
  try {
    const { builtAt, inputs } = JSON.parse(fs.readFileSync(path.join(dir, 'inputs.json'), 'utf8')) as HostBundleInputs;
    const root = path.resolve(dir, '../..');
    if (!inputs.every((f) => fs.statSync(path.join(root, f)).mtimeMs < builtAt)) return null;
    const entry = path.join(dir, 'run-cli.mjs');
    return fs.existsSync(entry) ? pathToFileURL(entry).href : null;
  } catch {
    return null; // no bundle, or one of its sources is gone
  }
}

/** Whether this command line starts a host that should come up fast. */
export function usesHostBundle(args: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return (args[0] === 'serve' || args[0] === 'start') && env['KUAJING_FROM_SOURCE'] !== '1';
}
