/**
 * Field: label, control, help text and the translated error for one form field. The control
 * is rendered by `children(a11y)` so it gets the id, `aria-invalid` and `aria-describedby`
 * that tie it to the help and error texts. The error element is `field-error-<name>`.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateError } from '../i18n/translate-error.ts';

export interface FieldControlProps {
  readonly id: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby': string | undefined;
}

export interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly help?: string;
  readonly optional?: boolean;
  /** An error code (`company.uscc.checkDigit`), translated here; null when the field is fine. */
  readonly errorCode?: string | null;
  readonly children: (control: FieldControlProps) => ReactNode;
}

export function Field({ name, label, help, optional = false, errorCode = null, children }: FieldProps) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  const helpId = help ? `${id}-help` : undefined;
  const errorId = errorCode ? `${id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={errorCode ? 'field field-invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
        {optional ? <span className="field-optional">{t('common.optional')}</span> : null}
      </label>
      {children({ id, 'aria-invalid': errorCode !== null, 'aria-describedby': describedBy })}
      {errorCode ? (
        <div className="field-error" id={errorId} role="alert" data-testid={`field-error-${name}`}>
          {translateError(t, errorCode)}
        </div>
      ) : null}
      {help ? (
        <div className="field-help" id={helpId}>
          {help}
        </div>
      ) : null}
    </div>
  );
}
