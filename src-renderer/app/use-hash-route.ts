/**
 * Keeps the current page (and its sub-path, e.g. an order's id) and the URL hash
 * (`#/orders/123`) in step both ways: choosing a page writes the hash (so reload and
 * back/forward work), and editing the hash or going back selects the page.
 */
import { useEffect } from 'react';
import { hashFor, parseHash } from '../state/routes.ts';
import { useAppStore } from '../state/store.ts';

export function useHashRoute(): void {
  const route = useAppStore((s) => s.route);
  const routePath = useAppStore((s) => s.routePath);
  const navigate = useAppStore((s) => s.navigate);

  useEffect(() => {
    const wanted = hashFor(route, routePath);
    if (window.location.hash !== wanted) window.location.hash = wanted;
  }, [route, routePath]);

  useEffect(() => {
    const onHashChange = () => {
      const { route: next, path } = parseHash(window.location.hash);
      navigate(next, path);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [navigate]);
}
