/**
 * App slice: start-up phase, the company record, settings, app info, the current page and
 * the error banner, with the actions that change them. Everything here is a copy of what
 * the host returned (view state); `refresh()` re-reads it after a `ledger.changed` event.
 */
import type { StateCreator } from 'zustand';
import type {
  AppEvent,
  AppInfo,
  CommandInput,
  CompanyRecord,
  ErrorInfo,
  Result,
  Settings,
} from '../../src-main/api/contract.ts';
import { call } from '../app/core-client.ts';
import { applyLanguage } from '../i18n/index.ts';
import type { Language } from '../i18n/languages.ts';
import { currentHashLocation, type FeatureId } from './routes.ts';
import type { AppStore } from './store.ts';

/** booting → (bootFailed | firstRun | ready); firstRun → ready after the first save. */
export type Phase = 'booting' | 'bootFailed' | 'firstRun' | 'ready';

export interface AppSlice {
  readonly phase: Phase;
  readonly bootError: ErrorInfo | null;
  readonly company: CompanyRecord | null;
  readonly settings: Settings | null;
  readonly appInfo: AppInfo | null;
  readonly route: FeatureId;
  /** The place inside the page (`123`, `import`, `123/edit` on the orders page); '' = the page itself. */
  readonly routePath: string;
  readonly banner: ErrorInfo | null;
  readonly boot: () => Promise<void>;
  readonly refresh: () => Promise<void>;
  readonly saveCompany: (input: CommandInput<'company.save'>) => Promise<Result<CompanyRecord>>;
  readonly setLanguage: (language: Language) => Promise<void>;
  readonly navigate: (route: FeatureId, path?: string) => void;
  readonly showError: (error: ErrorInfo) => void;
  readonly dismissError: () => void;
  readonly handleEvent: (event: AppEvent) => void;
}

export function initialAppState(): Pick<AppSlice, 'phase' | 'bootError' | 'company' | 'settings' | 'appInfo' | 'route' | 'routePath' | 'banner'> {
  const location = currentHashLocation();
  return {
    phase: 'booting',
    bootError: null,
    company: null,
    settings: null,
    appInfo: null,
    route: location.route,
    routePath: location.path,
    banner: null,
  };
}

export const createAppSlice: StateCreator<AppStore, [], [], AppSlice> = (set, get) => ({
  ...initialAppState(),

  boot: async () => {
    set({ phase: 'booting', bootError: null });
    const settings = await call('settings.get', {});
    if (!settings.ok) {
      set({ phase: 'bootFailed', bootError: settings.error });
      return;
    }
    await applyLanguage(settings.value.language);
    set({ settings: settings.value });
    const company = await call('company.get', {});
    if (!company.ok) {
      set({ phase: 'bootFailed', bootError: company.error });
      return;
    }
    set({ company: company.value, phase: company.value ? 'ready' : 'firstRun' });
    // Neither is needed to show the first screen; both fill in when they arrive.
    void get().refreshSync();
    void call('app.info', {}).then((info) => {
      if (info.ok) set({ appInfo: info.value });
    });
  },

  refresh: async () => {
    const [settings, company] = await Promise.all([call('settings.get', {}), call('company.get', {})]);
    if (settings.ok) {
      if (settings.value.language !== get().settings?.language) await applyLanguage(settings.value.language);
      set({ settings: settings.value });
    }
    if (company.ok) {
      const phase = get().phase;
      set({ company: company.value, phase: phase === 'firstRun' && company.value ? 'ready' : phase });
    }
    const failed = !settings.ok ? settings.error : !company.ok ? company.error : null;
    if (failed) set({ banner: failed });
    await get().refreshSync();
  },

  saveCompany: async (input) => {
    const result = await call('company.save', input);
    if (result.ok) set({ company: result.value, phase: 'ready' });
    return result;
  },

  setLanguage: async (language) => {
    const result = await call('settings.setLanguage', { language });
    if (!result.ok) {
      set({ banner: result.error });
      return;
    }
    await applyLanguage(result.value.language);
    set({ settings: result.value });
  },

  navigate: (route, path = '') => set({ route, routePath: path }),
  showError: (error) => set({ banner: error }),
  dismissError: () => set({ banner: null }),

  handleEvent: (event) => {
    switch (event.name) {
      case 'sync.status':
        get().applySyncStatus(event.payload);
        break;
      case 'ledger.changed': {
        const phase = get().phase;
        if (phase === 'ready' || phase === 'firstRun') void get().refresh();
        if (phase === 'ready') {
          get().ordersLedgerChanged();
          get().stockLedgerChanged();
        }
        break;
      }
      case 'import.progress':
        get().applyImportProgress(event.payload);
        break;
    }
  },
});
