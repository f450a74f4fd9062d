/**
 * LanguageSwitch: a <select> of 简体中文 / 繁體中文 / English. Choosing one calls
 * `settings.setLanguage`, so the choice is stored in the ledger and survives a restart;
 * the UI switches once the host has accepted it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGE_ENDONYMS, LANGUAGES } from '../../i18n/languages.ts';
import { useAppStore } from '../../state/store.ts';

export interface LanguageSwitchProps {
  readonly testId?: string;
  /** Show the label visibly (settings page) or only to screen readers (top bar). */
  readonly showLabel?: boolean;
  readonly id?: string;
}

export function LanguageSwitch({ testId = 'lang-switch', showLabel = false, id = 'lang-switch' }: LanguageSwitchProps) {
  const { t, i18n } = useTranslation();
  const stored = useAppStore((s) => s.settings?.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const [pending, setPending] = useState(false);
  const current = stored ?? (isLanguage(i18n.language) ? i18n.language : 'zh-CN');

  const change = async (value: string) => {
    if (!isLanguage(value) || value === current) return;
    setPending(true);
    await setLanguage(value);
    setPending(false);
  };

  return (
    <span className="lang-switch">
      <label htmlFor={id} className={showLabel ? 'lang-switch-label' : 'visually-hidden'}>{t('topBar.language')}</label>
      <select
        id={id}
        className="input select select-compact"
        data-testid={testId}
        value={current}
        disabled={pending}
        onChange={(e) => void change(e.target.value)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>{LANGUAGE_ENDONYMS[language]}</option>
        ))}
      </select>
    </span>
  );
}
