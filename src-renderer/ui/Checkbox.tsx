/**
 * Checkbox: a checkbox with its text in one clickable `checkbox-label`; `onChange` gets the
 * new checked state.
 */
import type { ReactNode } from 'react';

export interface CheckboxProps {
  readonly label: ReactNode;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly testId: string;
  readonly disabled?: boolean;
}

export function Checkbox({ label, checked, onChange, testId, disabled }: CheckboxProps) {
  return (
    <label className="checkbox-label">
      <input
        type="checkbox"
        data-testid={testId}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}
