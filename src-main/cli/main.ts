#!/usr/bin/env node
/** Process entry of `kuajing` (run through `npm run -s kuajing -- …`, which provisions Node 22). */
import module from 'node:module';
import { freshHostBundle, usesHostBundle } from './host-bundle.ts';
import type * as RunCli from './run-cli.ts';

// `kuajing doctor | head` closes the pipe early; that is not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  else throw e;
});

const stopped = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve());
  process.once('SIGTERM', () => resolve());
});

// `serve` / `start` from the prebuilt bundle when it is current (host-bundle.ts), else the sources
const args = process.argv.slice(2);
const bundle = usesHostBundle(args) ? freshHostBundle() : null;
// V8's code cache on disk (os.tmpdir()/node-compile-cache): a host started again compiles its
// ~1 MB bundle from the cache instead of from source (issue 19, ui.coldStart1m)
if (bundle) module.enableCompileCache?.();
const { runCli } = (bundle ? await import(bundle) : await import('./run-cli.ts')) as typeof RunCli;
const code = await runCli(args, {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  untilStopped: () => stopped,
});
process.exitCode = code;
