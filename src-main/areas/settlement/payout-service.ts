/**
 * The payout use cases: preview (parse, check Σ lines = deposit, map and match, nothing written;
 * an Amazon settlement's orders step prepared too) → confirm (one unit of work: the settlement's
 * orders with their fees and refunds, matched orders' revenue, the payout's entry, the payout and
 * its lines; the same settlement again changes nothing) or discard; list, detail, the netting
 * statement and the bank evidence pack (PDF / XLSX). Parsed previews wait in an in-memory cache
 * (one per workspace, 30 minutes, at most 4) under a random id until confirmed or discarded.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/domain-error.ts';
import { sumMinor, type Minor } from '../../core/money/index.ts';
import { NETTING_CATEGORIES, type NettingCategory } from '../../core/forex/settlement-views.ts';
import { categoryAccount } from '../../core/forex/netting.ts';
import { assertMonthOpen, latestCompany } from '../company/index.ts';
import { findPayout, getPayoutDetail, listPayouts, orderIdsByNo } from './settlement-payout-store.ts';
import { nettingStatement } from './settlement-netting.ts';
import { postContext, writePayout } from './settlement-posting.ts';
import { parsePayout } from '../../imports/payouts/parse-payout.ts';
import type { ParsedPayout } from '../../core/forex/payout.ts';
import type { RowError } from '../../core/orders/order.ts';
import { buildEvidencePack } from './evidence-pack.ts';
import { renderPdf } from '../../reports/pdf-writer.ts';
import { renderXlsx } from '../../reports/xlsx-writer.ts';
import type { PayoutPreview } from './contract.ts';
import type { AreaService } from '../area-kit.ts';
import type { settlementContract } from './contract.ts';
import { getSetting } from '../../db/settings-store.ts';
import { decodeBase64 } from '../base64.ts';
import { prepareSettlementOrders, writeSettlementOrders, type SettlementOrders } from './payout-orders.ts';
import type { Workspace } from '../workspace.ts';

/** The payout commands, keyed as in the contract (handlers.ts spreads the service). */
export type PayoutCommands =
  | 'payouts.preview'
  | 'payouts.confirm'
  | 'payouts.discard'
  | 'payouts.list'
  | 'payouts.get'
  | 'settlement.netting'
  | 'settlement.evidencePack';

type Parsed = ParsedPayout & {
  readonly fileName: string;
  readonly fileSha256: string;
  readonly orders: SettlementOrders | null;
};
const TTL_MS = 30 * 60_000;
const CAP = 4;
const SAMPLE = 100;

/** The payout use cases of one workspace: its preview cache lives as long as the workspace. */
export function createPayoutService(ws: Workspace): AreaService<typeof settlementContract, PayoutCommands> {
  const previews = new Map<string, { parsed: Parsed; at: number }>();
  const take = (id: string): Parsed => {
    const now = ws.clock().getTime();
    for (const [k, v] of previews) if (v.at < now - TTL_MS) previews.delete(k);
    const hit = previews.get(id);
    if (!hit) throw new DomainError('imports.preview.expired', { previewId: id });
    return hit.parsed;
  };
  return {
    'payouts.preview': async (input): Promise<PayoutPreview> => {
      const bytes = decodeBase64(input.contentBase64);
      const payout = await parsePayout(bytes, { source: input.source, currency: input.currency });
      const orders =
        payout.source === 'amazon-settlement'
          ? await prepareSettlementOrders(ws, bytes, input.fileName, payout.fileSha256)
          : null;
      const rejected = orders === null ? payout.rejected : mergeRejected(payout.rejected, orders.prepared.rejected);
      const parsed: Parsed = { ...payout, rejected, fileName: input.fileName, orders };
      const previewId = randomUUID();
      while (previews.size >= CAP) previews.delete(previews.keys().next().value!);
      previews.set(previewId, { parsed, at: ws.clock().getTime() });
      const known = orderIdsByNo(
        ws.read,
        parsed.lines.flatMap((l) => (l.orderNo === null ? [] : [l.orderNo])),
      );
      // Orders the settlement's own orders step writes on confirm match as well, except those a
      // closed month holds back (not written, nothing posted): counted apart, with their months.
      const held = new Set((orders?.heldBack ?? []).map((h) => h.orderNo));
      const ids = {
        has: (no: string) => !held.has(no) && (known.has(no) || (orders?.orderNos.has(no) ?? false)),
      };
      const byCategory = new Map<NettingCategory, Minor[]>(NETTING_CATEGORIES.map((c) => [c, []]));
      for (const l of parsed.lines) byCategory.get(l.category)!.push(l.amount);
      const categories = Object.fromEntries([...byCategory].map(([c, amounts]) => [c, sumMinor(amounts)])) as Record<
        NettingCategory,
        Minor
      >;
      const unmatched = parsed.lines.flatMap((l, i) =>
        l.orderNo !== null && !ids.has(l.orderNo) && !held.has(l.orderNo)
          ? [
              {
                ...l,
                id: -(i + 1),
                orderId: null,
                account: categoryAccount(
                  l.category,
                  parsed.currency,
                  `${l.transactionType}/${l.amountType}/${l.amountDescription}`,
                ),
              },
            ]
          : [],
      );
      return {
        previewId,
        fileName: input.fileName,
        source: parsed.source,
        encoding: parsed.encoding,
        settlementId: parsed.settlementId,
        periodStart: parsed.periodStart,
        periodEnd: parsed.periodEnd,
        depositDate: parsed.depositDate,
        currency: parsed.currency,
        deposit: parsed.deposit,
        sumOfLines: parsed.sumOfLines,
        debitBalance: parsed.deposit < 0,
        lines: parsed.lines.length,
        categories,
        matchedOrders: new Set(
          parsed.lines.flatMap((l) => (l.orderNo !== null && ids.has(l.orderNo) ? [l.orderNo] : [])),
        ).size,
        heldBackOrders: new Set(
          parsed.lines.flatMap((l) => (l.orderNo !== null && held.has(l.orderNo) ? [l.orderNo] : [])),
        ).size,
        heldBackMonths: [...new Set((orders?.heldBack ?? []).map((h) => h.month))].sort(),
        unmatchedLines: unmatched.slice(0, SAMPLE),
        unmatchedLineCount: unmatched.length,
        rejected: parsed.rejected,
        alreadyImportedId: findPayout(ws.read, parsed.source, parsed.settlementId),
      };
    },
    'payouts.confirm': ({ previewId }) => {
      const p = take(previewId);
      if (p.rejected.length > 0) throw new DomainError('payouts.rejectedRows', { count: p.rejected.length });
      const existing = findPayout(ws.read, p.source, p.settlementId);
      if (existing !== null) {
        previews.delete(previewId);
        const d = getPayoutDetail(ws.read, existing);
        return {
          payoutId: existing,
          alreadyImported: true,
          settlementId: p.settlementId,
          lines: d.lines,
          journalEntryId: null,
          ordersPosted: 0,
          orders: null,
        };
      }
      const w = ws.uow.run('payouts.confirm', (tx) => {
        // The payout posts on its deposit day: refused when that month is closed (issue 17 point 1g).
        assertMonthOpen(tx.db, p.depositDate);
        // The orders first: the payout's lines then match the orders the file names.
        const orders = p.orders === null ? null : writeSettlementOrders(tx, p.orders);
        const out = writePayout(postContext(tx.db, tx.commandId, tx.now), p);
        tx.enqueue({
          kind: 'payout.imported',
          idempotencyKey: `payout:${p.source}:${p.settlementId}`,
          payload: { payoutId: out.payoutId, settlementId: p.settlementId },
        });
        return { ...out, orders };
      });
      previews.delete(previewId);
      // As after an orders import: the orders step queued outbox rows.
      return { ...w, alreadyImported: false, settlementId: p.settlementId, lines: p.lines.length };
    },
    'payouts.discard': ({ previewId }) => ({ discarded: previews.delete(previewId) }),
    'payouts.list': ({ from, to }) => listPayouts(ws.read, from, to),
    'payouts.get': ({ id }) => getPayoutDetail(ws.read, id),
    'settlement.netting': ({ payoutId }) => nettingStatement(ws.read, payoutId),
    'settlement.evidencePack': async ({ payoutId, format, language }) => {
      const doc = buildEvidencePack(ws.read, payoutId, {
        language: language ?? getSetting(ws.read, 'language', 'zh-CN'),
        company: latestCompany(ws.read),
        createdAt: ws.clock().toISOString(),
      });
      const bytes = format === 'pdf' ? await renderPdf(doc) : await renderXlsx(doc);
      const p = getPayoutDetail(ws.read, payoutId);
      return {
        fileName: `evidence-${p.settlementId.replace(/[^\w.-]+/g, '_')}.${format}`,
        contentBase64: Buffer.from(bytes).toString('base64'),
      };
    },
  };
}

/** Both readers' refusals of the same file, once per row and code, in row order. */
function mergeRejected(a: readonly RowError[], b: readonly RowError[]): RowError[] {
  const seen = new Set<string>();
  return [...a, ...b]
    .filter((e) => {
      const key = `${e.row}\u0000${e.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((x, y) => x.row - y.row);
}
