/**
 * Strings of the customs area (CEB messages, 三单 pre-check, document statuses), in the three languages. zh-CN is the
 * source; zh-TW and en are typed against it. `ui` keys are spread at the top level of each
 * locale (they must not reuse an existing top-level key such as `sync` or `pages`; use e.g.
 * `customsDesk`, `syncCenter`); `errors` keys are spread into `errors` (new first segments,
 * e.g. `ceb`, `precheck`, `outbox`, `practice`); `customsErrors` are merged into the existing
 * `errors.customs` (codes `customs.<key>…`).
 */
import type { DeepStringShape } from '../../translation.ts';

export const customsZhCN = {
  ui: {
  },
  errors: {
  },
  customsErrors: {
  },
} as const;

export const customsZhTW = {
  ui: {
  },
  errors: {
  },
  customsErrors: {
  },
} as const satisfies DeepStringShape<typeof customsZhCN>;

export const customsEn = {
  ui: {
  },
  errors: {
  },
  customsErrors: {
  },
} as const satisfies DeepStringShape<typeof customsZhCN>;
