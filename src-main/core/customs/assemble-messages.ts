/**
 * Shared tail of the builders: order parts → business blocks → messages of ≤ 100 blocks, each
 * with its own guid and the company's BaseTransfer. One clock reading per build, so every
 * block of a build carries the same appTime.
 */
import { formatAppTime } from './app-time.ts';
import { baseTransfer } from './base-transfer.ts';
import { cebGuid } from './ceb-guid.ts';
import type { CebBuildContext, CebOrderInput } from './ceb-input.ts';
import type { CebDocumentRef, CebMessage, CebMessageType } from './ceb-message.ts';
import { serialiseCebBlock, serialiseCebBlocks, type CebElement } from './ceb-xml.ts';
import { CEB_MAX_LINES, CEB_MAX_PER_MESSAGE, splitIntoMessages } from './split-into-messages.ts';
import { splitOrderLines, type CebOrderPart } from './split-order-lines.ts';

export interface BlockContext extends CebBuildContext {
  readonly appTime: string;
}

export type BlockBuilder = (part: CebOrderPart, guid: string, ctx: BlockContext) => CebElement;

/** A block still to serialise: its guid is drawn, its element is built when its message is. */
interface PendingBlock {
  readonly build: (guid: string) => CebElement;
  readonly guid: string;
  readonly ref: CebDocumentRef;
}

/**
 * Messages of ≤ 100 blocks, a guid each, BaseTransfer. The ids are drawn as always (every block's,
 * then every message's), but each message is serialised as soon as its blocks are: only one
 * message's block texts are alive at a time, so they die young instead of being copied through
 * the garbage collector's generations while the rest of the build runs.
 */
function toMessages(type: CebMessageType, blocks: readonly PendingBlock[], ctx: CebBuildContext): CebMessage[] {
  const batches = splitIntoMessages(blocks);
  const guids = batches.map(() => cebGuid(ctx.newId));
  let transfer: string | undefined;
  return batches.map((batch, m) => {
    const elements = batch.map((b) => serialiseCebBlock(b.build(b.guid)));
    transfer ??= serialiseCebBlock(baseTransfer(ctx.company));
    const guid = guids[m]!;
    return {
      type,
      guid,
      xml: serialiseCebBlocks(`${type}Message`, guid, [...elements, transfer]),
      documents: batch.map((b) => b.ref),
    };
  });
}

export type FlatBlockBuilder = (order: CebOrderInput, orderNo: string, guid: string, ctx: BlockContext) => CebElement;

/**
 * One block per order, not split by lines (CEB403 payment receipt, CEB505 waybill); the block
 * refers to the order number of part 1, the one the CEB303 of a split order starts with.
 */
export function assembleFlatMessages(
  type: CebMessageType,
  orders: readonly CebOrderInput[],
  ctx: CebBuildContext,
  buildBlock: FlatBlockBuilder,
): CebMessage[] {
  const blockCtx: BlockContext = { ...ctx, appTime: formatAppTime(ctx.clock()) };
  const blocks = orders.map((order): PendingBlock => {
    const first = splitOrderLines(order)[0]!;
    const guid = cebGuid(ctx.newId);
    return {
      build: (g) => buildBlock(order, first.orderNo, g, blockCtx),
      guid,
      ref: { guid, orderNo: first.orderNo, copNo: first.copNo, sourceOrderNo: order.orderNo, part: 1, parts: 1 },
    };
  });
  return toMessages(type, blocks, ctx);
}

export function assembleMessages(
  type: CebMessageType,
  orders: readonly CebOrderInput[],
  ctx: CebBuildContext,
  buildBlock: BlockBuilder,
): CebMessage[] {
  const blockCtx: BlockContext = { ...ctx, appTime: formatAppTime(ctx.clock()) };
  const blocks: PendingBlock[] = [];
  for (const order of orders) {
    for (const part of splitOrderLines(order)) {
      const guid = cebGuid(ctx.newId);
      blocks.push({
        build: (g) => buildBlock(part, g, blockCtx),
        guid,
        ref: {
          guid,
          orderNo: part.orderNo,
          copNo: part.copNo,
          sourceOrderNo: order.orderNo,
          part: part.part,
          parts: part.parts,
        },
      });
    }
  }
  return toMessages(type, blocks, ctx);
}

/**
 * How many ids a build of these orders draws from `ctx.newId`: one per block (one per order when
 * `flat`, else one per part of ≤ 100 lines), then one per message. The build pipeline draws them
 * up front, in the order a build in this thread would, to hand a chunk's build to a worker.
 */
export function cebIdCount(orders: readonly CebOrderInput[], flat: boolean): number {
  let blocks = 0;
  for (const o of orders) blocks += flat ? 1 : Math.max(1, Math.ceil(o.lines.length / CEB_MAX_LINES));
  return blocks + Math.ceil(blocks / CEB_MAX_PER_MESSAGE);
}
