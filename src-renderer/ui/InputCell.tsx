/**
 * InputCell: a table cell holding one compact text input, for tables edited in place (a risk
 * list, shops' customs codes). The input is named by its column (`label`, as `aria-label`); an
 * `invalid` value is marked for the eye and for screen readers. `onChange` gets the new text.
 */
import type { InputHTMLAttributes } from 'react';

export interface InputCellProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'className' | 'aria-label'
> {
  /** The column's name, read out for the input. */
  readonly label: string;
  readonly testId: string;
  readonly value: string;
  readonly invalid?: boolean;
  readonly onChange: (value: string) => void;
}

export function InputCell({ label, testId, value, invalid = false, onChange, ...input }: InputCellProps) {
  return (
    <td>
      <input
        className={invalid ? 'input input-compact field-invalid' : 'input input-compact'}
        aria-invalid={invalid ? true : undefined}
        {...input}
        aria-label={label}
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </td>
  );
}
