/**
 * `Translation`: the deep string shape of the zh-CN resource. Every other locale is
 * declared `satisfies Translation`, so a missing key, an extra key or a non-string leaf
 * fails to compile; the values themselves are free text.
 */
import type { zhCN } from './locales/zh-CN.ts';

export type DeepStringShape<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : DeepStringShape<T[K]>;
};

export type Translation = DeepStringShape<typeof zhCN>;
