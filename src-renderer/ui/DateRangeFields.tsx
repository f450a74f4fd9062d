/**
 * DateRangeFields: a from–to pair of date inputs in a toolbar row (order dates, a customs period).
 * Each end bounds the other's picker, so the range cannot be picked backwards; an emptied end is
 * passed on as ''.
 */
import { ToolbarField } from './ToolbarField.tsx';

export interface DateRangeFieldsProps {
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly from: string;
  readonly to: string;
  /** The test ids of the from and to inputs. */
  readonly testIds: readonly [from: string, to: string];
  readonly onFromChange: (iso: string) => void;
  readonly onToChange: (iso: string) => void;
}

export function DateRangeFields({
  fromLabel,
  toLabel,
  from,
  to,
  testIds,
  onFromChange,
  onToChange,
}: DateRangeFieldsProps) {
  const ends = [
    { label: fromLabel, testId: testIds[0], value: from, onChange: onFromChange, max: to || undefined },
    { label: toLabel, testId: testIds[1], value: to, onChange: onToChange, min: from || undefined },
  ];
  return (
    <>
      {ends.map(({ label, testId, onChange, ...input }) => (
        <ToolbarField key={testId} label={label}>
          <input
            className="input input-compact"
            type="date"
            data-testid={testId}
            {...input}
            onChange={(e) => onChange(e.target.value)}
          />
        </ToolbarField>
      ))}
    </>
  );
}
