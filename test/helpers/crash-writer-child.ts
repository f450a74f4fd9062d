/** Child for crash tests: saves profile versions as fast as it can until it is killed. */
import { openWorkspace } from '../../src-main/api/workspace.ts';
import { createHandlers } from '../../src-main/api/handlers.ts';
import { createDispatch } from '../../src-main/api/dispatch.ts';

const ws = await openWorkspace({ dataDir: process.argv[2]!, host: 'test' });
const dispatch = createDispatch(createHandlers(ws), () => undefined);
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const r = await dispatch('company.save', {
    name: `崩溃测试公司 ${i}`,
    uscc: '91350100M000100Y43',
    customsCode: '3301960ABC',
    dxpId: null,
    pilotZone: 'other',
    baseCurrency: 'CNY',
  });
  if (!r.ok) {
    process.stderr.write(JSON.stringify(r.error));
    process.exit(3);
  }
}
