/**
 * Pseudo-locale for tests: every string of the zh-CN shape wrapped in ⟦…⟧ with
 * `{{placeholders}}` kept intact, so a rendered screen can be scanned for text that did not
 * come through `t()` (anything without the brackets is hard-coded or data).
 */
import type { DeepStringShape, Translation } from './translation.ts';
import { zhCN } from './locales/zh-CN.ts';

/** A valid BCP 47 tag (the Android pseudo-locale), so Intl formatters accept it. */
export const PSEUDO_LANGUAGE = 'en-XA';

function pseudoTree<T>(node: T): DeepStringShape<T> {
  if (typeof node === 'string') return `⟦${node}⟧` as unknown as DeepStringShape<T>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) out[key] = pseudoTree(value);
  return out as DeepStringShape<T>;
}

export function pseudoLocale(): Translation {
  return pseudoTree(zhCN);
}
