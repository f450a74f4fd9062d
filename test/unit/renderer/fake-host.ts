/**
 * A test double for the Electron preload bridge (`window.kuajing`): implements KuajingBridge
 * with an in-memory company, settings and sync status, records every call, lets a test
 * override any command's answer, and pushes events to the renderer's listeners.
 */
import type {
  AppEvent,
  CommandInput,
  CommandName,
  CommandResult,
  CompanyRecord,
  KuajingApi,
  KuajingBridge,
  Result,
  Settings,
  SyncStatus,
} from '../../../src-main/api/contract.ts';

export interface RecordedCall {
  readonly name: CommandName;
  readonly input: unknown;
}

export interface FakeHostState {
  company: CompanyRecord | null;
  settings: Settings;
  sync: SyncStatus;
}

type Override<K extends CommandName> = (input: CommandInput<K>) => Result<CommandResult<K>> | Promise<Result<CommandResult<K>>>;
export type Overrides = { [K in CommandName]?: Override<K> };

export interface FakeHost {
  readonly bridge: KuajingBridge;
  readonly calls: RecordedCall[];
  readonly state: FakeHostState;
  readonly overrides: Overrides;
  emit(event: AppEvent): void;
  callsOf(name: CommandName): unknown[];
  uninstall(): void;
}

export const VALID_COMPANY: CompanyRecord = {
  name: '株洲星河跨境贸易有限公司',
  uscc: '91350100M000100Y43',
  customsCode: '4302960ABC',
  dxpId: null,
  pilotZone: 'zhuzhou',
  baseCurrency: 'CNY',
  version: 1,
  savedAt: '2025-03-01T08:00:00.000Z',
};

function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function installFakeHost(initial: Partial<FakeHostState> = {}): FakeHost {
  const state: FakeHostState = {
    company: null,
    settings: { language: 'zh-CN' },
    sync: { state: 'offline', queued: 0, failed: 0 },
    ...initial,
  };
  const calls: RecordedCall[] = [];
  const overrides: Overrides = {};
  const listeners = new Set<(event: AppEvent) => void>();

  const defaults: { [K in CommandName]: Override<K> } = {
    'app.info': () => ok({ version: '0.1.0-test', schemaVersion: 1, dataFile: '/tmp/ledger.sqlite', host: 'test' }),
    'company.get': () => ok(state.company),
    'company.save': (input) => {
      const record: CompanyRecord = {
        name: input.name.trim(),
        uscc: input.uscc.trim().toUpperCase(),
        customsCode: input.customsCode.trim().toUpperCase(),
        dxpId: input.dxpId ? input.dxpId.trim().toUpperCase() : null,
        pilotZone: input.pilotZone,
        baseCurrency: 'CNY',
        version: (state.company?.version ?? 0) + 1,
        savedAt: '2025-03-02T09:30:00.000Z',
      };
      state.company = record;
      return ok(record);
    },
    'settings.get': () => ok(state.settings),
    'settings.setLanguage': (input) => {
      state.settings = { language: input.language };
      return ok(state.settings);
    },
    'sync.status': () => ok(state.sync),
  };

  function command<K extends CommandName>(name: K) {
    return async (input: CommandInput<K>): Promise<Result<CommandResult<K>>> => {
      calls.push({ name, input });
      const handler = (overrides[name] ?? defaults[name]) as Override<K>;
      return handler(input);
    };
  }

  const commands: KuajingApi = {
    'app.info': command('app.info'),
    'company.get': command('company.get'),
    'company.save': command('company.save'),
    'settings.get': command('settings.get'),
    'settings.setLanguage': command('settings.setLanguage'),
    'sync.status': command('sync.status'),
  };

  const bridge: KuajingBridge = {
    commands,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  (window as { kuajing?: KuajingBridge }).kuajing = bridge;

  return {
    bridge,
    calls,
    state,
    overrides,
    emit: (event) => {
      for (const listener of [...listeners]) listener(event);
    },
    callsOf: (name) => calls.filter((c) => c.name === name).map((c) => c.input),
    uninstall: () => {
      delete (window as { kuajing?: KuajingBridge }).kuajing;
    },
  };
}
