/**
 * ToolbarSelect: a labelled compact select in a toolbar row (a filter, a file format, a year): a
 * ToolbarField around a `select-compact` Select; the select's own props (value, options,
 * placeholder, disabled, onChange …) pass through.
 */
import type { ReactNode } from 'react';
import { Select, type SelectProps } from './Select.tsx';
import { ToolbarField } from './ToolbarField.tsx';

export interface ToolbarSelectProps extends Omit<SelectProps, 'className'> {
  readonly label: ReactNode;
  readonly testId: string;
}

export function ToolbarSelect({ label, testId, ...select }: ToolbarSelectProps) {
  return (
    <ToolbarField label={label}>
      <Select className="select-compact" data-testid={testId} {...select} />
    </ToolbarField>
  );
}
