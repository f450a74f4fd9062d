/**
 * The start of a session against a fake Electron bridge: the first-run screen in Chinese,
 * server-side field errors shown next to their fields, the shell after a successful save,
 * and the language switch that persists through `settings.setLanguage`.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/app/App.tsx';
import { en } from '../../../src-renderer/i18n/locales/en.ts';
import { zhCN } from '../../../src-renderer/i18n/locales/zh-CN.ts';
import { zhTW } from '../../../src-renderer/i18n/locales/zh-TW.ts';
import { FEATURES } from '../../../src-renderer/state/routes.ts';
import { installFakeHost, VALID_COMPANY, type FakeHost } from './fake-host.ts';
import { resetRenderer } from './reset-renderer.ts';

let host: FakeHost;

beforeEach(async () => {
  await resetRenderer();
});

afterEach(() => {
  host.uninstall();
});

function fill(testId: string, value: string): void {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

function fillValidCompany(overrides: { uscc?: string } = {}): void {
  fill('field-name', VALID_COMPANY.name);
  fill('field-uscc', overrides.uscc ?? VALID_COMPANY.uscc);
  fill('field-customsCode', VALID_COMPANY.customsCode);
  fill('field-pilotZone', 'zhuzhou');
}

async function submitForm(): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByTestId('company-save'));
  });
}

describe('first run', () => {
  it('shows the welcome screen and the company form in Chinese when the ledger has no company', async () => {
    host = installFakeHost();
    render(<App />);

    const form = await screen.findByTestId('company-form');
    expect(screen.getByText(zhCN.firstRun.title)).toBeTruthy();
    expect(within(form).getByLabelText(zhCN.company.fields.uscc.label)).toBe(screen.getByTestId('field-uscc'));
    expect(within(form).getByText(zhCN.company.fields.customsCode.label)).toBeTruthy();
    for (const field of ['field-name', 'field-uscc', 'field-customsCode', 'field-dxpId', 'field-pilotZone']) {
      expect(screen.getByTestId(field)).toBeTruthy();
    }
    const currency = screen.getByTestId('field-baseCurrency') as HTMLSelectElement;
    expect(currency.disabled).toBe(true);
    expect(currency.value).toBe('CNY');
    expect(screen.queryByTestId('app-shell')).toBeNull();
    expect(host.callsOf('settings.get')).toHaveLength(1);
    expect(host.callsOf('company.get')).toHaveLength(1);
  });

  it('shows the server’s check-digit error next to the USCC field and stays on the form', async () => {
    host = installFakeHost();
    host.overrides['company.save'] = () => ({
      ok: false,
      error: { code: 'validation.failed', params: {}, fields: { uscc: 'company.uscc.checkDigit' } },
    });
    render(<App />);
    await screen.findByTestId('company-form');

    fillValidCompany({ uscc: '91350100M000100Y44' });
    await submitForm();

    const error = await screen.findByTestId('field-error-uscc');
    expect(error.textContent).toBe(zhCN.errors.company.uscc.checkDigit);
    const usccField = screen.getByTestId('field-uscc').closest('.field');
    expect(usccField?.contains(error)).toBe(true);
    expect(screen.getByTestId('field-uscc').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('error-banner').textContent).toContain(zhCN.errors.validation.failed);
    expect(screen.queryByTestId('field-error-name')).toBeNull();
    expect(screen.queryByTestId('app-shell')).toBeNull();
    expect(host.callsOf('company.save')).toEqual([
      {
        name: VALID_COMPANY.name,
        uscc: '91350100M000100Y44',
        customsCode: VALID_COMPANY.customsCode,
        dxpId: null,
        pilotZone: 'zhuzhou',
        baseCurrency: 'CNY',
      },
    ]);
  });

  it('checks empty required fields before sending and sends nothing', async () => {
    host = installFakeHost();
    render(<App />);
    await screen.findByTestId('company-form');

    await submitForm();

    expect(screen.getByTestId('field-error-name').textContent).toBe(zhCN.errors.company.name.required);
    expect(screen.getByTestId('field-error-uscc').textContent).toBe(zhCN.errors.company.uscc.required);
    expect(screen.getByTestId('field-error-customsCode').textContent).toBe(zhCN.errors.company.customsCode.required);
    expect(screen.getByTestId('field-error-pilotZone').textContent).toBe(zhCN.errors.company.pilotZone.unknown);
    expect(screen.queryByTestId('field-error-dxpId')).toBeNull();
    expect(host.callsOf('company.save')).toHaveLength(0);

    fill('field-name', '某公司');
    expect(screen.queryByTestId('field-error-name')).toBeNull();
  });

  it('maps request.invalid field codes to the fields and an internal error to its incident id', async () => {
    host = installFakeHost();
    host.overrides['company.save'] = () => ({
      ok: false,
      error: { code: 'request.invalid', params: {}, fields: { customsCode: 'validation.tooLong' } },
    });
    render(<App />);
    await screen.findByTestId('company-form');
    fillValidCompany();
    await submitForm();
    expect(screen.getByTestId('field-error-customsCode').textContent).toBe(zhCN.errors.validation.tooLong);
    expect(screen.getByTestId('error-banner').textContent).toContain(zhCN.errors.request.invalid);

    host.overrides['company.save'] = () => ({
      ok: false,
      error: { code: 'internal', params: { incidentId: 'inc-42' }, incidentId: 'inc-42' },
    });
    await submitForm();
    expect(screen.getByTestId('error-banner').textContent).toBe(
      zhCN.errors.internal.replace('{{incidentId}}', 'inc-42') + zhCN.common.dismiss,
    );
  });

  it('opens the shell with every navigation item on the dashboard after a successful save', async () => {
    host = installFakeHost();
    render(<App />);
    await screen.findByTestId('company-form');
    fillValidCompany();
    await submitForm();

    const shell = await screen.findByTestId('app-shell');
    for (const feature of FEATURES) {
      expect(within(shell).getByTestId(`nav-${feature}`).textContent).toBe(zhCN.nav[feature]);
    }
    expect(screen.getByTestId('company-name').textContent).toBe(VALID_COMPANY.name);
    expect(screen.getByTestId('page-dashboard')).toBeTruthy();
    expect(screen.getByTestId('sync-indicator').textContent).toBe(zhCN.sync.indicator.offline);
    expect(host.state.company?.version).toBe(1);
  });
});

describe('language', () => {
  it('switches the shell to English and stores the choice with settings.setLanguage', async () => {
    host = installFakeHost({ company: VALID_COMPANY });
    render(<App />);
    await screen.findByTestId('app-shell');

    await act(async () => {
      fireEvent.change(screen.getByTestId('lang-switch'), { target: { value: 'en' } });
    });

    for (const feature of FEATURES) {
      expect(screen.getByTestId(`nav-${feature}`).textContent).toBe(en.nav[feature]);
    }
    expect(host.callsOf('settings.setLanguage')).toEqual([{ language: 'en' }]);
    expect(host.state.settings.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect((screen.getByTestId('lang-switch') as HTMLSelectElement).value).toBe('en');
  });

  it('starts in the language stored in the ledger', async () => {
    host = installFakeHost({ company: VALID_COMPANY, settings: { language: 'zh-TW' } });
    render(<App />);
    await screen.findByTestId('app-shell');
    expect(screen.getByTestId('nav-settings').textContent).toBe(zhTW.nav.settings);
    expect((screen.getByTestId('lang-switch') as HTMLSelectElement).value).toBe('zh-TW');
  });

  it('keeps the current language and shows the error when the host refuses to store it', async () => {
    host = installFakeHost({ company: VALID_COMPANY });
    host.overrides['settings.setLanguage'] = () => ({ ok: false, error: { code: 'network.unreachable', params: {} } });
    render(<App />);
    await screen.findByTestId('app-shell');
    await act(async () => {
      fireEvent.change(screen.getByTestId('lang-switch'), { target: { value: 'en' } });
    });
    expect(screen.getByTestId('nav-orders').textContent).toBe(zhCN.nav.orders);
    expect(screen.getByTestId('error-banner').textContent).toContain(zhCN.errors.network.unreachable);
  });
});
