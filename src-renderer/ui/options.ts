/**
 * optionsOf: the options of a `Select` for the values of a list (a vocabulary, a few fixed codes),
 * each labelled by `label(value)` — usually its translation: `optionsOf(CUSTOMS_MODES, (m) =>
 * t(`orders.customsModes.${m}`))`.
 */
import type { SelectOption } from './Select.tsx';

export function optionsOf<T extends string>(values: readonly T[], label: (value: T) => string): SelectOption[] {
  return values.map((value) => ({ value, label: label(value) }));
}
