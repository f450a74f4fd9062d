/**
 * Lookups over the customs code tables (resources/customs-codes/, as the generated module the
 * core can read without I/O): names of units, transport modes, packing types, customs offices;
 * the default destination port (POD) per country: the country's own customs code, which lists
 * state when no port is agreed — a shop or a list may name another port.
 */
import {
  CEB_WRAP_TYPES,
  COUNTRIES,
  CUSTOMS_OFFICES,
  PACKING_TYPES,
  PORTS,
  TRANSPORT_MODES,
  UNITS,
} from './codes/tables.generated.ts';

export type CodeKind = 'unit' | 'transportMode' | 'packingType' | 'wrapType' | 'customsOffice' | 'country';

const TABLES: Readonly<Record<CodeKind, ReadonlyMap<string, string>>> = {
  unit: new Map(UNITS.map(([c, n]) => [c, n])),
  transportMode: new Map(TRANSPORT_MODES.map(([c, n]) => [c, n])),
  packingType: new Map(PACKING_TYPES.map(([c, n]) => [c, n])),
  wrapType: new Map(CEB_WRAP_TYPES.map(([c, n]) => [c, n])),
  customsOffice: new Map(CUSTOMS_OFFICES.map(([c, n]) => [c, n])),
  country: new Map(COUNTRIES.map(([c, n]) => [c, n])),
};

/** The Chinese name of a code, or null when the table does not hold it. */
export function lookupCode(kind: CodeKind, code: string): string | null {
  return TABLES[kind].get(code) ?? null;
}

const PORT_BY_COUNTRY: ReadonlyMap<string, string> = new Map(PORTS.map(([country, code]) => [country, code]));

/** Default POD of an ISO alpha-2 destination ('DE' → '304'); null when the country has no customs code. */
export function defaultPortFor(iso2: string): string | null {
  return PORT_BY_COUNTRY.get(iso2) ?? null;
}

/** Whether a 4-digit customs office (关区) code is in the table (the table is partial: unlisted is a warning, not an error). */
export function isKnownCustomsOffice(code: string): boolean {
  return TABLES.customsOffice.has(code);
}
