/**
 * useFieldErrors: a form's per-field error codes (keyed by the command input's field name, as
 * the host's `ErrorInfo.fields` are) — the codes the form finds itself before sending, or the
 * ones the host sent back. `Field`/`TextField` show `of(key)`; editing a field `clear`s its code.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ErrorInfo } from '../../src-main/api/contract.ts';

export interface FieldErrors {
  /** The code shown at a field, or null. */
  readonly of: (key: string) => string | null;
  readonly clear: (key: string) => void;
  /** A change handler that sets the new value and clears the field's code. */
  readonly onEdit: <V>(key: string, set: (value: V) => void) => (value: V) => void;
  /** Shows the form's own codes (none clears them); true when there are any, so the form is not sent. */
  readonly refuse: (codes: Readonly<Record<string, string>>) => boolean;
  /** Shows the per-field codes of an error from the host. */
  readonly show: (error: ErrorInfo) => void;
  /** Clears every code (the form changed shape). */
  readonly reset: () => void;
}

export function useFieldErrors(): FieldErrors {
  const [codes, setCodes] = useState<Readonly<Record<string, string>>>({});
  const clear = useCallback((key: string) => setCodes(({ [key]: _cleared, ...rest }) => rest), []);
  return useMemo(
    () => ({
      of: (key) => codes[key] ?? null,
      clear,
      onEdit:
        <V>(key: string, set: (value: V) => void) =>
        (value: V) => {
          set(value);
          clear(key);
        },
      refuse: (local) => {
        setCodes(local);
        return Object.keys(local).length > 0;
      },
      show: (error) => setCodes(error.fields ?? {}),
      reset: () => setCodes({}),
    }),
    [codes, clear],
  );
}
