/**
 * DateField: a labelled date input for toolbars (as of, from, to); an empty or
 * incomplete value is not passed on, so queries only ever see YYYY-MM-DD.
 */
import { ToolbarField } from './ToolbarField.tsx';

export interface DateFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (iso: string) => void;
  readonly testId: string;
}

export function DateField({ label, value, onChange, testId }: DateFieldProps) {
  return (
    <ToolbarField label={label}>
      <input
        className="input input-compact"
        type="date"
        data-testid={testId}
        value={value}
        onChange={(e) => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) onChange(e.target.value);
        }}
      />
    </ToolbarField>
  );
}
