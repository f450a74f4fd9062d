/** Handlers of the reports area: one line each, the use cases live in report-service.ts. */
import type { AreaHandlers } from '../area-kit.ts';
import { getSetting } from '../../db/settings-store.ts';
import { checkMonth, periodStates, recordPeriodEvent } from '../company/index.ts';
import type { Workspace } from '../workspace.ts';
import type { reportsContract } from './contract.ts';
import { buildReport, reportDocument, reportFile } from './report-service.ts';

export function createReportsHandlers(ws: Workspace): AreaHandlers<typeof reportsContract> {
  const state = (db: Parameters<typeof periodStates>[0], month: string) =>
    periodStates(db).find((p) => p.month === month)!;
  return {
    'periods.list': () => periodStates(ws.read),
    'periods.close': ({ month }) =>
      ws.uow.run('periods.close', (tx) => {
        recordPeriodEvent(tx.db, tx.commandId, tx.now, checkMonth(month), 'close', null);
        return state(tx.db, month);
      }),
    'periods.reopen': ({ month, reason }) =>
      ws.uow.run('periods.reopen', (tx) => {
        recordPeriodEvent(tx.db, tx.commandId, tx.now, checkMonth(month), 'reopen', reason);
        return state(tx.db, month);
      }),
    'reports.get': ({ name, period, ...opts }) => buildReport(ws, name, period, opts),
    'reports.document': ({ name, period, language, ...opts }) =>
      reportDocument(ws, name, period, language ?? getSetting(ws.read, 'language', 'zh-CN'), opts),
    'reports.file': async ({ name, period, format, language, ...opts }) => {
      const f = await reportFile(ws, name, period, format, language ?? getSetting(ws.read, 'language', 'zh-CN'), opts);
      return { fileName: f.fileName, contentBase64: f.contentBase64 };
    },
  };
}
