/**
 * useForm: a form's text values by field key, with their per-field error codes
 * (`useFieldErrors`): `set` changes one value and clears that field's code. Given the form's
 * field naming (name and test-id prefixes, the label of a key), `FormFields` and `FormPanel`
 * render fields bound to it without repeating it.
 */
import { useCallback, useMemo, useState } from 'react';
import { useFieldErrors, type FieldErrors } from './use-field-errors.ts';

/** How a form's fields are named: `<names>-<key>` (or the key), test ids `<testIds>-<key>`, labels `label(key)`. */
export interface FieldNaming<K extends string> {
  readonly names?: string;
  readonly testIds: string;
  // A method (not a function-typed property), so a form over a narrower key union fits.
  label(key: K): string;
}

/** A form over value keys `K`, its fields (value keys and choices kept elsewhere) named over `F`. */
export interface Form<K extends string, F extends string = K> extends FieldErrors {
  readonly values: Readonly<Record<K, string>>;
  /** Sets one value and clears its field's code. */
  readonly set: (key: K, value: string) => void;
  /** Sets several values (after a save: empties the fields for the next entry). */
  readonly patch: (values: Partial<Record<K, string>>) => void;
  readonly naming?: FieldNaming<F>;
}

export function useForm<K extends string, F extends string = K>(
  initial: Record<K, string> | (() => Record<K, string>),
  naming?: FieldNaming<F>,
): Form<K, F> {
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
  const form = useMemo(() => ({ ...errors, values, set, patch }), [errors, values, set, patch]);
  // The naming's label is a closure over the current translation, so it is taken fresh each render.
  return naming ? { ...form, naming } : form;
}
