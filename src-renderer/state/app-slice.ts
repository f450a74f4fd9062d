/**
 * App slice: the current page and the place inside it, and the error banner — view state only.
 * What the host knows (company, settings, sync status…) is read with `useQuery` (app/use-query.ts).
 */
import type { StateCreator } from 'zustand';
import type { ErrorInfo } from '../../src-main/api/contract.ts';
import { currentHashLocation, type FeatureId } from './routes.ts';
import type { AppStore } from './store.ts';

export interface AppSlice {
  readonly route: FeatureId;
  /** The place inside the page (`123`, `import`, `123/edit` on the orders page); '' = the page itself. */
  readonly routePath: string;
  readonly banner: ErrorInfo | null;
  readonly navigate: (route: FeatureId, path?: string) => void;
  readonly showError: (error: ErrorInfo) => void;
  readonly dismissError: () => void;
}

export function initialAppState(): Pick<AppSlice, 'route' | 'routePath' | 'banner'> {
  const location = currentHashLocation();
  return { route: location.route, routePath: location.path, banner: null };
}

export const createAppSlice: StateCreator<AppStore, [], [], AppSlice> = (set) => ({
  ...initialAppState(),
  navigate: (route, path = '') => set({ route, routePath: path }),
  showError: (error) => set({ banner: error }),
  dismissError: () => set({ banner: null }),
});
