/**
 * ToolbarSelect: a labelled compact select in a toolbar row (a filter, a file format, a year): a
 * ToolbarField around a `select-compact` Select; the select's own props (value, options,
 * placeholder, disabled, onChange …) pass through. A filter names its "no filter" choice with
 * `all`: a first option whose value is ''.
 */
import type { ReactNode } from 'react';
import { Select, type SelectProps } from './Select.tsx';
import { ToolbarField } from './ToolbarField.tsx';

export interface ToolbarSelectProps extends Omit<SelectProps, 'className'> {
  readonly label: ReactNode;
  readonly testId: string;
  /** The text of a first option, value '', that means "no filter" (all shops, all statuses …). */
  readonly all?: string;
}

export function ToolbarSelect({ label, testId, all, options, ...select }: ToolbarSelectProps) {
  return (
    <ToolbarField label={label}>
      <Select
        className="select-compact"
        data-testid={testId}
        options={all === undefined ? options : [{ value: '', label: all }, ...options]}
        {...select}
      />
    </ToolbarField>
  );
}
