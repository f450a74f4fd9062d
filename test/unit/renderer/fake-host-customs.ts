/**
 * Default answers of the fake host (fake-host.ts) for the customs area's commands: small,
 * plausible data so a screen renders; tests override single commands through `overrides`.
 */
import type {
  CommandInput,
  CommandName,
  CommandResult,
  CustomsDocument,
  CustomsFinding,
  CustomsSettings,
  Result,
  RiskList,
} from '../../../src-main/api/contract.ts';
import type { customsContract } from '../../../src-main/areas/customs/contract.ts';
import { NO_OPTIONAL_PARTIES } from '../areas/customs/customs-fixture-data.ts';

type CustomsCommand = keyof typeof customsContract & CommandName;
type Answer<K extends CommandName> = (
  input: CommandInput<K>,
) => Result<CommandResult<K>> | Promise<Result<CommandResult<K>>>;

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const FAKE_CUSTOMS_SETTINGS: CustomsSettings = {
  ebpCode: '3301964J31',
  ebpName: '示例跨境平台',
  customsCode: '2921',
  portCode: '2921',
  pod: '502',
  trafMode: '5',
  wrapType: '2',
  statisticsFlag: 'B',
  logisticsCode: '3120980105',
  logisticsName: '示例物流有限公司',
  ...NO_OPTIONAL_PARTIES,
  appStatus: '1',
  declaresWaybills: false,
  sendsPaymentReceipts: true,
  payCode: null,
  payName: '现金支付',
};

const FINDINGS: readonly CustomsFinding[] = [
  {
    code: 'precheck.logisticsNo.missing',
    severity: 'error',
    orderId: 2,
    orderNo: '113-0000002-0000002',
    field: 'logisticsNo',
    params: {},
  },
  {
    code: 'precheck.risk.licence',
    severity: 'error',
    orderId: 3,
    orderNo: '113-0000003-0000003',
    field: 'gcode',
    params: { itemNo: 'BAT-01', hsCode: '8507600090', prefix: '8507' },
  },
];

const DOCUMENTS: readonly CustomsDocument[] = [
  {
    id: 1,
    type: 'CEB303',
    businessKey: '113-0000001-0000001',
    orderId: 1,
    orderNo: '113-0000001-0000001',
    guid: '4CDE1A2B-0000-4000-8000-000000000001',
    messageGuid: '4CDE1A2B-0000-4000-8000-0000000000A1',
    revision: 1,
    status: '120',
    lastReturnStatus: '120',
    lastReturnInfo: '[Code:2600;Desc:新增申报成功]',
    statusAt: '2026-05-02T08:00:00.000Z',
    invtNo: null,
    preNo: null,
    entryId: null,
    createdAt: '2026-05-01T08:00:00.000Z',
  },
  {
    id: 2,
    type: 'CEB603',
    businessKey: '113-0000001-0000001',
    orderId: 1,
    orderNo: '113-0000001-0000001',
    guid: '4CDE1A2B-0000-4000-8000-000000000002',
    messageGuid: '4CDE1A2B-0000-4000-8000-0000000000A2',
    revision: 1,
    status: '800',
    lastReturnStatus: '800',
    lastReturnInfo: '放行',
    statusAt: '2026-05-03T08:00:00.000Z',
    invtNo: '29212026E000000001',
    preNo: 'B20260501000000001',
    entryId: null,
    createdAt: '2026-05-01T08:00:00.000Z',
  },
];

const RISK: RiskList = {
  licenceHsPrefixes: [{ prefix: '8507', note: '锂电池 (UN38.3)' }],
  valueThresholds: [{ currency: 'CNY', max: '5000.00' }],
};

/** Only commands a screen needs data from; any other answers notImplemented (fake-host.ts). */
export function customsDefaults(): { [K in CustomsCommand]?: Answer<K> } {
  return {
    'customs.settings.get': () => ok(FAKE_CUSTOMS_SETTINGS),
    'customs.settings.save': (input) => ok({ ...FAKE_CUSTOMS_SETTINGS, ...input }),
    'customs.shipping.get': ({ orderId }) =>
      ok({
        orderId,
        orderNo: `113-000000${orderId}`,
        logisticsNo: null,
        logisticsCode: null,
        logisticsName: null,
        exportDate: null,
        grossWeightGrams: null,
        packNo: null,
        copNo: null,
      }),
    'customs.shipping.save': (input) =>
      ok({
        orderId: input.orderId,
        orderNo: `113-000000${input.orderId}`,
        logisticsNo: input.logisticsNo,
        logisticsCode: input.logisticsCode ?? null,
        logisticsName: input.logisticsName ?? null,
        exportDate: input.exportDate,
        grossWeightGrams: input.grossWeightGrams ?? null,
        packNo: input.packNo ?? null,
        copNo: input.copNo ?? null,
      }),
    'customs.shipping.saveMany': ({ items }) => ok({ saved: items.length }),
    'customs.shipping.import': (input) =>
      ok({ rows: 2, matched: 2, saved: input.dryRun ? 0 : 2, unchanged: 0, unknownOrders: [], rejected: [] }),
    'customs.precheck': () => ok({ orders: 3, clean: 1, findings: FINDINGS }),
    'customs.build': (input) =>
      ok({
        orders: 3,
        blocked: 2,
        built: 1,
        documents: { CEB303: 1, CEB603: 1 },
        messages: 2,
        queued: 3,
        findings: FINDINGS,
        validationErrors: [],
        dryRun: input.dryRun ?? false,
      }),
    'customs.documents.list': () => ok({ items: DOCUMENTS, total: DOCUMENTS.length, nextCursor: null }),
    'customs.documents.get': ({ id }) => {
      const doc = DOCUMENTS.find((d) => d.id === id) ?? DOCUMENTS[0]!;
      return ok({
        ...doc,
        history: [
          { status: 'validated', at: doc.createdAt, source: 'local', applied: true, info: null },
          { status: 'queued', at: doc.createdAt, source: 'local', applied: true, info: null },
          { status: 'sent', at: doc.createdAt, source: 'local', applied: true, info: null },
          { status: doc.status, at: doc.statusAt, source: 'receipt', applied: true, info: doc.lastReturnInfo },
        ],
        receipts: [
          {
            id: 1,
            messageType: doc.type === 'CEB303' ? 'CEB304' : 'CEB604',
            status: doc.status,
            returnTime: '20260502160000000',
            returnInfo: doc.lastReturnInfo ?? '',
            receivedAt: doc.statusAt,
          },
        ],
        xml: '<?xml version="1.0" encoding="UTF-8"?>\n<ceb:CEB303Message xmlns:ceb="http://www.chinaport.gov.cn/ceb"/>',
        lineMapping: [],
      });
    },
    'customs.status': () => ok({ byStatus: { '120': 1, '800': 1 }, byType: { CEB303: 1, CEB603: 1 }, errors: 0 }),
    'customs.summary.apply': () => ok({ copNo: 'SUM-202605-001', lists: 1, messages: 1, documentId: 3 }),
    'customs.summary.plan': () =>
      ok({
        statisticsOnly: [],
        pending: ['53142026E000000002'],
        groups: [
          {
            key: {
              ebcCode: '5314960ABC',
              trafMode: '5',
              ownerCode: '5314960ABC',
              country: '502',
              portCode: '5314',
              month: '2026-04',
            },
            invtNos: ['53142026E000000001'],
            lines: [],
            dueDate: '2026-05-15',
            warning: 'due' as const,
          },
        ],
      }),
    'customs.shops.list': () =>
      ok([
        {
          shopId: 1,
          platform: 'amazon',
          name: 'Amazon.com',
          ebpCode: null,
          ebpName: null,
          pod: null,
          declared: { ebpCode: '无', ebpName: 'Amazon' },
        },
      ]),
    'customs.shops.save': () => ok([]),
    'customs.riskList.get': () => ok(RISK),
    'customs.riskList.save': (input) => ok(input),
  };
}
