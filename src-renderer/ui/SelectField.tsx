/**
 * SelectField: a form field (`Field`: label, help, translated error) around one `Select`.
 * `onChange` gets the chosen option's value.
 */
import { Field, type FieldProps } from './Field.tsx';
import { Select, type SelectOption } from './Select.tsx';

export interface SelectFieldProps extends Omit<FieldProps, 'children'> {
  /** The select's test id. */
  readonly testId: string;
  readonly value: string;
  readonly options: readonly SelectOption[];
  readonly placeholder?: string;
  readonly disabled?: boolean;
  readonly onChange: (value: string) => void;
}

export function SelectField({ name, label, help, optional, errorCode, testId, onChange, ...select }: SelectFieldProps) {
  return (
    <Field name={name} label={label} help={help} optional={optional} errorCode={errorCode}>
      {(control) => <Select {...control} {...select} data-testid={testId} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
