/**
 * `customs.headHaul.build` (issue 15, point 1): a 9810 head-haul shipment of the stock ledger,
 * named by its booking note, declared as what crosses the border — a CEB303 orderType W, plus a
 * CEB603 9810 list when it may go on a list (≤ CNY 5,000, no 涉证/涉检/涉税 SKU), else the 报关单
 * data for the broker (`declarationForms`). Declared unit values: the line's `declared_unit_value`
 * from the stock file (CNY) when given, else its cost (the dispatch value in CNY fen per unit) plus
 * the markup the user sets, rounded to the fen. Messages
 * are XSD-validated and stored + queued like the per-order ones (order_id null, order_no = the
 * booking note); a shipment whose order document stands is not built again.
 */
import {
  buildCeb303Messages,
  buildCeb603Messages,
  declarationFormData,
  headHaulOrderInput,
  headHaulRoute,
  isRebuildable,
  linkSalesToDeclarations,
  type CebMessage,
  type DeclaredLine,
  type DeclarationFormData,
  type HeadHaulReason,
  type HeadHaulShipment,
} from '../../core/customs/index.ts';
import { DomainError } from '../../core/domain-error.ts';
import { minor, type Minor } from '../../core/money/index.ts';
import { skuFromRow, type SkuTableRow } from '../stock/index.ts';
import { validateCebMany } from '../../sync/validate-ceb.ts';
import type { Workspace } from '../workspace.ts';
import { buildContext } from './customs-build.ts';
import { storeAndQueueMessages } from './customs-store.ts';
import type { CebValidationIssue } from './contract.ts';

export interface HeadHaulResult {
  readonly shipment: string;
  readonly route: 'list' | 'declarationForm';
  /** Declared value of the shipment in CNY fen. */
  readonly totalCny: Minor;
  readonly reasons: readonly HeadHaulReason[];
  readonly documents: { readonly CEB303?: number; readonly CEB603?: number };
  readonly queued: number;
  readonly alreadyDeclared: boolean;
  readonly validationErrors: readonly CebValidationIssue[];
  readonly declarationForms: ReadonlyArray<{ readonly shipment: string; readonly data: DeclarationFormData }>;
  readonly dryRun: boolean;
}

interface ShipmentRow {
  id: number;
  booking_note_no: string;
  ship_date: string;
  cartons: number;
  carrier: string;
  code: string;
  name: string;
  kind: string;
  country: string | null;
}
interface LineRow extends SkuTableRow {
  shipped: number;
  value: Minor | null;
  declared: Minor | null;
}

const OVERSEAS = new Set(['overseasOwn', 'overseasPublic', 'platform']);

/** A line's declared unit value from its cost: cost per unit × (100 + markup) / 100, to the fen (half up). */
export function markedUpUnitValue(cost: Minor, shipped: number, markupPercent: number): Minor {
  return minor(Math.round((cost * (100 + markupPercent)) / (100 * shipped)));
}

export function loadHeadHaul(ws: Workspace, bookingNoteNo: string, markupPercent: number): HeadHaulShipment {
  const s = ws.read
    .prepare(
      `SELECT s.id, s.booking_note_no, s.ship_date, s.cartons, s.carrier, w.code, w.name, w.kind, w.country
    FROM shipments s JOIN warehouses w ON w.id = s.to_warehouse_id WHERE s.booking_note_no = ?`,
    )
    .get(bookingNoteNo) as ShipmentRow | undefined;
  if (!s) throw new DomainError('stock.shipment.unknown', { shipment: bookingNoteNo });
  if (!OVERSEAS.has(s.kind) || !s.country)
    throw new DomainError('customs.headHaul.notOverseas', { shipment: bookingNoteNo, warehouse: s.code });
  const lines = ws.read
    .prepare(
      `SELECT l.shipped, (SELECT abs(m.value) FROM stock_moves m WHERE m.id = l.dispatch_move_id) AS value,
      l.declared_unit_value AS declared, k.*
    FROM shipment_lines l JOIN skus k ON k.id = l.sku_id WHERE l.shipment_id = ? ORDER BY l.id`,
    )
    .all(s.id) as LineRow[];
  return {
    bookingNoteNo: s.booking_note_no,
    shipDate: s.ship_date,
    cartons: s.cartons,
    carrier: s.carrier,
    warehouse: { code: s.code, name: s.name, country: s.country },
    lines: lines.map((l) => {
      const sku = skuFromRow(l);
      // the declared unit value the stock file states for the line wins over cost plus markup
      if (l.declared !== null) return { sku, quantity: l.shipped, declaredUnitValue: l.declared };
      if (l.value === null || l.value === 0)
        throw new DomainError('customs.headHaul.noValue', { shipment: bookingNoteNo, sku: l.item_no });
      return { sku, quantity: l.shipped, declaredUnitValue: markedUpUnitValue(l.value, l.shipped, markupPercent) };
    }),
  };
}

export async function buildHeadHaul(
  ws: Workspace,
  input: { bookingNoteNo: string; markupPercent?: number | undefined; dryRun?: boolean | undefined },
): Promise<HeadHaulResult & { builtMessages: CebMessage[] }> {
  const ctx = buildContext(ws);
  const shipment = loadHeadHaul(ws, input.bookingNoteNo, input.markupPercent ?? 0);
  const { route, totalCny, reasons } = headHaulRoute(shipment);
  const declarationForms =
    route === 'declarationForm'
      ? [{ shipment: shipment.bookingNoteNo, data: declarationFormData(shipment, ctx.company, ctx.settings) }]
      : [];
  const prior = ws.read
    .prepare(
      "SELECT status, revision FROM customs_documents WHERE type = 'CEB303' AND business_key = ? ORDER BY revision DESC LIMIT 1",
    )
    .get(shipment.bookingNoteNo) as { status: string; revision: number } | undefined;
  const alreadyDeclared = prior !== undefined && !isRebuildable(prior.status);
  const base = { shipment: shipment.bookingNoteNo, route, totalCny, reasons, alreadyDeclared, declarationForms };
  if (alreadyDeclared)
    return { ...base, documents: {}, queued: 0, validationErrors: [], dryRun: true, builtMessages: [] };
  const order = headHaulOrderInput(shipment);
  const messages = [
    ...buildCeb303Messages([order], ctx),
    ...(route === 'list' ? buildCeb603Messages([order], ctx) : []),
  ];
  const checks = await validateCebMany(messages.map((m) => m.xml));
  const validationErrors = checks.flatMap((c, i) =>
    c.errors.map((e) => ({
      messageType: messages[i]!.type as CebValidationIssue['messageType'],
      messageGuid: messages[i]!.guid,
      line: e.line,
      message: e.message,
    })),
  );
  const store = input.dryRun !== true && validationErrors.length === 0;
  const revision = (prior?.revision ?? 0) + 1;
  const queued = store
    ? ws.uow.run('customs.headHaul.build', (tx) =>
        storeAndQueueMessages(
          tx,
          messages.map((m) => ({
            type: m.type as 'CEB303' | 'CEB603',
            guid: m.guid,
            xml: m.xml,
            documents: m.documents.map((d) => ({
              guid: d.guid,
              businessKey: m.type === 'CEB603' ? d.copNo : d.orderNo,
              revision,
              orderId: null,
              orderNo: shipment.bookingNoteNo,
              facts: null,
            })),
          })),
        ),
      )
    : 0;
  return {
    ...base,
    documents: { CEB303: 1, ...(route === 'list' ? { CEB603: 1 } : {}) },
    queued,
    validationErrors,
    dryRun: !store,
    builtMessages: messages,
  };
}

export interface HeadHaulLinks {
  readonly links: ReadonlyArray<{
    readonly sale: number;
    readonly reference: string | null;
    readonly shipment: string;
    readonly gnum: number;
    readonly quantity: number;
  }>;
  readonly lines: ReadonlyArray<{
    readonly shipment: string;
    readonly gnum: number;
    readonly sku: string;
    readonly declared: number;
    readonly sold: number;
    readonly unsold: number;
    /** The 报关单 number and line the broker recorded (customs.headHaul.recordEntry), else null. */
    readonly entryId: string | null;
    readonly gseqno: number | null;
  }>;
  readonly undeclared: ReadonlyArray<{
    readonly sale: number;
    readonly reference: string | null;
    readonly quantity: number;
  }>;
}

/**
 * Sales from overseas warehouses linked to the 9810 declaration lines their goods left under
 * (quantity FIFO, core linkSalesToDeclarations): declared = head-haul shipments whose CEB303 W
 * stands, line gnum = the shipment line's position (as declared); sales = the stock ledger's sale
 * moves out of the shipments' destination warehouses.
 */
export function headHaulLinks(ws: Workspace): HeadHaulLinks {
  const shipments = ws.read
    .prepare(
      `SELECT s.id, s.booking_note_no, s.ship_date, w.code AS warehouse FROM shipments s JOIN warehouses w ON w.id = s.to_warehouse_id
    WHERE EXISTS (SELECT 1 FROM customs_documents d WHERE d.type = 'CEB303' AND d.order_id IS NULL AND d.business_key = s.booking_note_no AND d.status NOT IN ('error', '100', 'withdrawn'))
    ORDER BY s.ship_date, s.id`,
    )
    .all() as Array<{ id: number; booking_note_no: string; ship_date: string; warehouse: string }>;
  const lineStmt = ws.read.prepare(
    'SELECT k.item_no AS sku, l.shipped FROM shipment_lines l JOIN skus k ON k.id = l.sku_id WHERE l.shipment_id = ? ORDER BY l.id',
  );
  const declared: DeclaredLine[] = [];
  const meta = new Map<string, { shipment: string; gnum: number; sku: string }>();
  for (const s of shipments) {
    (lineStmt.all(s.id) as Array<{ sku: string; shipped: number }>).forEach((l, i) => {
      const key = `${s.booking_note_no}#${i + 1}`;
      meta.set(key, { shipment: s.booking_note_no, gnum: i + 1, sku: l.sku });
      declared.push({ key, warehouse: s.warehouse, sku: l.sku, date: s.ship_date, quantity: l.shipped });
    });
  }
  const entries = new Map<string, { entryId: string; gseqno: Map<number, number> }>();
  const entryStmt = ws.read.prepare('SELECT entry_id, lines FROM customs_head_haul_entries WHERE shipment_id = ?');
  for (const s of shipments) {
    const e = entryStmt.get(s.id) as { entry_id: string; lines: string } | undefined;
    if (e)
      entries.set(s.booking_note_no, {
        entryId: e.entry_id,
        gseqno: new Map(
          (JSON.parse(e.lines) as Array<{ gnum: number; gseqno: number }>).map((l) => [l.gnum, l.gseqno]),
        ),
      });
  }
  const warehouses = [...new Set(shipments.map((s) => s.warehouse))];
  const sales = ws.read
    .prepare(
      `SELECT m.id, m.date, abs(m.quantity) AS quantity, m.reference, w.code AS warehouse, k.item_no AS sku
    FROM stock_moves m JOIN warehouses w ON w.id = m.warehouse_id JOIN skus k ON k.id = m.sku_id
    WHERE m.type = 'sale' AND w.code IN (SELECT value FROM json_each(?))
      AND NOT EXISTS (SELECT 1 FROM stock_moves r WHERE r.reverses_move_id = m.id) ORDER BY m.date, m.id`,
    )
    .all(JSON.stringify(warehouses)) as Array<{
    id: number;
    date: string;
    quantity: number;
    reference: string | null;
    warehouse: string;
    sku: string;
  }>;
  const byId = new Map(sales.map((s) => [String(s.id).padStart(12, '0'), s]));
  const r = linkSalesToDeclarations(
    declared,
    sales.map((s) => ({
      key: String(s.id).padStart(12, '0'),
      warehouse: s.warehouse,
      sku: s.sku,
      date: s.date,
      quantity: s.quantity,
    })),
  );
  return {
    links: r.links.map((l) => ({
      sale: byId.get(l.sale)!.id,
      reference: byId.get(l.sale)!.reference,
      shipment: meta.get(l.line)!.shipment,
      gnum: meta.get(l.line)!.gnum,
      quantity: l.quantity,
    })),
    lines: r.lines.map((l) => ({
      shipment: meta.get(l.line)!.shipment,
      gnum: meta.get(l.line)!.gnum,
      sku: meta.get(l.line)!.sku,
      declared: l.declared,
      sold: l.sold,
      unsold: l.unsold,
      entryId: entries.get(meta.get(l.line)!.shipment)?.entryId ?? null,
      gseqno: entries.get(meta.get(l.line)!.shipment)?.gseqno.get(meta.get(l.line)!.gnum) ?? null,
    })),
    undeclared: r.undeclared.map((u) => ({
      sale: byId.get(u.sale)!.id,
      reference: byId.get(u.sale)!.reference,
      quantity: u.quantity,
    })),
  };
}

export interface HeadHaulEntry {
  readonly shipment: string;
  /** 报关单 number (海关编号, 18 characters) the broker got back. */
  readonly entryId: string;
  /** Shipment line (gnum, in the shipment's order) → 报关单 line (gseqno). */
  readonly lines: ReadonlyArray<{ readonly gnum: number; readonly gseqno: number }>;
  /** The same number and lines were recorded before: nothing written. */
  readonly unchanged: boolean;
}

/**
 * `customs.headHaul.recordEntry`: the 报关单 number and line numbers the customs broker got back for a
 * head-haul shipment declared on a 报关单 (or any declared shipment), recorded against it so its sales
 * link to a declaration number and line. Lines default to 1:1 (shipment line n = 报关单 line n). Only a
 * shipment whose CEB303 W stands can carry one; another number than the one recorded is refused.
 */
export function recordHeadHaulEntry(
  ws: Workspace,
  input: {
    bookingNoteNo: string;
    entryId: string;
    lines?: ReadonlyArray<{ gnum: number; gseqno: number }> | undefined;
  },
): HeadHaulEntry {
  const s = ws.read.prepare('SELECT id FROM shipments WHERE booking_note_no = ?').get(input.bookingNoteNo) as
    { id: number } | undefined;
  if (!s) throw new DomainError('stock.shipment.unknown', { shipment: input.bookingNoteNo });
  const declared = ws.read
    .prepare(
      `SELECT status FROM customs_documents WHERE type = 'CEB303' AND order_id IS NULL AND business_key = ?
    ORDER BY revision DESC LIMIT 1`,
    )
    .pluck()
    .get(input.bookingNoteNo) as string | undefined;
  if (declared === undefined || isRebuildable(declared))
    throw new DomainError('customs.headHaul.notDeclared', { shipment: input.bookingNoteNo });
  const count = ws.read
    .prepare('SELECT count(*) FROM shipment_lines WHERE shipment_id = ?')
    .pluck()
    .get(s.id) as number;
  const lines = input.lines ?? Array.from({ length: count }, (_, i) => ({ gnum: i + 1, gseqno: i + 1 }));
  const seen = new Set<number>();
  for (const l of lines) {
    if (l.gnum < 1 || l.gnum > count || seen.has(l.gnum))
      throw new DomainError('customs.headHaul.badLine', { shipment: input.bookingNoteNo, gnum: l.gnum, lines: count });
    seen.add(l.gnum);
  }
  const sorted = [...lines].sort((a, b) => a.gnum - b.gnum);
  const prior = ws.read
    .prepare('SELECT entry_id, lines FROM customs_head_haul_entries WHERE shipment_id = ?')
    .get(s.id) as { entry_id: string; lines: string } | undefined;
  if (prior && prior.entry_id !== input.entryId)
    throw new DomainError('customs.headHaul.entryConflict', {
      shipment: input.bookingNoteNo,
      entryId: prior.entry_id,
      given: input.entryId,
    });
  const base = { shipment: input.bookingNoteNo, entryId: input.entryId, lines: sorted };
  if (prior && prior.lines === JSON.stringify(sorted)) return { ...base, unchanged: true };
  ws.uow.run('customs.headHaul.recordEntry', (tx) => {
    tx.db
      .prepare(
        `INSERT INTO customs_head_haul_entries (shipment_id, entry_id, lines, command_id, recorded_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (shipment_id) DO UPDATE SET lines = excluded.lines, command_id = excluded.command_id, recorded_at = excluded.recorded_at`,
      )
      .run(s.id, input.entryId, JSON.stringify(sorted), tx.commandId, tx.now);
  });
  return { ...base, unchanged: false };
}
