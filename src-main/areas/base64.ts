/** File contents cross the command boundary base64-encoded; this is the one decoder of them. */
import { DomainError } from '../core/domain-error.ts';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 command body → bytes; anything else is `imports.badBase64` (never a silently garbled file). */
export function decodeBase64(text: string): Uint8Array {
  if (!BASE64.test(text)) throw new DomainError('imports.badBase64');
  return new Uint8Array(Buffer.from(text, 'base64'));
}
