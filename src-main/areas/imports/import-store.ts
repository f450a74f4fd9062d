/**
 * Writing an import: every order of a parsed file upserted idempotently on its shop + order no
 * (new → revision 1; same content hash → unchanged; else updated with its change history), its
 * fees and refunds keyed by source, and the `imports` row — all in the caller's one transaction.
 * `countImport` answers the same new / updated / unchanged question without writing (preview).
 * Settlement files only add fees and refunds; an order they name that is not in the ledger yet
 * becomes a placeholder (origin 'settlement') that its order export later completes as new.
 */
import { type ColumnMapping, GENERIC_FIELDS, type GenericField, type ImportSource } from '../../core/orders/order.ts';
import type { Db } from '../../db/open-ledger.ts';
import type { WriteDb } from '../../db/ports.ts';
import type { ImportedContent } from '../orders/index.ts';
import { OrderWriter, type OrderRow, type WriteOptions } from '../orders/index.ts';
import type { Minor } from '../../core/money/index.ts';
import type { Tx } from '../../db/unit-of-work.ts';

export interface ImportCounts {
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
}

export interface ImportMeta {
  readonly source: ImportSource;
  readonly fileName: string;
  readonly fileSha256: string;
  readonly encoding: string;
  readonly rowCount: number;
  readonly rejected: number;
}

export interface ImportItem {
  readonly content: ImportedContent;
  readonly shopId: number;
}

/** Where fees and refunds of this file are filed: one snapshot per order export source, one set per settlement file. */
export function sourceKeyOf(source: ImportSource, fileSha256: string): string {
  return source === 'amazon-settlement' ? `amazon-settlement:${fileSha256}` : source;
}

export const isSettlement = (source: ImportSource) => source === 'amazon-settlement';

const PROGRESS_EVERY = 2000;

/** What confirming would do to one order, and the local order time stored for it (null when not stored yet). */
export type ItemChange = (index: number, change: keyof ImportCounts, storedOrderedAt: string | null) => void;

/**
 * What confirming would do to each order (in its shop; null = a shop confirm will create), without
 * writing anything; `each` hears every order's answer (period close sorts them by month).
 */
export function countImport(
  db: Db,
  items: ReadonlyArray<{ readonly content: ImportedContent; readonly shopId: number | null }>,
  source: ImportSource,
  fileSha256: string,
  each?: ItemChange,
): ImportCounts {
  const find = db.prepare('SELECT id, origin, content_hash, ordered_at FROM orders WHERE shop_id = ? AND order_no = ?');
  const fees = db.prepare(
    'SELECT type, description, amount, currency FROM order_fees WHERE order_id = ? AND source_key = ?',
  );
  const refund = db.prepare('SELECT amount FROM order_refunds WHERE order_id = ? AND source_key = ?').pluck();
  const key = sourceKeyOf(source, fileSha256);
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  items.forEach(({ content: c, shopId }, index) => {
    const o =
      shopId === null
        ? undefined
        : (find.get(shopId, c.orderNo) as Pick<OrderRow, 'id' | 'origin' | 'content_hash' | 'ordered_at'> | undefined);
    if (!o) {
      created++;
      each?.(index, 'new', null);
      return;
    }
    let change: keyof ImportCounts;
    if (isSettlement(source)) {
      const old = fees.all(o.id, key) as Array<{ type: string; description: string; amount: number; currency: string }>;
      const was = new Map(old.map((f) => [`${f.type}\u0000${f.description}`, f]));
      const sameFees =
        old.length === c.fees.length &&
        c.fees.every((f) => {
          const w = was.get(`${f.type}\u0000${f.description}`);
          return w !== undefined && w.amount === f.amount && w.currency === (c.currency ?? '');
        });
      const sameRefund = Number(refund.get(o.id, key) ?? 0) === c.refunded;
      change = sameFees && sameRefund ? 'unchanged' : 'updated';
    } else if (o.origin === 'settlement') change = 'new';
    else if (o.content_hash === c.hash) change = 'unchanged';
    else change = 'updated';
    if (change === 'new') created++;
    else if (change === 'updated') updated++;
    else unchanged++;
    each?.(index, change, o.ordered_at);
  });
  return { new: created, updated, unchanged };
}

/**
 * Writes the orders and the `imports` row in the caller's transaction; returns the import id and
 * counts. `onProgress` is called every 2000 orders (and at the end).
 */
export function writeImport(
  tx: Tx,
  meta: ImportMeta,
  items: readonly ImportItem[],
  onProgress?: (done: number, total: number) => void,
  each?: (index: number, change: keyof ImportCounts) => void,
): ImportCounts & { readonly importId: number } {
  const writer = new ImportWriter(tx, meta, items.length, onProgress);
  writer.write(items, each);
  return writer.finish();
}

/**
 * An import written batch by batch in the caller's one transaction (issue 16, point 1: a 1M-row
 * file's orders never all in memory): the `imports` row first, each batch's orders, then the
 * row's counts (orders, lines, rejected rows and new / updated / unchanged) at `finish`.
 * `total` is for progress only (every 2000 orders and at the end).
 */
export class ImportWriter {
  readonly importId: number;
  readonly #tx: Tx;
  readonly #w: OrderWriter;
  readonly #key: string;
  readonly #settlement: boolean;
  readonly #total: number;
  readonly #onProgress: ((done: number, total: number) => void) | undefined;
  #orders = 0;
  #lines = 0;
  #created = 0;
  #updated = 0;
  #unchanged = 0;

  constructor(tx: Tx, meta: ImportMeta, total: number, onProgress?: (done: number, total: number) => void) {
    this.#tx = tx;
    this.#total = total;
    this.#onProgress = onProgress;
    this.importId = Number(
      tx.db
        .prepare(
          `INSERT INTO imports (command_id, source, file_name, file_sha256, encoding, row_count, order_count,
    line_count, rejected_count, at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
        )
        .run(
          tx.commandId,
          meta.source,
          meta.fileName,
          meta.fileSha256,
          meta.encoding,
          meta.rowCount,
          meta.rejected,
          tx.now,
        ).lastInsertRowid,
    );
    this.#w = new OrderWriter(tx, 'import');
    this.#key = sourceKeyOf(meta.source, meta.fileSha256);
    this.#settlement = isSettlement(meta.source);
  }

  /** One batch of orders; `each` hears each one's change by its index in this batch. */
  write(items: readonly ImportItem[], each?: (index: number, change: keyof ImportCounts) => void): void {
    const w = this.#w;
    const key = this.#key;
    const settlement = this.#settlement;
    const importId = this.importId;
    // new orders wait here and go in together (OrderWriter.insertMany), before the next order that
    // is not new and at the end of the batch, so every row is written in the same order as before
    let fresh: Array<{ c: ImportedContent; o: WriteOptions; refunded: Minor }> = [];
    const flush = () => {
      if (fresh.length === 0) return;
      const ids = w.insertMany(fresh);
      fresh.forEach(({ c }, k) => {
        const currency = c.currency ?? '';
        if (c.fees.length > 0) w.setFees(ids[k]!, key, c.fees, currency, importId);
        if (c.refunded !== 0) w.setRefund(ids[k]!, key, c.refunded, currency, importId);
      });
      fresh = [];
    };
    items.forEach(({ content: c, shopId }, i) => {
      const tally = (change: keyof ImportCounts) => {
        if (change === 'new') this.#created++;
        else if (change === 'updated') this.#updated++;
        else this.#unchanged++;
        each?.(i, change);
      };
      const done = this.#orders++;
      this.#lines += c.lines.length;
      if (done > 0 && done % PROGRESS_EVERY === 0) this.#onProgress?.(done, this.#total);
      const before = w.find(shopId, c.orderNo);
      const currency = c.currency ?? '';
      const opts = {
        shopId,
        origin: settlement ? 'settlement' : 'import',
        contentHash: settlement ? 'settlement' : c.hash,
        importId,
        customsMode: null,
      } as const;
      if (!before) {
        fresh.push({ c, o: opts, refunded: c.refunded });
        tally('new');
        return;
      }
      flush();
      if (settlement) {
        const feesChanged = w.setFees(before.id, key, c.fees, currency, importId);
        const refundChanged = w.setRefund(before.id, key, c.refunded, currency, importId);
        const refunded = refundChanged ? w.refreshRefunded(before.id, before.refunded) : null;
        if (refunded) {
          w.recordChanges(before.id, [refunded]);
          w.bump(before.id, before.platform, before.order_no);
        }
        tally(feesChanged || refundChanged ? 'updated' : 'unchanged');
        return;
      }
      const placeholder = before.origin === 'settlement';
      if (!placeholder && before.content_hash === c.hash) {
        tally('unchanged');
        return;
      }
      // A re-import keeps the order's shop and customs mode: neither comes from the file.
      const keep = {
        ...opts,
        shopId: placeholder ? shopId : before.shop_id,
        customsMode: before.customs_mode as typeof opts.customsMode,
      };
      const changes = w.replace(before, c, keep, !placeholder);
      w.setFees(before.id, key, c.fees, currency, importId);
      w.setRefund(before.id, key, c.refunded, currency, importId);
      const refunded = w.refreshRefunded(before.id, before.refunded);
      if (refunded && !placeholder) w.recordChanges(before.id, [refunded]);
      if (changes.length > 0 || refunded || placeholder || before.content_hash !== c.hash)
        w.bump(before.id, before.platform, before.order_no);
      tally(placeholder ? 'new' : 'updated');
    });
    flush();
  }

  /** The counts into the `imports` row (`rejected`: when known only now, the rejected rows' errors). */
  finish(rejected?: number): ImportCounts & { readonly importId: number } {
    this.#onProgress?.(this.#orders, this.#orders);
    this.#tx.db
      .prepare(
        `UPDATE imports SET order_count = ?, line_count = ?, new_count = ?, updated_count = ?, unchanged_count = ?,
        rejected_count = coalesce(?, rejected_count) WHERE id = ?`,
      )
      .run(this.#orders, this.#lines, this.#created, this.#updated, this.#unchanged, rejected ?? null, this.importId);
    return { importId: this.importId, new: this.#created, updated: this.#updated, unchanged: this.#unchanged };
  }
}

export interface SavedMappingRecord {
  readonly name: string;
  readonly mapping: ColumnMapping;
  readonly savedAt: string;
}

export function listMappings(db: Db): SavedMappingRecord[] {
  return (
    db.prepare('SELECT name, mapping, saved_at FROM import_mappings ORDER BY name').all() as Array<{
      name: string;
      mapping: string;
      saved_at: string;
    }>
  ).map((r) => ({ name: r.name, mapping: storedMapping(r.mapping), savedAt: r.saved_at }));
}

/**
 * A mapping as saved (JSON); fields added since it was saved (e.g. `orderTotal`) read as not in
 * the file, so a mapping saved by an older version keeps working unchanged.
 */
function storedMapping(json: string): ColumnMapping {
  const saved = JSON.parse(json) as Partial<Record<GenericField, string | null>>;
  return Object.fromEntries(GENERIC_FIELDS.map((f) => [f, saved[f] ?? null])) as ColumnMapping;
}

export function getMapping(db: Db, name: string): ColumnMapping | null {
  const m = db.prepare('SELECT mapping FROM import_mappings WHERE name = ?').pluck().get(name) as string | undefined;
  return m === undefined ? null : storedMapping(m);
}

/** Saving under an existing name replaces that mapping. */
export function saveMapping(db: WriteDb, name: string, mapping: ColumnMapping, savedAt: string): void {
  db.prepare(
    `INSERT INTO import_mappings (name, mapping, saved_at) VALUES (?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at`,
  ).run(name, JSON.stringify(mapping), savedAt);
}
