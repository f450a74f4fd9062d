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
import { splitIntoMessages } from './split-into-messages.ts';
import { splitOrderLines, type CebOrderPart } from './split-order-lines.ts';

export interface BlockContext extends CebBuildContext {
  readonly appTime: string;
}

export type BlockBuilder = (part: CebOrderPart, guid: string, ctx: BlockContext) => CebElement;

/** Builds the message tail (batches of ≤ 100 blocks, a guid each, BaseTransfer) from ready blocks. */
function toMessages(
  type: CebMessageType,
  blocks: readonly { element: string; ref: CebDocumentRef }[],
  ctx: CebBuildContext,
): CebMessage[] {
  const transfer = serialiseCebBlock(baseTransfer(ctx.company));
  return splitIntoMessages(blocks).map((batch) => {
    const guid = cebGuid(ctx.newId);
    return {
      type,
      guid,
      xml: serialiseCebBlocks(`${type}Message`, guid, [...batch.map((b) => b.element), transfer]),
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
  const blocks = orders.map((order) => {
    const first = splitOrderLines(order)[0]!;
    const guid = cebGuid(ctx.newId);
    return {
      element: serialiseCebBlock(buildBlock(order, first.orderNo, guid, blockCtx)),
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
  const blocks: { element: string; ref: CebDocumentRef }[] = [];
  for (const order of orders) {
    for (const part of splitOrderLines(order)) {
      const guid = cebGuid(ctx.newId);
      blocks.push({
        element: serialiseCebBlock(buildBlock(part, guid, blockCtx)),
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
