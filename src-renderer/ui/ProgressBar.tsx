/**
 * ProgressBar: an accessible progress bar (`role="progressbar"` with aria-valuenow/max and a
 * text for screen readers). With no total yet it is indeterminate: no aria-valuenow.
 */
export interface ProgressBarProps {
  readonly label: string;
  readonly done: number;
  readonly total: number;
  /** What a screen reader says, e.g. "解析 120 / 400 行". */
  readonly valueText: string;
  readonly testId?: string;
}

export function ProgressBar({ label, done, total, valueText, testId }: ProgressBarProps) {
  const known = total > 0;
  const now = known ? Math.min(Math.max(done, 0), total) : undefined;
  const percent = known && now !== undefined ? Math.round((now / total) * 100) : null;
  return (
    <div className="progress" data-testid={testId}>
      <div className="progress-label">
        <span>{label}</span>
        <span className="progress-value" aria-hidden="true">
          {valueText}
        </span>
      </div>
      <div
        className={known ? 'progress-track' : 'progress-track progress-indeterminate'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={now}
        aria-valuetext={valueText}
      >
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
