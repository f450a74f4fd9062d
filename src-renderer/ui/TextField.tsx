/**
 * TextField: a form field (`Field`: label, help, translated error) around one text-like
 * `<input>` — text, date, url, search. `onChange` gets the new text; the input's other
 * attributes (`className`, `type`, `inputMode`, `maxLength`, `placeholder` …) pass through.
 */
import type { InputHTMLAttributes } from 'react';
import { Field, type FieldProps } from './Field.tsx';

type InputAttributes = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'name' | 'id' | 'value' | 'onChange' | 'children' | 'aria-invalid' | 'aria-describedby'
>;

export interface TextFieldProps extends Omit<FieldProps, 'children'>, InputAttributes {
  /** The input's test id. */
  readonly testId: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

export function TextField({
  name,
  label,
  help,
  optional,
  errorCode,
  testId,
  value,
  onChange,
  className = 'input',
  ...input
}: TextFieldProps) {
  return (
    <Field name={name} label={label} help={help} optional={optional} errorCode={errorCode}>
      {(control) => (
        <input
          {...control}
          {...input}
          className={className}
          data-testid={testId}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
