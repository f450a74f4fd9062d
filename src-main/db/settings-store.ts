/** Key/value workspace settings (language, later company options). Values are JSON text. */
import type { Db } from './open-ledger.ts';
import type { WriteDb } from './ports.ts';

export function getSetting<T>(db: Db, key: string, fallback: T): T {
  const v = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  return v === undefined ? fallback : (JSON.parse(v) as T);
}

export function putSetting(db: WriteDb, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}
