/**
 * An order of more than 100 lines becomes several parts of ≤ 100 lines, each its own CEB303
 * order and CEB603 list: part k of n gets orderNo/copNo suffixed '-k' (only when n > 1), line
 * numbers restart at 1, freight and the gross-weight surplus go to part 1. Both builders use
 * this one function so order and list always agree (三单 keys). Suffixing is a derived rule.
 */
import { DomainError } from '../domain-error.ts';
import type { CebLineInput, CebOrderInput } from './ceb-input.ts';
import { CEB_MAX_LINES, splitIntoMessages } from './split-into-messages.ts';

export interface CebOrderPart {
  readonly source: CebOrderInput;
  readonly orderNo: string;
  readonly copNo: string;
  readonly part: number;
  readonly parts: number;
  readonly lines: readonly CebLineInput[];
  /** Freight of this part (all on part 1). */
  readonly freight: number;
  /** Part 1 carries the freight and any gross weight above the lines' net weight. */
  readonly isFirst: boolean;
}

export function splitOrderLines(order: CebOrderInput): CebOrderPart[] {
  if (order.lines.length === 0)
    throw new DomainError('customs.field.required', { field: 'OrderList', orderNo: order.orderNo });
  const batches = splitIntoMessages(order.lines, CEB_MAX_LINES);
  const parts = batches.length;
  const copNo = order.copNo ?? order.orderNo;
  return batches.map((lines, i) => ({
    source: order,
    orderNo: parts === 1 ? order.orderNo : `${order.orderNo}-${i + 1}`,
    copNo: parts === 1 ? copNo : `${copNo}-${i + 1}`,
    part: i + 1,
    parts,
    lines,
    freight: i === 0 ? (order.freight ?? 0) : 0,
    isFirst: i === 0,
  }));
}
