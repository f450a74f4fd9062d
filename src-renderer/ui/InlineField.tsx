/**
 * InlineSelect / InlineInput: a control with its label beside it (a `field-label` pointing at the
 * control), as a toolbar or a settings row shows one. The control's id is also its test id.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { Select, type SelectProps } from './Select.tsx';

export interface InlineSelectProps extends Omit<SelectProps, 'id'> {
  /** The control's id and test id. */
  readonly id: string;
  readonly label: ReactNode;
}

export function InlineSelect({ id, label, ...select }: InlineSelectProps) {
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <Select id={id} data-testid={id} {...select} />
    </>
  );
}

export interface InlineInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> {
  /** The control's id and test id. */
  readonly id: string;
  readonly label: ReactNode;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

export function InlineInput({ id, label, onChange, className = 'input input-compact', ...input }: InlineInputProps) {
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className={className} data-testid={id} {...input} onChange={(e) => onChange(e.target.value)} />
    </>
  );
}
