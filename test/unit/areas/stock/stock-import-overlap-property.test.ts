/**
 * Property (issue 14, point 8): importing any set of overlapping date windows of a stock-moves
 * export, each as its own file and in any order, leaves the same ledger as importing the rows of
 * their union once — the same moves (as a multiset) and the same on-hand on every day. Windows
 * are cut by date, as platform and ERP exports are, so identical rows of one day travel together.
 * Unit costs depend on the SKU only, so values do not depend on the order rows arrive in.
 */
import fc from 'fast-check';
import { describe, it, expect, afterEach } from 'vitest';
import { openTestWorkspace } from '../../../helpers/workspace.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import type { StockImportSummary, StockPosition } from '../../../../src-main/api/contract.ts';
import type { Dispatch } from '../../../../src-main/api/dispatch.ts';
import { ok } from '../../../helpers/dispatch.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

const HEADER = 'date,type,sku,warehouse,to_warehouse,quantity,unit_cost,amount,currency,reference,reason';
const SKUS = ['MUG-01', 'CUP-02', 'POT-03'];
const COST: Record<string, string> = { 'MUG-01': '12.00', 'CUP-02': '5.50', 'POT-03': '31.25' };
const day = (d: number) => `2026-04-${String(d).padStart(2, '0')}`;

interface Row {
  readonly day: number;
  readonly line: string;
}

const rowArb: fc.Arbitrary<Row> = fc
  .record({
    day: fc.integer({ min: 1, max: 20 }),
    kind: fc.constantFrom('purchase', 'sale', 'transfer', 'writeoff'),
    sku: fc.constantFrom(...SKUS),
    wh: fc.constantFrom('SZ', 'YW'),
    qty: fc.integer({ min: 1, max: 9 }),
    ref: fc.constantFrom('', 'PO-1', 'ORD-7'),
  })
  .map(({ day: d, kind, sku, wh, qty, ref }) => {
    const other = wh === 'SZ' ? 'YW' : 'SZ';
    const cells =
      kind === 'purchase'
        ? [day(d), kind, sku, wh, '', qty, COST[sku], '', 'CNY', ref, '']
        : kind === 'transfer'
          ? [day(d), kind, sku, wh, other, qty, '', '', '', '', '']
          : kind === 'writeoff'
            ? [day(d), kind, sku, wh, '', qty, '', '', '', '', 'damaged']
            : [day(d), kind, sku, wh, '', qty, '', '', '', ref, ''];
    return { day: d, line: cells.join(',') };
  });

/** Rows (some repeated on purpose: genuine identical rows) and 1–4 date windows over them. */
const caseArb = fc.record({
  rows: fc
    .array(rowArb, { minLength: 1, maxLength: 40 })
    .chain((rows) =>
      fc
        .array(fc.nat({ max: rows.length - 1 }), { maxLength: 6 })
        .map((dups) => [...rows, ...dups.map((i) => rows[i]!)]),
    ),
  windows: fc.array(
    fc
      .tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 8 }))
      .map(([from, len]) => [from, from + len] as const),
    { minLength: 1, maxLength: 4 },
  ),
});

const b64 = (lines: readonly string[]) => Buffer.from([HEADER, ...lines, ''].join('\r\n'), 'utf8').toString('base64');

async function ledger(): Promise<{ ws: Workspace; d: Dispatch }> {
  const t = await openTestWorkspace();
  opened.push(t.ws);
  const d = t.dispatch;
  for (const itemNo of SKUS)
    await ok(d, 'stock.skus.save', {
      itemNo,
      goodsName: itemNo,
      gmodel: '',
      hsCode: '6912001000',
      unit: '007',
      legalUnit: '011',
    });
  for (const code of ['SZ', 'YW'])
    await ok(d, 'stock.warehouses.save', { code, name: code, kind: 'domestic', country: 'CN' });
  // opening stock large enough that no window, in any order, can go negative
  await ok(d, 'stock.import', {
    fileName: 'opening.csv',
    source: 'stock-moves',
    contentBase64: b64(
      SKUS.flatMap((s) => ['SZ', 'YW'].map((w) => `2026-03-31,purchase,${s},${w},,1000,${COST[s]},,CNY,OPEN,`)),
    ),
  });
  return { ws: t.ws, d };
}

async function state(ws: Workspace, d: Dispatch): Promise<unknown> {
  const moves = ws.read
    .prepare(
      `SELECT m.date, m.type, s.item_no, w.code, m.quantity, m.value, m.reference, m.reason FROM stock_moves m
    JOIN skus s ON s.id = m.sku_id JOIN warehouses w ON w.id = m.warehouse_id`,
    )
    .all()
    .map((r) => JSON.stringify(r))
    .sort();
  const onHand: unknown[] = [];
  for (const asOf of [day(1), day(7), day(14), day(28)]) {
    onHand.push(
      (await ok<{ items: StockPosition[] }>(d, 'stock.onHand', { asOf })).items.map((i) => [
        i.sku,
        i.warehouse,
        i.quantity,
      ]),
    );
  }
  const value = (await ok<{ total: { value: number } }>(d, 'stock.valuation', { asOf: day(28) })).total.value;
  return { moves, onHand, value };
}

describe('stock-moves imports of overlapping exports', () => {
  it('equal one import of their union, whatever the windows and their order', async () => {
    const seed = Number(process.env.KJ_SEED ?? 20261207);
    console.log(`stock overlap property: seed ${seed}`);
    await fc.assert(
      fc.asyncProperty(caseArb, fc.infiniteStream(fc.boolean()), async ({ rows, windows }, coins) => {
        const inWindow = (r: Row, [from, to]: readonly [number, number]) => r.day >= from && r.day <= to;
        const pieces = windows.map((w) => rows.filter((r) => inWindow(r, w)));
        const order = coins.next().value ? pieces.reverse() : pieces;
        const a = await ledger();
        for (const piece of order) {
          if (piece.length === 0) continue; // an empty export is refused as header-only
          const s = await ok<StockImportSummary>(a.d, 'stock.import', {
            fileName: 'w.csv',
            source: 'stock-moves',
            contentBase64: b64(piece.map((r) => r.line)),
          });
          expect(s.rejected).toEqual([]);
          expect(s.posted + s.unchanged).toBe(piece.length);
        }
        const b = await ledger();
        const union = rows.filter((r) => windows.some((w) => inWindow(r, w)));
        if (union.length > 0)
          await ok(b.d, 'stock.import', {
            fileName: 'all.csv',
            source: 'stock-moves',
            contentBase64: b64(union.map((r) => r.line)),
          });
        expect(await state(a.ws, a.d)).toEqual(await state(b.ws, b.d));
        while (opened.length) opened.pop()!.close();
      }),
      { seed, numRuns: 25 },
    );
  }, 120_000);
});
