/**
 * Strings of the sync / practice-platform area, in the three languages. zh-CN is the source;
 * zh-TW and en are typed against it. `ui` keys are spread at the top level of each locale
 * (they must not reuse an existing top-level key such as `sync` or `pages`; use e.g.
 * `syncCenter`, `practice`); `errors` keys are spread into `errors` (new first segments of
 * the error codes, e.g. `outbox`, `transport`, `signer`, `practice`).
 */
import type { DeepStringShape } from '../../translation.ts';

export const syncZhCN = {
  ui: {
  },
  errors: {
  },
} as const;

export const syncZhTW = {
  ui: {
  },
  errors: {
  },
} as const satisfies DeepStringShape<typeof syncZhCN>;

export const syncEn = {
  ui: {
  },
  errors: {
  },
} as const satisfies DeepStringShape<typeof syncZhCN>;
