/**
 * Types an area's handlers from its own contract slice, so an area needs nothing from `api/`:
 * `AreaHandlers<typeof ordersContract>` requires one handler per command of the slice, each
 * taking the parsed (zod output) input and returning the command's result.
 */
import type { z } from 'zod';

export interface CommandSpec {
  readonly input: z.ZodType;
  readonly result: unknown;
  readonly mutates: boolean;
  readonly maxBodyBytes?: number;
}
export type ContractSlice = Readonly<Record<string, CommandSpec>>;

export type InputOf<C extends ContractSlice, K extends keyof C> = z.output<C[K]['input']>;
export type ResultOf<C extends ContractSlice, K extends keyof C> = C[K]['result'];

export type AreaHandlers<C extends ContractSlice> = {
  readonly [K in keyof C]: (input: InputOf<C, K>) => ResultOf<C, K> | Promise<ResultOf<C, K>>;
};

/**
 * The use cases of some commands of a slice, keyed by command name, so the area's handlers.ts
 * spreads them instead of listing each twice: `AreaService<typeof settlementContract, 'rates.list' | 'rates.save'>`.
 */
export type AreaService<C extends ContractSlice, K extends keyof C> = Pick<AreaHandlers<C>, K>;
