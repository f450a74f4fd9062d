/**
 * The three locales stay in step: identical key sets, no empty strings, the same
 * `{{placeholders}}` per message, and a text for every error code the core can return.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../../src-renderer/i18n/locales/en.ts';
import { zhCN } from '../../../src-renderer/i18n/locales/zh-CN.ts';
import { zhTW } from '../../../src-renderer/i18n/locales/zh-TW.ts';
import { hasErrorText } from '../../../src-renderer/i18n/translate-error.ts';
import { i18n } from '../../../src-renderer/i18n/index.ts';

const LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const;

const ERROR_CODES = [
  'company.name.required',
  'company.name.tooLong',
  'company.uscc.required',
  'company.uscc.length',
  'company.uscc.charset',
  'company.uscc.checkDigit',
  'company.customsCode.required',
  'company.customsCode.length',
  'company.customsCode.charset',
  'company.dxpId.format',
  'company.pilotZone.unknown',
  'company.baseCurrency.unsupported',
  'validation.failed',
  'request.invalid',
  'validation.required',
  'validation.tooLong',
  'validation.notAllowed',
  'validation.unknownField',
  'validation.invalid',
  'request.forbidden',
  'request.badJson',
  'request.tooLarge',
  'request.unknownCommand',
  'internal',
  'db.alreadyOpen',
  'network.unreachable',
];

function leaves(node: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof node !== 'object' || node === null) {
    out.set(prefix, node);
    return out;
  }
  for (const [key, value] of Object.entries(node)) {
    for (const [k, v] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const reference = leaves(zhCN);

describe('locales', () => {
  for (const [language, resource] of Object.entries(LOCALES)) {
    const flat = leaves(resource);

    it(`${language} has exactly the keys of zh-CN`, () => {
      expect([...flat.keys()].sort()).toEqual([...reference.keys()].sort());
    });

    it(`${language} has only non-empty strings`, () => {
      for (const [key, value] of flat) {
        expect(typeof value, key).toBe('string');
        expect((value as string).trim().length, key).toBeGreaterThan(0);
      }
    });

    it(`${language} uses the same placeholders as zh-CN in every message`, () => {
      for (const [key, value] of flat) {
        expect(placeholders(value as string), key).toEqual(placeholders(reference.get(key) as string));
      }
    });

    it(`${language} translates every error code the core returns`, () => {
      for (const code of ERROR_CODES) {
        expect(hasErrorText(code), code).toBe(true);
        expect(i18n.exists(`errors.${code}`, { lng: language, fallbackLng: [] }), `${language} errors.${code}`).toBe(
          true,
        );
      }
    });
  }

  it('keeps zh-TW in Traditional script for the navigation', () => {
    expect(Object.values(zhTW.nav).join('')).not.toMatch(/[订库结报设实]/);
    expect(zhTW.nav.settings).toBe('設定');
  });

  it('falls back to errors.unknown with the raw code for codes without text', () => {
    expect(hasErrorText('nope.never')).toBe(false);
    expect(hasErrorText('company')).toBe(false);
    expect(hasErrorText('company.uscc.checkDigit')).toBe(true);
  });
});
