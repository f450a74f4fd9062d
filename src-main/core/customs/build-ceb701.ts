/**
 * CEB701 summary application (汇总申请单): the lists to summarise, either by list numbers
 * (`invtNos`, one SummaryApplyList each) or by a period (startTime/endTime as a pair; customs then
 * summarises every list in range and ignores the body). summaryFlag 1 = by consignor, 2 = by
 * consignor + producer/seller; itemNameFlag 1 = by the list itemName, 0 = by classification name
 * (the XSD requires one character; '0' for "not by itemName" is a derived choice). One
 * application per message (msgCount = msgSeqNo = 1).
 */
import { DomainError } from '../domain-error.ts';
import { formatAppTime } from './app-time.ts';
import { baseTransfer } from './base-transfer.ts';
import { appFields, enumText, fixedText, optionalText, requiredText } from './ceb-fields.ts';
import { cebGuid } from './ceb-guid.ts';
import type { CebBuildContext } from './ceb-input.ts';
import type { CebMessage } from './ceb-message.ts';
import { serialiseCebMessage, type CebElement } from './ceb-xml.ts';

export interface SummaryApplication {
  /** Enterprise's own number of the application (≤ 30). */
  readonly copNo: string;
  readonly invtNos?: readonly string[];
  /** Period in China time, 'YYYY-MM-DD' (start 00:00:00, end 23:59:59). */
  readonly startDate?: string;
  readonly endDate?: string;
  readonly summaryFlag: '1' | '2';
  readonly itemNameFlag: '0' | '1';
  readonly note?: string | null;
}

function periodTime(field: string, isoDay: string, end: boolean): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDay)) throw new DomainError('customs.date.invalid', { field, value: isoDay });
  return `${isoDay.replaceAll('-', '')}${end ? '235959' : '000000'}`;
}

export function buildCeb701Message(app: SummaryApplication, ctx: CebBuildContext): CebMessage {
  const { settings, company } = ctx;
  const byPeriod = app.startDate !== undefined || app.endDate !== undefined;
  if (byPeriod && (app.startDate === undefined || app.endDate === undefined))
    throw new DomainError('customs.summary.periodIncomplete');
  if (byPeriod && app.startDate! > app.endDate!)
    throw new DomainError('customs.summary.periodReversed', { start: app.startDate!, end: app.endDate! });
  const invtNos = app.invtNos ?? [];
  if (!byPeriod && invtNos.length === 0) throw new DomainError('customs.summary.empty');
  const agentCode = requiredText('agentCode', settings.agentCode ?? company.customsCode, 18);
  const agentName = requiredText('agentName', settings.agentName ?? company.name, 100);
  const guid = cebGuid(ctx.newId);
  const head: CebElement = [
    'SummaryApplyHead',
    [
      ...appFields(guid, formatAppTime(ctx.clock()), settings.appStatus),
      ['customsCode', fixedText('customsCode', settings.customsCode, 4)],
      ['copNo', requiredText('copNo', app.copNo, 30)],
      ['agentCode', agentCode],
      ['agentName', agentName],
      ['ebcCode', requiredText('ebcCode', company.customsCode, 18)],
      ['ebcName', requiredText('ebcName', company.name, 100)],
      ['declAgentCode', requiredText('declAgentCode', settings.declAgentCode ?? agentCode, 18)],
      ['declAgentName', requiredText('declAgentName', settings.declAgentName ?? agentName, 100)],
      ['startTime', byPeriod ? periodTime('startTime', app.startDate!, false) : undefined],
      ['endTime', byPeriod ? periodTime('endTime', app.endDate!, true) : undefined],
      ['loctNo', optionalText('loctNo', settings.loctNo, 10)],
      ['summaryFlag', enumText('summaryFlag', app.summaryFlag, ['1', '2'])],
      ['itemNameFlag', enumText('itemNameFlag', app.itemNameFlag, ['0', '1'])],
      ['msgCount', '1'],
      ['msgSeqNo', '1'],
      ['note', optionalText('note', app.note, 1000)],
    ],
  ];
  const lists = byPeriod
    ? []
    : invtNos.map((n): CebElement => ['SummaryApplyList', [['invtNo', requiredText('invtNo', n, 20)]]]);
  const messageGuid = cebGuid(ctx.newId);
  return {
    type: 'CEB701',
    guid: messageGuid,
    xml: serialiseCebMessage('CEB701Message', messageGuid, [['SummaryApply', [head, ...lists]], baseTransfer(company)]),
    documents: [{ guid, orderNo: app.copNo, copNo: app.copNo, sourceOrderNo: app.copNo, part: 1, parts: 1 }],
  };
}
