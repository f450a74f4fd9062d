/**
 * The display languages the product ships, mirroring `LANGUAGES` in the command contract
 * (copied here because the renderer may only `import type` from src-main; the checks below
 * fail to compile if the two lists drift). Names are endonyms, shown the same in every locale.
 */
import type { Language } from '../../src-main/api/contract.ts';

export type { Language };

export const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const satisfies readonly Language[];

/** Compile-time proof that every contract language is listed above. */
type MissingLanguage = Exclude<Language, (typeof LANGUAGES)[number]>;
const everyLanguageListed: [MissingLanguage] extends [never] ? true : never = true;
void everyLanguageListed;

export const LANGUAGE_ENDONYMS: Readonly<Record<Language, string>> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  en: 'English',
};

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
