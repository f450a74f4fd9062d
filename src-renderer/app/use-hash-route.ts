/**
 * Keeps the current page and the URL hash (`#/settings`) in step both ways: choosing a page
 * writes the hash (so reload and back/forward work), and editing the hash or going back
 * selects the page.
 */
import { useEffect } from 'react';
import { hashFor, routeFromHash } from '../state/routes.ts';
import { useAppStore } from '../state/store.ts';

export function useHashRoute(): void {
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);

  useEffect(() => {
    if (window.location.hash !== hashFor(route)) window.location.hash = hashFor(route);
  }, [route]);

  useEffect(() => {
    const onHashChange = () => navigate(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [navigate]);
}
