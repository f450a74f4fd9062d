/**
 * Country (region) codes for CEB messages: ISO 3166 alpha-2 → the old 3-digit customs code
 * (《JGS-20》), as listed in shared/docs/domain.md §3.11. Deliberately short: a country not
 * listed throws `customs.code.unknown` {kind: 'country'} rather than guessing; load the full
 * official table (resources/) once it is available.
 */
import { DomainError } from '../domain-error.ts';

export const COUNTRY_CUSTOMS_CODES: Readonly<Record<string, string>> = Object.freeze({
  CN: '142', HK: '110', JP: '116', KR: '133', GB: '303', DE: '304', FR: '305', IT: '307',
  ES: '312', RU: '344', CA: '501', US: '502', AU: '601', NZ: '609',
});

const BY_CODE: ReadonlyMap<string, string> = new Map(Object.entries(COUNTRY_CUSTOMS_CODES).map(([iso, code]) => [code, iso]));

/** 'US' → '502'; the caller upper-cases. */
export function countryToCustomsCode(iso2: string): string {
  const code = Object.hasOwn(COUNTRY_CUSTOMS_CODES, iso2) ? COUNTRY_CUSTOMS_CODES[iso2] : undefined;
  if (code === undefined) throw new DomainError('customs.code.unknown', { kind: 'country', value: String(iso2) });
  return code;
}

/** '502' → 'US'. */
export function countryFromCustomsCode(code: string): string {
  const iso = BY_CODE.get(code);
  if (iso === undefined) throw new DomainError('customs.code.unknown', { kind: 'country', value: String(code) });
  return iso;
}
