/**
 * What the Training page's lessons and the lesson panel beside every screen share (issue 18 point 2):
 * the language of the lesson texts, a check's reason as a sentence, and the areas whose changes can
 * tick a step (a step can be done on any screen, so its check is read again after any change).
 */
import type { Area } from '../../app/use-query.ts';
import { zhCN } from '../../i18n/locales/zh-CN.ts';

type LooseT = (key: string, options?: Record<string, unknown>) => string;
const REASONS = zhCN.trainingScreen.reasons;

/** A check's reason (`training.check.<r>`) as the text `trainingScreen.reasons.<r>`; one without a text says the step is not checked. */
export function reasonText(t: unknown, code: string, params: Readonly<Record<string, string | number>>): string {
  const r = code.replace(/^training\.check\./, '');
  const known = Object.hasOwn(REASONS, r) ? r : 'notChecked';
  return (t as LooseT)(`trainingScreen.reasons.${known}`, { ...params });
}

export type Language = 'zh-CN' | 'zh-TW' | 'en';
export const languageOf = (l: string): Language => (l === 'zh-TW' ? 'zh-TW' : l.startsWith('en') ? 'en' : 'zh-CN');

/** A lesson step can be done on any screen: its check is read again after any change. */
export const EVERY_AREA: Area[] = [
  'company',
  'shops',
  'orders',
  'statuses',
  'imports',
  'customs',
  'sync',
  'training',
  'stock',
  'settlement',
  'payouts',
  'journal',
  'rates',
];
