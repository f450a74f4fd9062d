/**
 * 1d The 9810 sold / unsold report per head-haul declaration line (国家税务总局公告2025年第3号,
 * domain.md §7.3): the base of the pre-refund for unsold goods (出口预退税, `HWC-YT`) and of its
 * reconciliation (销售再核算) by 30 April of the year after the goods left. Lines and links are the
 * customs area's (`customs.headHaul.links`: head-haul shipments whose CEB303 W stands, warehouse
 * sales linked to the lines by quantity FIFO). Per line declared on or before the period's end:
 * quantity declared, sold in the period and to its end, unsold at its end; values in CNY fen at the
 * declared unit value (the `price` of the line in the stored CEB303 W, CNY). Sales out of those
 * warehouses that no declared line covers are listed apart, outside the totals.
 */
import { XMLParser } from 'fast-xml-parser';
import { minor, multiplyByQuantity, sumMinor, type Minor } from '../../core/money/index.ts';
import type { Db } from '../../db/open-ledger.ts';
import { headHaulLinks } from '../customs/index.ts';
import type { Workspace } from '../workspace.ts';
import { dateColumn, moneyColumn, numberColumn, textColumn, type DataSection } from './report-data.ts';

const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => name === 'Order' || name === 'OrderList',
});

/** A CEB decimal (up to 5 places) of CNY as fen, half away from zero past the fen. */
function fenOf(text: string): Minor {
  const m = /^(\d+)(?:\.(\d{0,5}))?$/.exec(text.trim());
  if (!m) return minor(0);
  const frac = (m[2] ?? '').padEnd(5, '0');
  const thousandths = BigInt(m[1]!) * 100_000n + BigInt(frac);
  return minor(Number((thousandths + 500n) / 1000n));
}

/** CNY fen of `qty` units at the declared unit value (checked). */
const valueOf = (unit: Minor, qty: number): Minor => multiplyByQuantity({ amount: unit, currency: 'CNY' }, qty).amount;

/** The declared unit value (fen) of each line (gnum) of a booking note, from its latest standing CEB303 W. */
function declaredUnitValues(db: Db, bookingNoteNo: string): Map<number, Minor> {
  const xml = db
    .prepare(
      `SELECT m.xml FROM customs_documents d JOIN customs_messages m ON m.guid = d.message_guid
    WHERE d.type = 'CEB303' AND d.order_id IS NULL AND d.business_key = ? AND d.status NOT IN ('error', '100')
    ORDER BY d.revision DESC LIMIT 1`,
    )
    .pluck()
    .get(bookingNoteNo) as string | undefined;
  const out = new Map<number, Minor>();
  if (xml === undefined) return out;
  const doc = parser.parse(xml) as Record<string, Record<string, unknown>>;
  const root = Object.values(doc).find((v) => typeof v === 'object' && v !== null && 'Order' in v) as
    | { Order: Array<{ OrderHead?: { orderNo?: string }; OrderList?: Array<{ gnum?: string; price?: string }> }> }
    | undefined;
  const order = root?.Order.find((o) => String(o.OrderHead?.orderNo ?? '') === bookingNoteNo);
  for (const l of order?.OrderList ?? []) out.set(Number(l.gnum), fenOf(String(l.price ?? '')));
  return out;
}

/** 30 April of the year after the goods left (the reconciliation deadline of the pre-refund). */
const reconcileBy = (shipDate: string) => `${Number(shipDate.slice(0, 4)) + 1}-04-30`;

export function soldUnsoldSections(
  ws: Workspace,
  from: string,
  to: string,
): { sections: DataSection[]; summary: Record<string, number>; empty: boolean } {
  const db = ws.read;
  const links = headHaulLinks(ws);
  const shipments = new Map(
    (
      db.prepare('SELECT booking_note_no AS no, ship_date AS date FROM shipments').all() as Array<{
        no: string;
        date: string;
      }>
    ).map((s) => [s.no, s.date]),
  );
  const saleIds = [...new Set([...links.links.map((l) => l.sale), ...links.undeclared.map((u) => u.sale)])];
  const sales = new Map(
    (
      db
        .prepare(
          `SELECT m.id, m.date, k.item_no AS sku FROM stock_moves m JOIN skus k ON k.id = m.sku_id WHERE m.id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(saleIds)) as Array<{ id: number; date: string; sku: string }>
    ).map((s) => [s.id, s]),
  );
  const soldBy = new Map<string, { period: number; toDate: number }>();
  for (const l of links.links) {
    const date = sales.get(l.sale)!.date.slice(0, 10);
    if (date > to) continue;
    const key = `${l.shipment}#${l.gnum}`;
    const s = soldBy.get(key) ?? { period: 0, toDate: 0 };
    s.toDate += l.quantity;
    if (date >= from) s.period += l.quantity;
    soldBy.set(key, s);
  }
  const lists = db.prepare(
    `SELECT invt_no FROM customs_documents WHERE type = 'CEB603' AND order_id IS NULL AND order_no = ? AND status NOT IN ('error', '100')
    ORDER BY revision DESC LIMIT 1`,
  );
  const values = new Map<string, Map<number, Minor>>();
  const rows = links.lines
    .filter((l) => (shipments.get(l.shipment) ?? '9999') <= to)
    .map((l) => {
      let unit = values.get(l.shipment);
      if (!unit) {
        unit = declaredUnitValues(db, l.shipment);
        values.set(l.shipment, unit);
      }
      const price = unit.get(l.gnum) ?? minor(0);
      const sold = soldBy.get(`${l.shipment}#${l.gnum}`) ?? { period: 0, toDate: 0 };
      const shipDate = shipments.get(l.shipment)!;
      const unsold = l.declared - sold.toDate;
      return {
        shipment: l.shipment,
        invtNo: (lists.pluck().get(l.shipment) as string | null | undefined) ?? null,
        // the 报关单 number and line the broker recorded for it (customs.headHaul.recordEntry), when known
        entryId: l.entryId ?? null,
        gseqno: l.gseqno ?? null,
        gnum: l.gnum,
        sku: l.sku,
        shipDate,
        declared: l.declared,
        unitValue: price,
        declaredValue: valueOf(price, l.declared),
        soldInPeriod: sold.period,
        soldInPeriodValue: valueOf(price, sold.period),
        soldToDate: sold.toDate,
        soldToDateValue: valueOf(price, sold.toDate),
        unsold,
        unsoldValue: valueOf(price, unsold),
        reconcileBy: reconcileBy(shipDate),
      };
    });
  const sum = (k: keyof (typeof rows)[number]) => sumMinor(rows.map((r) => Number(r[k])));
  const undeclared = links.undeclared
    .map((u) => ({ ...u, sale: sales.get(u.sale)! }))
    .filter((u) => u.sale.date.slice(0, 10) >= from && u.sale.date.slice(0, 10) <= to)
    .map((u) => ({ date: u.sale.date.slice(0, 10), reference: u.reference, sku: u.sale.sku, quantity: u.quantity }));
  const money = (key: string) => moneyColumn(key, 'CNY', 2);
  const count = (key: string, width = 0.7) => numberColumn(key, width);
  const totals = {
    declared: sum('declared'),
    declaredValue: sum('declaredValue'),
    soldInPeriod: sum('soldInPeriod'),
    soldInPeriodValue: sum('soldInPeriodValue'),
    soldToDate: sum('soldToDate'),
    soldToDateValue: sum('soldToDateValue'),
    unsold: sum('unsold'),
    unsoldValue: sum('unsoldValue'),
  };
  return {
    sections: [
      {
        key: 'soldUnsold',
        inTotals: true,
        columns: [
          textColumn('shipment', 1.7),
          count('gnum', 0.5),
          textColumn('sku', 1),
          // the rows also carry invtNo, entryId / gseqno, shipDate and unitValue (JSON); the printout keeps to what fits on A4
          count('declared'),
          money('declaredValue'),
          count('soldInPeriod'),
          money('soldInPeriodValue'),
          count('soldToDate'),
          money('soldToDateValue'),
          count('unsold'),
          money('unsoldValue'),
          dateColumn('reconcileBy', 1.7),
        ],
        rows,
        totals,
      },
      {
        key: 'undeclaredSales',
        inTotals: false,
        columns: [dateColumn('date'), textColumn('reference'), textColumn('sku'), count('quantity')],
        rows: undeclared,
      },
    ],
    summary: { lines: rows.length, ...totals, undeclaredSales: undeclared.length },
    empty: rows.length === 0 && undeclared.length === 0,
  };
}
