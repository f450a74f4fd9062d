/** Sample `ReportDocument`s shared by the PDF and XLSX writer tests. */
import type { ReportCell, ReportDocument, ReportLanguage } from '../../../src-main/reports/report-document.ts';

export const usd = (minor: number): ReportCell => ({ kind: 'money', minor, currency: 'USD' });

export function sampleDocument(language: ReportLanguage = 'zh-CN', detailRows = 3): ReportDocument {
  const rows = Array.from({ length: detailRows }, (_, i) => ({
    no: { kind: 'number', value: i + 1 } as const,
    order: `113-${String(i).padStart(7, '0')}-8812345`,
    text:
      i % 5 === 0
        ? '海外仓仓储费（美国西部仓 LAX-3），含长期仓储附加费与标签更换服务费，按自然月结算并附对账单'
        : '物流费',
    amount: usd(1000 + i),
    rate: { kind: 'rate', text: '7.105600' } as const,
    day: { kind: 'date', iso: '2026-03-15' } as const,
  }));
  return {
    language,
    title: '结汇证据包 — 亚马逊美国站',
    subtitle: '轧差结算',
    meta: [
      ['公司', '株洲示例跨境贸易有限公司'],
      ['结算期间', '2026-03-01 至 2026-03-14'],
    ],
    tables: [
      {
        heading: '轧差汇总',
        columns: [
          { key: 'item', label: '项目', width: 3 },
          { key: 'amount', label: '金额', width: 2 },
        ],
        rows: [
          { item: '总收入（还原）', amount: usd(123456) },
          { item: '海外仓储费', amount: usd(-2000) },
          { item: "=cmd|' /C calc'!A0", amount: usd(0) },
        ],
        totals: { item: '净额', amount: usd(121456) },
        sheetName: 'Netting: summary/2026*03',
      },
      {
        heading: '结算明细',
        note: '每行对应结算文件的一行。',
        columns: [
          { key: 'no', label: '#', width: 0.5 },
          { key: 'order', label: '订单号', width: 2.2 },
          { key: 'text', label: '说明', width: 3 },
          { key: 'amount', label: '金额', width: 1.6 },
          { key: 'rate', label: '汇率', width: 1 },
          { key: 'day', label: '日期', width: 1.2 },
        ],
        rows,
        totals: { order: '合计', amount: usd(rows.reduce((s, _r, i) => s + 1000 + i, 0)) },
      },
    ],
    footnotes: ['汇率来源：中国人民银行中间价。'],
    author: '株洲示例跨境贸易有限公司',
    createdAt: '2026-03-20T08:00:00.000Z',
  };
}
