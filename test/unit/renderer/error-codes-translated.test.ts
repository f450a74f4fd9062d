/**
 * Every error code the back end can emit has an `errors.<code>` text in zh-CN, zh-TW and en.
 * The codes are found by scanning src-main/**\/*.ts — `new DomainError('code'`, `code: 'code'`
 * properties (boundary errors, RowError pushes), per-field codes (`fields.x = 'code'`, `f[key] = 'stock.…'`,
 * `return 'code'` / `? null : 'code'` of validators) and `import.row.*` / `import.file.*` literals passed to
 * helpers — so a code added in the core cannot reach the screen untranslated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src-renderer/i18n/locales/en.ts';
import { zhCN } from '../../../src-renderer/i18n/locales/zh-CN.ts';
import { zhTW } from '../../../src-renderer/i18n/locales/zh-TW.ts';

const SRC_MAIN = path.resolve(import.meta.dirname, '../../../src-main');

/** Codes the issue names for the orders/imports back end, translated before they land. */
const EXPECTED_CODES = [
  'notImplemented',
  'orders.notFound',
  'orders.status.unknown',
  'shops.badTimeZone',
  'shops.duplicate',
  'imports.preview.expired',
  'imports.mappingIncomplete',
  'import.file.empty',
  'import.file.headerOnly',
  'import.file.binary',
  'import.file.unknownSource',
  'import.file.tooLarge',
  'import.row.columnCount',
  'import.row.fieldTooLong',
  'import.row.badDate',
  'import.row.badAmount',
  'import.row.badQuantity',
  'import.row.badCountry',
  'import.row.orderHasErrors',
  'import.row.missingValue',
  'money.badDecimal',
  'money.tooManyDecimals',
  'money.outOfRange',
  'money.currency.unknown',
];

/** Dotted (or single-word) identifiers; file names and the like never start with these shapes. */
const CODE = String.raw`[a-zA-Z][a-zA-Z0-9]*(?:\.[a-zA-Z][a-zA-Z0-9]*)*`;
/** First segments of error codes, for patterns that would otherwise catch any dotted text. */
const AREA = String.raw`(?:company|money|orders|shops|imports?|stock|customs|settlement|sync|reports|training|backup|db)`;
const PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`new\s+DomainError\(\s*(['"\`])(${CODE})\1`, 'g'),
  new RegExp(String.raw`\bcode\s*:\s*(['"])(${CODE})\1`, 'g'),
  new RegExp(String.raw`\bfields\s*(?:\.\s*\w+|\[[^\]]+\])\s*=\s*(['"])(${CODE}\.${CODE})\1`, 'g'),
  new RegExp(String.raw`\b\w+\s*(?:\.\s*\w+|\[[^\]]+\])\s*=\s*(['"])(${AREA}\.${CODE})\1`, 'g'),
  new RegExp(String.raw`(?:\breturn\s+|\?\s*null\s*:\s*)(['"])(${AREA}\.${CODE})\1`, 'g'),
  new RegExp(String.raw`(['"])(import\.(?:row|file)\.${CODE})\1`, 'g'),
];

interface Found {
  readonly code: string;
  readonly where: string;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function scan(): Found[] {
  const found: Found[] = [];
  for (const file of tsFiles(SRC_MAIN)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of PATTERNS) {
      for (const m of text.matchAll(pattern)) {
        const code = m[2] ?? '';
        const line = text.slice(0, m.index).split('\n').length;
        found.push({ code, where: `${path.relative(SRC_MAIN, file)}:${line}` });
      }
    }
  }
  return found;
}

function hasText(errors: unknown, code: string): boolean {
  let node = errors;
  for (const part of code.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node.trim() !== '';
}

const LOCALES = { 'zh-CN': zhCN.errors, 'zh-TW': zhTW.errors, en: en.errors } as const;

describe('error codes from the back end', () => {
  const found = scan();

  it('are found by the scan (the patterns still match how src-main writes them)', () => {
    const codes = new Set(found.map((f) => f.code));
    for (const known of [
      'statuses.ambiguousShop',
      'money.badDecimal',
      'company.uscc.checkDigit',
      'company.name.required',
      'request.invalid',
      'internal',
    ]) {
      expect(codes.has(known), known).toBe(true);
    }
  });

  for (const [language, errors] of Object.entries(LOCALES)) {
    it(`all have an errors.<code> text in ${language}`, () => {
      const missing = found.filter((f) => !hasText(errors, f.code)).map((f) => `${f.code} (${f.where})`);
      expect([...new Set(missing)]).toEqual([]);
    });

    it(`include the orders and import codes named by the issue in ${language}`, () => {
      expect(EXPECTED_CODES.filter((code) => !hasText(errors, code))).toEqual([]);
    });
  }
});
