/**
 * The order selection of the build tab (date range, customs modes, orders picked on the
 * Orders page, listed order numbers) as the `orderSelection` input of `customs.precheck` /
 * `customs.build`. Order numbers are resolved to ids with `orders.list` (exact match on the
 * number); orders picked on the Orders page arrive as ids in the hash
 * (`#/customs/build?orders=1,2,3`, see buildHashPath).
 */
import type { CommandInput, CommandResult, ErrorInfo, Result } from '../../../src-main/api/contract.ts';
import type { BUILD_MODES } from './vocabulary.ts';

export type Selection = CommandInput<'customs.precheck'>;
export type BuildMode = (typeof BUILD_MODES)[number];

export interface SelectionForm {
  readonly from: string;
  readonly to: string;
  readonly modes: readonly BuildMode[];
  /** Order numbers, one per line or separated by spaces / commas. */
  readonly orderNos: string;
  /** Orders picked on the Orders page (ids). */
  readonly orderIds: readonly number[];
}

/** The customs build tab's hash path for orders picked on the Orders page. */
export function buildHashPath(orderIds: Iterable<number>): string {
  const ids = [...orderIds];
  return ids.length === 0 ? 'build' : `build?orders=${ids.join(',')}`;
}

/** The order ids of a build-tab query (`orders=1,2,3`); anything else is ignored. */
export function orderIdsOfQuery(query: string): number[] {
  const list = new URLSearchParams(query).get('orders') ?? '';
  return [
    ...new Set(
      list
        .split(',')
        .filter((s) => /^[1-9]\d{0,15}$/.test(s))
        .map(Number),
    ),
  ];
}

export const MAX_LISTED_ORDERS = 500;

export function splitOrderNos(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;，；]+/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

export type SelectionOutcome =
  | { readonly ok: true; readonly selection: Selection }
  | { readonly ok: false; readonly error: ErrorInfo }
  /** A listed number matches no order, or more than MAX_LISTED_ORDERS were listed. */
  | { readonly ok: false; readonly unknownOrderNo?: string; readonly tooMany?: true };

/** Looks orders up by number (`orders.list` run through `useMutation`). */
export type FindOrders = (input: CommandInput<'orders.list'>) => Promise<Result<CommandResult<'orders.list'>>>;

export async function resolveSelection(form: SelectionForm, findOrders: FindOrders): Promise<SelectionOutcome> {
  const base: { -readonly [K in keyof Selection]: Selection[K] } = {};
  if (form.from !== '') base.from = form.from;
  if (form.to !== '') base.to = form.to;
  if (form.modes.length > 0) base.modes = [...form.modes];
  const numbers = splitOrderNos(form.orderNos);
  const picked = [...form.orderIds];
  if (numbers.length === 0) return { ok: true, selection: picked.length > 0 ? { ...base, orderIds: picked } : base };
  if (numbers.length > MAX_LISTED_ORDERS) return { ok: false, tooMany: true };
  const ids: number[] = picked;
  for (const orderNo of numbers) {
    const found = await findOrders({ filter: { q: orderNo }, limit: 20 });
    if (!found.ok) return found;
    const match = found.value.items.find((o) => o.orderNo === orderNo);
    if (!match) return { ok: false, unknownOrderNo: orderNo };
    ids.push(match.id);
  }
  return { ok: true, selection: { ...base, orderIds: [...new Set(ids)] } };
}
