/** Child process for lock tests: tries to open the ledger given as argv[2], prints the outcome. */
import { openLedger } from '../../src-main/db/open-ledger.ts';

try {
  const { db } = await openLedger(process.argv[2]!);
  db.close();
  process.stdout.write('opened\n');
} catch (e) {
  process.stdout.write(`${(e as { code?: string }).code ?? String(e)}\n`);
}
