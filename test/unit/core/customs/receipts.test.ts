import { describe, expect, it } from 'vitest';
import {
  buildReceiptMessage,
  isErrorStatus,
  parseReceipt,
  type ReceiptInput,
  type ReceiptType,
} from '../../../../src-main/core/customs/index.ts';
import type { DomainError } from '../../../../src-main/core/domain-error.ts';
import { validateCebMany } from '../../../../src-main/sync/validate-ceb.ts';

const G = (n: number) => `A0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const SAMPLES: Record<ReceiptType, ReceiptInput> = {
  CEB304: {
    guid: G(1),
    businessKey: '111-2223333-4444444',
    ebpCode: '无',
    ebcCode: '5314960ABC',
    orderNo: '111-2223333-4444444',
    status: '120',
    returnTime: '20250301120000123',
    returnInfo: '[Code:2600;Desc:新增申报成功]',
  },
  CEB404: {
    guid: G(2),
    businessKey: '111-2223333-4444444',
    ebcCode: '5314960ABC',
    orderNo: '111-2223333-4444444',
    status: '-401001',
    returnTime: '20250301120000456',
    returnInfo: '收款单重复',
  },
  CEB506: {
    guid: G(3),
    businessKey: 'SF1234567890',
    logisticsCode: '5314960XYZ',
    status: '2',
    returnTime: '20250301120001000',
    returnInfo: '电子口岸申报中',
  },
  CEB604: {
    guid: G(4),
    businessKey: 'COP-1',
    copNo: 'COP-1',
    agentCode: '5314960ABC',
    preNo: 'B20250301000000001',
    invtNo: '53142025E000000001',
    ebcCode: '5314960ABC',
    ebpCode: '无',
    orderNo: '111-2223333-4444444',
    statisticsFlag: 'B',
    status: '100',
    returnTime: '20250302080000000',
    returnInfo: '商品编码与申报品名不符',
  },
  CEB702: {
    guid: G(5),
    businessKey: 'SUM-COP-1',
    copNo: 'SUM-COP-1',
    agentCode: '5314960ABC',
    ebcCode: '5314960ABC',
    preNo: 'S20250401000000001',
    sumNo: '531420250000000001',
    status: '120',
    returnTime: '20250401080000000',
    returnInfo: '入库成功',
  },
  CEB792: {
    guid: G(6),
    businessKey: '531420250000000001',
    sumNo: '531420250000000001',
    customsCode: '5314',
    declSeqNo: '531420250000000009',
    entryId: '531420250000123456',
    status: '10',
    returnTime: '20250402080000000',
    returnInfo: '',
    agentCode: '5314960ABC',
    agentName: '红河报关行',
    ebcCode: '5314960ABC',
    ebcName: '红河边贸电商有限公司',
    grossWeight: '1.25000',
    netWeight: '1.00000',
    lineMapping: [
      { invtNo: '53142025E000000001', logisticsNo: 'SF1234567890', gseqno: 1, gnum: 1, gcode: '3924100000' },
      { invtNo: '53142025E000000002', logisticsNo: 'SF1234567891', gseqno: 1, gnum: 1, gcode: '3924100000' },
    ],
  },
  // issue 15: the answers to a list withdrawal (CEB605) and a return (CEB213)
  CEB606: {
    guid: G(7),
    businessKey: 'COP-1',
    copNo: 'COP-1',
    agentCode: '5314960ABC',
    preNo: 'B20250301000000001',
    invtNo: '53142025E000000001',
    status: '399',
    returnTime: '20250303080000000',
    returnInfo: '撤销成功',
  },
  CEB214: {
    guid: G(8),
    businessKey: 'RT-0001',
    coElNo: 'RT-0001',
    ebpCode: '无',
    ebcCode: '5314960ABC',
    agentCode: '5314960ABC',
    invtNo: '53142025E000000001',
    status: '120',
    returnTime: '20250403080000000',
    returnInfo: '海关入库成功',
  },
};

const TYPES = Object.keys(SAMPLES) as ReceiptType[];
const messages = TYPES.map((t, i) => buildReceiptMessage(t, G(100 + i), [SAMPLES[t]]));

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  throw new Error('expected a DomainError');
}

describe('receipt messages', () => {
  it('every sample receipt validates against the official XSD', async () => {
    const results = await validateCebMany(messages);
    expect(results.map((r) => r.errors)).toEqual(TYPES.map(() => []));
  });

  it.each(TYPES.map((t, i) => [t, i] as const))('%s parses back to the data it was built from', (type, i) => {
    const [r] = parseReceipt(messages[i]!);
    const sample = SAMPLES[type];
    expect(r!.messageType).toBe(type);
    expect(r!.messageGuid).toBe(G(100 + i));
    expect(r!.guid).toBe(sample.guid);
    expect(r!.businessKey).toBe(sample.businessKey);
    expect(r!.status).toBe(sample.status);
    expect(r!.returnTime).toBe(sample.returnTime);
    expect(r!.returnInfo).toBe(sample.returnInfo);
  });

  it('keeps codes as text, reads list numbers, the summary number and the CEB792 line mapping', () => {
    expect(parseReceipt(messages[1]!)[0]!.status).toBe('-401001');
    const list = parseReceipt(messages[3]!)[0]!;
    expect([list.invtNo, list.preNo, list.copNo, list.orderNo]).toEqual([
      '53142025E000000001',
      'B20250301000000001',
      'COP-1',
      '111-2223333-4444444',
    ]);
    expect(parseReceipt(messages[4]!)[0]!.sumNo).toBe('531420250000000001');
    const result = parseReceipt(messages[5]!)[0]!;
    expect(result.entryId).toBe('531420250000123456');
    expect(result.declSeqNo).toBe('531420250000000009');
    expect(result.lineMapping).toEqual(SAMPLES.CEB792.lineMapping);
    const cancel = parseReceipt(messages[6]!)[0]!;
    expect([cancel.messageType, cancel.copNo, cancel.invtNo, cancel.status]).toEqual([
      'CEB606',
      'COP-1',
      '53142025E000000001',
      '399',
    ]);
    const ret = parseReceipt(messages[7]!)[0]!;
    expect([ret.messageType, ret.coElNo, ret.invtNo, ret.businessKey]).toEqual([
      'CEB214',
      'RT-0001',
      '53142025E000000001',
      'RT-0001',
    ]);
    expect(isErrorStatus('-401001')).toBe(true);
    expect(isErrorStatus('100')).toBe(false);
  });

  it('reads a hand-written receipt with another prefix, a BOM and several blocks', () => {
    const xml =
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<x:CEB304Message guid="B0000000-0000-4000-8000-000000000001" version="1.0" xmlns:x="http://www.chinaport.gov.cn/ceb">' +
      ['0120', '800']
        .map(
          (s, i) =>
            `<x:OrderReturn><x:guid>${G(i + 1)}</x:guid><x:ebpCode>无</x:ebpCode><x:ebcCode>5314960ABC</x:ebcCode><x:orderNo>00${i}</x:orderNo>` +
            `<x:returnStatus>${s}</x:returnStatus><x:returnTime>20250301120000000</x:returnTime><x:returnInfo></x:returnInfo></x:OrderReturn>`,
        )
        .join('') +
      '</x:CEB304Message>';
    const rs = parseReceipt(xml);
    expect(rs.map((r) => [r.businessKey, r.status, r.returnInfo])).toEqual([
      ['000', '0120', ''],
      ['001', '800', ''],
    ]);
  });

  it('refuses XML that is not a receipt, malformed XML and a receipt without its status', () => {
    expect(
      codeOf(() => parseReceipt('<ceb:CEB303Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="x"/>')),
    ).toBe('customs.receipt.unknownType');
    expect(codeOf(() => parseReceipt('<ceb:CEB304Message'))).toBe('customs.receipt.malformed');
    expect(codeOf(() => parseReceipt(messages[0]!.replace(/<ceb:returnStatus>[^<]*<\/ceb:returnStatus>/, '')))).toBe(
      'customs.receipt.fieldMissing',
    );
  });
});
