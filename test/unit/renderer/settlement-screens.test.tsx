/**
 * The settlement screens against the fake bridge: the payout import (preview with deposit,
 * sum of lines and translated rejected rows → confirm), the missing-rate prompt that saves the
 * rate (padded to 6 digits) and confirms again, the netting statement with its evidence and
 * the evidence pack download as a Blob, the threshold bar with the 80 % warning and the
 * individual-seller note, overdue advances, and the balanced trial balance.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PayoutPreview } from '../../../src-main/api/contract.ts';
import { App } from '../../../src-renderer/app/App.tsx';
import { normaliseRate, rowRanges } from '../../../src-renderer/features/settlement/settlement-format.ts';
import { zhCN } from '../../../src-renderer/i18n/locales/zh-CN.ts';
import { applyLanguage, i18n } from '../../../src-renderer/i18n/index.ts';
import { resetAppStore } from '../../../src-renderer/state/store.ts';
import { formatMoney } from '../../../src-renderer/ui/format-money.ts';
import { m } from '../../helpers/money.ts';
import { installFakeHost, VALID_COMPANY, type FakeHost } from './fake-host.ts';
import { resetRenderer } from './reset-renderer.ts';

let host: FakeHost;
const usd = (minor: number) => formatMoney(minor, 'USD', 'zh-CN');
const cny = (fen: number) => formatMoney(fen, 'CNY', 'zh-CN');

beforeEach(async () => {
  await resetRenderer();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  host.uninstall();
});

function open(path: string): void {
  window.location.hash = `#/settlement/${path}`;
  resetAppStore();
  host = installFakeHost({ company: VALID_COMPANY });
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

async function previewFile(): Promise<void> {
  await act(async () => fireEvent.click(await screen.findByTestId('payout-import-open')));
  const file = new File(['settlement-id\tsettlement-start-date\n'], 'settlement.txt', { type: 'text/plain' });
  fireEvent.change(screen.getByTestId('payout-import-file'), { target: { files: [file] } });
  await act(async () => fireEvent.click(screen.getByTestId('payout-import-preview')));
  await settle();
}

function capturedDownloads(): { blobs: Blob[]; links: HTMLAnchorElement[] } {
  const blobs: Blob[] = [];
  const links: HTMLAnchorElement[] = [];
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    value: vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:pack';
    }),
  });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    links.push(this);
  });
  return { blobs, links };
}

describe('settlement screens', () => {
  it('previews a payout file with exact totals and translated rejected rows, and confirms only a clean one', async () => {
    open('payouts');
    let preview: Partial<PayoutPreview> = {
      rejected: [{ row: 7, column: 'amount', code: 'money.badDecimal', params: { text: '12,3x' } }],
      heldBackOrders: 3,
      heldBackMonths: ['2026-02'],
    };
    const base = host.overrides;
    base['payouts.preview'] = (input) => ({
      ok: true,
      value: {
        previewId: 'pp-1',
        fileName: input.fileName,
        source: 'amazon-settlement',
        encoding: 'utf-8',
        settlementId: '11223344556',
        periodStart: '2026-03-01',
        periodEnd: '2026-03-15',
        depositDate: '2026-03-17',
        currency: 'USD',
        deposit: m(123_456),
        sumOfLines: m(123_456),
        debitBalance: false,
        lines: 4,
        categories: {
          sales: m(150_000),
          warehousing: m(-2_000),
          logistics: m(-3_000),
          platformFees: m(-21_544),
          overseasTax: m(0),
          advertising: m(0),
          refunds: m(0),
          other: m(0),
        },
        matchedOrders: 2,
        heldBackOrders: 0,
        heldBackMonths: [],
        unmatchedLines: [],
        unmatchedLineCount: 0,
        rejected: [],
        alreadyImportedId: null,
        ...preview,
      },
    });
    render(<App />);
    await previewFile();
    expect(host.callsOf('payouts.preview')[0]).toMatchObject({ fileName: 'settlement.txt', source: 'auto' });
    expect(screen.getByTestId('payout-preview-deposit').textContent).toContain(usd(123_456));
    expect(screen.getByTestId('payout-preview-sum').textContent).toContain('1,234.56');
    expect(screen.getByTestId('payout-preview-category-platformFees').textContent).toContain(usd(-21_544));
    const rejected = screen.getByTestId('payout-preview-rejected-7');
    expect(rejected.textContent).toContain('amount');
    expect(rejected.textContent).toContain('金额“12,3x”的格式不对。');
    // orders of a closed month: counted apart from the matched ones, with the month
    expect(screen.getByTestId('payout-preview-held-back').textContent).toBe('未写入（已结账月份 2026-02）3');
    expect((screen.getByTestId('payout-import-confirm') as HTMLButtonElement).disabled).toBe(true);

    preview = {};
    await act(async () => fireEvent.click(screen.getByTestId('payout-import-preview')));
    await settle();
    await act(async () => fireEvent.click(screen.getByTestId('payout-import-confirm')));
    await settle();
    expect(host.callsOf('payouts.confirm')).toEqual([{ previewId: 'pp-1' }]);
    expect(screen.getByTestId('payout-imported').textContent).toContain('11223344556');
    expect(screen.getByTestId('payout-gross-1').textContent).toBe(usd(100_000));
    expect(screen.getByTestId('payout-1').textContent).toContain(usd(85_000));
    // Gross comes with the list item: the list does not fetch each row's netting statement.
    expect(host.callsOf('settlement.netting')).toEqual([]);
    await act(async () => fireEvent.click(screen.getByTestId('payout-imported-open')));
    expect((await screen.findByTestId('netting-statement')).getAttribute('data-payout')).toBe('1');
  });

  it('asks for a missing rate, saves it as exact text and confirms again', async () => {
    open('payouts');
    let confirms = 0;
    host.overrides['payouts.confirm'] = () => {
      confirms += 1;
      return confirms === 1
        ? { ok: false, error: { code: 'rates.missing', params: { currency: 'USD', date: '2026-03-05' } } }
        : {
            ok: true,
            value: {
              payoutId: 1,
              alreadyImported: false,
              settlementId: '11223344556',
              lines: 5,
              journalEntryId: 2,
              ordersPosted: 1,
              orders: null,
            },
          };
    };
    render(<App />);
    await previewFile();
    await act(async () => fireEvent.click(screen.getByTestId('payout-import-confirm')));
    await settle();
    const form = screen.getByTestId('missing-rate-form');
    expect(form.textContent).toContain('USD');
    expect(form.textContent).toContain('2026-03-05');
    expect((screen.getByTestId('missing-rate-currency') as HTMLSelectElement).disabled).toBe(true);

    fireEvent.change(screen.getByTestId('missing-rate-rate'), { target: { value: '1,0' } });
    await act(async () => fireEvent.click(screen.getByTestId('missing-rate-save')));
    expect(screen.getByTestId('field-error-missing-rate-rate').textContent).toBe(zhCN.errors.settlementForm.rateFormat);
    expect(host.callsOf('rates.save')).toEqual([]);

    fireEvent.change(screen.getByTestId('missing-rate-rate'), { target: { value: '7.1' } });
    await act(async () => fireEvent.click(screen.getByTestId('missing-rate-save')));
    await settle();
    expect(host.callsOf('rates.save')).toEqual([
      { currency: 'USD', date: '2026-03-05', rate: '7.100000', source: 'manual', note: null },
    ]);
    expect(host.callsOf('payouts.confirm')).toHaveLength(2);
    expect(screen.getByTestId('payout-imported')).toBeTruthy();
  });

  it('shows the netting statement with evidence and downloads the evidence pack as a PDF blob', async () => {
    open('netting/1');
    const { blobs, links } = capturedDownloads();
    const pdf = '%PDF-1.3 test';
    host.overrides['settlement.evidencePack'] = (input) => ({
      ok: true,
      value: { fileName: `evidence-${input.payoutId}.${input.format}`, contentBase64: btoa(pdf) },
    });
    render(<App />);
    const statement = await screen.findByTestId('netting-statement');
    expect(host.callsOf('settlement.netting')).toEqual([{ payoutId: 1 }]);
    expect(within(statement).getByTestId('netting-gross').textContent).toContain(usd(100_000));
    const warehousing = within(statement).getByTestId('netting-deduction-warehousing');
    // Printed as an amount after "减", never "减 −" (issue 17 point 2); the item has a readable name with its raw code.
    expect(warehousing.textContent).toContain(usd(2_000));
    expect(warehousing.textContent).not.toContain(usd(-2_000));
    expect(warehousing.textContent).toContain('仓储费');
    expect(warehousing.textContent).toContain('other-transaction/other-transaction/Storage Fee');
    expect(warehousing.textContent).toContain('settlement-11223344556.txt 第 6 行');
    expect(within(statement).getByTestId('netting-net').textContent).toContain(usd(80_000));
    expect(within(statement).getByTestId('netting-deposit').getAttribute('data-balanced')).toBe('true');
    expect(within(statement).getByTestId('netting-rates').textContent).toContain('7.100000');
    expect(within(statement).getByTestId('netting-declarations').textContent).toContain(usd(82_000));
    // The second order's CEB603 list: its number, the declaration number and the declared value in the list's currency.
    const linked = within(statement).getByTestId('netting-declaration-2');
    expect(within(linked).getByTestId('netting-declaration-invt').textContent).toBe('53012026I000000001');
    expect(linked.textContent).toContain('530120260000000001');
    expect(within(linked).getByTestId('netting-declaration-declared').textContent).toBe(usd(64_000));
    expect(
      within(within(statement).getByTestId('netting-declaration-1')).getByTestId('netting-declaration-invt')
        .textContent,
    ).toBe(zhCN.settlement.netting.notLinked);

    await act(async () => fireEvent.click(screen.getByTestId('evidence-pack-pdf')));
    await settle();
    expect(host.callsOf('settlement.evidencePack')).toEqual([{ payoutId: 1, format: 'pdf', language: 'zh-CN' }]);
    expect(links[0]?.download).toBe('evidence-1.pdf');
    expect(blobs[0]?.type).toBe('application/pdf');
    expect(new TextDecoder().decode(await blobs[0]!.arrayBuffer())).toBe(pdf);
    expect(screen.getByTestId('evidence-pack-saved').textContent).toContain('evidence-1.pdf');
  });

  it('writes one evidence row as "row 9" and several as "rows …" in English', async () => {
    window.location.hash = '#/settlement/netting/1';
    resetAppStore();
    host = installFakeHost({ company: VALID_COMPANY, settings: { language: 'en' } });
    await applyLanguage('en');
    render(<App />);
    const statement = await screen.findByTestId('netting-statement');
    const warehousing = within(statement).getByTestId('netting-deduction-warehousing');
    expect(warehousing.textContent).toContain('settlement-11223344556.txt, row 6');
    expect(warehousing.textContent).not.toContain('rows 6');
    expect(within(statement).getByTestId('netting-deduction-platformFees').textContent).toContain(
      'Order/ItemFees/Commission',
    );
    expect(within(statement).getByTestId('netting-deduction-platformFees').textContent).toMatch(/· row 4/);
  });

  it('shows the USD 200k progress with the 80 % warning and the note for individual sellers', async () => {
    open('thresholds');
    let kind: 'enterprise' | 'individual' = 'enterprise';
    host.overrides['settlement.settings.get'] = () => ({
      ok: true,
      value: { sellerKind: kind, ratePrecedence: ['pboc', 'bank', 'platform', 'manual'] },
    });
    host.overrides['settlement.settings.save'] = (input) => {
      kind = input.sellerKind ?? kind;
      return { ok: true, value: { sellerKind: kind, ratePrecedence: ['pboc', 'bank', 'platform', 'manual'] } };
    };
    render(<App />);
    const panel = await screen.findByTestId('thresholds');
    const bar = within(panel).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('16500000');
    expect(bar.getAttribute('aria-valuemax')).toBe('20000000');
    expect(bar.getAttribute('aria-valuetext')).toContain('82.5%');
    expect(screen.getByTestId('thresholds-warning').textContent).toContain('82.5%');
    expect(screen.queryByTestId('thresholds-individual-note')).toBeNull();

    await act(async () =>
      fireEvent.change(screen.getByTestId('thresholds-seller-kind'), { target: { value: 'individual' } }),
    );
    await settle();
    expect(host.callsOf('settlement.settings.save')).toEqual([{ sellerKind: 'individual' }]);
    expect(screen.getByTestId('thresholds-individual-note').textContent).toBe(
      zhCN.settlement.thresholds.individualNote,
    );
  });

  it('lists overdue advances first and repays one', async () => {
    open('advances');
    host.overrides['settlement.advances.list'] = () => ({
      ok: true,
      value: [
        {
          id: 4,
          party: '义乌某货代',
          relatedParty: true,
          date: '2025-01-10',
          currency: 'USD',
          amount: m(50_000),
          category: 'warehousing',
          note: null,
          repaid: m(0),
          outstanding: m(50_000),
          dueDate: '2026-01-10',
          status: 'overdue',
          repayments: [],
        },
      ],
    });
    render(<App />);
    const overdue = await screen.findByTestId('advances-overdue');
    expect(overdue.textContent).toContain('义乌某货代');
    expect(overdue.textContent).toContain(usd(50_000));
    expect(screen.getByTestId('advance-4').getAttribute('data-status')).toBe('overdue');
    await act(async () => fireEvent.click(screen.getByTestId('advance-repay-4')));
    fireEvent.change(screen.getByTestId('repay-amount'), { target: { value: '200.00' } });
    fireEvent.change(screen.getByTestId('repay-date'), { target: { value: '2026-03-01' } });
    await act(async () => fireEvent.click(screen.getByTestId('repay-save')));
    await settle();
    expect(host.callsOf('settlement.advances.repay')).toEqual([{ advanceId: 4, date: '2026-03-01', amount: '200.00' }]);
  });

  it('shows the trial balance as of a date with equal debits and credits', async () => {
    open('journal');
    render(<App />);
    const table = await screen.findByTestId('trial-balance');
    expect(table.getAttribute('data-balanced')).toBe('true');
    const total = screen.getByTestId('trial-total');
    expect(total.textContent).toContain(cny(710_000));
    expect(total.getAttribute('data-debit')).toBe(total.getAttribute('data-credit'));
    expect(screen.getByTestId('trial-balanced').textContent).toBe(zhCN.settlement.journal.balanced);
    await act(async () => fireEvent.change(screen.getByTestId('journal-as-of'), { target: { value: '2026-02-28' } }));
    await settle();
    expect(host.callsOf('journal.trialBalance').at(-1)).toEqual({ asOf: '2026-02-28' });
  });
});

describe('settlement formatting helpers', () => {
  it('words over-amount errors with decimals and the currency, not minor units', () => {
    const params = { currency: 'USD', amount: '600.01', outstanding: '600.00', open: '0.00' };
    expect(i18n.getFixedT('en')('errors.settlement.advance.overRepaid', params)).toBe(
      'The repayment USD 600.01 is more than the outstanding USD 600.00.',
    );
    expect(i18n.getFixedT('en')('errors.settlement.receipt.exceedsOpen', params)).toBe(
      'The receipt USD 600.01 is more than the open amount USD 0.00.',
    );
    expect(i18n.getFixedT('zh-CN')('errors.settlement.receipt.exceedsOpen', params)).toBe(
      '收汇金额 600.01 USD 超过未结汇余额 0.00 USD。',
    );
  });

  it('writes evidence rows as ranges and pads typed rates exactly', () => {
    expect(rowRanges([7, 3, 4, 5, 9, 10, 4])).toBe('3–5, 7, 9–10');
    expect(rowRanges([1, 3, 5], 2)).toBe('1, 3, …');
    expect(normaliseRate('7.1')).toBe('7.100000');
    expect(normaliseRate('07.12345678')).toBe('7.12345678');
    expect(normaliseRate('0')).toBeNull();
    expect(normaliseRate('7,1')).toBeNull();
    expect(normaliseRate('-7.1')).toBeNull();
  });
});

describe('rates import preview (issue 14)', () => {
  it('checks the file as a dry run and saves a file with a rejected row only through "import the valid rows"', async () => {
    open('rates');
    const bad = { row: 4, column: 'rate', code: 'rates.invalid', params: { rate: 'abc' } };
    host.overrides['rates.import'] = (input) => ({
      ok: true,
      value: {
        rows: 3,
        saved: 2,
        unchanged: 0,
        rejected: [bad],
        committed: !input.dryRun && input.acceptValidRows === true,
      },
    });
    render(<App />);
    fireEvent.change(await screen.findByTestId('rates-import-file'), {
      target: { files: [new File(['currency,date,rate\n'], 'rates.csv', { type: 'text/csv' })] },
    });
    await act(async () => fireEvent.click(screen.getByTestId('rates-import-start')));
    await settle();
    expect(screen.getByTestId('rates-import-summary').getAttribute('data-committed')).toBe('false');
    expect(screen.queryByTestId('rates-import-confirm')).toBeNull();
    await act(async () => fireEvent.click(screen.getByTestId('rates-import-confirm-valid')));
    await settle();
    expect(host.callsOf('rates.import').map((c) => [c.dryRun ?? false, c.acceptValidRows ?? false])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(screen.getByTestId('rates-import-summary').getAttribute('data-committed')).toBe('true');
  });
});
