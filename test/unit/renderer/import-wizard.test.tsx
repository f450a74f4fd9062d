/**
 * The import wizard against a fake bridge: the file travels base64-encoded with the chosen
 * source; the preview shows counts, totals and the rejected rows with translated reasons,
 * downloadable as CSV; the progress bar follows `import.progress` events; the mapping screen
 * of a generic file blocks confirm while a required field is unmapped or the mapping changed
 * without a new preview; confirm shows the summary, then the orders list; discard drops it.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ColumnMapping, ImportPreview, Result } from '../../../src-main/api/contract.ts';
import { App } from '../../../src-renderer/app/App.tsx';
import { bytesToBase64 } from '../../../src-renderer/ui/file-to-base64.ts';
import { zhCN } from '../../../src-renderer/i18n/locales/zh-CN.ts';
import { resetAppStore } from '../../../src-renderer/state/store.ts';
import { AMAZON_PREVIEW, installFakeHost, makeOrder, SHOP_US, VALID_COMPANY, type FakeHost } from './fake-host.ts';
import { resetRenderer } from './reset-renderer.ts';

let host: FakeHost;

beforeEach(async () => {
  await resetRenderer();
  window.location.hash = '#/orders/import';
  resetAppStore();
});

afterEach(() => {
  cleanup(); // unmount while the fake bridge is still installed (the wizard discards on unmount)
  host.uninstall();
  vi.restoreAllMocks();
});

const TSV = 'amazon-order-id\tpurchase-date\n111-1\t2026-03-05T14:02:00+00:00\n';

async function openWizard(setup: (h: FakeHost) => void = () => undefined): Promise<void> {
  host = installFakeHost({ company: VALID_COMPANY, shops: [SHOP_US] });
  setup(host);
  render(<App />);
  await screen.findByTestId('import-wizard');
}

function chooseFile(text = TSV, name = 'all-orders.txt'): File {
  const file = new File([text], name, { type: 'text/plain' });
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
  return file;
}

async function startPreview(): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByTestId('import-start'));
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

const GENERIC_HEADERS = ['订单编号', '下单时间', 'SKU', '数量', '单价', '币种'];
const PROPOSED: ColumnMapping = {
  orderNo: null,
  orderedAt: '下单时间',
  status: null,
  sku: 'SKU',
  itemName: null,
  quantity: '数量',
  unitPrice: '单价',
  lineTotal: null,
  currency: '币种',
  shipping: null,
  discount: null,
  tax: null,
  buyerCountry: null,
  shopName: null,
  fulfilment: null,
  orderTotal: null,
};
const GENERIC_PREVIEW: ImportPreview = {
  ...AMAZON_PREVIEW,
  previewId: 'pv-generic-1',
  fileName: 'erp.csv',
  source: 'generic',
  encoding: 'gb18030',
  delimiter: ',',
  headers: GENERIC_HEADERS,
  mapping: PROPOSED,
  unmappedRequired: ['orderNo'],
  orders: 0,
  lines: 0,
  counts: { new: 0, updated: 0, unchanged: 0 },
  rejected: [],
  totals: {},
  sample: [],
};

describe('import wizard', () => {
  it('sends the file base64-encoded with the chosen source and shop, and previews counts, totals and translated rejected rows', async () => {
    await openWizard();
    chooseFile();
    fireEvent.change(screen.getByTestId('import-source'), { target: { value: 'amazon-orders' } });
    fireEvent.change(screen.getByTestId('import-shop'), { target: { value: String(SHOP_US.id) } });
    await startPreview();

    expect(host.callsOf('imports.preview')).toEqual([
      {
        fileName: 'all-orders.txt',
        contentBase64: Buffer.from(TSV, 'utf8').toString('base64'),
        source: 'amazon-orders',
        shopId: SHOP_US.id,
        mapping: null,
        mappingName: null,
      },
    ]);
    const preview = await screen.findByTestId('import-preview');
    expect(screen.getByTestId('import-detected-source').textContent).toBe(zhCN.orders.import.sources['amazon-orders']);
    expect(screen.getByTestId('import-encoding').textContent).toBe('UTF-8');
    expect(screen.getByTestId('import-count-orders').getAttribute('data-value')).toBe('3');
    expect(screen.getByTestId('import-count-new').getAttribute('data-value')).toBe('3');
    expect(screen.getByTestId('import-count-rejected').getAttribute('data-value')).toBe('1');
    expect(screen.getByTestId('import-total-USD').textContent).toContain('US$74.97');
    expect(within(preview).getByTestId('import-sample').textContent).toContain(makeOrder(7).orderNo);

    const rejected = screen.getByTestId('import-rejected');
    const row = within(rejected).getByTestId('import-rejected-row-6');
    expect(row.textContent).toContain('purchase-date');
    expect(row.textContent).toContain(
      zhCN.errors.import.row.badDate.replace('{{column}}', 'purchase-date').replace('{{value}}', '2026-13-45'),
    );
    expect(screen.queryByTestId('import-mapping')).toBeNull();
    // all or nothing: with a rejected row, confirming needs the explicit "import the valid rows"
    expect((screen.getByTestId('import-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('import-must-accept')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('import-accept-valid-rows')));
    expect((screen.getByTestId('import-confirm') as HTMLButtonElement).disabled).toBe(false);
  });

  it('downloads the rejected rows as a CSV file from imports.rejectedCsv', async () => {
    await openWizard();
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:rejected';
    });
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: createObjectURL });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: vi.fn() });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    chooseFile();
    await startPreview();
    await act(async () => fireEvent.click(screen.getByTestId('import-rejected-download')));

    expect(host.callsOf('imports.rejectedCsv')).toEqual([{ previewId: 'pv-1' }]);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('rejected.csv');
    expect(clicked[0]?.getAttribute('href')).toBe('blob:rejected');
    const text = await created[0]!.text();
    expect(text).toBe('\uFEFFrow,column,code\n6,purchase-date,import.row.badDate\n');
  });

  it('moves the progress bar with import.progress events while the host works', async () => {
    let answer: (r: Result<ImportPreview>) => void = () => undefined;
    await openWizard((h) => {
      h.overrides['imports.preview'] = () =>
        new Promise((resolve) => {
          answer = resolve;
        });
    });
    chooseFile();
    await startPreview();

    const bar = within(screen.getByTestId('import-progress')).getByRole('progressbar');
    act(() =>
      host.emit({ name: 'import.progress', payload: { previewId: null, phase: 'parse', done: 10, total: 400 } }),
    );
    expect(bar.getAttribute('aria-valuenow')).toBe('10');
    expect(bar.getAttribute('aria-valuemax')).toBe('400');
    expect(screen.getByTestId('import-progress').textContent).toContain(zhCN.orders.import.phases.parse);
    act(() =>
      host.emit({ name: 'import.progress', payload: { previewId: null, phase: 'parse', done: 250, total: 400 } }),
    );
    // drawn at most every 150 ms: the second event of a burst shows a moment later
    await waitFor(() =>
      expect(within(screen.getByTestId('import-progress')).getByRole('progressbar').getAttribute('aria-valuenow')).toBe(
        '250',
      ),
    );
    expect((screen.getByTestId('import-progress').querySelector('.progress-fill') as HTMLElement).style.width).toBe(
      '63%',
    );

    await act(async () => answer({ ok: true, value: AMAZON_PREVIEW }));
    expect(screen.queryByTestId('import-progress')).toBeNull();
    expect(screen.getByTestId('import-preview')).toBeTruthy();

    // Confirming: the write phase of this preview is shown.
    let confirmAnswer: (r: Result<never>) => void = () => undefined;
    host.overrides['imports.confirm'] = () =>
      new Promise((resolve) => {
        confirmAnswer = resolve;
      });
    await act(async () => fireEvent.click(screen.getByTestId('import-accept-valid-rows')));
    await act(async () => fireEvent.click(screen.getByTestId('import-confirm')));
    act(() =>
      host.emit({ name: 'import.progress', payload: { previewId: 'pv-1', phase: 'write', done: 2, total: 3 } }),
    );
    expect(within(screen.getByTestId('import-progress')).getByRole('progressbar').getAttribute('aria-valuenow')).toBe(
      '2',
    );
    expect(screen.getByTestId('import-progress').textContent).toContain(zhCN.orders.import.phases.write);
    await act(async () => confirmAnswer({ ok: false, error: { code: 'imports.preview.expired', params: {} } }));
    expect(screen.getByTestId('error-banner').textContent).toContain(zhCN.errors.imports.preview.expired);
  });

  it('blocks confirm on the mapping screen while a required field is unmapped, and after a change until re-previewed', async () => {
    await openWizard((h) => {
      h.state.preview = GENERIC_PREVIEW;
    });
    chooseFile('订单编号,下单时间\n', 'erp.csv');
    await startPreview();

    const mapping = screen.getByTestId('import-mapping');
    expect((within(mapping).getByTestId('import-mapping-sku') as HTMLSelectElement).value).toBe('SKU');
    expect((within(mapping).getByTestId('import-mapping-orderNo') as HTMLSelectElement).value).toBe('');
    expect(within(mapping).getByTestId('import-mapping-orderNo').getAttribute('aria-invalid')).toBe('true');
    const confirm = () => screen.getByTestId('import-confirm') as HTMLButtonElement;
    expect(confirm().disabled).toBe(true);
    expect(screen.getByTestId('import-mapping-missing').textContent).toContain(
      zhCN.orders.import.genericFields.orderNo,
    );

    fireEvent.change(screen.getByTestId('import-mapping-orderNo'), { target: { value: '订单编号' } });
    expect(screen.getByTestId('import-mapping-dirty')).toBeTruthy();
    expect(confirm().disabled).toBe(true);

    host.state.preview = {
      ...GENERIC_PREVIEW,
      previewId: 'pv-generic-2',
      mapping: { ...PROPOSED, orderNo: '订单编号' },
      unmappedRequired: [],
      orders: 2,
      lines: 2,
      counts: { new: 2, updated: 0, unchanged: 0 },
    };
    await act(async () => fireEvent.click(screen.getByTestId('import-remap')));
    expect(host.callsOf('imports.preview').at(-1)).toMatchObject({
      source: 'auto',
      mapping: { ...PROPOSED, orderNo: '订单编号' },
      mappingName: null,
    });
    expect(host.callsOf('imports.discard')).toEqual([{ previewId: 'pv-generic-1' }]);
    expect(screen.queryByTestId('import-mapping-dirty')).toBeNull();
    expect(confirm().disabled).toBe(false);

    // Unmapping a required field blocks again.
    fireEvent.change(screen.getByTestId('import-mapping-quantity'), { target: { value: '' } });
    expect(confirm().disabled).toBe(true);
    fireEvent.change(screen.getByTestId('import-mapping-quantity'), { target: { value: '数量' } });
    await act(async () => fireEvent.click(screen.getByTestId('import-remap')));
    expect(confirm().disabled).toBe(false);

    fireEvent.click(screen.getByTestId('import-save-mapping'));
    expect(confirm().disabled).toBe(true); // a name is needed
    fireEvent.change(screen.getByTestId('import-mapping-name'), { target: { value: '店小秘导出' } });
    await act(async () => fireEvent.click(confirm()));
    expect(host.callsOf('imports.confirm')).toEqual([{ previewId: 'pv-generic-2', saveMappingAs: '店小秘导出' }]);
    expect(await screen.findByTestId('import-summary')).toBeTruthy();
  });

  it('confirms into a summary and then shows the orders list', async () => {
    await openWizard();
    chooseFile();
    await startPreview();
    await act(async () => fireEvent.click(screen.getByTestId('import-accept-valid-rows')));
    await act(async () => fireEvent.click(screen.getByTestId('import-confirm')));
    expect(host.callsOf('imports.confirm')).toEqual([
      { previewId: 'pv-1', saveMappingAs: null, acceptValidRows: true },
    ]);
    const summary = screen.getByTestId('import-summary');
    expect(within(summary).getByTestId('import-summary-new').getAttribute('data-value')).toBe('3');
    expect(within(summary).getByTestId('import-summary-rejected').getAttribute('data-value')).toBe('1');
    fireEvent.click(screen.getByTestId('import-done'));
    expect(await screen.findByTestId('orders-page')).toBeTruthy();
    expect(window.location.hash).toBe('#/orders');
    expect(host.callsOf('imports.discard')).toEqual([]); // a confirmed preview is not discarded
  });

  it('says where the orders go by month and lists the orders a closed month holds back (issue 17 point 1g)', async () => {
    await openWizard((h) => {
      h.state.preview = {
        ...AMAZON_PREVIEW,
        rejected: [],
        rejectedOrderNos: {},
        counts: { new: 2, updated: 0, unchanged: 0 },
        months: [
          { month: '2026-03', closed: true, new: 0, updated: 0, unchanged: 0, heldBack: 1 },
          { month: '2026-04', closed: false, new: 2, updated: 0, unchanged: 0, heldBack: 0 },
        ],
        heldBack: [{ orderNo: '111-3', code: 'period.closed', month: '2026-03', date: '2026-03-30', change: 'new' }],
      };
    });
    chooseFile();
    await startPreview();
    const preview = screen.getByTestId('import-preview');
    expect(within(preview).getByTestId('import-month-2026-03').getAttribute('data-closed')).toBe('true');
    expect(within(preview).getByTestId('import-month-2026-03').textContent).toContain('已结账');
    expect(within(preview).getByTestId('import-held-back').textContent).toContain('确认后不会写入');
    expect(within(preview).getByTestId('import-held-111-3').textContent).toContain('2026-03 已结账');
    await act(async () => fireEvent.click(screen.getByTestId('import-confirm')));
    const summary = screen.getByTestId('import-summary');
    expect(within(summary).getByTestId('import-month-2026-04').textContent).toContain('2');
    expect(within(summary).getByTestId('import-held-back').textContent).toContain('没有写入，已结账月份的数字不变');
  });

  it('takes a file up to the host’s 200 MiB cap (not 150 MB) and refuses a larger one before reading it (issue 16)', async () => {
    await openWizard();
    const sized = (bytes: number) => {
      const file = new File(['x'], 'big.csv', { type: 'text/csv' });
      Object.defineProperty(file, 'size', { value: bytes });
      fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    };
    sized(180 * 1024 * 1024);
    expect(screen.queryByTestId('error-banner')).toBeNull();
    sized(200 * 1024 * 1024 + 1);
    expect(screen.getByTestId('error-banner').textContent).toContain(zhCN.errors.import.file.tooLarge);
  });

  it('shows a translated file error and imports nothing', async () => {
    await openWizard((h) => {
      h.overrides['imports.preview'] = () => ({ ok: false, error: { code: 'import.file.headerOnly', params: {} } });
    });
    chooseFile('amazon-order-id\n');
    await startPreview();
    expect(screen.getByTestId('error-banner').textContent).toContain(zhCN.errors.import.file.headerOnly);
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(host.callsOf('imports.confirm')).toHaveLength(0);
  });

  it('discards the preview with imports.discard and goes back to the list', async () => {
    await openWizard();
    chooseFile();
    await startPreview();
    await act(async () => fireEvent.click(screen.getByTestId('import-discard')));
    expect(host.callsOf('imports.discard')).toEqual([{ previewId: 'pv-1' }]);
    expect(await screen.findByTestId('orders-page')).toBeTruthy();
  });

  it('offers saved mappings and sends the chosen one by name', async () => {
    await openWizard((h) => {
      h.state.mappings = [{ name: '店小秘导出', mapping: PROPOSED, savedAt: '2026-03-01T00:00:00Z' }];
    });
    chooseFile();
    fireEvent.change(await screen.findByTestId('import-saved-mapping'), { target: { value: '店小秘导出' } });
    await startPreview();
    expect(host.callsOf('imports.preview')[0]).toMatchObject({ mapping: null, mappingName: '店小秘导出' });
  });
});

describe('file to base64', () => {
  it('encodes in chunks exactly like a one-shot encoder, across chunk boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3 * 32 * 1024 * 2 + 7 }), async (bytes) => {
        expect(await bytesToBase64(bytes, undefined, 0)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 30 },
    );
  });

  it('reports progress up to the whole length', async () => {
    const bytes = new Uint8Array(400_000).map((_, i) => i % 251);
    const seen: number[] = [];
    const text = await bytesToBase64(
      bytes,
      (done, total) => {
        expect(total).toBe(bytes.length);
        seen.push(done);
      },
      0,
    );
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(seen.at(-1)).toBe(bytes.length);
    expect(seen.length).toBeGreaterThan(2);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('lists unknown status words with their counts and warnings with both sums, and sends the chosen meanings with confirm', async () => {
    const preview: ImportPreview = {
      ...AMAZON_PREVIEW,
      rejected: [],
      rejectedOrderNos: {},
      unknownStatuses: { 已核销: 2 },
      warnings: [
        {
          row: 2,
          orderNo: '#5012',
          code: 'import.order.totalMismatch',
          params: { orderNo: '#5012', currency: 'CAD', stated: '220.06', computed: '210.07', difference: '9.99' },
        },
      ],
    };
    await openWizard((h) => {
      h.overrides['imports.preview'] = () => ({ ok: true, value: preview });
    });
    chooseFile();
    await startPreview();
    expect(screen.queryByTestId('import-accept-valid-rows')).toBeNull(); // nothing rejected: nothing to accept
    const word = screen.getByTestId('import-unknown-status-已核销');
    expect(word.textContent).toContain('已核销');
    expect(word.textContent).toContain('2');
    expect(screen.getByTestId('import-warning-#5012').textContent).toContain('220.06');
    expect(screen.getByTestId('import-warning-#5012').textContent).toContain('210.07');
    await act(async () =>
      fireEvent.change(screen.getByTestId('import-status-map-已核销'), { target: { value: 'delivered' } }),
    );
    await act(async () => fireEvent.click(screen.getByTestId('import-confirm')));
    expect(host.callsOf('imports.confirm')).toEqual([
      { previewId: 'pv-1', saveMappingAs: null, statusMappings: { 已核销: 'delivered' } },
    ]);
  });
});

describe('import wizard: which shop?', () => {
  it('asks which shop a file is from when the platform has several, and previews again for the chosen one', async () => {
    const shopA = { ...SHOP_US, id: 11, platform: 'shopify' as const, name: 'Maple CA', site: null, currency: 'CAD' };
    const shopB = { ...SHOP_US, id: 12, platform: 'shopify' as const, name: 'Kiwi NZ', site: null, currency: 'NZD' };
    host = installFakeHost({ company: VALID_COMPANY, shops: [SHOP_US, shopA, shopB] });
    host.overrides['imports.preview'] = (input) =>
      input.shopId == null
        ? {
            ok: false,
            error: { code: 'imports.shopAmbiguous', params: { platform: 'shopify', shops: 'Maple CA, Kiwi NZ' } },
          }
        : { ok: true, value: AMAZON_PREVIEW };
    render(<App />);
    await screen.findByTestId('import-wizard');
    chooseFile('Name,Email\n#1058,a@b.c\n', 'orders_export.csv');
    await startPreview();
    const dialog = await screen.findByRole('dialog', { name: zhCN.orders.import.chooseShop.title });
    expect(screen.queryByTestId('import-preview')).toBeNull();
    // only the platform's own shops are offered, never the Amazon one
    expect(within(dialog).queryByTestId(`import-choose-shop-${SHOP_US.id}`)).toBeNull();
    expect(within(dialog).getByTestId('import-choose-shop-11').closest('label')?.textContent).toContain('Maple CA');
    expect((within(dialog).getByTestId('import-choose-shop-ok') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => fireEvent.click(within(dialog).getByTestId('import-choose-shop-12')));
    await act(async () => fireEvent.click(within(dialog).getByTestId('import-choose-shop-ok')));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(host.callsOf('imports.preview').map((c) => c.shopId)).toEqual([null, 12]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByTestId('import-preview')).toBeTruthy();
    expect((screen.getByTestId('import-shop') as HTMLSelectElement).value).toBe('12');
  });

  it('shows the coded error when the shop question is cancelled', async () => {
    await openWizard((h) => {
      h.overrides['imports.preview'] = () => ({
        ok: false,
        error: { code: 'imports.shopAmbiguous', params: { platform: 'amazon', shops: 'Amazon US 店, Amazon JP 店' } },
      });
    });
    chooseFile();
    await startPreview();
    const dialog = await screen.findByRole('dialog');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('Amazon US 店, Amazon JP 店');
  });
});
