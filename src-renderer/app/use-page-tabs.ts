/**
 * usePageTabs: what `ui/HashTabs` (and `ui/TabbedPage`) need to route a page's tabs through the
 * URL hash — the link of a tab (`#/<page>/<tab>`) and the navigation when one is picked — so the
 * presentational `ui/` folder never reaches into the store.
 */
import { useCallback } from 'react';
import { hashFor, type FeatureId } from '../state/routes.ts';
import { useAppStore } from '../state/store.ts';

export interface PageTabs {
  readonly hrefOf: (tab: string) => string;
  readonly go: (tab: string) => void;
}

export function usePageTabs(page: FeatureId): PageTabs {
  const navigate = useAppStore((s) => s.navigate);
  const hrefOf = useCallback((tab: string) => hashFor(page, tab), [page]);
  const go = useCallback((tab: string) => navigate(page, tab), [navigate, page]);
  return { hrefOf, go };
}
