/**
 * The command contract: every command the renderer (or the CLI, or a test) may send,
 * as `'<area>.<verb>'` → zod input schema + result type, and every event the core emits.
 * Both hosts and the renderer are typed from this one file; the renderer may only
 * `import type` from it. Adding a command here without a handler fails to compile.
 */
import { z } from 'zod';
import { PILOT_ZONES, type CompanyProfile } from '../core/company/company-profile.ts';

/** Phantom marker for a command's result type (no runtime value). */
function result<T>(): T {
  return undefined as T;
}

export const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface AppInfo {
  readonly version: string;
  readonly schemaVersion: number;
  readonly dataFile: string;
  readonly host: 'electron' | 'web' | 'cli' | 'test';
}

export interface Settings {
  readonly language: Language;
}

export interface CompanyRecord extends CompanyProfile {
  /** Increments on each save; older versions stay in the file (nothing is overwritten). */
  readonly version: number;
  readonly savedAt: string;
}

export interface SyncStatus {
  readonly state: 'offline' | 'idle' | 'sending' | 'error';
  readonly queued: number;
  readonly failed: number;
}

const empty = z.object({}).strict();
const text = (max: number) => z.string().max(max);

export const companySaveInput = z.object({
  name: text(400),
  uscc: text(64),
  customsCode: text(64),
  dxpId: text(64).nullable().optional(),
  pilotZone: z.enum(PILOT_ZONES),
  baseCurrency: z.literal('CNY'),
}).strict();

export const contract = {
  'app.info': { input: empty, result: result<AppInfo>(), mutates: false },
  'company.get': { input: empty, result: result<CompanyRecord | null>(), mutates: false },
  'company.save': { input: companySaveInput, result: result<CompanyRecord>(), mutates: true },
  'settings.get': { input: empty, result: result<Settings>(), mutates: false },
  'settings.setLanguage': { input: z.object({ language: z.enum(LANGUAGES) }).strict(), result: result<Settings>(), mutates: true },
  'sync.status': { input: empty, result: result<SyncStatus>(), mutates: false },
} as const;

export type Contract = typeof contract;
export type CommandName = keyof Contract;
export type CommandInput<K extends CommandName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CommandName> = z.output<Contract[K]['input']>;
export type CommandResult<K extends CommandName> = Contract[K]['result'];
export const COMMAND_NAMES = Object.keys(contract) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events pushed from the core to every window / browser tab. */
export interface EventMap {
  'ledger.changed': { readonly command: CommandName; readonly at: string };
  'sync.status': SyncStatus;
}
export type EventName = keyof EventMap;
export type AppEvent = { [K in EventName]: { readonly name: K; readonly payload: EventMap[K] } }[EventName];

/** Errors as they cross the boundary. `internal` carries only an incident id; its stack is logged. */
export interface ErrorInfo {
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly fields?: Record<string, string>;
  readonly incidentId?: string;
}
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };

/** What a host exposes to the renderer: one function per command, plus event subscription. */
export type KuajingApi = {
  readonly [K in CommandName]: (input: CommandInput<K>) => Promise<Result<CommandResult<K>>>;
};
export interface KuajingBridge {
  readonly commands: KuajingApi;
  readonly onEvent: (listener: (event: AppEvent) => void) => () => void;
}
