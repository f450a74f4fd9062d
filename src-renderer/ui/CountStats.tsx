/**
 * CountStats: an import's counts as a row of stats (rows, new, updated, rejected…), each with
 * its `data-value`; the rejected count is marked when it is not zero.
 */
export interface CountStatsProps<K extends string> {
  readonly counts: readonly (readonly [K, number])[];
  readonly label: (key: K) => string;
  readonly testId: (key: K) => string;
  readonly format: (n: number) => string;
}

export function CountStats<K extends string>({ counts, label, testId, format }: CountStatsProps<K>) {
  return (
    <dl className="stats">
      {counts.map(([key, value]) => (
        <div key={key} className="stat" data-testid={testId(key)} data-value={value}>
          <dt>{label(key)}</dt>
          <dd className={key === 'rejected' && value > 0 ? 'stat-bad' : undefined}>{format(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
