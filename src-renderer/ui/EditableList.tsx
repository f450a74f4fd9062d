/**
 * EditableList: a list view's records with their editor (`useEditor`) — the line saying what the
 * last save did, the form on the record being edited (or a new one; a new record gets a new form),
 * then the list (`ListTable`), whose empty state is hidden while the form is open.
 */
import { Fragment, type ReactNode } from 'react';
import { ListTable, type ListTableProps } from './ListTable.tsx';
import { StatusNote } from './StatusNote.tsx';
import type { Editor } from './use-editor.ts';

export interface EditableListProps<T extends { readonly id: number | string }, S> extends Omit<
  ListTableProps<T>,
  'hideEmpty'
> {
  readonly editor: Editor<T, S>;
  /** The saved line's test id and text. */
  readonly saved: { readonly testId: string; readonly text: (saved: S) => ReactNode };
  /** The form on a record, or on a new one (null). */
  readonly form: (record: T | null) => ReactNode;
}

export function EditableList<T extends { readonly id: number | string }, S>({
  editor: { editing, saved: report },
  saved,
  form,
  ...list
}: EditableListProps<T, S>) {
  return (
    <>
      <StatusNote testId={saved.testId}>{report === null ? null : saved.text(report)}</StatusNote>
      {editing === null ? null : (
        <Fragment key={editing === 'new' ? 'new' : editing.id}>{form(editing === 'new' ? null : editing)}</Fragment>
      )}
      <ListTable {...list} hideEmpty={editing !== null} />
    </>
  );
}
