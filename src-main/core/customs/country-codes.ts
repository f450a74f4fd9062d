/**
 * Country (region) codes for CEB messages: ISO 3166 alpha-2 → the old 3-digit customs code
 * (《JGS-20》), from the full table in resources/customs-codes/countries.csv (242 codes). A
 * country without a customs code throws `customs.code.unknown` {kind: 'country'}.
 */
import { DomainError } from '../domain-error.ts';
import { COUNTRIES } from './codes/tables.generated.ts';

/** Every country of the customs table with an ISO link (resources/customs-codes/countries.csv). */
export const COUNTRY_CUSTOMS_CODES: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    [...COUNTRIES]
      .reverse()
      .filter(([, , , , iso2]) => iso2 !== '')
      .map(([code, , , , iso2]) => [iso2, code]),
  ),
);

const BY_CODE: ReadonlyMap<string, string> = new Map(
  Object.entries(COUNTRY_CUSTOMS_CODES).map(([iso, code]) => [code, iso]),
);

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
