/**
 * Settings page: edit the company profile (each save is a new version), choose the display
 * language and the stock valuation method, back up and restore the ledger, and see which program
 * version and ledger file are in use.
 */
import { useTranslation } from 'react-i18next';
import { useCompany } from '../../app/use-session.ts';
import { useQuery } from '../../app/use-query.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { CompanyProfileForm } from './CompanyProfileForm.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { ValuationMethodSwitch } from './ValuationMethodSwitch.tsx';
import { BackupsSection } from './BackupsSection.tsx';
import { StatusMappingsSection } from './StatusMappingsSection.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const appInfo = useQuery('app.info', {}, { areas: [] }).data;
  return (
    <div className="page" data-testid="page-settings">
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <section className="panel">
        <h2 className="panel-title">{t('settings.companySection')}</h2>
        <CompanyProfileForm initial={company} />
      </section>
      <section className="panel">
        <h2 className="panel-title">{t('settings.languageSection')}</h2>
        <LanguageSwitch testId="settings-lang-switch" id="settings-lang-switch" showLabel />
        <p className="field-help">{t('settings.languageHelp')}</p>
      </section>
      <section className="panel">
        <h2 className="panel-title">{t('settings.stockSection')}</h2>
        <ValuationMethodSwitch />
      </section>
      <StatusMappingsSection />
      <BackupsSection />
      {appInfo ? (
        <section className="panel">
          <h2 className="panel-title">{t('settings.aboutSection')}</h2>
          <dl className="facts">
            <dt>{t('settings.version')}</dt>
            <dd>{appInfo.version}</dd>
            <dt>{t('settings.schemaVersion')}</dt>
            <dd>{appInfo.schemaVersion}</dd>
            <dt>{t('settings.dataFile')}</dt>
            <dd className="mono">{appInfo.dataFile}</dd>
          </dl>
        </section>
      ) : null}
    </div>
  );
}
