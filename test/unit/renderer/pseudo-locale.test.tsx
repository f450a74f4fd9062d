/**
 * Renders the first-run screen and every page of the shell under the pseudo-locale, where
 * each translated string is wrapped in ⟦…⟧: any visible text without the brackets that is
 * not data (company name, codes, numbers, language names) was not translated.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/app/App.tsx';
import { applyLanguage, i18n } from '../../../src-renderer/i18n/index.ts';
import { LANGUAGE_ENDONYMS } from '../../../src-renderer/i18n/languages.ts';
import { PSEUDO_LANGUAGE, pseudoLocale } from '../../../src-renderer/i18n/pseudo-locale.ts';
import { FEATURES } from '../../../src-renderer/state/routes.ts';
import { installFakeHost, VALID_COMPANY, type FakeHost } from './fake-host.ts';
import { resetRenderer } from './reset-renderer.ts';
import { untranslated as findUntranslated } from './untranslated-text.ts';

let host: FakeHost;

const DATA = new Set<string>([
  VALID_COMPANY.name,
  VALID_COMPANY.uscc,
  '账',
  '0.1.0-test',
  '/tmp/ledger.sqlite',
  ...Object.values(LANGUAGE_ENDONYMS),
]);

function untranslated(root: HTMLElement): string[] {
  return findUntranslated(root, DATA);
}

async function usePseudo(): Promise<void> {
  await act(async () => {
    await applyLanguage(PSEUDO_LANGUAGE);
  });
}

beforeEach(async () => {
  await resetRenderer();
  i18n.addResourceBundle(PSEUDO_LANGUAGE, 'translation', pseudoLocale(), true, true);
});

afterEach(async () => {
  host.uninstall();
  await applyLanguage('zh-CN');
});

describe('pseudo-locale', () => {
  it('finds no untranslated text on the first-run screen, also with field errors shown', async () => {
    host = installFakeHost();
    render(<App />);
    await screen.findByTestId('company-form');
    await usePseudo();
    await act(async () => {
      fireEvent.click(screen.getByTestId('company-save'));
    });
    expect(screen.getByTestId('field-error-name').textContent).toContain('⟦');
    expect(untranslated(document.body)).toEqual([]);
  });

  it('finds no untranslated text on any page of the shell', async () => {
    host = installFakeHost({ company: VALID_COMPANY, sync: { state: 'idle', queued: 5, failed: 1 } });
    render(<App />);
    await screen.findByTestId('app-shell');
    await usePseudo();
    for (const feature of FEATURES) {
      fireEvent.click(screen.getByTestId(`nav-${feature}`));
      await screen.findByTestId(`page-${feature}`);
      expect(untranslated(document.body), feature).toEqual([]);
    }
  });
});
