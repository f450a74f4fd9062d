/**
 * useEditor: the editor of a list view — which record its form edits (`'new'` for a new one,
 * null while no form is open) and what the last save said (shown as a status line until the
 * form opens again). `T` is the record, `S` what a save reports (a sentence, or the saved record).
 */
import { useCallback, useMemo, useState } from 'react';

export interface Editor<T, S> {
  readonly editing: T | 'new' | null;
  readonly saved: S | null;
  /** Opens the form on a record, or on a new one. */
  readonly open: (record: T | 'new') => void;
  /** Opens the form on a new record, or closes it when open (the view's "new" button). */
  readonly toggleNew: () => void;
  readonly close: () => void;
  /** Closes the form after a save, keeping what it reported. */
  readonly done: (saved: S) => void;
}

/** What a list view's record form takes: the record (null: a new one), what a save and a cancel do. */
export interface RecordFormProps<T> {
  readonly record: T | null;
  readonly onSaved: (record: T) => void;
  readonly onCancel?: () => void;
}

export function useEditor<T = never, S = string>(): Editor<T, S> {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [saved, setSaved] = useState<S | null>(null);
  const open = useCallback((record: T | 'new') => {
    setEditing(() => record);
    setSaved(null);
  }, []);
  const toggleNew = useCallback(() => {
    setEditing((e) => (e === null ? 'new' : null));
    setSaved(null);
  }, []);
  const close = useCallback(() => setEditing(null), []);
  const done = useCallback((report: S) => {
    setEditing(null);
    setSaved(() => report);
  }, []);
  return useMemo(
    () => ({ editing, saved, open, toggleNew, close, done }),
    [editing, saved, open, toggleNew, close, done],
  );
}
