/**
 * Strings of the reports area (issue 17), in the three languages. zh-CN is the source; zh-TW and
 * en are typed against it. `ui` keys are spread at the top level of each locale (`reportsScreen`);
 * `errors` keys are spread into `errors` (the `reports` error codes).
 */
import type { DeepStringShape } from '../../translation.ts';

export const reportsZhCN = {
  ui: {
    reportsScreen: {
      report: '报表',
      period: '期间',
      periodHelp: '月份（2026-03）或季度（2026-Q1）；轧差表填结算编号。',
      preparedBy: '制表人',
      names: {
        'tax-register': '无票免税六项信息明细',
        'deemed-income-tax': '核定征收所得税预缴计算表',
        'export-summary': '出口汇总（按报关单）',
        'stock-valuation': '库存价值及库龄',
        netting: '轧差结算表（银行）',
        '9810-sold-unsold': '9810 已售/未售（出口预退税 HWC-YT）',
      },
      preview: '预览',
      previewing: '正在生成预览…',
      savePdf: '另存为 PDF',
      saveXlsx: '另存为 XLSX',
      saving: '正在生成 {{format}}…',
      saved: '已保存 {{file}}。',
      empty: '本期无数据，报表仍可打印并注明“本期无数据”。',
      total: '合计',
      unsoldValue: '期末未售金额（出口预退税 HWC-YT 依据）',
      soldInPeriodValue: '本期已售金额',
      rates: '使用汇率',
    },
  },
  errors: {
    reports: {
      rate: {
        missing:
          '缺少 {{currency}} 在 {{date}} 的人民银行中间价，报表不能用其他日期或来源的汇率代替。请在“结汇 → 汇率”录入后重试。',
      },
      period: { invalid: '期间“{{period}}”无效，请填月份（如 2026-03）或季度（如 2026-Q1）。' },
      rule: {
        missing: '税务规则表（{{table}}）没有适用于 {{date}} 的规则。',
        badPercent: '税务规则表中的比例“{{percent}}”无效。',
      },
      list: { currency: '出口清单 {{invtNo}}（订单 {{orderNo}}）的币种无效。' },
    },
    period: {
      closed: '{{month}} 已结账，不能再记入日期为 {{date}} 的变动。如需更正，请先重新打开该月（须注明原因）。',
      alreadyClosed: '{{month}} 已经结账。',
      notClosed: '{{month}} 没有结账，无需重新打开。',
      month: { invalid: '月份“{{month}}”无效，请写成 2026-03。' },
    },
  },
} as const;

export const reportsZhTW = {
  ui: {
    reportsScreen: {
      report: '報表',
      period: '期間',
      periodHelp: '月份（2026-03）或季度（2026-Q1）；軋差表填結算編號。',
      preparedBy: '製表人',
      names: {
        'tax-register': '無票免稅六項資訊明細',
        'deemed-income-tax': '核定徵收所得稅預繳計算表',
        'export-summary': '出口彙總（按報關單）',
        'stock-valuation': '庫存價值及庫齡',
        netting: '軋差結算表（銀行）',
        '9810-sold-unsold': '9810 已售/未售（出口預退稅 HWC-YT）',
      },
      preview: '預覽',
      previewing: '正在生成預覽…',
      savePdf: '另存為 PDF',
      saveXlsx: '另存為 XLSX',
      saving: '正在生成 {{format}}…',
      saved: '已儲存 {{file}}。',
      empty: '本期無資料，報表仍可列印並註明「本期無資料」。',
      total: '合計',
      unsoldValue: '期末未售金額（出口預退稅 HWC-YT 依據）',
      soldInPeriodValue: '本期已售金額',
      rates: '使用匯率',
    },
  },
  errors: {
    reports: {
      rate: {
        missing:
          '缺少 {{currency}} 在 {{date}} 的人民銀行中間價，報表不能用其他日期或來源的匯率代替。請在「結匯 → 匯率」錄入後重試。',
      },
      period: { invalid: '期間「{{period}}」無效，請填月份（如 2026-03）或季度（如 2026-Q1）。' },
      rule: {
        missing: '稅務規則表（{{table}}）沒有適用於 {{date}} 的規則。',
        badPercent: '稅務規則表中的比例「{{percent}}」無效。',
      },
      list: { currency: '出口清單 {{invtNo}}（訂單 {{orderNo}}）的幣種無效。' },
    },
    period: {
      closed: '{{month}} 已結帳，不能再記入日期為 {{date}} 的變動。如需更正，請先重新打開該月（須註明原因）。',
      alreadyClosed: '{{month}} 已經結帳。',
      notClosed: '{{month}} 沒有結帳，無需重新打開。',
      month: { invalid: '月份「{{month}}」無效，請寫成 2026-03。' },
    },
  },
} as const satisfies DeepStringShape<typeof reportsZhCN>;

export const reportsEn = {
  ui: {
    reportsScreen: {
      report: 'Report',
      period: 'Period',
      periodHelp: 'A month (2026-03) or a quarter (2026-Q1); for the netting statement, the settlement ID.',
      preparedBy: 'Prepared by',
      names: {
        'tax-register': 'No-invoice exemption register (six items)',
        'deemed-income-tax': 'Deemed income tax prepayment sheet',
        'export-summary': 'Exports by declaration',
        'stock-valuation': 'Stock value and ageing',
        netting: 'Netting statement (for the bank)',
        '9810-sold-unsold': '9810 sold / unsold (pre-refund HWC-YT)',
      },
      preview: 'Preview',
      previewing: 'Building the preview…',
      savePdf: 'Save as PDF',
      saveXlsx: 'Save as XLSX',
      saving: 'Building the {{format}}…',
      saved: 'Saved {{file}}.',
      empty: 'Nothing to report for this period; the report still prints and says so.',
      total: 'Total',
      unsoldValue: 'Unsold at period end (base of the pre-refund HWC-YT)',
      soldInPeriodValue: 'Sold in the period',
      rates: 'Rates used',
    },
  },
  errors: {
    reports: {
      rate: {
        missing:
          "There is no PBoC central parity for {{currency}} on {{date}}; a report never uses another day's or another source's rate instead. Enter it under Settlement → Rates and try again.",
      },
      period: { invalid: 'The period “{{period}}” is not valid: give a month (2026-03) or a quarter (2026-Q1).' },
      rule: {
        missing: 'The tax rule table ({{table}}) has no rule for {{date}}.',
        badPercent: 'The tax rule table holds an invalid percentage “{{percent}}”.',
      },
      list: { currency: 'Export list {{invtNo}} (order {{orderNo}}) has an invalid currency.' },
    },
    period: {
      closed:
        '{{month}} is closed: a change dated {{date}} cannot be posted. To correct it, reopen the month first (with a reason).',
      alreadyClosed: '{{month}} is already closed.',
      notClosed: '{{month}} is not closed, so it cannot be reopened.',
      month: { invalid: 'The month “{{month}}” is not valid; write it as 2026-03.' },
    },
  },
} as const satisfies DeepStringShape<typeof reportsZhCN>;
