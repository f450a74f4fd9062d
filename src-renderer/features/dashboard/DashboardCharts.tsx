/**
 * The dashboard's chart panels on recharts: a bar chart whose bars drill (click) and a pie whose
 * slices drill, both with a tooltip that prints the exact figure the caller formatted. Animations
 * are off: the figures are read, not watched.
 */
import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export interface ChartItem {
  readonly key: string;
  readonly label: string;
  /** The bar's length or the slice's size (chart geometry only). */
  readonly value: number;
  /** The exact figure(s), as printed in the tooltip. */
  readonly detail: string;
  readonly drill?: (() => void) | undefined;
}

export const CHART_COLOURS = ['#2f6fb3', '#e08a2c', '#3c9a5f', '#b5453a', '#7a5bb0', '#2a9aa0', '#a0792a', '#6b7280'];

function ItemTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const item = payload?.[0]?.payload as ChartItem | undefined;
  if (!active || !item) return null;
  return (
    <div className="dashboard-tooltip" translate="no">
      <strong>{item.label}</strong>
      <div>{item.detail}</div>
    </div>
  );
}

const onItem = (items: readonly ChartItem[]) => (_: unknown, index: number) => items[index]?.drill?.();

export function BarPanel({
  items,
  horizontal = false,
  height = 240,
  tick,
  testId,
}: {
  readonly items: readonly ChartItem[];
  /** Bars lying down (long labels: countries, SKUs). */
  readonly horizontal?: boolean;
  readonly height?: number;
  /** Axis numbers. */
  readonly tick: (n: number) => string;
  readonly testId: string;
}) {
  const data = items.map((i) => ({ ...i }));
  // the same tooltip and bars in either orientation
  const tooltip = <Tooltip content={<ItemTooltip />} cursor={{ fillOpacity: 0.08 }} />;
  const bar = (
    <Bar dataKey="value" fill={CHART_COLOURS[0]} isAnimationActive={false} onClick={onItem(items)} cursor="pointer" />
  );
  return (
    <div className="dashboard-chart" data-testid={testId} translate="no">
      <ResponsiveContainer width="100%" height={height}>
        {horizontal ? (
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={tick} fontSize={12} />
            <YAxis type="category" dataKey="label" width={120} fontSize={12} interval={0} />
            {tooltip}
            {bar}
          </BarChart>
        ) : (
          <BarChart data={data} margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" fontSize={12} interval="preserveStartEnd" />
            <YAxis tickFormatter={tick} fontSize={12} width={72} />
            {tooltip}
            {bar}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}

export function PiePanel({ items, testId }: { readonly items: readonly ChartItem[]; readonly testId: string }) {
  const data = items.map((i) => ({ ...i }));
  return (
    <div className="dashboard-chart" data-testid={testId} translate="no">
      <ResponsiveContainer width="100%" height={200}>
        <PieChart>
          <Pie
            data={data}
            dataKey="value"
            nameKey="label"
            innerRadius={45}
            outerRadius={80}
            isAnimationActive={false}
            onClick={onItem(items)}
            cursor="pointer"
          >
            {data.map((d, i) => (
              <Cell key={d.key} fill={CHART_COLOURS[i % CHART_COLOURS.length]} />
            ))}
          </Pie>
          <Tooltip content={<ItemTooltip />} />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}

/** A compact table under a chart: each row drills like its bar (keyboard and screen readers too). */
export function DrillTable({
  head,
  rows,
  testId,
}: {
  readonly head: readonly string[];
  readonly rows: ReadonlyArray<{
    readonly key: string;
    readonly cells: readonly ReactNode[];
    readonly drill?: (() => void) | undefined;
  }>;
  readonly testId: string;
}) {
  return (
    <table className="table dashboard-table" data-testid={testId}>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={h} className={i === 0 ? undefined : 'num'}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid={`${testId}-${r.key}`}>
            {r.cells.map((c, i) =>
              i === 0 ? (
                <td key={i}>
                  {r.drill ? (
                    <button type="button" className="dashboard-link" onClick={r.drill}>
                      {c}
                    </button>
                  ) : (
                    c
                  )}
                </td>
              ) : (
                <td key={i} className="num" translate="no">
                  {c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
