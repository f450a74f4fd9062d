/**
 * FormPanel: the frame of a form shown as a panel — the `<form>` (no browser validation: the
 * form shows its own translated field errors), its title, an optional line of help, the error
 * banner for what the host refused, then, given `form` and `fields`, the fields in the form
 * grid (`FormFields`, named by the form's naming), what else the caller renders and, given
 * `submit`, the submit row (`SubmitActions`, busy while the command is pending, in the words every
 * form shares — "saving…", "cancel" — unless it names its own). Submitting
 * calls `onSubmit` unless the form is busy sending.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../src-main/api/contract.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { FormFields, type FieldsForm, type FieldSpec } from './FormFields.tsx';
import { SubmitActions, type SubmitActionsProps } from './SubmitActions.tsx';

/** The submit row under a form's fields. */
export interface SubmitRow extends Omit<SubmitActionsProps, 'busy' | 'children'> {
  /** The button text. */
  readonly label: ReactNode;
  /** The button text while the command is pending (default: "saving…"). */
  readonly pendingLabel?: ReactNode;
  /** Busy beyond the command's own pending (default: `sending.pending`). */
  readonly busy?: boolean;
  /** The cancel button's text (default: "cancel"), shown given `onCancel`. */
  readonly cancelLabel?: ReactNode;
}

/** What a form needs of the command it sends. */
export interface Sending {
  readonly pending: boolean;
  readonly error: ErrorInfo | null;
  readonly clearError: () => void;
}

export interface FormPanelProps<K extends string> {
  /** The form's test id. */
  readonly testId: string;
  readonly title?: ReactNode;
  /** The title's heading level: 2 for a form that is the view's main content, 3 inside a view. */
  readonly level?: 2 | 3;
  /** A wide form (two columns of fields on a large screen). */
  readonly wide?: boolean;
  /** Drawn as a notice: the form asks for something another action is waiting on. */
  readonly notice?: boolean;
  /** A line of help under the title. */
  readonly help?: ReactNode;
  /** The command the form sends (a `useMutation` result): its error is shown in a banner until
   * dismissed, and while it is pending, submitting does nothing. */
  readonly sending: Sending;
  /** Shown instead of the command's error (null: no banner, e.g. while another panel handles it). */
  readonly error?: ErrorInfo | null;
  readonly onSubmit: () => unknown;
  /** The form (a `useForm` result with its naming) whose `fields` are drawn in the form grid. */
  readonly form?: FieldsForm;
  readonly fields?: readonly (FieldSpec<K> | false | null)[];
  /** The submit row drawn after the children. */
  readonly submit?: SubmitRow;
  /** Drawn after the fields. */
  readonly children?: ReactNode;
}

export function FormPanel<K extends string>({
  testId,
  title,
  level = 3,
  wide = false,
  notice = false,
  help,
  sending,
  error = sending.error,
  onSubmit,
  form,
  fields,
  submit,
  children,
}: FormPanelProps<K>) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <form
      className={['form', wide ? 'form-wide' : '', 'panel', notice ? 'notice' : ''].filter(Boolean).join(' ')}
      data-testid={testId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!sending.pending) void onSubmit();
      }}
    >
      {title ? <Heading className="panel-title">{title}</Heading> : null}
      {help ? <p className="field-help">{help}</p> : null}
      {error ? <ErrorBanner error={error} onDismiss={sending.clearError} /> : null}
      {form && fields ? (
        <div className="form-grid">
          <FormFields form={form} fields={fields} />
        </div>
      ) : null}
      {children}
      {submit ? <SubmitRowOf row={submit} pending={sending.pending} /> : null}
    </form>
  );
}

function SubmitRowOf({ row, pending }: { readonly row: SubmitRow; readonly pending: boolean }) {
  const { t } = useTranslation();
  const {
    label,
    pendingLabel = t('common.saving'),
    cancelLabel = t('common.cancel'),
    busy = pending,
    ...actions
  } = row;
  return (
    <SubmitActions {...actions} cancelLabel={cancelLabel} busy={busy}>
      {busy ? pendingLabel : label}
    </SubmitActions>
  );
}
