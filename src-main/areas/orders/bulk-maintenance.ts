/**
 * The derived tables a batch of new orders changes, kept set-based (migration 0022, issue 19): the
 * per-row AFTER INSERT triggers on orders and order_lines (month totals, payout late matches,
 * register rows) do nothing while `bulk_write` holds its row; `OrderWriter.insertMany` takes that
 * row (`begin`), writes its orders and lines, and `end` applies to the ids it wrote what those
 * triggers would have, one INSERT … SELECT … GROUP BY per table, then gives the row back — all in
 * the caller's transaction. Each statement here is its trigger's body over an id range instead of
 * NEW (kept next to them: a change to a trigger must be made here too; the bulk-maintenance test
 * compares both with the from-scratch computations).
 */
import type { WriteDb } from '../../db/ports.ts';

export class BulkMaintenance {
  readonly #begin;
  readonly #end;
  readonly #steps;
  readonly #documented;
  readonly #registerLines;
  readonly #anySixItems;
  readonly #sixItemOrders;
  readonly #sixItems;

  constructor(db: WriteDb) {
    this.#begin = db.prepare('INSERT INTO bulk_write (id) VALUES (1)');
    this.#end = db.prepare('DELETE FROM bulk_write');
    this.#steps = [
      // order_month_totals_ai
      db.prepare(`INSERT INTO order_month_totals (month, shop_id, currency, country, customs_mode, exclusion, orders, units, gross,
          refunded, unknown_amounts)
        SELECT substr(ordered_at, 1, 7), shop_id, coalesce(currency, ''), coalesce(buyer_country, ''), coalesce(customs_mode, ''),
            coalesce(exclusion, ''), count(*), sum(units), coalesce(sum(gross), 0), sum(refunded), sum(gross IS NULL)
          FROM orders WHERE id BETWEEN @first AND @last GROUP BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (month, shop_id, currency, country, customs_mode, exclusion) DO UPDATE SET orders = orders + excluded.orders,
          units = units + excluded.units, gross = gross + excluded.gross, refunded = refunded + excluded.refunded,
          unknown_amounts = unknown_amounts + excluded.unknown_amounts`),
      // sku_month_totals_ai (sold lines: the order is a sale, the line not cancelled)
      db.prepare(`INSERT INTO sku_month_totals (month, sku, lines, quantity, unknown_lines)
        SELECT substr(o.ordered_at, 1, 7), l.sku, count(*), sum(l.quantity), sum(l.line_total IS NULL)
          FROM orders o JOIN order_lines l ON l.order_id = o.id
          WHERE o.id BETWEEN @first AND @last AND o.exclusion IS NULL AND l.cancelled = 0 GROUP BY 1, 2
        ON CONFLICT (month, sku) DO UPDATE SET lines = lines + excluded.lines, quantity = quantity + excluded.quantity,
          unknown_lines = unknown_lines + excluded.unknown_lines`),
      db.prepare(`INSERT INTO sku_month_amounts (sku, month, currency, lines, amount, unknown_lines)
        SELECT l.sku, substr(o.ordered_at, 1, 7), coalesce(o.currency, ''), count(*),
            coalesce(sum(l.line_total - coalesce(l.discount, 0)), 0), sum(l.line_total IS NULL)
          FROM orders o JOIN order_lines l ON l.order_id = o.id
          WHERE o.id BETWEEN @first AND @last AND o.exclusion IS NULL AND l.cancelled = 0 GROUP BY 1, 2, 3
        ON CONFLICT (sku, month, currency) DO UPDATE SET lines = lines + excluded.lines, amount = amount + excluded.amount,
          unknown_lines = unknown_lines + excluded.unknown_lines`),
      // payout_late_match_on_order: the first order of a number matches, in id order as the rows went in
      db.prepare(`INSERT OR IGNORE INTO payout_late_matches (payout_id, order_no, order_id, line_count)
        SELECT l.payout_id, o.order_no, o.id, count(*) FROM orders o
            JOIN payout_lines l INDEXED BY payout_lines_waiting ON l.order_no = o.order_no AND l.order_id IS NULL
          WHERE o.id BETWEEN @first AND @last GROUP BY o.id, l.payout_id ORDER BY o.id, l.payout_id`),
      db.prepare(`INSERT INTO payout_order_totals (payout_id, order_id, amount, first_row, line_count)
        SELECT l.payout_id, o.id, sum(l.amount), min(l.row), count(*) FROM orders o
            JOIN payout_lines l INDEXED BY payout_lines_waiting ON l.order_no = o.order_no AND l.order_id IS NULL
          WHERE o.id BETWEEN @first AND @last
            AND EXISTS (SELECT 1 FROM payout_late_matches m WHERE m.payout_id = l.payout_id AND m.order_no = o.order_no AND m.order_id = o.id)
          GROUP BY o.id, l.payout_id`),
    ];
    // register_list_lines_order_ai, for the orders some customs document names (a new order has none,
    // unless its id was used before); the views read one order at a time, as the triggers do (over a
    // range SQLite would read every list or every queued six items)
    this.#documented = db
      .prepare('SELECT DISTINCT order_id FROM customs_documents WHERE order_id BETWEEN @first AND @last')
      .pluck();
    this.#registerLines = [
      db.prepare('DELETE FROM register_list_lines WHERE order_id = ?'),
      db.prepare(`INSERT INTO register_list_lines (ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country,
          invt_no, entry_id, currency, item_no, qty, unit, total_price)
        SELECT ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no, entry_id, currency,
            item_no, qty, unit, total_price
          FROM register_list_lines_source WHERE order_id = ?`),
    ];
    // register_six_items_order_ai, for the orders whose number has six items queued (before the order arrived)
    this.#anySixItems = db.prepare("SELECT EXISTS (SELECT 1 FROM outbox WHERE kind = 'tax.sixItems')").pluck();
    this.#sixItemOrders = db
      .prepare(
        `SELECT DISTINCT o.id FROM orders o CROSS JOIN outbox x ON x.idempotency_key = 'tax.sixItems:' || o.order_no
        WHERE o.id BETWEEN @first AND @last AND x.kind = 'tax.sixItems'`,
      )
      .pluck();
    this.#sixItems =
      db.prepare(`INSERT INTO register_six_items (ordered_at_utc, order_id, outbox_id, ordered_at, status, order_no,
        currency, amounts)
      SELECT ordered_at_utc, order_id, outbox_id, ordered_at, status, order_no, currency, amounts
        FROM register_six_items_source WHERE order_id = ?`);
  }

  /** From here the per-row insert triggers wait for `end`. */
  begin(): void {
    this.#begin.run();
  }

  /** What the waiting triggers would have done for the orders `first`…`last` (and their lines), then they are back. */
  end(first: number, last: number): void {
    const ids = { first, last };
    for (const s of this.#steps) s.run(ids);
    for (const id of this.#documented.all(ids)) for (const s of this.#registerLines) s.run(id);
    if (this.#anySixItems.get() === 1) for (const id of this.#sixItemOrders.all(ids)) this.#sixItems.run(id);
    this.#end.run();
  }
}
