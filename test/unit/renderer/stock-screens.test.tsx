/**
 * The stock screens against a fake bridge: stock on hand with formatted values that re-queries
 * with the as-of date, the shipment receipt that asks for a discrepancy reason before sending
 * (and then sends SKU ids, quantities and reasons), ageing in five buckets, and the translated
 * `stock.negative` error from the host in the move form's banner.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgeingRow, Shipment, SkuRecord, Warehouse } from '../../../src-main/api/contract.ts';
import { App } from '../../../src-renderer/app/App.tsx';
import { zhCN } from '../../../src-renderer/i18n/locales/zh-CN.ts';
import { resetAppStore } from '../../../src-renderer/state/store.ts';
import { formatMoney } from '../../../src-renderer/ui/format-money.ts';
import { installFakeHost, VALID_COMPANY, type FakeHost } from './fake-host.ts';
import { stubViewport, type LayoutStub } from './layout-stub.ts';
import { resetRenderer } from './reset-renderer.ts';
import type { Minor } from '../../../src-main/core/money/index.ts';
/** A fixture amount in minor units (the read models brand money as `Minor`). */
const m = (n: number): Minor => n as Minor;

let host: FakeHost;
let layout: LayoutStub;

const SKU: SkuRecord = {
  id: 7,
  itemNo: 'MUG-01',
  goodsName: '陶瓷马克杯',
  gmodel: '无品牌|350ml|陶瓷',
  hsCode: '6912001000',
  unit: '007',
  legalUnit: '007',
  secondLegalUnit: null,
  barcode: null,
  origin: 'CN',
  weightGrams: 420,
  volumeCm3: 1200,
  platformSkus: [],
};
const SZ: Warehouse = { id: 1, code: 'SZ', name: '深圳仓', kind: 'domestic', country: 'CN' };
const US: Warehouse = { id: 2, code: 'US1', name: '美国自营仓', kind: 'overseasOwn', country: 'US' };
const SHIPMENT: Shipment = {
  id: 3,
  bookingNoteNo: 'BN2026001',
  carrier: 'COSCO',
  cartons: 6,
  shipDate: '2026-03-02',
  eta: '2026-04-01',
  from: 'SZ',
  to: 'US1',
  status: 'inTransit',
  allocationBasis: 'value',
  landedCost: m(12000),
  lines: [{ sku: 'MUG-01', shipped: 60, received: null, discrepancyReason: null, landedCost: m(12000) }],
};

beforeEach(async () => {
  await resetRenderer();
  layout = stubViewport('stock-onhand', { width: 1000, height: 360 });
});

afterEach(() => {
  cleanup();
  layout.restore();
  host.uninstall();
});

async function open(path: string): Promise<void> {
  window.location.hash = `#/stock/${path}`;
  resetAppStore();
  host = installFakeHost({ company: VALID_COMPANY });
  host.overrides['stock.skus.list'] = () => ({ ok: true, value: [SKU] });
  host.overrides['stock.warehouses.list'] = () => ({ ok: true, value: [SZ, US] });
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('stock screens', () => {
  it('shows stock on hand with formatted values and re-queries with the as-of date', async () => {
    await open('onhand');
    host.overrides['stock.onHand'] = (input) => ({
      ok: true,
      value: {
        asOf: input.asOf ?? '2026-03-31',
        items:
          input.asOf === '2026-03-01'
            ? [{ sku: 'MUG-01', warehouse: 'SZ', quantity: 100, value: m(120000) }]
            : [
                { sku: 'MUG-01', warehouse: 'SZ', quantity: 40, value: m(48000) },
                { sku: 'MUG-01', warehouse: 'US1', quantity: 60, value: m(84000) },
              ],
      },
    });
    render(<App />);
    const row = await screen.findByTestId('stock-row-MUG-01-US1');
    expect(row.textContent).toContain('美国自营仓');
    expect(row.textContent).toContain('60');
    expect(row.textContent).toContain(formatMoney(84000, 'CNY', 'zh-CN'));
    expect(screen.getByTestId('stock-row-MUG-01-SZ').textContent).toContain(formatMoney(48000, 'CNY', 'zh-CN'));
    expect(screen.getByTestId('stock-onhand-total').textContent).toContain(formatMoney(132000, 'CNY', 'zh-CN'));
    expect(host.callsOf('stock.onHand').at(-1)).toEqual({});

    await act(async () => fireEvent.change(screen.getByTestId('stock-asof'), { target: { value: '2026-03-01' } }));
    await settle();
    expect(host.callsOf('stock.onHand').at(-1)).toEqual({ asOf: '2026-03-01' });
    expect(screen.queryByTestId('stock-row-MUG-01-US1')).toBeNull();
    expect(screen.getByTestId('stock-row-MUG-01-SZ').textContent).toContain(formatMoney(120000, 'CNY', 'zh-CN'));
  });

  it('asks for a reason when less is received than shipped, then sends the receipt', async () => {
    await open('transit');
    let current = SHIPMENT;
    host.overrides['stock.shipments.list'] = () => ({ ok: true, value: [current] });
    host.overrides['stock.shipments.receive'] = (input) => {
      current = {
        ...SHIPMENT,
        status: 'received',
        lines: [
          {
            ...SHIPMENT.lines[0]!,
            received: input.lines[0]!.received,
            discrepancyReason: input.lines[0]!.discrepancyReason ?? null,
          },
        ],
      };
      return { ok: true, value: current };
    };
    render(<App />);
    const row = await screen.findByTestId('shipment-BN2026001');
    expect(row.textContent).toContain('COSCO');
    await act(async () => fireEvent.click(within(row).getByTestId('shipment-open-BN2026001')));
    await screen.findByTestId('shipment-receive');
    fireEvent.change(screen.getByTestId('shipment-receive-date'), { target: { value: '2026-04-02' } });
    fireEvent.change(screen.getByTestId('shipment-receive-MUG-01'), { target: { value: '58' } });
    await act(async () => fireEvent.click(screen.getByTestId('shipment-receive-save')));
    expect(screen.getByTestId('field-error-shipment-receive-reason-MUG-01').textContent).toBe(
      zhCN.errors.stock.shipment.reasonRequired,
    );
    expect(host.callsOf('stock.shipments.receive')).toEqual([]);

    fireEvent.change(screen.getByTestId('shipment-receive-reason-MUG-01'), { target: { value: '2 件破损' } });
    await act(async () => fireEvent.click(screen.getByTestId('shipment-receive-save')));
    await settle();
    expect(host.callsOf('stock.shipments.receive')).toEqual([
      { shipmentId: 3, date: '2026-04-02', lines: [{ skuId: 7, received: 58, discrepancyReason: '2 件破损' }] },
    ]);
    expect(screen.queryByTestId('shipment-receive')).toBeNull();
    expect(screen.getByTestId('shipment-lines').textContent).toContain('2 件破损');
  });

  it('shows ageing in five buckets with quantities and values', async () => {
    await open('ageing');
    const rows: AgeingRow[] = [
      {
        sku: 'MUG-01',
        warehouse: 'US1',
        buckets: {
          '0-30': { quantity: 60, value: m(84000) },
          '31-90': { quantity: 0, value: m(0) },
          '91-180': { quantity: 5, value: m(6000) },
          '181-365': { quantity: 0, value: m(0) },
          '365+': { quantity: 1, value: m(1200) },
        },
      },
    ];
    host.overrides['stock.ageing'] = () => ({ ok: true, value: rows });
    render(<App />);
    const table = await screen.findByTestId('stock-ageing');
    const cells = within(table).getAllByTestId(/^ageing-MUG-01-US1-/);
    expect(cells.map((c) => c.getAttribute('data-testid'))).toEqual(
      ['0-30', '31-90', '91-180', '181-365', '365+'].map((b) => `ageing-MUG-01-US1-${b}`),
    );
    expect(screen.getByTestId('ageing-MUG-01-US1-0-30').textContent).toContain(formatMoney(84000, 'CNY', 'zh-CN'));
    expect(screen.getByTestId('ageing-MUG-01-US1-365+').getAttribute('data-quantity')).toBe('1');
    for (const b of ['0-30', '31-90', '91-180', '181-365', '365+'] as const) {
      expect(within(table).getByText(zhCN.stock.ageing.buckets[b])).toBeTruthy();
    }
  });

  it('shows the translated stock.negative error from the host in the banner', async () => {
    await open('moves');
    host.overrides['stock.moves.post'] = () => ({
      ok: false,
      error: {
        code: 'stock.negative',
        params: { sku: 'MUG-01', warehouse: 'SZ', date: '2026-03-05', onHand: 3, wanted: 5 },
      },
    });
    render(<App />);
    await screen.findByTestId('move-form');
    await settle();
    const form = screen.getByTestId('move-form');
    fireEvent.change(within(form).getByTestId('move-form-type'), { target: { value: 'sale' } });
    fireEvent.change(within(form).getByTestId('move-form-date'), { target: { value: '2026-03-05' } });
    fireEvent.change(within(form).getByTestId('move-form-sku'), { target: { value: '7' } });
    fireEvent.change(within(form).getByTestId('move-form-warehouse'), { target: { value: '1' } });
    fireEvent.change(within(form).getByTestId('move-form-quantity'), { target: { value: '5' } });
    await act(async () => fireEvent.click(within(form).getByTestId('move-form-save')));
    await settle();
    expect(host.callsOf('stock.moves.post').at(-1)).toMatchObject({
      date: '2026-03-05',
      type: 'sale',
      skuId: 7,
      warehouseId: 1,
      quantity: 5,
    });
    const banner = within(form).getByTestId('error-banner');
    expect(banner.getAttribute('data-code')).toBe('stock.negative');
    expect(banner.querySelector('.error-banner-text')?.textContent).toBe(
      zhCN.errors.stock.negative
        .replace('{{sku}}', 'MUG-01')
        .replace('{{warehouse}}', 'SZ')
        .replace('{{date}}', '2026-03-05')
        .replace('{{onHand}}', '3')
        .replace('{{wanted}}', '5'),
    );
  });

  it('switches the valuation method in Settings', async () => {
    window.location.hash = '#/settings';
    resetAppStore();
    host = installFakeHost({ company: VALID_COMPANY });
    render(<App />);
    const select = await screen.findByTestId('settings-valuation-method');
    await settle();
    expect((select as HTMLSelectElement).value).toBe('fifo');
    await act(async () => fireEvent.change(select, { target: { value: 'movingAverage' } }));
    await settle();
    expect(host.callsOf('settings.setValuationMethod')).toEqual([{ method: 'movingAverage' }]);
    expect(screen.getByTestId('settings-valuation-saved')).toBeTruthy();
  });

  it('posts sales from orders and lists the lines it skipped with a translated reason', async () => {
    await open('moves');
    host.overrides['stock.postSales'] = () => ({
      ok: true,
      value: { posted: 3, skipped: [{ orderNo: '111-0000001', sku: 'UNMAPPED', code: 'stock.sku.unknown' }] },
    });
    render(<App />);
    await settle();
    fireEvent.click(await screen.findByTestId('stock-post-sales-run'));
    await settle();
    const result = await screen.findByTestId('stock-post-sales-result');
    expect(result.textContent).toContain('已出库 3 个订单行');
    expect(within(result).getByText('111-0000001')).toBeTruthy();
    expect(result.textContent).not.toContain('stock.sku.unknown');
    expect(host.calls.some((c) => c.name === 'stock.postSales')).toBe(true);
  });
});

describe('stock import preview (issue 14)', () => {
  const SUMMARY = {
    source: 'stock-moves' as const,
    rows: 3,
    posted: 2,
    unchanged: 0,
    committed: false,
    created: { skus: 0, warehouses: 0, shipments: 1 },
    differences: [],
    rejected: [{ row: 4, column: 'sku', code: 'stock.sku.unknown', params: { sku: 'NO-SUCH' } }],
  };

  async function chooseFile(createMissing = false): Promise<void> {
    render(<App />);
    const input = await screen.findByTestId('stock-import-file');
    if (createMissing) fireEvent.click(screen.getByTestId('stock-import-create-missing'));
    const file = new File(
      ['date,type,sku,warehouse,to_warehouse,quantity,unit_cost,amount,currency,reference,reason\n'],
      'moves.csv',
      { type: 'text/csv' },
    );
    await act(async () => fireEvent.change(input, { target: { files: [file] } }));
    await act(async () => fireEvent.click(screen.getByTestId('stock-import-start')));
    await settle();
  }

  it('checks the file as a dry run, and books a file with a rejected row only through "import the valid rows"', async () => {
    await open('import');
    host.overrides['stock.import'] = (input) => ({ ok: true, value: { ...SUMMARY, committed: !input.dryRun } });
    await chooseFile();
    expect(host.callsOf('stock.import').map((c) => [c.dryRun, c.acceptValidRows])).toEqual([[true, false]]);
    expect(screen.getByTestId('stock-import-summary').getAttribute('data-committed')).toBe('false');
    expect(screen.queryByTestId('stock-import-confirm')).toBeNull();
    await act(async () => fireEvent.click(screen.getByTestId('stock-import-confirm-valid')));
    await settle();
    expect(host.callsOf('stock.import').map((c) => [c.dryRun, c.acceptValidRows])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(screen.getByTestId('stock-import-committed')).toBeTruthy();
  });

  it('asks the kind of new warehouses the file does not describe and checks again with the answers', async () => {
    await open('import');
    host.overrides['stock.import'] = (input) =>
      input.warehouseKinds
        ? { ok: true, value: { ...SUMMARY, rejected: [], created: { skus: 0, warehouses: 1, shipments: 0 } } }
        : { ok: false, error: { code: 'stock.warehouseKindUnknown', params: { warehouses: 'DE-FBA' } } };
    await chooseFile(true);
    const ask = screen.getByTestId('stock-import-kind-DE-FBA');
    fireEvent.change(within(ask).getByRole('combobox'), { target: { value: 'platform' } });
    fireEvent.change(within(ask).getByRole('textbox'), { target: { value: 'de' } });
    await act(async () => fireEvent.click(screen.getByTestId('stock-import-kinds-continue')));
    await settle();
    expect(host.callsOf('stock.import').at(-1)?.warehouseKinds).toEqual({
      'DE-FBA': { kind: 'platform', country: 'DE' },
    });
    expect(screen.getByTestId('stock-import-confirm')).toBeTruthy();
  });
});
