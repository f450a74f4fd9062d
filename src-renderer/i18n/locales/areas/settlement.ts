/**
 * Strings of the forex / settlement area, in the three languages. zh-CN is the source; zh-TW
 * and en are typed against it. `ui` keys are spread at the top level of each locale (they must
 * not reuse a top-level key of the locale files); `errors` keys are spread into `errors`
 * (the first segment of each error code, e.g. `journal`, `rates`, `payouts`, `settlement`).
 */
import type { DeepStringShape } from '../../translation.ts';

export const settlementZhCN = {
  ui: {
  },
  errors: {
  },
} as const;

export const settlementZhTW = {
  ui: {
  },
  errors: {
  },
} as const satisfies DeepStringShape<typeof settlementZhCN>;

export const settlementEn = {
  ui: {
  },
  errors: {
  },
} as const satisfies DeepStringShape<typeof settlementZhCN>;
