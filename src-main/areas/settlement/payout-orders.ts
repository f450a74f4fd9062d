/**
 * The orders step of an Amazon settlement's payout import: the same file read by the orders
 * import (fees and refunds per order, orders it names created), prepared at preview and written
 * inside the payout's own unit of work, so the orders' fee updates and the payout commit together
 * or not at all — from the screens and the CLI alike.
 */
import type { HeldBackOrder, ImportSummary } from '../imports/contract.ts';
import { periodPlan, prepare, writePreparedImport, type PreparedImport } from '../imports/index.ts';
import type { ImportMeta } from '../imports/index.ts';
import { closedMonths, DEFAULT_TIME_ZONE, findShop } from '../company/index.ts';
import type { Tx } from '../../db/unit-of-work.ts';
import { parseImport } from '../../imports/parse-import.ts';
import type { Workspace } from '../workspace.ts';

export interface SettlementOrders {
  readonly meta: ImportMeta;
  readonly prepared: PreparedImport;
  /** Order numbers the step will create or update (they match the payout's lines on confirm). */
  readonly orderNos: ReadonlySet<string>;
  /**
   * Orders dated in a closed month: confirm holds them back (`period.closed`, not written, nothing
   * posted), so the preview counts them apart from the matched ones, with their months.
   */
  readonly heldBack: readonly HeldBackOrder[];
}

export type SettlementOrdersSummary = Pick<
  ImportSummary,
  'orders' | 'new' | 'updated' | 'unchanged' | 'months' | 'heldBack'
>;

export async function prepareSettlementOrders(
  ws: Workspace,
  bytes: Uint8Array,
  fileName: string,
  fileSha256: string,
): Promise<SettlementOrders> {
  const parsed = await parseImport(bytes, {
    fileName,
    source: 'amazon-settlement',
    timeZone: DEFAULT_TIME_ZONE,
    defaultCurrency: null,
    mapping: null,
  });
  const prepared = prepare(ws, parsed, null);
  const rejected = [...parsed.rejected, ...prepared.rejected].sort((a, b) => a.row - b.row);
  const closed = closedMonths(ws.read);
  const heldBack =
    closed.size === 0
      ? []
      : periodPlan(
          ws.read,
          prepared.items.map(({ content, shop }) => ({
            content,
            shopId: 'id' in shop ? shop.id : (findShop(ws.read, shop.spec.platform, shop.spec.name)?.id ?? null),
          })),
          'amazon-settlement',
          fileSha256,
          closed,
        ).heldBack;
  return {
    meta: {
      source: 'amazon-settlement',
      fileName,
      fileSha256,
      encoding: parsed.encoding,
      rowCount: parsed.rowCount,
      rejected: rejected.length,
    },
    prepared: { items: prepared.items, rejected },
    orderNos: new Set(prepared.items.map((i) => i.content.orderNo)),
    heldBack,
  };
}

export function writeSettlementOrders(tx: Tx, s: SettlementOrders): SettlementOrdersSummary {
  const w = writePreparedImport(tx, s.meta, s.prepared.items);
  // orders dated in a closed month are held back (period.closed) and listed, as an orders import lists them
  return {
    orders: s.prepared.items.length,
    new: w.new,
    updated: w.updated,
    unchanged: w.unchanged,
    months: w.months,
    heldBack: w.heldBack,
  };
}
