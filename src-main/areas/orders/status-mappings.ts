/**
 * A shop's own meaning of status words (the same word means different things in different
 * ERPs): stored per shop and normalised word, written only inside a unit of work (an import's
 * confirm or `statuses.map`). Saving a mapping re-classifies that shop's stored orders carrying
 * the word — status and sale exclusion — each as a recorded change in the order's history with a
 * new revision, so nothing changes silently. Words no table or mapping knows are listed with
 * their order counts for the settings screen and `kuajing statuses list`.
 */
import { DomainError } from '../../core/domain-error.ts';
import type { Minor } from '../../core/money/index.ts';
import type { MappableStatus, OrderStatus, Platform, SaleExclusion } from '../../core/orders/order.ts';
import { normaliseStatusWord, saleExclusion, type StatusMappings } from '../../core/orders/sale-rule.ts';
import type { ReadDb } from '../../db/ports.ts';
import type { Tx } from '../../db/unit-of-work.ts';
import type { FieldChange, OrderContent } from './order-content.ts';
import { OrderWriter } from './order-store.ts';
import { closedMonths } from '../company/index.ts';

export interface StatusMappingRecord {
  readonly shopId: number;
  readonly shopName: string;
  readonly platform: Platform;
  /** Normalised word (trimmed, lower-case, runs of space/_/- as one space). */
  readonly word: string;
  readonly status: MappableStatus;
  readonly at: string;
}

export interface UnknownStatusWord {
  readonly shopId: number;
  readonly shopName: string;
  readonly platform: Platform;
  /** The word as the file wrote it. */
  readonly word: string;
  readonly orders: number;
}

export interface StatusWords {
  readonly mappings: readonly StatusMappingRecord[];
  readonly unknown: readonly UnknownStatusWord[];
}

export function loadStatusMappings(db: ReadDb, shopId: number): Map<string, MappableStatus> {
  const rows = db.prepare('SELECT word, status FROM status_mappings WHERE shop_id = ?').all(shopId) as Array<{
    word: string;
    status: MappableStatus;
  }>;
  return new Map(rows.map((r) => [r.word, r.status]));
}

export function listStatusWords(db: ReadDb, shopId?: number): StatusWords {
  const where = shopId === undefined ? '' : 'WHERE m.shop_id = ?';
  const mappings = db
    .prepare(
      `SELECT m.shop_id AS shopId, s.name AS shopName, s.platform, m.word, m.status, m.at
    FROM status_mappings m JOIN shops s ON s.id = m.shop_id ${where} ORDER BY s.name, m.word`,
    )
    .all(...(shopId === undefined ? [] : [shopId])) as StatusMappingRecord[];
  const unknown = db
    .prepare(
      `SELECT o.shop_id AS shopId, s.name AS shopName, s.platform, o.platform_status AS word, count(*) AS orders
    FROM orders o JOIN shops s ON s.id = o.shop_id WHERE o.status = 'unknown' ${shopId === undefined ? '' : 'AND o.shop_id = ?'}
    GROUP BY o.shop_id, o.platform_status ORDER BY s.name, o.platform_status`,
    )
    .all(...(shopId === undefined ? [] : [shopId])) as UnknownStatusWord[];
  return { mappings, unknown };
}

/** The shops whose stored orders carry the word (compared normalised). */
export function shopsWithWord(db: ReadDb, word: string): number[] {
  const key = normaliseStatusWord(word);
  const rows = db.prepare('SELECT DISTINCT shop_id AS shopId, platform_status AS w FROM orders').all() as Array<{
    shopId: number;
    w: string;
  }>;
  return [...new Set(rows.filter((r) => normaliseStatusWord(r.w) === key).map((r) => r.shopId))].sort((a, b) => a - b);
}

/** Content of an order as the shop's mappings read its status word (the file's hash stays the table's). */
export function applyStatusMappings<
  C extends Pick<OrderContent, 'platform' | 'platformStatus' | 'salesChannel' | 'status' | 'exclusion' | 'gross'>,
>(content: C, mappings: StatusMappings): C {
  const mapped = mappings.get(normaliseStatusWord(content.platformStatus));
  if (mapped === undefined) return content;
  const exclusion = saleExclusion({ ...content, amountsKnown: content.gross !== null }, mapped, mappings);
  return mapped === content.status && exclusion === content.exclusion
    ? content
    : { ...content, status: mapped, exclusion };
}

/** What saving a mapping changed: orders re-classified, and per closed month the orders kept as they were. */
export interface MappingOutcome {
  readonly reclassified: number;
  readonly heldBack: ReadonlyArray<{ readonly month: string; readonly orders: number }>;
}

/**
 * Saves the shop's meaning of a word and re-classifies its stored orders carrying the word —
 * except orders dated in a closed month (issue 17 point 1g): they keep their status and are counted
 * per month in `heldBack`; saving the mapping again after reopening the month re-classifies them.
 */
export function saveStatusMapping(tx: Tx, shopId: number, word: string, status: MappableStatus): MappingOutcome {
  const key = normaliseStatusWord(word);
  if (key.length === 0 || key.length > 100) throw new DomainError('statuses.badWord', { word });
  const shop = tx.db.prepare('SELECT id FROM shops WHERE id = ?').get(shopId);
  if (!shop) throw new DomainError('shops.notFound', { id: shopId });
  tx.db
    .prepare(
      `INSERT INTO status_mappings (shop_id, word, status, command_id, at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (shop_id, word) DO UPDATE SET status = excluded.status, command_id = excluded.command_id, at = excluded.at
    WHERE status_mappings.status <> excluded.status`,
    )
    .run(shopId, key, status, tx.commandId, tx.now);
  const mappings = loadStatusMappings(tx.db, shopId);
  const words = (
    tx.db.prepare('SELECT DISTINCT platform_status FROM orders WHERE shop_id = ?').pluck().all(shopId) as string[]
  ).filter((w) => normaliseStatusWord(w) === key);
  if (words.length === 0) return { reclassified: 0, heldBack: [] };
  const closed = closedMonths(tx.db);
  const held = new Map<string, number>();
  const rows = tx.db
    .prepare(
      `SELECT id, platform, order_no, platform_status, sales_channel, status, exclusion, gross, ordered_at FROM orders
    WHERE shop_id = ? AND platform_status IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(shopId, JSON.stringify(words)) as Array<{
    id: number;
    platform: Platform;
    order_no: string;
    platform_status: string;
    sales_channel: string | null;
    status: OrderStatus;
    exclusion: SaleExclusion | null;
    gross: Minor | null;
    ordered_at: string;
  }>;
  const writer = new OrderWriter(tx, 'edit');
  const set = tx.db.prepare('UPDATE orders SET status = ?, exclusion = ? WHERE id = ?');
  let changed = 0;
  for (const r of rows) {
    const next = applyStatusMappings(
      {
        platform: r.platform,
        platformStatus: r.platform_status,
        salesChannel: r.sales_channel,
        status: r.status,
        exclusion: r.exclusion,
        gross: r.gross,
      },
      mappings,
    );
    const changes: FieldChange[] = [];
    if (next.status !== r.status) changes.push({ field: 'status', oldValue: r.status, newValue: next.status });
    if (next.exclusion !== r.exclusion)
      changes.push({ field: 'exclusion', oldValue: r.exclusion, newValue: next.exclusion });
    if (changes.length === 0) continue;
    const month = r.ordered_at.slice(0, 7);
    if (closed.has(month)) {
      held.set(month, (held.get(month) ?? 0) + 1);
      continue;
    }
    set.run(next.status, next.exclusion, r.id);
    writer.recordChanges(r.id, changes);
    writer.bump(r.id, r.platform, r.order_no);
    changed++;
  }
  return {
    reclassified: changed,
    heldBack: [...held.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([month, orders]) => ({ month, orders })),
  };
}
