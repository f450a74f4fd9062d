/** Test helpers: temp folders and a ready workspace + dispatch on a real SQLite file. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkspace, type Workspace } from '../../src-main/api/workspace.ts';
import { createHandlers } from '../../src-main/api/handlers.ts';
import { createDispatch, type Dispatch } from '../../src-main/api/dispatch.ts';

export const VALID_USCC = '91350100M000100Y43';
export const VALID_CUSTOMS_CODE = '3301960ABC';
export const VALID_PROFILE = {
  name: '株洲示例跨境贸易有限公司',
  uscc: VALID_USCC,
  customsCode: VALID_CUSTOMS_CODE,
  dxpId: null,
  pilotZone: 'zhuzhou',
  baseCurrency: 'CNY',
} as const;

export function tempDir(prefix = 'kuajing-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function openTestWorkspace(
  dataDir = tempDir(),
): Promise<{ ws: Workspace; dispatch: Dispatch; incidents: unknown[] }> {
  const ws = await openWorkspace({ dataDir, host: 'test' });
  const incidents: unknown[] = [];
  const dispatch = createDispatch(createHandlers(ws), (i) => incidents.push(i), ws.file, ws.readOnly);
  return { ws, dispatch, incidents };
}
