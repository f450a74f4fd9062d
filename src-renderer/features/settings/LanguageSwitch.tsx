/**
 * LanguageSwitch: a <select> of 简体中文 / 繁體中文 / English. Choosing one calls
 * `settings.setLanguage`, so the choice is stored in the ledger and survives a restart;
 * the UI switches once the host has accepted it.
 */
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import { applyLanguage } from '../../i18n/index.ts';
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
  const stored = useQuery('settings.get', {}).data?.language;
  const setLanguage = useMutation('settings.setLanguage');
  const showError = useAppStore((s) => s.showError);
  const current = isLanguage(i18n.language) ? i18n.language : (stored ?? 'zh-CN');

  const change = async (value: string) => {
    if (!isLanguage(value) || value === current) return;
    const result = await setLanguage.run({ language: value });
    // The UI switches at once; the settings query follows with `ledger.changed`.
    if (result.ok) await applyLanguage(result.value.language);
    else showError(result.error);
  };

  return (
    <span className="lang-switch">
      <label htmlFor={id} className={showLabel ? 'lang-switch-label' : 'visually-hidden'}>
        {t('topBar.language')}
      </label>
      <select
        id={id}
        className="input select select-compact"
        data-testid={testId}
        value={current}
        disabled={setLanguage.pending}
        onChange={(e) => void change(e.target.value)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_ENDONYMS[language]}
          </option>
        ))}
      </select>
    </span>
  );
}
