/**
 * Turns an error code from the core (`company.uscc.checkDigit`, `internal`, …) into the
 * sentence for the current language: `t('errors.' + code, params)`. Codes the renderer has
 * no text for fall back to `errors.unknown` with the raw code, so nothing shows a bare key.
 */
import type { TFunction } from 'i18next';
import { zhCN } from './locales/zh-CN.ts';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** True if `errors.<code>` is a message (a string leaf) in the source-of-truth locale. */
export function hasErrorText(code: string): boolean {
  let node: unknown = zhCN.errors;
  for (const part of code.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

export function translateError(
  t: TFunction,
  code: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  // Error keys are dynamic, so they bypass the typed-key check; hasErrorText guards them.
  const loose = t as unknown as LooseT;
  if (!hasErrorText(code)) return loose('errors.unknown', { code });
  return loose(`errors.${code}`, { ...params });
}
