/**
 * TabbedPage: a wide page with its header and a row of hash-routed tabs above the current
 * tab's content, as the stock, settlement and customs pages are built. The page's test id is
 * `page-<page>`, its class `<page>-page`, a tab's test id `<page>-tab-<tab>`. The texts come
 * from the page's translation keys: `<keys>.title`, `.description`, `.tabsLabel` and
 * `.tabs.<tab>`.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HashTabs, type HashTabsProps } from './HashTabs.tsx';
import { PageHeader } from './PageHeader.tsx';

/** The translation sections of the tabbed pages. */
export type TabbedPageKeys = 'stock' | 'settlement' | 'customsDesk';

export interface TabbedPageProps<T extends string> extends Omit<HashTabsProps<T>, 'label' | 'text' | 'testId'> {
  readonly keys: TabbedPageKeys;
  /** The current tab's content. */
  readonly children: ReactNode;
}

export function TabbedPage<T extends string>({ keys, children, ...tabs }: TabbedPageProps<T>) {
  const { t } = useTranslation();
  // The tab ids are the caller's type, so a tab's key cannot be checked against the locale here.
  const tabText = t as (key: string) => string;
  return (
    <div className={`page page-wide ${tabs.page}-page`} data-testid={`page-${tabs.page}`}>
      <PageHeader title={t(`${keys}.title`)} description={t(`${keys}.description`)} />
      <HashTabs
        {...tabs}
        label={t(`${keys}.tabsLabel`)}
        text={(id) => tabText(`${keys}.tabs.${id}`)}
        testId={(id) => `${tabs.page}-tab-${id}`}
      />
      {children}
    </div>
  );
}
