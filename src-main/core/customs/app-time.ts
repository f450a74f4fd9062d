/**
 * `appTime` (C14 `YYYYMMDDhhmmss`) from a clock parameter, written in China Standard Time
 * (UTC+8, no daylight saving), the time customs reads it in, whatever the machine's zone.
 * An invalid Date throws `customs.appTime.invalid`.
 */
import { DomainError } from '../domain-error.ts';

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export type Clock = () => Date;

export function formatAppTime(at: Date): string {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new DomainError('customs.appTime.invalid');
  const d = new Date(ms + CST_OFFSET_MS);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}
