/**
 * Orders as the customs build needs them: the selection (ids, or shipped/delivered orders with a
 * customs mode in a date range and no standing list yet), lines with their SKU customs data
 * (platform mapping, else item no), per-order shipping data (customs_shipping: waybill number,
 * export date, parcel), the facts of documents already declared, and the latest revision of each
 * document. Export date defaults to the order's local day (derived).
 */
import type { DocumentFacts, PrecheckLine, PrecheckOrder } from '../../core/customs/index.ts';
import type { CustomsShipping } from '../../core/customs/customs-views.ts';
import { declaredLineValues, isRebuildable } from '../../core/customs/index.ts';
import { isCurrency, minorDigits, sumMinor, type Currency } from '../../core/money/index.ts';
import type { Minor } from '../../core/money/minor.ts';
import type { CustomsMode } from '../../core/orders/order.ts';
import type { Sku } from '../../core/stock/sku.ts';
import type { Db } from '../../db/open-ledger.ts';
import { skuFromRow, type SkuTableRow } from '../stock/index.ts';
import type { WriteDb } from '../../db/ports.ts';

export interface OrderSelection {
  readonly orderIds?: readonly number[] | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly modes?: readonly string[] | undefined;
}

const SHIPPING_COLUMNS = `o.id AS orderId, o.order_no AS orderNo, s.logistics_no AS logisticsNo, s.logistics_code AS logisticsCode,
  s.logistics_name AS logisticsName, s.export_date AS exportDate, s.gross_weight_grams AS grossWeightGrams, s.pack_no AS packNo, s.cop_no AS copNo`;

export function getShipping(db: Db, orderId: number): CustomsShipping | undefined {
  return db
    .prepare(
      `SELECT ${SHIPPING_COLUMNS} FROM orders o LEFT JOIN customs_shipping s ON s.order_id = o.id WHERE o.id = ?`,
    )
    .get(orderId) as CustomsShipping | undefined;
}

export function saveShipping(
  db: WriteDb,
  s: Omit<CustomsShipping, 'orderNo'> & {
    readonly pod?: string | null | undefined;
    readonly statisticsFlag?: 'A' | 'B' | null | undefined;
  },
): void {
  db.prepare(
    `INSERT INTO customs_shipping (order_id, logistics_no, logistics_code, logistics_name, export_date, gross_weight_grams, pack_no, cop_no)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO UPDATE SET logistics_no = excluded.logistics_no, logistics_code = excluded.logistics_code,
    logistics_name = excluded.logistics_name, export_date = excluded.export_date, gross_weight_grams = excluded.gross_weight_grams,
    pack_no = excluded.pack_no, cop_no = excluded.cop_no`,
  ).run(
    s.orderId,
    s.logisticsNo,
    s.logisticsCode,
    s.logisticsName,
    s.exportDate,
    s.grossWeightGrams,
    s.packNo,
    s.copNo,
  );
  // issue 15: the list's own port and statisticsFlag choice, changed only when given
  if (s.pod !== undefined) db.prepare('UPDATE customs_shipping SET pod = ? WHERE order_id = ?').run(s.pod, s.orderId);
  if (s.statisticsFlag !== undefined)
    db.prepare('UPDATE customs_shipping SET statistics_flag = ? WHERE order_id = ?').run(s.statisticsFlag, s.orderId);
}

interface OrderRow {
  id: number;
  order_no: string;
  platform: string;
  customs_mode: string | null;
  currency: string;
  buyer_country: string | null;
  shipping: number | null;
  gift_wrap: number | null;
  discount: number | null;
  gross: number;
  ordered_at_utc: string;
  day: string;
  ebp_code: string | null;
  ebp_name: string | null;
  pod: string | null;
  statistics_flag: string | null;
  ems_no: string | null;
  logistics_no: string | null;
  logistics_code: string | null;
  logistics_name: string | null;
  export_date: string | null;
  gross_weight_grams: number | null;
  pack_no: number | null;
  cop_no: string | null;
}

interface LineRow {
  order_id: number;
  sku: string;
  quantity: number;
  unit_price: number | null;
  line_total: number | null;
  discount: number | null;
  /** VAT the marketplace collected inside the price / shipping, and the shipping-promotion part of discount (issue 15). */
  included_tax: number | null;
  included_shipping_tax: number | null;
  shipping_discount: number | null;
  /** Platform-funded (non-cash) discount: in the declared goods value, not in what the buyer paid. */
  platform_discount: number | null;
}

function skuResolver(db: Db): (platform: string, code: string) => Sku | null {
  const skus = new Map<number, Sku>();
  const byItemNo = new Map<string, number>();
  for (const r of db.prepare('SELECT * FROM skus').all() as SkuTableRow[]) {
    skus.set(r.id, skuFromRow(r));
    byItemNo.set(r.item_no, r.id);
  }
  const mapped = new Map<string, number>();
  for (const m of db.prepare('SELECT sku_id, platform, code FROM platform_skus ORDER BY id DESC').all() as Array<{
    sku_id: number;
    platform: string;
    code: string;
  }>) {
    mapped.set(`${m.platform}\u0000${m.code}`, m.sku_id);
    mapped.set(`*\u0000${m.code}`, m.sku_id);
  }
  return (platform, code) => {
    const id = mapped.get(`${platform}\u0000${code}`) ?? mapped.get(`*\u0000${code}`) ?? byItemNo.get(code);
    return id === undefined ? null : (skus.get(id) ?? null);
  };
}

/**
 * Declared values of an order's lines (issue 15, point 3): the transaction price — line total
 * after the line's seller promotion and its share of the order-level discount (orders.discount
 * holds the order-level part plus the lines'). A whole unit price in minor units when the total
 * divides, else the line total with a 5-decimal price, else null (the pre-check asks for it).
 * VAT the marketplace collected inside the price (Amazon UK/EU item-tax, stored as included_tax) is
 * taken out; a shipping promotion (shipping_discount, part of the line discount) lowers the freight.
 */
function declaredLines(o: OrderRow, lines: readonly LineRow[]): Array<Pick<PrecheckLine, 'unitPrice' | 'lineTotal'>> {
  if (lines.some((l) => l.line_total === null)) return lines.map(() => ({ unitPrice: null }));
  // orders.discount holds every line discount, shipping promotions included: the order-level rest is the same either way
  const lineDiscounts = sumMinor(lines.map((l) => l.discount ?? 0));
  const orderDiscount = Math.max(0, (o.discount ?? 0) - lineDiscounts);
  let values: ReturnType<typeof declaredLineValues>;
  try {
    values = declaredLineValues(
      lines.map((l) => ({
        quantity: l.quantity,
        lineTotal: l.line_total as Minor,
        // the goods promotion only: a shipping promotion lowers the freight (issue 15)
        discount: ((l.discount ?? 0) - (l.shipping_discount ?? 0)) as Minor,
        includedTax: (l.included_tax ?? 0) as Minor,
      })),
      orderDiscount as Minor,
      isCurrency(o.currency) ? minorDigits(o.currency) : 2,
    );
  } catch {
    return lines.map(() => ({ unitPrice: null }));
  }
  return values.map((v, i) => {
    const q = lines[i]!.quantity;
    if (q > 0 && v.total % q === 0) return { unitPrice: (v.total / q) as Minor };
    return v.unitPrice === null ? { unitPrice: null } : { unitPrice: 0 as Minor, lineTotal: v.total };
  });
}

/** The selected orders with lines, SKUs and shipping data, in order-time order. */
export function loadPrecheckOrders(db: Db, sel: OrderSelection): PrecheckOrder[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (sel.orderIds) {
    where.push('o.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(sel.orderIds));
  } else {
    where.push("o.status IN ('shipped', 'delivered') AND o.exclusion IS NULL AND o.customs_mode IS NOT NULL");
    // a sale set to 9810 is not declared (9810 goes per head-haul shipment): only when named or its mode chosen
    if (!sel.modes) where.push("o.customs_mode <> '9810'");
    where.push(
      `NOT EXISTS (SELECT 1 FROM customs_documents d WHERE d.order_id = o.id AND d.type = 'CEB603' AND d.status NOT IN ('error', '100', 'withdrawn'))`,
    );
  }
  if (sel.from) {
    where.push('substr(o.ordered_at, 1, 10) >= ?');
    params.push(sel.from);
  }
  if (sel.to) {
    where.push('substr(o.ordered_at, 1, 10) <= ?');
    params.push(sel.to);
  }
  if (sel.modes) {
    where.push('o.customs_mode IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(sel.modes));
  }
  const orders = db
    .prepare(
      `SELECT o.id, o.order_no, o.platform, o.customs_mode, o.currency, o.buyer_country, o.shipping, o.gift_wrap, o.discount,
      o.gross, o.ordered_at_utc,
      substr(o.ordered_at, 1, 10) AS day, s.logistics_no, s.logistics_code, s.logistics_name, s.export_date, s.gross_weight_grams, s.pack_no, s.cop_no,
      cs.ebp_code, cs.ebp_name, coalesce(s.pod, cs.pod) AS pod, s.statistics_flag,
      CASE WHEN o.customs_mode = '1210' THEN (SELECT w.ems_no FROM stock_moves m JOIN warehouses w ON w.id = m.warehouse_id
        WHERE m.order_id = o.id AND m.type = 'sale' AND w.ems_no IS NOT NULL ORDER BY m.id LIMIT 1) END AS ems_no
    FROM orders o LEFT JOIN customs_shipping s ON s.order_id = o.id LEFT JOIN customs_shops cs ON cs.shop_id = o.shop_id
    WHERE ${where.join(' AND ')} ORDER BY o.ordered_at_utc, o.id`,
    )
    .all(...params) as OrderRow[];
  const lineStmt = db.prepare(`SELECT order_id, sku, quantity, unit_price, line_total, discount, included_tax,
    included_shipping_tax, shipping_discount, platform_discount FROM order_lines
    WHERE order_id IN (SELECT value FROM json_each(?)) AND cancelled = 0 AND quantity > 0 ORDER BY order_id, id`);
  const lines = new Map<number, LineRow[]>();
  for (let i = 0; i < orders.length; i += 5000) {
    for (const l of lineStmt.all(JSON.stringify(orders.slice(i, i + 5000).map((o) => o.id))) as LineRow[]) {
      const list = lines.get(l.order_id) ?? [];
      list.push(l);
      lines.set(l.order_id, list);
    }
  }
  const resolve = skuResolver(db);
  return orders.map((o): PrecheckOrder => {
    const own = lines.get(o.id) ?? [];
    const declared = declaredLines(o, own);
    const includedTax = own.reduce((t, l) => t + (l.included_tax ?? 0), 0);
    const includedShippingTax = own.reduce((t, l) => t + (l.included_shipping_tax ?? 0), 0);
    const shippingDiscount = own.reduce((t, l) => t + (l.shipping_discount ?? 0), 0);
    const platformDiscount = own.reduce((t, l) => t + (l.platform_discount ?? 0), 0);
    return {
      orderId: o.id,
      orderNo: o.order_no,
      mode: o.customs_mode as CustomsMode | null,
      currency: o.currency as Currency,
      lines: own.map((l, i): PrecheckLine => ({
        skuCode: l.sku,
        sku: resolve(o.platform, l.sku),
        quantity: l.quantity,
        ...declared[i]!,
      })),
      // 运杂费: shipping and gift wrap charged to the buyer, outside the FOB goods value — after shipping
      // promotions and without the VAT the marketplace collected on them (issue 15)
      freight: ((o.shipping ?? 0) + (o.gift_wrap ?? 0) - shippingDiscount - includedShippingTax) as Minor,
      ...(o.ebp_code && o.ebp_name ? { platform: { ebpCode: o.ebp_code, ebpName: o.ebp_name } } : {}),
      ...(o.pod ? { pod: o.pod } : {}),
      ...(o.statistics_flag === 'A' || o.statistics_flag === 'B' ? { statisticsFlag: o.statistics_flag } : {}),
      ...(o.ems_no ? { bonded: { emsNo: o.ems_no } } : {}),
      // the money collected for the seller: the VAT the marketplace collects and remits is not the seller's;
      // what the platform paid (its vouchers, coins, discounts) is not money the buyer paid: it is the
      // non-cash part, charge + nonCashDiscount = goodsValue + freight (issue 15)
      charge: (o.gross - includedTax - includedShippingTax - platformDiscount) as Minor,
      ...(platformDiscount ? { nonCashDiscount: platformDiscount as Minor } : {}),
      paidAt: o.ordered_at_utc,
      destinationCountry: o.buyer_country,
      logisticsNo: o.logistics_no,
      logisticsCode: o.logistics_code,
      logisticsName: o.logistics_name,
      exportDate: o.export_date ?? o.day,
      grossWeightGrams: o.gross_weight_grams,
      packNo: o.pack_no,
      copNo: o.cop_no,
    };
  });
}

export interface ExistingDocument {
  readonly type: string;
  readonly businessKey: string;
  readonly revision: number;
  readonly status: string;
}

/** Latest revision per (type, business key) of the given orders' documents, and the facts of those that stand. */
export function existingDocuments(
  db: Db,
  orderIds: readonly number[],
): { latest: Map<string, ExistingDocument>; declared: Map<number, DocumentFacts[]> } {
  const latest = new Map<string, ExistingDocument>();
  const declared = new Map<number, DocumentFacts[]>();
  const stmt = db.prepare(`SELECT order_id, type, business_key, revision, status, facts FROM customs_documents
    WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY revision`);
  for (let i = 0; i < orderIds.length; i += 5000) {
    const rows = stmt.all(JSON.stringify(orderIds.slice(i, i + 5000))) as Array<{
      order_id: number;
      type: string;
      business_key: string;
      revision: number;
      status: string;
      facts: string | null;
    }>;
    for (const r of rows)
      latest.set(`${r.type}\u0000${r.business_key}`, {
        type: r.type,
        businessKey: r.business_key,
        revision: r.revision,
        status: r.status,
      });
    for (const r of rows) {
      const cur = latest.get(`${r.type}\u0000${r.business_key}`)!;
      if (cur.revision !== r.revision || r.facts === null || isRebuildable(r.status)) continue;
      const list = declared.get(r.order_id) ?? [];
      list.push(JSON.parse(r.facts) as DocumentFacts);
      declared.set(r.order_id, list);
    }
  }
  return { latest, declared };
}
