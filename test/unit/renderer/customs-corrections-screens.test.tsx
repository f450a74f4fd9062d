/**
 * Issue 15 screens against a fake bridge: the corrections tab — a list's withdrawal needs its
 * reason and a passing preview before it can be sent; a return above what may still come back is
 * stopped on screen, a host refusal shows its translated reason —; the head-haul tab — values from
 * cost plus markup, the 报关单 route with its file download; and, under the pseudo-locale, no
 * untranslated text on either tab.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HeadHaulShipmentView, ListCorrections } from '../../../src-main/api/contract.ts';
import { App } from '../../../src-renderer/app/App.tsx';
import { applyLanguage, i18n } from '../../../src-renderer/i18n/index.ts';
import { LANGUAGE_ENDONYMS } from '../../../src-renderer/i18n/languages.ts';
import { PSEUDO_LANGUAGE, pseudoLocale } from '../../../src-renderer/i18n/pseudo-locale.ts';
import { resetAppStore } from '../../../src-renderer/state/store.ts';
import { installFakeHost, VALID_COMPANY, type FakeHost } from './fake-host.ts';
import { resetRenderer } from './reset-renderer.ts';
import { untranslated } from './untranslated-text.ts';

const INVT = '49002026E000000004';
let host: FakeHost;

const LIST: ListCorrections = {
  invtNo: INVT,
  copNo: '113-1',
  orderNo: '113-1',
  documentId: 7,
  status: '800',
  lastReturnInfo: null,
  tradeMode: '9610',
  exportDate: '2026-12-03',
  returnWindowEnd: '2027-06-03',
  country: 'US',
  canWithdraw: true,
  canReturn: true,
  lines: [{ gnum: 1, gcode: '6912001000', gname: '陶瓷马克杯', unit: '007', qty: '2', returned: '0', returnable: 2 }],
  withdrawal: null,
  returns: [],
};

const SHIPMENT: HeadHaulShipmentView = {
  bookingNoteNo: 'BN1',
  shipDate: '2026-12-05',
  shipmentStatus: 'inTransit',
  warehouse: { code: 'US1', name: '洛杉矶自营仓', country: 'US' },
  lines: [
    { gnum: 1, sku: 'MUG-RED', goodsName: '陶瓷马克杯', quantity: 600, costUnit: '8.00', declaredUnitValue: null },
  ],
  route: { route: 'list', totalCny: '4800.00', reasons: [] },
  problem: null,
  declared: null,
  entry: null,
};

function open(path: string): void {
  window.location.hash = `#/customs/${path}`;
  resetAppStore();
  host = installFakeHost({ company: VALID_COMPANY });
  host.overrides['customs.documents.list'] = () => ({
    ok: true,
    value: {
      items: [
        {
          id: 7,
          type: 'CEB603',
          businessKey: '113-1',
          orderId: 1,
          orderNo: '113-1',
          guid: 'G',
          messageGuid: 'M',
          revision: 1,
          status: '800',
          lastReturnStatus: '800',
          lastReturnInfo: null,
          statusAt: '2026-12-04T08:00:00.000Z',
          invtNo: INVT,
          preNo: null,
          entryId: null,
          createdAt: '2026-12-03T08:00:00.000Z',
        },
      ],
      total: 1,
      nextCursor: null,
    } as never,
  });
  host.overrides['customs.lists.corrections'] = () => ({ ok: true, value: LIST });
  host.overrides['customs.headHaul.list'] = () => ({ ok: true, value: [SHIPMENT] });
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

beforeEach(async () => {
  await resetRenderer();
});

afterEach(() => {
  cleanup();
  host.uninstall();
});

const outcome = (preview: boolean) => ({
  ok: true as const,
  value: {
    type: 'CEB605' as const,
    key: '113-1',
    invtNo: INVT,
    alreadyDeclared: false,
    documents: 1,
    queued: preview ? 0 : 1,
    validationErrors: [],
    dryRun: preview,
  },
});

describe('customs corrections and head-haul screens', () => {
  it('withdraws a list only with a reason and after a passing preview', async () => {
    open(`corrections?invtNo=${INVT}`);
    host.overrides['customs.lists.cancel'] = (input) => outcome(input.dryRun === true);
    render(<App />);
    await act(async () => fireEvent.click(await screen.findByTestId('corrections-withdraw-preview')));
    expect(screen.getByTestId('field-error-withdraw-reason').textContent).toBe('此项必填。');
    expect(host.callsOf('customs.lists.cancel')).toEqual([]);
    expect((screen.getByTestId('corrections-withdraw-send') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('corrections-withdraw-reason'), { target: { value: '订单取消' } });
    await act(async () => fireEvent.click(screen.getByTestId('corrections-withdraw-preview')));
    await settle();
    expect(screen.getByTestId('corrections-withdraw-outcome').getAttribute('data-preview')).toBe('true');
    await act(async () => fireEvent.click(screen.getByTestId('corrections-withdraw-send')));
    await settle();
    expect(host.callsOf('customs.lists.cancel')).toEqual([
      { invtNo: INVT, reason: '订单取消', dryRun: true },
      { invtNo: INVT, reason: '订单取消', dryRun: false },
    ]);
    expect(screen.getByTestId('corrections-withdraw-outcome').getAttribute('data-preview')).toBe('false');
  });

  it('stops a return above what may come back; shows the host refusal translated', async () => {
    open(`corrections?invtNo=${INVT}`);
    host.overrides['customs.returns.apply'] = () => ({
      ok: false,
      error: {
        code: 'customs.return.outsideWindow',
        params: { invtNo: INVT, exportDate: '2026-12-03', returnDate: '2027-08-01' },
      },
    });
    render(<App />);
    const fill = (k: string, v: string) =>
      fireEvent.change(screen.getByTestId(`corrections-return-${k}`), { target: { value: v } });
    await screen.findByTestId('corrections-return-coElNo');
    for (const [k, v] of Object.entries({
      coElNo: 'RT-1',
      reason: '买家退货',
      logisticsNo: 'RT-SF1',
      billNo: 'MAWB-1',
      trafName: 'CA988',
      voyageNo: 'CA988',
      returnDate: '2027-08-01',
    }))
      fill(k, v);
    fireEvent.change(screen.getByTestId('corrections-qty-1'), { target: { value: '3' } });
    await act(async () => fireEvent.click(screen.getByTestId('corrections-return-preview')));
    expect(screen.getByTestId('corrections-qty-error-1').textContent).toContain('最多还能退 2');
    expect(host.callsOf('customs.returns.apply')).toEqual([]);
    fireEvent.change(screen.getByTestId('corrections-qty-1'), { target: { value: '1' } });
    expect(screen.getByTestId('corrections-outside-window')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('corrections-return-preview')));
    await settle();
    expect(host.callsOf('customs.returns.apply')[0]).toMatchObject({ lines: [{ gnum: 1, qty: 1 }], dryRun: true });
    const banner = screen.getByTestId('error-banner');
    expect(banner.getAttribute('data-code')).toBe('customs.return.outsideWindow');
    expect(banner.textContent).toContain('不在退运免税期限内');
    expect((screen.getByTestId('corrections-return-send') as HTMLButtonElement).disabled).toBe(true);
  });

  it('fills declared values from cost plus markup on a head-haul', async () => {
    open('headHaul');
    host.overrides['customs.headHaul.declaredValues.save'] = () => ({
      ok: true,
      value: {
        ...SHIPMENT,
        lines: [{ ...SHIPMENT.lines[0]!, declaredUnitValue: '8.80' }],
        route: { route: 'declarationForm', totalCny: '5280.00', reasons: ['overLimit'] },
      },
    });
    render(<App />);
    await act(async () => fireEvent.click(await screen.findByTestId('headhaul-open-BN1')));
    expect(screen.getByTestId('headhaul-route-now').getAttribute('data-route')).toBe('list');
    await act(async () => fireEvent.click(screen.getByTestId('headhaul-apply-markup')));
    await settle();
    expect(host.callsOf('customs.headHaul.declaredValues.save')).toEqual([{ bookingNoteNo: 'BN1', markupPercent: 10 }]);
  });

  it('imports a SKU customs-data file from the import wizard: preview (dry run), refused rows, then confirm', async () => {
    window.location.hash = '#/orders/import';
    resetAppStore();
    host = installFakeHost({ company: VALID_COMPANY });
    let rejected = true;
    host.overrides['stock.skus.import'] = (input) => ({
      ok: true,
      value: {
        rows: 1,
        created: rejected ? 0 : 1,
        updated: 0,
        unchanged: 0,
        rejected: rejected
          ? [{ row: 2, column: 'unit', code: 'stock.sku.unit.unknown', params: { value: '盒子' } }]
          : [],
        dryRun: input.dryRun === true || rejected,
      },
    });
    render(<App />);
    fireEvent.change(await screen.findByTestId('import-source'), { target: { value: 'skus' } });
    const file = new File(['sku,goods_name\n'], 'skus.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    expect(screen.queryByTestId('import-start')).toBeNull();
    await act(async () => fireEvent.click(screen.getByTestId('catalog-preview')));
    await settle();
    expect(screen.getByTestId('catalog-count-rejected').getAttribute('data-value')).toBe('1');
    expect(screen.getByTestId('catalog-rejected-2').textContent).not.toContain('stock.sku');
    expect((screen.getByTestId('catalog-confirm') as HTMLButtonElement).disabled).toBe(true);
    rejected = false;
    await act(async () => fireEvent.click(screen.getByTestId('catalog-preview')));
    await settle();
    await act(async () => fireEvent.click(screen.getByTestId('catalog-confirm')));
    await settle();
    expect(host.callsOf('stock.skus.import').map((c) => c.dryRun)).toEqual([true, true, false]);
    expect(screen.getByTestId('catalog-summary-created').getAttribute('data-value')).toBe('1');
  });

  it('leaves no untranslated text on the corrections and head-haul tabs', async () => {
    open(`corrections?invtNo=${INVT}`);
    i18n.addResourceBundle(PSEUDO_LANGUAGE, 'translation', pseudoLocale(), true, true);
    const data = new Set<string>([
      VALID_COMPANY.name,
      VALID_COMPANY.uscc,
      '账',
      '陶瓷马克杯',
      '洛杉矶自营仓',
      `${INVT} · 113-1`,
      '8.00',
      'US',
      ...Object.values(LANGUAGE_ENDONYMS),
    ]);
    render(<App />);
    await screen.findByTestId('corrections-withdraw-preview');
    await act(async () => {
      await applyLanguage(PSEUDO_LANGUAGE);
    });
    await settle();
    expect(untranslated(document.body, data), 'corrections').toEqual([]);
    await act(async () => fireEvent.click(screen.getByTestId('customs-tab-headHaul')));
    await settle();
    await act(async () => fireEvent.click(screen.getByTestId('headhaul-open-BN1')));
    expect(untranslated(document.body, data), 'headHaul').toEqual([]);
    await applyLanguage('zh-CN');
  });
});
