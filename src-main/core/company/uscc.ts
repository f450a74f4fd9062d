/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015) validation.
 * 18 chars over the 31-char alphabet 0-9A-Z minus I O S V Z; the last char is the
 * mod-31 check over the first 17 with fixed weights. Input must already be trimmed.
 */
import { DomainError } from '../domain-error.ts';

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccError = 'company.uscc.length' | 'company.uscc.charset' | 'company.uscc.checkDigit';

function checkIndex(first17: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += USCC_CHARSET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  return (31 - (sum % 31)) % 31;
}

function hasOnlyCharset(s: string): boolean {
  for (const ch of s) if (!USCC_CHARSET.includes(ch)) return false;
  return true;
}

/** Check character for the first 17 chars; throws DomainError on bad length/charset. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new DomainError('company.uscc.length', { length: first17.length });
  if (!hasOnlyCharset(first17)) throw new DomainError('company.uscc.charset');
  return USCC_CHARSET.charAt(checkIndex(first17));
}

export function validateUscc(code: string): null | UsccError {
  if (code.length !== 18) return 'company.uscc.length';
  if (!hasOnlyCharset(code)) return 'company.uscc.charset';
  return USCC_CHARSET.charAt(checkIndex(code.slice(0, 17))) === code.charAt(17) ? null : 'company.uscc.checkDigit';
}
