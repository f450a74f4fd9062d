/**
 * Positions as of a past date are read either per position (`stock_moves_by_position`) or from the
 * moves up to the date (`stock_moves_by_date`), chosen by how many moves fall on or before it. Both
 * reads must give the same rows in the same order (zero positions left out alike), for the full
 * list, keyset pages and the warehouse / SKU filters, on a seeded random ledger.
 */
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openLedger, type Db } from '../../../../src-main/db/open-ledger.ts';
import {
  positionPage,
  positionReadPath,
  positions,
  type Position,
  type PositionPageRequest,
  type PositionReadPath,
} from '../../../../src-main/areas/stock/stock-report-store.ts';
import { tempDir } from '../../../helpers/workspace.ts';
import { seededRandom } from '../../../../src-main/core/random/seeded-random.ts';

const SEED = Number(process.env.STOCK_PATHS_SEED ?? Date.now() % 1_000_000_007);
const SKUS = 60;
const DAYS = 120;

const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

let db: Db;
let close: () => void = () => undefined;
const skuIds: number[] = [];
const whIds: number[] = [];

beforeAll(async () => {
  console.log(`stock-valuation-paths seed ${SEED} (rerun with STOCK_PATHS_SEED=${SEED})`);
  const opened = await openLedger(path.join(tempDir(), 'ledger.sqlite'));
  db = opened.db;
  close = () => db.close();
  const rnd = seededRandom(SEED).next;
  db.transaction(() => {
    db.prepare("INSERT INTO command_log (id, command, at) VALUES (1, 'test', '2025-01-01T00:00:00Z')").run();
    // Ids in the opposite order of codes / item numbers, so id order and name order disagree.
    const wh = db.prepare("INSERT INTO warehouses (code, name, kind, country) VALUES (?, ?, 'overseasOwn', 'US')");
    for (const code of ['ZZ', 'é-LA', 'MM', 'AA', 'A']) whIds.push(Number(wh.run(code, code).lastInsertRowid));
    const sku = db.prepare(
      "INSERT INTO skus (item_no, goods_name, gmodel, hs_code, unit, legal_unit) VALUES (?, 'x', '', '3924100000', '007', '011')",
    );
    for (let i = SKUS - 1; i >= 0; i--) skuIds.push(Number(sku.run(`S-${String(i).padStart(3, '0')}`).lastInsertRowid));
    const move = db.prepare(
      'INSERT INTO stock_moves (date, type, sku_id, warehouse_id, quantity, value, command_id) VALUES (?, ?, ?, ?, ?, ?, 1)',
    );
    for (const s of skuIds) {
      if (rnd() < 0.1) continue; // some SKUs never move
      let d = Math.floor(rnd() * 40);
      for (let k = 0, n = 1 + Math.floor(rnd() * 12); k < n && d < DAYS; k++) {
        const w = whIds[Math.floor(rnd() * whIds.length)]!;
        const q = 1 + Math.floor(rnd() * 9);
        const unit = 100 + Math.floor(rnd() * 50);
        const r = rnd();
        if (r < 0.5) move.run(day(d), 'purchase', s, w, q, q * unit);
        else if (r < 0.75) {
          // In and straight back out: a position that nets to zero (left out) from that day on.
          move.run(day(d), 'purchase', s, w, q, q * unit);
          move.run(day(d + Math.floor(rnd() * 3)), 'sale', s, w, -q, -q * unit);
        } else if (r < 0.85)
          move.run(day(d), 'landedCost', s, w, 0, 1 + Math.floor(rnd() * 500)); // value without quantity
        else move.run(day(d), 'sale', s, w, -q, -q * unit); // may go negative: still a position
        d += Math.floor(rnd() * 15);
      }
    }
  })();
});

afterAll(() => close());

const byBoth = (asOf: string, f: PositionPageRequest = {}) =>
  (['byPosition', 'byDate'] as PositionReadPath[]).map((p) => positionPage(db, asOf, f, p));

function walk(asOf: string, limit: number, p: PositionReadPath, f: PositionPageRequest = {}): Position[] {
  const out: Position[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = positionPage(db, asOf, { ...f, limit, cursor }, p);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && ++pages < 1000);
  return out;
}

describe('stock positions as of a date: per-position and by-date reads agree', () => {
  const last = () => String(db.prepare('SELECT max(date) FROM stock_moves').pluck().get());
  const dates = () =>
    ['2024-12-31', day(0), day(3), day(10), day(25), day(50), day(80), day(DAYS - 2)].filter((d) => d < last());

  it('gives the same rows in the same order at several dates, full list and filtered', () => {
    expect(dates().length).toBeGreaterThan(5);
    for (const asOf of dates()) {
      const [a, b] = byBoth(asOf);
      expect(b, `as of ${asOf} (seed ${SEED})`).toEqual(a);
      expect(a!.nextCursor).toBeNull();
      expect(a!.items.every((p) => p.quantity !== 0 || p.value !== 0)).toBe(true);
      expect(positions(db, asOf)).toEqual(a!.items);
      for (const warehouseId of whIds) {
        const [x, y] = byBoth(asOf, { warehouseId });
        expect(y, `as of ${asOf}, warehouse ${warehouseId} (seed ${SEED})`).toEqual(x);
      }
      for (const skuId of skuIds.slice(0, 8)) {
        const [x, y] = byBoth(asOf, { skuId });
        expect(y, `as of ${asOf}, sku ${skuId} (seed ${SEED})`).toEqual(x);
      }
    }
  });

  it('pages alike on both reads, and the pages make up the full list', () => {
    for (const asOf of dates()) {
      const full = positionPage(db, asOf, {}, 'byPosition').items;
      for (const limit of [1, 3, 7]) {
        expect(walk(asOf, limit, 'byDate'), `as of ${asOf}, limit ${limit} (seed ${SEED})`).toEqual(full);
        expect(walk(asOf, limit, 'byPosition')).toEqual(full);
        const page = byBoth(asOf, {
          limit,
          cursor: full.length > 2 ? JSON.stringify([full[1]!.sku, full[1]!.warehouse]) : null,
        });
        expect(page[1]).toEqual(page[0]);
      }
      const warehouseId = whIds[1]!;
      expect(walk(asOf, 2, 'byDate', { warehouseId })).toEqual(walk(asOf, 2, 'byPosition', { warehouseId }));
    }
  });

  it('reads by date only when fewer moves fall on or before the date than there are positions (or than a page holds)', () => {
    const count = (asOf: string) =>
      db.prepare('SELECT count(*) FROM stock_moves WHERE date <= ?').pluck().get(asOf) as number;
    const positionCount = db.prepare('SELECT count(*) FROM stock_balances').pluck().get() as number;
    for (const asOf of dates()) {
      expect(positionReadPath(db, asOf)).toBe(count(asOf) < positionCount ? 'byDate' : 'byPosition');
      expect(positionReadPath(db, asOf, { limit: 5 })).toBe(
        count(asOf) < Math.min(5, positionCount) ? 'byDate' : 'byPosition',
      );
      expect(positionReadPath(db, asOf, { skuId: skuIds[0] })).toBe('byPosition');
    }
    expect(positionReadPath(db, '2024-12-31')).toBe('byDate');
    expect(positionReadPath(db, last())).toBeNull();
  });
});
