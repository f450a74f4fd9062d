/**
 * The pages of the app shell, in navigation order, and their URL-hash form (`#/orders`).
 * The selected page lives in the hash so a reload (or the web host's redirect to `/`)
 * lands on a known page; an unknown or empty hash means the first page.
 */
export const FEATURES = [
  'orders', 'stock', 'settlement', 'customs', 'sync', 'reports', 'training', 'settings',
] as const;
export type FeatureId = (typeof FEATURES)[number];

export const DEFAULT_ROUTE: FeatureId = 'orders';

export function isFeatureId(value: string): value is FeatureId {
  return (FEATURES as readonly string[]).includes(value);
}

export function routeFromHash(hash: string): FeatureId {
  const id = hash.replace(/^#\/?/, '');
  return isFeatureId(id) ? id : DEFAULT_ROUTE;
}

export function hashFor(route: FeatureId): string {
  return `#/${route}`;
}

export function currentHashRoute(): FeatureId {
  return typeof window === 'undefined' ? DEFAULT_ROUTE : routeFromHash(window.location.hash);
}
