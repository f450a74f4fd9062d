/**
 * SKUs (with customs data and platform SKU mappings) and warehouses. Writers take the unit-of-work
 * transaction's database; item numbers and warehouse codes are unique. Lookups used by moves,
 * imports and sales resolve an item no / platform code / warehouse code to its id.
 */
import { DomainError } from '../../core/domain-error.ts';
import type { Sku } from '../../core/stock/sku.ts';
import type { SkuRecord, Warehouse } from '../../core/stock/stock-views.ts';
import type { Platform } from '../../core/orders/order.ts';
import type { Db } from '../../db/open-ledger.ts';
import type { WriteDb } from '../../db/ports.ts';

/** Read models live in the core (shared with the contract); these names stay for the store's callers. */
export type { WarehouseKind } from '../../core/stock/stock-views.ts';
export type SkuRow = SkuRecord;
export type WarehouseRow = Warehouse;

const SKU_COLUMNS = `id, item_no AS itemNo, goods_name AS goodsName, gmodel, hs_code AS hsCode, unit, legal_unit AS legalUnit,
  second_legal_unit AS secondLegalUnit, barcode, origin, weight_grams AS weightGrams, volume_cm3 AS volumeCm3,
  legal_qty1_per_unit AS legalQty1PerUnit, legal_qty2_per_unit AS legalQty2PerUnit, supervision_conditions AS supervisionConditions,
  export_duty_rate AS exportDutyRate, item_record_no AS itemRecordNo`;

type SkuBase = Omit<SkuRow, 'platformSkus'>;

function withMappings(db: Db, rows: SkuBase[]): SkuRow[] {
  const maps = db
    .prepare('SELECT sku_id AS skuId, platform, kind, code FROM platform_skus ORDER BY id')
    .all() as Array<{ skuId: number; platform: Platform; kind: string; code: string }>;
  const by = new Map<number, Array<{ platform: Platform; kind: string; code: string }>>();
  for (const m of maps) {
    const list = by.get(m.skuId) ?? [];
    list.push({ platform: m.platform, kind: m.kind, code: m.code });
    by.set(m.skuId, list);
  }
  return rows.map((r) => ({ ...r, platformSkus: by.get(r.id) ?? [] }));
}

export function listSkus(db: Db, q?: string): SkuRow[] {
  const rows = q
    ? db
        .prepare(
          `SELECT ${SKU_COLUMNS} FROM skus WHERE instr(item_no, ?) > 0 OR instr(goods_name, ?) > 0 ORDER BY item_no LIMIT 1000`,
        )
        .all(q, q)
    : db.prepare(`SELECT ${SKU_COLUMNS} FROM skus ORDER BY item_no LIMIT 1000`).all();
  return withMappings(db, rows as SkuBase[]);
}

export function getSku(db: Db, id: number): SkuRow {
  const r = db.prepare(`SELECT ${SKU_COLUMNS} FROM skus WHERE id = ?`).get(id) as SkuBase | undefined;
  if (!r) throw new DomainError('stock.sku.unknown', { sku: String(id) });
  return withMappings(db, [r])[0]!;
}

export function saveSku(db: WriteDb, id: number | undefined, s: Sku): number {
  const clash = db.prepare('SELECT id FROM skus WHERE item_no = ?').pluck().get(s.itemNo) as number | undefined;
  if (clash !== undefined && clash !== id) throw new DomainError('stock.sku.duplicate', { sku: s.itemNo });
  const values = [
    s.itemNo,
    s.goodsName,
    s.gmodel,
    s.hsCode,
    s.unit,
    s.legalUnit,
    s.secondLegalUnit,
    s.barcode,
    s.origin,
    s.weightGrams,
    s.volumeCm3,
    s.legalQty1PerUnit ?? null,
    s.legalQty2PerUnit ?? null,
    s.supervisionConditions ?? null,
    s.exportDutyRate ?? null,
    s.itemRecordNo ?? null,
  ];
  if (id === undefined) {
    return Number(
      db
        .prepare(
          `INSERT INTO skus (item_no, goods_name, gmodel, hs_code, unit, legal_unit, second_legal_unit, barcode, origin,
      weight_grams, volume_cm3, legal_qty1_per_unit, legal_qty2_per_unit, supervision_conditions, export_duty_rate, item_record_no)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...values).lastInsertRowid,
    );
  }
  const info = db
    .prepare(
      `UPDATE skus SET item_no = ?, goods_name = ?, gmodel = ?, hs_code = ?, unit = ?, legal_unit = ?,
    second_legal_unit = ?, barcode = ?, origin = ?, weight_grams = ?, volume_cm3 = ?, legal_qty1_per_unit = ?, legal_qty2_per_unit = ?,
    supervision_conditions = ?, export_duty_rate = ?, item_record_no = ? WHERE id = ?`,
    )
    .run(...values, id);
  if (info.changes === 0) throw new DomainError('stock.sku.unknown', { sku: String(id) });
  return id;
}

/** A SKU an import met for the first time (--create-missing): customs data left to fill in. */
export function insertBareSku(db: WriteDb, itemNo: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO skus (item_no, goods_name, gmodel, hs_code, unit, legal_unit) VALUES (?, ?, '', '', '', '')`,
      )
      .run(itemNo, itemNo).lastInsertRowid,
  );
}

export function mapPlatformSku(db: WriteDb, skuId: number, platform: string, kind: string, code: string): void {
  getSku(db, skuId);
  const owner = db
    .prepare('SELECT sku_id FROM platform_skus WHERE platform = ? AND kind = ? AND code = ?')
    .pluck()
    .get(platform, kind, code) as number | undefined;
  if (owner !== undefined && owner !== skuId)
    throw new DomainError('stock.sku.mappingTaken', { code, sku: getSku(db, owner).itemNo });
  if (owner === undefined)
    db.prepare('INSERT INTO platform_skus (sku_id, platform, kind, code) VALUES (?, ?, ?, ?)').run(
      skuId,
      platform,
      kind,
      code,
    );
}

export function skuIdByItemNo(db: Db, itemNo: string): number | undefined {
  return db.prepare('SELECT id FROM skus WHERE item_no = ?').pluck().get(itemNo) as number | undefined;
}

/** An order line's SKU → seller SKU: a platform mapping first, else the same item no. */
export function skuIdForPlatformCode(db: Db, platform: string, code: string): number | undefined {
  return (
    (db
      .prepare('SELECT sku_id FROM platform_skus WHERE code = ? ORDER BY platform = ? DESC, id LIMIT 1')
      .pluck()
      .get(code, platform) as number | undefined) ?? skuIdByItemNo(db, code)
  );
}

const WH_COLUMNS = 'id, code, name, kind, country, ems_no AS emsNo';

export function listWarehouses(db: Db, includeTransit = true): WarehouseRow[] {
  return db
    .prepare(
      `SELECT ${WH_COLUMNS} FROM warehouses ${includeTransit ? '' : "WHERE kind <> 'transit'"} ORDER BY kind = 'transit', code`,
    )
    .all() as WarehouseRow[];
}

export function getWarehouse(db: Db, id: number): WarehouseRow {
  const r = db.prepare(`SELECT ${WH_COLUMNS} FROM warehouses WHERE id = ?`).get(id) as WarehouseRow | undefined;
  if (!r) throw new DomainError('stock.warehouse.unknown', { warehouse: String(id) });
  return r;
}

export function warehouseIdByCode(db: Db, code: string): number | undefined {
  return db.prepare('SELECT id FROM warehouses WHERE code = ?').pluck().get(code) as number | undefined;
}

export function saveWarehouse(
  db: WriteDb,
  id: number | undefined,
  w: Omit<WarehouseRow, 'id' | 'emsNo'> & { readonly emsNo?: string | null },
): number {
  const clash = warehouseIdByCode(db, w.code);
  if (clash !== undefined && clash !== id) throw new DomainError('stock.warehouse.duplicate', { warehouse: w.code });
  if (id === undefined) {
    return Number(
      db
        .prepare('INSERT INTO warehouses (code, name, kind, country, ems_no) VALUES (?, ?, ?, ?, ?)')
        .run(w.code, w.name, w.kind, w.country, w.emsNo ?? null).lastInsertRowid,
    );
  }
  const before = getWarehouse(db, id);
  // A transit warehouse belongs to its shipment; kinds do not change into or out of transit.
  if ((before.kind === 'transit') !== (w.kind === 'transit'))
    throw new DomainError('stock.warehouse.transitFixed', { warehouse: before.code });
  db.prepare('UPDATE warehouses SET code = ?, name = ?, kind = ?, country = ?, ems_no = ? WHERE id = ?').run(
    w.code,
    w.name,
    w.kind,
    w.country,
    w.emsNo === undefined ? (before.emsNo ?? null) : w.emsNo,
    id,
  );
  return id;
}

/** A `skus` row as `SELECT *` returns it (snake_case columns), for the areas that join SKUs into their own reads. */
export interface SkuTableRow {
  id: number;
  item_no: string;
  goods_name: string;
  gmodel: string;
  hs_code: string;
  unit: string;
  legal_unit: string;
  second_legal_unit: string | null;
  barcode: string | null;
  origin: string | null;
  weight_grams: number | null;
  volume_cm3: number | null;
  legal_qty1_per_unit: string | null;
  legal_qty2_per_unit: string | null;
  supervision_conditions: string | null;
  export_duty_rate: string | null;
  item_record_no: string | null;
}

/** The core `Sku` (customs data of a SKU) of a `skus` row. */
export function skuFromRow(r: Omit<SkuTableRow, 'id'>): Sku {
  return {
    itemNo: r.item_no,
    goodsName: r.goods_name,
    gmodel: r.gmodel,
    hsCode: r.hs_code,
    unit: r.unit,
    legalUnit: r.legal_unit,
    secondLegalUnit: r.second_legal_unit,
    barcode: r.barcode,
    origin: r.origin,
    weightGrams: r.weight_grams,
    volumeCm3: r.volume_cm3,
    legalQty1PerUnit: r.legal_qty1_per_unit,
    legalQty2PerUnit: r.legal_qty2_per_unit,
    supervisionConditions: r.supervision_conditions,
    exportDutyRate: r.export_duty_rate,
    itemRecordNo: r.item_record_no,
  };
}
