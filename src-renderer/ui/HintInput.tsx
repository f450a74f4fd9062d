/**
 * HintInput: a compact text input in a row of controls with no label beside it: its hint (the
 * placeholder) is also its accessible name. `onChange` gets the new text; other input attributes
 * (`maxLength`, a `className` such as `input input-compact mono`) pass through.
 */
import type { InputHTMLAttributes } from 'react';

export interface HintInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'placeholder' | 'aria-label'
> {
  readonly hint: string;
  readonly testId: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

export function HintInput({
  hint,
  testId,
  value,
  onChange,
  className = 'input input-compact',
  ...input
}: HintInputProps) {
  return (
    <input
      className={className}
      type="text"
      {...input}
      aria-label={hint}
      placeholder={hint}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
