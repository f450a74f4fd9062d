/**
 * TabbedPage: a wide page with its header and a row of hash-routed tabs above the current
 * tab's content, as the stock, settlement and customs pages are built. The page's test id is
 * `page-<page>` and its class `<page>-page`.
 */
import type { ReactNode } from 'react';
import { HashTabs, type HashTabsProps } from './HashTabs.tsx';
import { PageHeader } from './PageHeader.tsx';

export interface TabbedPageProps<T extends string> extends HashTabsProps<T> {
  readonly title: string;
  readonly description: string;
  /** The current tab's content. */
  readonly children: ReactNode;
}

export function TabbedPage<T extends string>({ title, description, children, ...tabs }: TabbedPageProps<T>) {
  return (
    <div className={`page page-wide ${tabs.page}-page`} data-testid={`page-${tabs.page}`}>
      <PageHeader title={title} description={description} />
      <HashTabs {...tabs} />
      {children}
    </div>
  );
}
