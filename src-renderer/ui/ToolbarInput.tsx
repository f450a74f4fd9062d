/**
 * ToolbarInput: a labelled compact text input in a toolbar row (a search box, a country code):
 * a ToolbarField around an `input-compact` `<input>`; `onChange` gets the new text and the
 * input's other attributes (`type`, `maxLength`, `placeholder` …) pass through.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { ToolbarField, type ToolbarFieldProps } from './ToolbarField.tsx';

export interface ToolbarInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  readonly label: ReactNode;
  readonly testId: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** `toolbar-search` for a search box that takes the row's spare width. */
  readonly variant?: ToolbarFieldProps['variant'];
}

export function ToolbarInput({
  label,
  testId,
  onChange,
  variant,
  className = 'input input-compact',
  ...input
}: ToolbarInputProps) {
  return (
    <ToolbarField label={label} variant={variant}>
      <input className={className} data-testid={testId} {...input} onChange={(e) => onChange(e.target.value)} />
    </ToolbarField>
  );
}
