/**
 * The customs desk against a fake bridge: choosing orders (dates, modes, order numbers resolved
 * to ids) and building with a progress bar; the coded findings translated, with a fix that edits the order's
 * shipping data in place and re-runs the pre-check, and one that opens the risk list; XSD
 * validation errors with the schema's reason; the documents list with its status chips
 * (accepted, rejected with reason, negative codes as errors) and cursor paging; a document's
 * history and receipts; the summary application and the entryId of its result; the settings
 * form's required fields and the nulls it sends for empty optional ones; and, under the
 * pseudo-locale, no untranslated text on any tab, the findings or a document's detail.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomsDocument } from '../../../src-main/api/contract.ts';
import { App } from '../../../src-renderer/app/App.tsx';
import { applyLanguage, i18n } from '../../../src-renderer/i18n/index.ts';
import { LANGUAGE_ENDONYMS } from '../../../src-renderer/i18n/languages.ts';
import { zhCN } from '../../../src-renderer/i18n/locales/zh-CN.ts';
import { PSEUDO_LANGUAGE, pseudoLocale } from '../../../src-renderer/i18n/pseudo-locale.ts';
import { resetAppStore, useAppStore } from '../../../src-renderer/state/store.ts';
import { installFakeHost, makeOrder, VALID_COMPANY, type FakeHost } from './fake-host.ts';
import { resetRenderer } from './reset-renderer.ts';
import { stubViewport } from './layout-stub.ts';
import { untranslated } from './untranslated-text.ts';

let host: FakeHost;

/** The zh-CN sentence of an error code with its parameters filled in. */
function errorText(code: string, params: Record<string, string | number> = {}): string {
  let node: unknown = zhCN.errors;
  for (const part of code.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no zh-CN text for ${code}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? `{{${k}}}`));
}

function doc(id: number, over: Partial<CustomsDocument>): CustomsDocument {
  return {
    id,
    type: 'CEB603',
    businessKey: `COP-${id}`,
    orderId: id,
    orderNo: `113-${id}`,
    guid: `G-${id}`,
    messageGuid: `M-${id}`,
    revision: 1,
    status: 'sent',
    lastReturnStatus: null,
    lastReturnInfo: null,
    statusAt: '2026-05-02T08:00:00.000Z',
    invtNo: null,
    preNo: null,
    entryId: null,
    createdAt: '2026-05-01T08:00:00.000Z',
    ...over,
  };
}

beforeEach(async () => {
  await resetRenderer();
});

afterEach(() => {
  cleanup();
  host.uninstall();
});

function open(path: string): void {
  window.location.hash = `#/customs/${path}`;
  resetAppStore();
  host = installFakeHost({ company: VALID_COMPANY, orders: [makeOrder(1), makeOrder(2)] });
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('customs screens', () => {
  it('builds the chosen orders and shows counts and translated findings', async () => {
    open('build');
    render(<App />);
    fireEvent.change(await screen.findByTestId('customs-from'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByTestId('customs-to'), { target: { value: '2026-03-31' } });
    fireEvent.click(screen.getByTestId('customs-mode-9610'));
    await act(async () => fireEvent.click(screen.getByTestId('customs-build')));
    await settle();
    expect(host.callsOf('customs.build')).toEqual([
      { from: '2026-03-01', to: '2026-03-31', modes: ['9610'], dryRun: false },
    ]);
    const summary = screen.getByTestId('customs-build-summary');
    expect(summary.getAttribute('data-built')).toBe('1');
    expect(summary.textContent).toContain('2 笔被问题拦下');
    expect(screen.getByTestId('customs-build-types').textContent).toBe('CEB303 × 1 · CEB603 × 1');
    const first = screen.getByTestId('finding-0');
    expect(first.textContent).toContain('113-0000002-0000002');
    expect(first.textContent).toContain(errorText('precheck.logisticsNo.missing'));
    expect(first.textContent).not.toContain('precheck.logisticsNo.missing');
    const risk = screen.getByTestId('finding-1');
    expect(risk.textContent).toContain('8507600090');
    expect(risk.textContent).not.toContain('precheck.risk.licence');
    expect(risk.getAttribute('data-code')).toBe('precheck.risk.licence');
  });

  it('follows the build with a progress bar fed by customs.progress events', async () => {
    open('build');
    let finish: () => void = () => undefined;
    host.overrides['customs.build'] = () =>
      new Promise((resolve) => {
        finish = () =>
          resolve({
            ok: true,
            value: {
              orders: 4,
              blocked: 0,
              built: 4,
              documents: { CEB603: 4 },
              messages: 1,
              queued: 1,
              findings: [],
              validationErrors: [],
              dryRun: false,
            },
          });
      });
    render(<App />);
    await act(async () => fireEvent.click(await screen.findByTestId('customs-build')));
    const bar = () => within(screen.getByTestId('customs-build-progress')).getByRole('progressbar');
    expect(bar().getAttribute('aria-valuenow')).toBeNull();
    act(() => host.emit({ name: 'customs.progress', payload: { phase: 'validate', done: 3, total: 4 } }));
    expect(bar().getAttribute('aria-valuenow')).toBe('3');
    expect(bar().getAttribute('aria-valuemax')).toBe('4');
    expect(screen.getByTestId('customs-build-progress').textContent).toContain(zhCN.customsDesk.build.phases.validate);
    await act(async () => finish());
    await settle();
    expect(screen.queryByTestId('customs-build-progress')).toBeNull();
    expect(screen.getByTestId('customs-build-summary').getAttribute('data-built')).toBe('4');
  });

  it('resolves listed order numbers to ids, and says which number is unknown', async () => {
    open('build');
    render(<App />);
    fireEvent.change(await screen.findByTestId('customs-order-nos'), {
      target: { value: `${makeOrder(2).orderNo}\n${makeOrder(1).orderNo}` },
    });
    await act(async () => fireEvent.click(screen.getByTestId('customs-precheck')));
    await settle();
    expect(host.callsOf('customs.precheck')).toEqual([{ orderIds: [2, 1] }]);
    expect(screen.getByTestId('customs-precheck-summary').textContent).toContain('发现 2 个问题');

    fireEvent.change(screen.getByTestId('customs-order-nos'), { target: { value: 'NO-SUCH-ORDER' } });
    await act(async () => fireEvent.click(screen.getByTestId('customs-precheck')));
    await settle();
    expect(screen.getByTestId('customs-selection-notice').textContent).toContain('NO-SUCH-ORDER');
    expect(host.callsOf('customs.precheck')).toHaveLength(1);
  });

  it('"生成申报" on the Orders page takes the selected orders to the build tab, prefilled', async () => {
    open('build');
    window.location.hash = '#/orders';
    resetAppStore();
    const viewport = stubViewport('orders-list', { width: 1000, height: 360 }); // happy-dom lays nothing out
    try {
      render(<App />);
      expect(((await screen.findByTestId('orders-bulk-declare')) as HTMLButtonElement).disabled).toBe(true);
      fireEvent.click(await screen.findByTestId('orders-select-2'));
      fireEvent.click(screen.getByTestId('orders-select-1'));
    } finally {
      viewport.restore();
    }
    await act(async () => fireEvent.click(screen.getByTestId('orders-bulk-declare')));
    // the customs desk's path helper loads with its chunk (the orders list does not carry it)
    await waitFor(() => expect(window.location.hash).toBe('#/customs/build?orders=1,2'));
    await settle();
    const picked = screen.getByTestId('customs-picked-orders');
    expect(picked.getAttribute('data-count')).toBe('2');
    expect(screen.getByTestId('customs-picked-order-nos').textContent).toBe(
      `${makeOrder(1).orderNo}, ${makeOrder(2).orderNo}`,
    );
    await act(async () => fireEvent.click(screen.getByTestId('customs-precheck')));
    await settle();
    expect(host.callsOf('customs.precheck')).toEqual([{ orderIds: [1, 2] }]);
    await act(async () => fireEvent.click(screen.getByTestId('customs-picked-clear')));
    await settle();
    expect(screen.queryByTestId('customs-picked-orders')).toBeNull();
    await act(async () => fireEvent.click(screen.getByTestId('customs-precheck')));
    await settle();
    expect(host.callsOf('customs.precheck').at(-1)).toEqual({});
  });

  it('fixes a missing waybill number in place and runs the pre-check again; a risk finding opens the risk list', async () => {
    open('build');
    render(<App />);
    await act(async () => fireEvent.click(await screen.findByTestId('customs-precheck')));
    await settle();
    await act(async () => fireEvent.click(screen.getByTestId('finding-fix-0')));
    await settle();
    const form = screen.getByTestId('customs-shipping-2');
    fireEvent.change(within(form).getByTestId('customs-shipping-logisticsNo'), { target: { value: 'SF1234567890' } });
    fireEvent.change(within(form).getByTestId('customs-shipping-grossWeightGrams'), { target: { value: '1.5kg' } });
    await act(async () => fireEvent.click(within(form).getByTestId('customs-shipping-save')));
    expect(within(form).getByTestId('field-error-shipping-grossWeightGrams')).toBeTruthy();
    expect(host.callsOf('customs.shipping.save')).toEqual([]);
    fireEvent.change(within(form).getByTestId('customs-shipping-grossWeightGrams'), { target: { value: '1500' } });
    await act(async () => fireEvent.click(within(form).getByTestId('customs-shipping-save')));
    await settle();
    expect(host.callsOf('customs.shipping.save')).toEqual([
      {
        orderId: 2,
        logisticsNo: 'SF1234567890',
        logisticsCode: null,
        logisticsName: null,
        exportDate: null,
        grossWeightGrams: 1500,
        packNo: null,
        copNo: null,
      },
    ]);
    expect(host.callsOf('customs.precheck')).toHaveLength(2);
    expect(screen.queryByTestId('customs-shipping-2')).toBeNull();

    await act(async () => fireEvent.click(screen.getByTestId('finding-fix-1')));
    await settle();
    expect(useAppStore.getState().routePath).toBe('risk');
    expect(((await screen.findByTestId('risk-prefix-0')) as HTMLInputElement).value).toBe('8507');
  });

  it('shows XSD validation errors with the validator’s reason', async () => {
    open('build');
    host.overrides['customs.build'] = () => ({
      ok: true,
      value: {
        orders: 1,
        blocked: 0,
        built: 0,
        documents: {},
        messages: 1,
        queued: 0,
        findings: [],
        dryRun: true,
        validationErrors: [
          {
            messageType: 'CEB603',
            messageGuid: 'ABC-1',
            line: 12,
            message: "Element 'itemNo': [facet 'maxLength'] The value has a length of '21'",
          },
        ],
      },
    });
    render(<App />);
    await act(async () => fireEvent.click(await screen.findByTestId('customs-dry-run')));
    await settle();
    expect(host.callsOf('customs.build')).toEqual([{ dryRun: true }]);
    const row = screen.getByTestId('validation-error-0');
    expect(row.textContent).toContain('CEB603');
    expect(row.textContent).toContain('12');
    expect(row.textContent).toContain("[facet 'maxLength']");
    expect(screen.getByTestId('customs-build-summary').getAttribute('data-dry-run')).toBe('true');
  });

  it('lists documents with status chips, rejection reasons and negative codes, paging with the cursor', async () => {
    open('documents');
    const firstPage = [
      doc(1, { status: '120', lastReturnStatus: '120', lastReturnInfo: '新增申报成功' }),
      doc(2, { status: '100', lastReturnStatus: '100', lastReturnInfo: '商品编码不存在' }),
      doc(3, { status: 'error', lastReturnStatus: '-301010', lastReturnInfo: '订单编号已存在' }),
    ];
    host.overrides['customs.documents.list'] = (input) =>
      input.cursor === 'p2'
        ? { ok: true, value: { items: [doc(4, { status: '899' })], total: 4, nextCursor: null } }
        : { ok: true, value: { items: firstPage, total: 4, nextCursor: 'p2' } };
    render(<App />);
    const accepted = await screen.findByTestId('customs-doc-status-1');
    expect(accepted.textContent).toBe(zhCN.customsDesk.statuses['120']);
    expect(accepted.className).toContain('status-badge-ok');
    const rejected = screen.getByTestId('customs-doc-CEB603-COP-2');
    expect(rejected.textContent).toContain(zhCN.customsDesk.statuses['100']);
    expect(rejected.textContent).toContain('商品编码不存在');
    expect(screen.getByTestId('customs-doc-status-2').className).toContain('status-badge-warn');
    const negative = screen.getByTestId('customs-doc-CEB603-COP-3');
    expect(negative.textContent).toContain('-301010');
    expect(negative.textContent).toContain(zhCN.customsDesk.statuses.error);

    await act(async () =>
      fireEvent.click(within(screen.getByTestId('customs-documents-pager')).getByText(zhCN.customsDesk.next)),
    );
    await settle();
    expect(host.callsOf('customs.documents.list').at(-1)).toEqual({ limit: 50, cursor: 'p2' });
    expect(screen.getByTestId('customs-doc-status-4').textContent).toBe(zhCN.customsDesk.statuses['899']);

    fireEvent.change(screen.getByTestId('customs-filter-status'), { target: { value: '100' } });
    await settle();
    expect(host.callsOf('customs.documents.list').at(-1)).toEqual({ limit: 50, cursor: null, status: '100' });
  });

  it('reads the documents again when the host reports a change (a background sync), the settings form not', async () => {
    open('documents');
    render(<App />);
    await screen.findByTestId('customs-documents');
    await settle();
    const before = host.callsOf('customs.documents.list').length;
    act(() => host.emit({ name: 'sync.status', payload: { state: 'idle', queued: 0, failed: 0 } }));
    await settle();
    expect(host.callsOf('customs.documents.list').length).toBe(before + 1);

    await act(async () => fireEvent.click(screen.getByTestId('customs-tab-settings')));
    await settle();
    fireEvent.change(screen.getByTestId('customs-setting-ebpName'), { target: { value: '正在编辑' } });
    const reads = host.callsOf('customs.settings.get').length;
    act(() => host.emit({ name: 'ledger.changed', payload: { command: 'sync.now', at: '2026-05-02T08:00:00.000Z' } }));
    await settle();
    expect(host.callsOf('customs.settings.get').length).toBe(reads);
    expect((screen.getByTestId('customs-setting-ebpName') as HTMLInputElement).value).toBe('正在编辑');
  });

  it('opens a document with its full history and receipts', async () => {
    open('documents');
    render(<App />);
    await act(async () => fireEvent.click(await screen.findByTestId('customs-doc-open-2')));
    await settle();
    expect(window.location.hash === '#/customs/documents/2' || useAppStore.getState().routePath === 'documents/2').toBe(
      true,
    );
    expect(host.callsOf('customs.documents.get')).toEqual([{ id: 2 }]);
    const history = screen.getByTestId('customs-document-history');
    expect([...history.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-status'))).toEqual([
      'validated',
      'queued',
      'sent',
      '800',
    ]);
    expect(screen.getByTestId('customs-document-receipts').textContent).toContain('CEB604');
    expect(screen.getByTestId('customs-document-invtNo').textContent).toBe('29212026E000000001');
  });

  it('applies for a summary by period and shows the entryId of the result', async () => {
    open('summary');
    host.overrides['customs.documents.list'] = (input) => ({
      ok: true,
      value: {
        items:
          input.type === 'CEB701'
            ? [doc(9, { type: 'CEB701', businessKey: 'SUM-1', status: '120', entryId: '292120260000012345' })]
            : [],
        total: 1,
        nextCursor: null,
      },
    });
    render(<App />);
    await act(async () => fireEvent.click(await screen.findByTestId('customs-summary-apply')));
    expect(screen.getByTestId('customs-summary-notice').textContent).toBe(zhCN.customsDesk.summary.needPeriod);
    fireEvent.change(screen.getByTestId('customs-summary-start'), { target: { value: '2026-05-01' } });
    fireEvent.change(screen.getByTestId('customs-summary-end'), { target: { value: '2026-05-31' } });
    fireEvent.change(screen.getByTestId('customs-summary-flag'), { target: { value: '2' } });
    await act(async () => fireEvent.click(screen.getByTestId('customs-summary-apply')));
    await settle();
    expect(host.callsOf('customs.summary.apply')).toEqual([
      { summaryFlag: '2', itemNameFlag: '0', startDate: '2026-05-01', endDate: '2026-05-31' },
    ]);
    expect(screen.getByTestId('customs-summary-result').textContent).toContain('SUM-202605-001');
    expect(screen.getByTestId('customs-summary-entry-SUM-1').textContent).toBe('292120260000012345');
  });

  it('saves the customs settings: required fields first, empty optional ones as null', async () => {
    open('settings');
    host.overrides['customs.settings.get'] = () => ({ ok: true, value: null });
    render(<App />);
    await screen.findByTestId('customs-settings-missing');
    await act(async () => fireEvent.click(screen.getByTestId('customs-settings-save')));
    expect(screen.getByTestId('field-error-ebpCode').textContent).toBe(zhCN.errors.validation.required);
    expect(host.callsOf('customs.settings.save')).toEqual([]);
    const values: Record<string, string> = {
      ebpCode: '3301964J31',
      ebpName: '示例平台',
      customsCode: '2921',
      portCode: '2921',
      pod: '502',
      trafMode: '5',
      wrapType: '2',
      logisticsCode: '3120980105',
      logisticsName: '示例物流',
      agentCode: '  ',
    };
    for (const [k, v] of Object.entries(values))
      fireEvent.change(screen.getByTestId(`customs-setting-${k}`), { target: { value: v } });
    fireEvent.click(screen.getByTestId('customs-setting-declaresWaybills'));
    await act(async () => fireEvent.click(screen.getByTestId('customs-settings-save')));
    await settle();
    const saved = host.callsOf('customs.settings.save')[0]!;
    expect(saved).toMatchObject({
      ebpCode: '3301964J31',
      customsCode: '2921',
      agentCode: null,
      payName: null,
      statisticsFlag: 'B',
      appStatus: '2',
      declaresWaybills: true,
    });
    expect(screen.getByTestId('customs-settings-saved')).toBeTruthy();
  });

  it('imports a waybill file: previews rejected rows and saves nothing, then confirms a clean file and re-runs the pre-check', async () => {
    open('build');
    const bad = {
      row: 3,
      column: '出口日期',
      code: 'import.row.badDate',
      params: { column: '出口日期', value: '2026-13-01' },
    };
    host.overrides['customs.shipping.import'] = (input) =>
      input.fileName === 'bad.csv'
        ? {
            ok: true,
            value: { rows: 2, matched: 1, saved: 0, unchanged: 0, unknownOrders: ['NOPE-1'], rejected: [bad] },
          }
        : {
            ok: true,
            value: { rows: 2, matched: 2, saved: input.dryRun ? 0 : 2, unchanged: 0, unknownOrders: [], rejected: [] },
          };
    render(<App />);
    const choose = async (name: string) => {
      await act(async () =>
        fireEvent.change(screen.getByTestId('waybill-file'), {
          target: { files: [new File(['订单号,运单号\n'], name, { type: 'text/csv' })] },
        }),
      );
      await settle();
    };
    await screen.findByTestId('waybill-file');
    await choose('bad.csv');
    expect(screen.getByTestId('waybill-blocked')).toBeTruthy();
    expect(screen.getByTestId('waybill-rejected-3').textContent).toContain(errorText(bad.code, bad.params));
    expect(screen.getByTestId('waybill-unknown').textContent).toContain('NOPE-1');
    expect(screen.queryByTestId('waybill-confirm')).toBeNull();
    await choose('good.csv');
    expect(screen.getByTestId('waybill-preview').getAttribute('data-matched')).toBe('2');
    expect(host.callsOf('customs.precheck')).toHaveLength(0);
    await act(async () => fireEvent.click(screen.getByTestId('waybill-confirm')));
    await settle();
    const calls = host.callsOf('customs.shipping.import');
    expect(calls.map((c) => [c.fileName, c.dryRun ?? false])).toEqual([
      ['bad.csv', true],
      ['good.csv', true],
      ['good.csv', false],
    ]);
    expect(calls[2]!.contentBase64).toBe(calls[1]!.contentBase64);
    expect(screen.getByTestId('waybill-saved').textContent).toContain('已保存 2 笔');
    expect(host.callsOf('customs.precheck')).toHaveLength(1);
    expect(screen.getByTestId('customs-precheck-summary')).toBeTruthy();
  });

  it('saves the valid rows of a waybill file with problems only when chosen explicitly (issue 14)', async () => {
    open('build');
    const bad = {
      row: 3,
      column: '出口日期',
      code: 'import.row.badDate',
      params: { column: '出口日期', value: '2026-13-01' },
    };
    host.overrides['customs.shipping.import'] = (input) => ({
      ok: true,
      value: {
        rows: 2,
        matched: 1,
        saved: input.dryRun || !input.acceptValidRows ? 0 : 1,
        unchanged: 0,
        unknownOrders: [],
        rejected: [bad],
      },
    });
    render(<App />);
    await screen.findByTestId('waybill-file');
    await act(async () =>
      fireEvent.change(screen.getByTestId('waybill-file'), {
        target: { files: [new File(['订单号,运单号\n'], 'bad.csv', { type: 'text/csv' })] },
      }),
    );
    await settle();
    expect(screen.queryByTestId('waybill-confirm')).toBeNull();
    await act(async () => fireEvent.click(screen.getByTestId('waybill-confirm-valid')));
    await settle();
    expect(host.callsOf('customs.shipping.import').map((c) => [c.dryRun ?? false, c.acceptValidRows ?? false])).toEqual(
      [
        [true, false],
        [false, true],
      ],
    );
    expect(screen.getByTestId('waybill-saved')).toBeTruthy();
  });

  it('leaves no untranslated text on any tab, in the findings or in a document', async () => {
    open('build');
    i18n.addResourceBundle(PSEUDO_LANGUAGE, 'translation', pseudoLocale(), true, true);
    const data = new Set<string>([
      VALID_COMPANY.name,
      VALID_COMPANY.uscc,
      '账',
      'Amazon.com',
      ...Object.values(LANGUAGE_ENDONYMS),
    ]);
    render(<App />);
    await screen.findByTestId('customs-precheck');
    await act(async () => {
      await applyLanguage(PSEUDO_LANGUAGE);
    });
    await act(async () => fireEvent.click(screen.getByTestId('customs-precheck')));
    await settle();
    await act(async () => fireEvent.click(screen.getByTestId('finding-fix-0')));
    await settle();
    expect(untranslated(document.body, data), 'build').toEqual([]);
    for (const tab of ['documents', 'summary', 'settings', 'risk'] as const) {
      await act(async () => fireEvent.click(screen.getByTestId(`customs-tab-${tab}`)));
      await settle();
      expect(untranslated(document.body, data), tab).toEqual([]);
    }
    await act(async () => fireEvent.click(screen.getByTestId('customs-tab-documents')));
    await settle();
    await act(async () => fireEvent.click(screen.getByTestId('customs-doc-open-1')));
    await settle();
    expect(screen.getByTestId('customs-document-history')).toBeTruthy();
    expect(untranslated(document.body, data), 'document').toEqual([]);
    await applyLanguage('zh-CN');
  });
});
