/**
 * The order selection of the build tab (date range, customs modes, listed order numbers) as
 * the `orderSelection` input of `customs.precheck` / `customs.build`. Order numbers are
 * resolved to ids with `orders.list` (exact match on the number).
 */
import type { CommandInput, ErrorInfo } from '../../../src-main/api/contract.ts';
import { call } from '../../app/core-client.ts';
import type { BUILD_MODES } from './vocabulary.ts';

export type Selection = CommandInput<'customs.precheck'>;
export type BuildMode = (typeof BUILD_MODES)[number];

export interface SelectionForm {
  readonly from: string;
  readonly to: string;
  readonly modes: readonly BuildMode[];
  /** Order numbers, one per line or separated by spaces / commas. */
  readonly orderNos: string;
}

export const MAX_LISTED_ORDERS = 500;

export function splitOrderNos(text: string): string[] {
  return [...new Set(text.split(/[\s,;，；]+/).map((s) => s.trim()).filter((s) => s !== ''))];
}

export type SelectionOutcome =
  | { readonly ok: true; readonly selection: Selection }
  | { readonly ok: false; readonly error: ErrorInfo }
  /** A listed number matches no order, or more than MAX_LISTED_ORDERS were listed. */
  | { readonly ok: false; readonly unknownOrderNo?: string; readonly tooMany?: true };

export async function resolveSelection(form: SelectionForm): Promise<SelectionOutcome> {
  const base: { -readonly [K in keyof Selection]: Selection[K] } = {};
  if (form.from !== '') base.from = form.from;
  if (form.to !== '') base.to = form.to;
  if (form.modes.length > 0) base.modes = [...form.modes];
  const numbers = splitOrderNos(form.orderNos);
  if (numbers.length === 0) return { ok: true, selection: base };
  if (numbers.length > MAX_LISTED_ORDERS) return { ok: false, tooMany: true };
  const ids: number[] = [];
  for (const orderNo of numbers) {
    const found = await call('orders.list', { filter: { q: orderNo }, limit: 20 });
    if (!found.ok) return found;
    const match = found.value.items.find((o) => o.orderNo === orderNo);
    if (!match) return { ok: false, unknownOrderNo: orderNo };
    ids.push(match.id);
  }
  return { ok: true, selection: { ...base, orderIds: ids } };
}
