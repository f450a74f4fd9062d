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
import { serialiseCebMessage, type CebElement } from './ceb-xml.ts';
import { splitIntoMessages } from './split-into-messages.ts';
import { splitOrderLines, type CebOrderPart } from './split-order-lines.ts';

export interface BlockContext extends CebBuildContext {
  readonly appTime: string;
}

export type BlockBuilder = (part: CebOrderPart, guid: string, ctx: BlockContext) => CebElement;

export function assembleMessages(
  type: CebMessageType, orders: readonly CebOrderInput[], ctx: CebBuildContext, buildBlock: BlockBuilder,
): CebMessage[] {
  const blockCtx: BlockContext = { ...ctx, appTime: formatAppTime(ctx.clock()) };
  const transfer = baseTransfer(ctx.company);
  const blocks: { element: CebElement; ref: CebDocumentRef }[] = [];
  for (const order of orders) {
    for (const part of splitOrderLines(order)) {
      const guid = cebGuid(ctx.newId);
      blocks.push({
        element: buildBlock(part, guid, blockCtx),
        ref: { guid, orderNo: part.orderNo, copNo: part.copNo, sourceOrderNo: order.orderNo, part: part.part, parts: part.parts },
      });
    }
  }
  return splitIntoMessages(blocks).map((batch) => {
    const guid = cebGuid(ctx.newId);
    return {
      type,
      guid,
      xml: serialiseCebMessage(`${type}Message`, guid, [...batch.map((b) => b.element), transfer]),
      documents: batch.map((b) => b.ref),
    };
  });
}
