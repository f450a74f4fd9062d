/**
 * DetailList: the facts of one record as label/value rows (`<dl className="facts">`), laid out
 * in columns on a wide screen with `columns`. Each row is a `Detail`; the value cell's other
 * attributes (`className`, `data-testid`, `data-value` …) pass through to its `<dd>`.
 */
import type { HTMLAttributes, ReactNode } from 'react';

export interface DetailListProps extends HTMLAttributes<HTMLElement> {
  readonly columns?: boolean;
  readonly children: ReactNode;
}

export function DetailList({ columns = false, children, ...dl }: DetailListProps) {
  return (
    <dl className={columns ? 'facts facts-columns' : 'facts'} {...dl}>
      {children}
    </dl>
  );
}

export interface DetailProps extends HTMLAttributes<HTMLElement> {
  readonly label: ReactNode;
  readonly children: ReactNode;
}

export function Detail({ label, children, ...dd }: DetailProps) {
  return (
    <>
      <dt>{label}</dt>
      <dd {...dd}>{children}</dd>
    </>
  );
}
