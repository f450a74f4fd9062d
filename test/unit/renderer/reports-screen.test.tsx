/**
 * The Reports screen (issue 17 point 3): choose a report and a period, preview it (the document
 * the writers print, with the total and the rates used), save it as XLSX; the screen no longer
 * claims that orders, stock and settlement are unavailable; errors are translated.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportData, ReportDocument } from '../../../src-main/api/contract.ts';
import { App } from '../../../src-renderer/app/App.tsx';
import { applyLanguage } from '../../../src-renderer/i18n/index.ts';
import { resetAppStore } from '../../../src-renderer/state/store.ts';
import { formatMoney } from '../../../src-renderer/ui/format-money.ts';
import { installFakeHost, VALID_COMPANY, type FakeHost } from './fake-host.ts';
import { resetRenderer } from './reset-renderer.ts';

let host: FakeHost;

beforeEach(async () => {
  await resetRenderer();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  host.uninstall();
});

const DATA: ReportData = {
  name: 'tax-register',
  period: { label: '2026-03', from: '2026-03-01', to: '2026-03-31' },
  company: { name: VALID_COMPANY.name, uscc: VALID_COMPANY.uscc },
  generatedAt: '2026-04-01T08:00:00.000Z',
  preparedBy: '王会计',
  rates: [{ currency: 'USD', date: '2026-03-05', rate: '7.100100', source: 'pboc' }],
  sections: [],
  summary: { total: 67_414, lines: 3 },
  empty: false,
  notes: [],
};

const DOC: ReportDocument = {
  language: 'zh-CN',
  title: '跨境电商零售出口无票免税申报明细（六项信息）',
  createdAt: '2026-04-01T08:00:00.000Z',
  meta: [
    ['企业名称', VALID_COMPANY.name],
    ['所属期间', '2026-03'],
    ['制表人', '王会计'],
  ],
  tables: [
    {
      heading: '出口明细（六项信息）',
      columns: [
        { key: 'goodsName', label: '货物名称' },
        { key: 'amount', label: '金额', align: 'right' },
      ],
      rows: [{ goodsName: '陶瓷马克杯', amount: { kind: 'money', minor: 18_446, currency: 'CNY' } }],
      totals: { goodsName: '合计', amount: { kind: 'money', minor: 67_414, currency: 'CNY' } },
    },
  ],
  footnotes: ['折算汇率：人民银行人民币汇率中间价'],
};

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

function openReports(language?: 'en'): void {
  window.location.hash = '#/reports';
  resetAppStore();
  host = installFakeHost({ company: VALID_COMPANY, ...(language ? { settings: { language } } : {}) });
  host.overrides['reports.get'] = () => ({ ok: true, value: DATA });
  host.overrides['reports.document'] = () => ({ ok: true, value: DOC });
  host.overrides['reports.file'] = (input) => ({
    ok: true,
    value: { fileName: `${input.name}-${input.period}.${input.format}`, contentBase64: btoa('%PDF-1.3 test') },
  });
  Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: vi.fn(() => 'blob:report') });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: vi.fn() });
}

describe('reports screen', () => {
  it('previews the chosen report and period with its total and rates, and saves it as XLSX', async () => {
    openReports();
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    render(<App />);
    const page = await screen.findByTestId('page-reports');
    expect(page.textContent).not.toContain('上线后');
    fireEvent.change(screen.getByTestId('report-period'), { target: { value: '2026-03' } });
    fireEvent.change(screen.getByTestId('report-prepared-by'), { target: { value: '王会计' } });
    await act(async () => fireEvent.click(screen.getByTestId('report-preview')));
    await settle();
    expect(host.callsOf('reports.get')).toEqual([{ name: 'tax-register', period: '2026-03', preparedBy: '王会计' }]);
    expect(host.callsOf('reports.document')).toEqual([
      { name: 'tax-register', period: '2026-03', preparedBy: '王会计', language: 'zh-CN' },
    ]);
    // The print preview is the document the writers print: title, company, the table and its 合计 row.
    const sheet = await screen.findByTestId('report-preview-sheet');
    expect(sheet.textContent).toContain('无票免税');
    expect(sheet.textContent).toContain(VALID_COMPANY.name);
    expect(screen.getByTestId('report-preview-totals').textContent).toContain(formatMoney(67_414, 'CNY', 'zh-CN'));
    const summary = await screen.findByTestId('report-summary');
    expect(summary.getAttribute('data-total')).toBe('67414');
    expect(summary.textContent).toContain(formatMoney(67_414, 'CNY', 'zh-CN'));
    expect(screen.getByTestId('report-rates').textContent).toContain('7.100100');

    await act(async () => fireEvent.click(screen.getByTestId('report-save-xlsx')));
    await settle();
    expect(host.callsOf('reports.file')).toEqual([
      { name: 'tax-register', period: '2026-03', preparedBy: '王会计', format: 'xlsx', language: 'zh-CN' },
    ]);
    expect(clicks[0]?.download).toBe('tax-register-2026-03.xlsx');
    expect(screen.getByTestId('report-saved').textContent).toContain('tax-register-2026-03.xlsx');
  });

  it('refuses a malformed period before asking the host, and shows a missing PBoC rate as a translated error in English', async () => {
    openReports('en');
    await applyLanguage('en');
    host.overrides['reports.get'] = () => ({
      ok: false,
      error: { code: 'reports.rate.missing', params: { currency: 'USD', date: '2026-03-05', source: 'pboc' } },
    });
    render(<App />);
    await screen.findByTestId('page-reports');
    fireEvent.change(screen.getByTestId('report-period'), { target: { value: '2026-3' } });
    expect((screen.getByTestId('report-preview') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('report-period'), { target: { value: '2026-Q1' } });
    await act(async () => fireEvent.click(screen.getByTestId('report-preview')));
    await settle();
    expect(document.body.textContent).toContain('There is no PBoC central parity for USD on 2026-03-05');
  });
});
