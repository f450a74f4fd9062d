/**
 * useForm: a form's text values by field key, with their per-field error codes
 * (`useFieldErrors`): `set` changes one value and clears that field's code. `FormFields`
 * renders fields bound to it.
 */
import { useCallback, useMemo, useState } from 'react';
import { useFieldErrors, type FieldErrors } from './use-field-errors.ts';

export interface Form<K extends string> extends FieldErrors {
  readonly values: Readonly<Record<K, string>>;
  /** Sets one value and clears its field's code. */
  readonly set: (key: K, value: string) => void;
  /** Sets several values (after a save: empties the fields for the next entry). */
  readonly patch: (values: Partial<Record<K, string>>) => void;
}

export function useForm<K extends string>(initial: Record<K, string> | (() => Record<K, string>)): Form<K> {
  const [values, setValues] = useState<Readonly<Record<K, string>>>(initial);
  const errors = useFieldErrors();
  const { clear } = errors;
  const set = useCallback(
    (key: K, value: string) => {
      setValues((v) => ({ ...v, [key]: value }));
      clear(key);
    },
    [clear],
  );
  const patch = useCallback((next: Partial<Record<K, string>>) => setValues((v) => ({ ...v, ...next })), []);
  return useMemo(() => ({ ...errors, values, set, patch }), [errors, values, set, patch]);
}
