/**
 * TopBar: the company the ledger belongs to, the sync indicator and the language switch.
 */
import { useTranslation } from 'react-i18next';
// by file, not through the feature's index.ts: the index also exports its page, which loads on demand (feature-pages.ts)
import { LanguageSwitch } from '../features/settings/LanguageSwitch.tsx';
import { SyncIndicator } from '../features/sync/SyncIndicator.tsx';
import { useCompany } from './use-session.ts';

export function TopBar() {
  const { t } = useTranslation();
  const company = useCompany();
  return (
    <header className="top-bar">
      <div className="top-bar-company" aria-label={t('topBar.company')}>
        <span className="top-bar-company-name" data-testid="company-name">
          {company?.name}
        </span>
        {company ? <span className="top-bar-company-code mono">{company.uscc}</span> : null}
      </div>
      <div className="top-bar-tools">
        <SyncIndicator />
        <LanguageSwitch />
      </div>
    </header>
  );
}
