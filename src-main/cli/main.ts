#!/usr/bin/env node
/** Process entry of `kuajing` (run through `npm run -s kuajing -- …`, which provisions Node 22). */
import { runCli } from './run-cli.ts';

// `kuajing doctor | head` closes the pipe early; that is not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  else throw e;
});

const stopped = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve());
  process.once('SIGTERM', () => resolve());
});

const code = await runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  untilStopped: () => stopped,
});
process.exitCode = code;
