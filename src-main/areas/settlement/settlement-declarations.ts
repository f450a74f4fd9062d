/**
 * Declared export value per order from the customs documents: the order's CEB603 lists (the
 * latest revision of each), with the list number (invtNo), the declaration number (entryId,
 * once the summary receipt links it) and the declared value = Σ the list lines' totalPrice in
 * the list's currency. Read for the netting statement's declared-vs-received rows.
 */
import { isCurrency, parseDecimal, sumMinor, type Currency, type Minor } from '../../core/money/index.ts';
import type { Db } from '../../db/open-ledger.ts';

export interface OrderDeclaration {
  readonly invtNo: string | null;
  readonly entryId: string | null;
  /** Σ totalPrice of the lists (minor units of `currency`); null when the lists disagree on the currency. */
  readonly declaredValue: Minor | null;
  readonly currency: Currency | null;
}

interface ListRow {
  order_id: number;
  invt_no: string | null;
  entry_id: string | null;
  facts: string | null;
}
interface ListFacts {
  readonly currency?: string;
  readonly lines?: ReadonlyArray<{ readonly totalPrice: string }>;
}

function listValue(facts: ListFacts): { currency: Currency; value: Minor } | null {
  const currency = facts.currency;
  if (!isCurrency(currency)) return null;
  return { currency, value: sumMinor((facts.lines ?? []).map((l) => parseDecimal(l.totalPrice, currency).amount)) };
}

const joined = (xs: ReadonlyArray<string | null>): string | null => {
  const list = [...new Set(xs.filter((x): x is string => x !== null && x !== ''))];
  return list.length === 0 ? null : list.join(', ');
};

/** The declarations of each order that has CEB603 lists (orders without any are absent). */
export function orderDeclarations(db: Db, orderIds: readonly number[]): Map<number, OrderDeclaration> {
  if (orderIds.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT d.order_id, d.invt_no, d.entry_id, d.facts FROM customs_documents d INDEXED BY customs_documents_by_order
    WHERE d.order_id IN (SELECT value FROM json_each(?)) AND d.type = 'CEB603'
      AND d.revision = (SELECT max(x.revision) FROM customs_documents x WHERE x.type = 'CEB603' AND x.business_key = d.business_key)
    ORDER BY d.order_id, d.business_key`,
    )
    .all(JSON.stringify(orderIds)) as ListRow[];
  const byOrder = new Map<number, ListRow[]>();
  for (const r of rows) byOrder.set(r.order_id, [...(byOrder.get(r.order_id) ?? []), r]);
  const out = new Map<number, OrderDeclaration>();
  for (const [orderId, lists] of byOrder) {
    const values = lists.map((l) => (l.facts === null ? null : listValue(JSON.parse(l.facts) as ListFacts)));
    const currencies = new Set(values.map((v) => v?.currency ?? null));
    const [currency] = currencies;
    const one = currencies.size === 1 && currency != null;
    out.set(orderId, {
      invtNo: joined(lists.map((l) => l.invt_no)),
      entryId: joined(lists.map((l) => l.entry_id)),
      declaredValue: one ? sumMinor(values.map((v) => v!.value)) : null,
      currency: one ? currency : null,
    });
  }
  return out;
}
