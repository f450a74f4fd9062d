/**
 * What the customs screens show and change for issue 15's corrections and head-hauls (the
 * messages themselves are built by customs-withdrawals.ts and customs-head-haul.ts):
 * - `customs.lists.corrections`: one list by its invtNo — its lines as sent, what was returned
 *   already, the return window, and its withdrawal (CEB605) and returns (CEB213) with their status.
 * - `customs.headHaul.list`: head-haul shipments to overseas warehouses with their lines, cost and
 *   declared unit values, the route (list or 报关单) they take, what was declared and the broker's entryId.
 * - `customs.headHaul.declaredValues.save`: the declared unit values of a shipment not declared yet,
 *   typed on screen or filled from cost plus a markup, in one transaction.
 * - `customs.headHaul.formFile`: the 报关单 data of a shipment as the XLSX / JSON file for the broker.
 */
import {
  declarationFormData,
  headHaulRoute,
  isRebuildable,
  returnOriginalFromXml,
  returnWindowEnd,
  toScaled,
  type HeadHaulReason,
} from '../../core/customs/index.ts';
import { DomainError, isDomainError } from '../../core/domain-error.ts';
import { formatDecimal, parseDecimal } from '../../core/money/index.ts';
import type { Minor } from '../../core/money/minor.ts';
import type { Workspace } from '../workspace.ts';
import { loadContext } from './customs-build.ts';
import { loadHeadHaul, markedUpUnitValue } from './customs-head-haul.ts';
import { declarationFormJson, declarationFormXlsx } from './declaration-form-file.ts';
import { listByInvtNo } from './customs-withdrawals.ts';

export interface CorrectionDocument {
  readonly documentId: number;
  /** copNo of the list (CEB605) or the return's coElNo (CEB213). */
  readonly key: string;
  readonly status: string;
  readonly lastReturnStatus: string | null;
  readonly lastReturnInfo: string | null;
  readonly statusAt: string;
}

export interface ListCorrections {
  readonly invtNo: string;
  readonly copNo: string;
  readonly orderNo: string | null;
  readonly documentId: number;
  readonly status: string;
  readonly lastReturnInfo: string | null;
  readonly tradeMode: string;
  /** Export date of the list (ieDate), YYYY-MM-DD. */
  readonly exportDate: string;
  /** Last day of the duty-free return window, null when the export date is in none. */
  readonly returnWindowEnd: string | null;
  /** The buyer's country (ISO alpha-2), the default the goods come back from. */
  readonly country: string | null;
  /** A CEB605 may be sent (customs holds the list; no withdrawal stands). */
  readonly canWithdraw: boolean;
  /** A CEB213 may be declared (customs released the list). */
  readonly canReturn: boolean;
  readonly lines: ReadonlyArray<{
    readonly gnum: number;
    readonly gcode: string;
    readonly gname: string;
    readonly unit: string;
    /** Quantity on the list as sent, and returned by returns that stand (decimal texts). */
    readonly qty: string;
    readonly returned: string;
    /** Whole units that may still come back. */
    readonly returnable: number;
  }>;
  readonly withdrawal: CorrectionDocument | null;
  readonly returns: readonly CorrectionDocument[];
}

interface DocRow {
  id: number;
  business_key: string;
  status: string;
  last_return_status: string | null;
  last_return_info: string | null;
  status_at: string;
}
const docView = (r: DocRow): CorrectionDocument => ({
  documentId: r.id,
  key: r.business_key,
  status: r.status,
  lastReturnStatus: r.last_return_status,
  lastReturnInfo: r.last_return_info,
  statusAt: r.status_at,
});
const DOC_COLUMNS = 'id, business_key, status, last_return_status, last_return_info, status_at';

/** `customs.lists.corrections`: what the corrections screen shows for one list. */
export function listCorrections(ws: Workspace, invtNo: string): ListCorrections {
  const list = listByInvtNo(ws, invtNo);
  const xml = ws.read.prepare('SELECT xml FROM customs_messages WHERE guid = ?').pluck().get(list.message_guid) as
    string | undefined;
  const original = xml ? returnOriginalFromXml(xml, list.guid, list.invt_no, list.pre_no) : null;
  if (!original) throw new DomainError('customs.withdrawal.unknownList', { invtNo });
  const withdrawal = ws.read
    .prepare(
      `SELECT ${DOC_COLUMNS} FROM customs_documents WHERE type = 'CEB605' AND business_key = ? ORDER BY revision DESC LIMIT 1`,
    )
    .get(list.business_key) as DocRow | undefined;
  const latest = new Map<string, DocRow & { facts: string | null }>();
  for (const r of ws.read
    .prepare(
      `SELECT ${DOC_COLUMNS}, facts FROM customs_documents WHERE type = 'CEB213' AND json_extract(facts, '$.invtNo') = ? ORDER BY revision`,
    )
    .all(list.invt_no) as Array<DocRow & { facts: string | null }>)
    latest.set(r.business_key, r);
  const returned = new Map<number, bigint>();
  for (const r of latest.values()) {
    if (isRebuildable(r.status) || r.facts === null) continue;
    for (const l of (JSON.parse(r.facts) as { lines?: Array<{ gnum: number; qty: number }> }).lines ?? [])
      returned.set(l.gnum, (returned.get(l.gnum) ?? 0n) + toScaled(String(l.qty)));
  }
  const country =
    list.order_id === null
      ? null
      : ((ws.read.prepare('SELECT buyer_country FROM orders WHERE id = ?').pluck().get(list.order_id) as
          string | null) ?? null);
  const withdrawalStands = withdrawal !== undefined && !isRebuildable(withdrawal.status);
  return {
    invtNo: list.invt_no,
    copNo: list.business_key,
    orderNo: list.order_no,
    documentId: list.id,
    status: list.status,
    lastReturnInfo: list.last_return_info,
    tradeMode: original.tradeMode,
    exportDate: original.ieDate,
    returnWindowEnd: returnWindowEnd(original.ieDate),
    country: country || null,
    canWithdraw: list.status !== 'cancelled' && !isRebuildable(list.status) && !withdrawalStands,
    canReturn: ['800', '399', '899'].includes(list.status),
    lines: original.lines.map((l) => {
      const done = returned.get(l.gnum) ?? 0n;
      const left = toScaled(l.qty) - done;
      return {
        gnum: l.gnum,
        gcode: l.gcode,
        gname: l.gname,
        unit: l.unit,
        qty: scaledText(toScaled(l.qty)),
        returned: scaledText(done),
        returnable: left > 0n ? Number(left / 100_000n) : 0,
      };
    }),
    withdrawal: withdrawal ? docView(withdrawal) : null,
    returns: [...latest.values()].map(docView),
  };
}

/** A 10^5-scaled quantity as a decimal text without trailing zeros ('2', '0.5'). */
function scaledText(v: bigint): string {
  const whole = v / 100_000n;
  const frac = (v % 100_000n).toString().padStart(5, '0').replace(/0+$/, '');
  return frac === '' ? String(whole) : `${whole}.${frac}`;
}

export interface HeadHaulShipmentView {
  readonly bookingNoteNo: string;
  readonly shipDate: string;
  readonly shipmentStatus: string;
  readonly warehouse: { readonly code: string; readonly name: string; readonly country: string | null };
  readonly lines: ReadonlyArray<{
    readonly gnum: number;
    readonly sku: string;
    readonly goodsName: string;
    readonly quantity: number;
    /** Cost per unit (dispatch value / quantity) and the declared unit value, CNY decimal texts; null when none. */
    readonly costUnit: string | null;
    readonly declaredUnitValue: string | null;
  }>;
  /** The route as the shipment stands now (declared values, else cost): list, or 报关单 with the reasons; null with `problem` when it cannot be told. */
  readonly route: {
    readonly route: 'list' | 'declarationForm';
    readonly totalCny: string;
    readonly reasons: readonly HeadHaulReason[];
  } | null;
  readonly problem: { readonly code: string; readonly params: Readonly<Record<string, unknown>> } | null;
  /** What was declared: the CEB303 W's status, the 9810 list's (none on the 报关单 route). */
  readonly declared: {
    readonly orderStatus: string;
    readonly orderDocumentId: number;
    readonly listStatus: string | null;
    readonly listDocumentId: number | null;
    readonly invtNo: string | null;
    readonly route: 'list' | 'declarationForm';
  } | null;
  readonly entry: {
    readonly entryId: string;
    readonly lines: ReadonlyArray<{ readonly gnum: number; readonly gseqno: number }>;
  } | null;
}

const cny = (fen: number): string => formatDecimal({ amount: fen as Minor, currency: 'CNY' });

function shipmentView(
  ws: Workspace,
  s: {
    id: number;
    booking_note_no: string;
    ship_date: string;
    status: string;
    code: string;
    name: string;
    country: string | null;
  },
): HeadHaulShipmentView {
  const lines = ws.read
    .prepare(
      `SELECT k.item_no AS sku, k.goods_name AS goodsName, l.shipped AS quantity, l.declared_unit_value AS declared,
      (SELECT abs(m.value) FROM stock_moves m WHERE m.id = l.dispatch_move_id) AS value
    FROM shipment_lines l JOIN skus k ON k.id = l.sku_id WHERE l.shipment_id = ? ORDER BY l.id`,
    )
    .all(s.id) as Array<{
    sku: string;
    goodsName: string;
    quantity: number;
    declared: Minor | null;
    value: Minor | null;
  }>;
  let route: HeadHaulShipmentView['route'] = null;
  let problem: HeadHaulShipmentView['problem'] = null;
  try {
    const r = headHaulRoute(loadHeadHaul(ws, s.booking_note_no, 0));
    route = { route: r.route, totalCny: cny(r.totalCny), reasons: r.reasons };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    problem = { code: e.code, params: e.params };
  }
  const docs = ws.read
    .prepare(
      `SELECT d.id, d.type, d.status, d.invt_no FROM customs_documents d
    WHERE d.order_id IS NULL AND d.order_no = ? AND d.type IN ('CEB303', 'CEB603')
      AND d.revision = (SELECT max(x.revision) FROM customs_documents x WHERE x.type = d.type AND x.business_key = d.business_key)
    ORDER BY d.id`,
    )
    .all(s.booking_note_no) as Array<{ id: number; type: string; status: string; invt_no: string | null }>;
  const order = docs.filter((d) => d.type === 'CEB303').pop();
  const list = docs.filter((d) => d.type === 'CEB603' && !isRebuildable(d.status)).pop();
  const entry = ws.read
    .prepare('SELECT entry_id, lines FROM customs_head_haul_entries WHERE shipment_id = ?')
    .get(s.id) as { entry_id: string; lines: string } | undefined;
  return {
    bookingNoteNo: s.booking_note_no,
    shipDate: s.ship_date,
    shipmentStatus: s.status,
    warehouse: { code: s.code, name: s.name, country: s.country },
    lines: lines.map((l, i) => ({
      gnum: i + 1,
      sku: l.sku,
      goodsName: l.goodsName,
      quantity: l.quantity,
      costUnit: l.value === null || l.value === 0 ? null : cny(Math.round(l.value / l.quantity)),
      declaredUnitValue: l.declared === null ? null : cny(l.declared),
    })),
    route,
    problem,
    declared:
      order && !isRebuildable(order.status)
        ? {
            orderStatus: order.status,
            orderDocumentId: order.id,
            listStatus: list?.status ?? null,
            listDocumentId: list?.id ?? null,
            invtNo: list?.invt_no ?? null,
            route: list ? 'list' : 'declarationForm',
          }
        : null,
    entry: entry
      ? { entryId: entry.entry_id, lines: JSON.parse(entry.lines) as Array<{ gnum: number; gseqno: number }> }
      : null,
  };
}

const SHIPMENTS = `SELECT s.id, s.booking_note_no, s.ship_date, s.status, w.code, w.name, w.country
  FROM shipments s JOIN warehouses w ON w.id = s.to_warehouse_id
  WHERE w.kind IN ('overseasOwn', 'overseasPublic', 'platform')`;

/** `customs.headHaul.list`: head-haul shipments to overseas warehouses, newest first (at most 200). */
export function listHeadHauls(ws: Workspace): readonly HeadHaulShipmentView[] {
  const rows = ws.read.prepare(`${SHIPMENTS} ORDER BY s.ship_date DESC, s.id DESC LIMIT 200`).all() as Array<
    Parameters<typeof shipmentView>[1]
  >;
  return rows.map((s) => shipmentView(ws, s));
}

function shipmentRow(ws: Workspace, bookingNoteNo: string): Parameters<typeof shipmentView>[1] {
  const s = ws.read.prepare(`${SHIPMENTS} AND s.booking_note_no = ?`).get(bookingNoteNo) as
    Parameters<typeof shipmentView>[1] | undefined;
  if (!s) throw new DomainError('stock.shipment.unknown', { shipment: bookingNoteNo });
  return s;
}

/**
 * `customs.headHaul.declaredValues.save`: the declared unit values (CNY) of a shipment's lines —
 * the ones typed (`lines`, null clears one), the others from cost plus `markupPercent` when given —
 * written in one transaction; refused once the shipment's CEB303 W stands (its values were declared).
 */
export function saveDeclaredValues(
  ws: Workspace,
  input: {
    bookingNoteNo: string;
    markupPercent?: number | undefined;
    lines?: ReadonlyArray<{ gnum: number; value: string | null }> | undefined;
  },
): HeadHaulShipmentView {
  const s = shipmentRow(ws, input.bookingNoteNo);
  const view = shipmentView(ws, s);
  if (view.declared) throw new DomainError('customs.headHaul.alreadyDeclared', { shipment: input.bookingNoteNo });
  const rows = ws.read
    .prepare(
      `SELECT l.id, l.shipped, l.declared_unit_value AS declared, (SELECT abs(m.value) FROM stock_moves m WHERE m.id = l.dispatch_move_id) AS value,
      k.item_no AS sku FROM shipment_lines l JOIN skus k ON k.id = l.sku_id WHERE l.shipment_id = ? ORDER BY l.id`,
    )
    .all(s.id) as Array<{ id: number; shipped: number; declared: Minor | null; value: Minor | null; sku: string }>;
  const typed = new Map((input.lines ?? []).map((l) => [l.gnum, l.value]));
  for (const gnum of typed.keys())
    if (gnum < 1 || gnum > rows.length)
      throw new DomainError('customs.headHaul.badLine', { shipment: input.bookingNoteNo, gnum, lines: rows.length });
  const next = rows.map((r, i) => {
    const gnum = i + 1;
    if (typed.has(gnum)) {
      const text = typed.get(gnum) ?? null;
      if (text === null || text.trim() === '') return null;
      const fen = parseDecimal(text, 'CNY').amount;
      if (fen <= 0)
        throw new DomainError('customs.headHaul.badValue', { shipment: input.bookingNoteNo, gnum, value: text });
      return fen;
    }
    if (input.markupPercent === undefined) return r.declared;
    if (r.value === null || r.value === 0)
      throw new DomainError('customs.headHaul.noValue', { shipment: input.bookingNoteNo, sku: r.sku });
    return markedUpUnitValue(r.value, r.shipped, input.markupPercent); // as the build computes it
  });
  if (next.some((v, i) => v !== rows[i]!.declared))
    ws.uow.run('customs.headHaul.declaredValues.save', (tx) => {
      const upd = tx.db.prepare('UPDATE shipment_lines SET declared_unit_value = ? WHERE id = ?');
      rows.forEach((r, i) => upd.run(next[i] ?? null, r.id));
    });
  return shipmentView(ws, s);
}

/** `customs.headHaul.formFile`: the 报关单 data of a shipment as the file for the broker (base64). */
export async function declarationFormFile(
  ws: Workspace,
  input: { bookingNoteNo: string; format: 'xlsx' | 'json' },
): Promise<{ readonly fileName: string; readonly contentBase64: string }> {
  shipmentRow(ws, input.bookingNoteNo);
  const ctx = loadContext(ws);
  const data = declarationFormData(loadHeadHaul(ws, input.bookingNoteNo, 0), ctx.company, ctx.settings);
  const base = `declaration-${input.bookingNoteNo.replace(/[^\w.-]/g, '_')}`;
  const bytes =
    input.format === 'json'
      ? Buffer.from(declarationFormJson(data), 'utf8')
      : Buffer.from(await declarationFormXlsx(data));
  return { fileName: `${base}.${input.format}`, contentBase64: bytes.toString('base64') };
}
