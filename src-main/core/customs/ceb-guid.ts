/**
 * CEB guids: 36 characters, upper case (the XSD checks only the length; the spec asks for
 * upper case). The core has no randomness, so ids come from an `IdSource` the caller passes
 * (crypto.randomUUID in the app, a counter in tests); anything not UUID-shaped is refused.
 */
import { DomainError } from '../domain-error.ts';

export type IdSource = () => string;

export const CEB_GUID_PATTERN = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

export function cebGuid(newId: IdSource): string {
  const raw = newId();
  const guid = String(raw).toUpperCase();
  if (!CEB_GUID_PATTERN.test(guid)) throw new DomainError('customs.guid.invalid', { value: String(raw) });
  return guid;
}
