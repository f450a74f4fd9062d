/**
 * The pages of the app shell, in navigation order, and their URL-hash form (`#/orders`,
 * with an optional sub-path inside the page: `#/orders/123`, `#/orders/import`).
 * The selected page lives in the hash so a reload (or the web host's redirect to `/`)
 * lands on a known page; an unknown or empty hash means the first page.
 */
export const FEATURES = [
  'dashboard',
  'orders',
  'stock',
  'settlement',
  'customs',
  'sync',
  'reports',
  'training',
  'settings',
] as const;
export type FeatureId = (typeof FEATURES)[number];

/** The first screen after setup: the dashboard (issue 17 point 4). */
export const DEFAULT_ROUTE: FeatureId = 'dashboard';

export interface HashLocation {
  readonly route: FeatureId;
  /** What follows the page in the hash, without slashes at either end ('' = the page itself). */
  readonly path: string;
}

export function isFeatureId(value: string): value is FeatureId {
  return (FEATURES as readonly string[]).includes(value);
}

/** `#/orders/123/edit` → { route: 'orders', path: '123/edit' }; `#orders/1` is read the same. */
export function parseHash(hash: string): HashLocation {
  const [head = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  if (!isFeatureId(head)) return { route: DEFAULT_ROUTE, path: '' };
  return { route: head, path: rest.filter((p) => p !== '').join('/') };
}

export function routeFromHash(hash: string): FeatureId {
  return parseHash(hash).route;
}

export function hashFor(route: FeatureId, path = ''): string {
  return path === '' ? `#/${route}` : `#/${route}/${path}`;
}

export function currentHashLocation(): HashLocation {
  return typeof window === 'undefined' ? { route: DEFAULT_ROUTE, path: '' } : parseHash(window.location.hash);
}

export function currentHashRoute(): FeatureId {
  return currentHashLocation().route;
}
