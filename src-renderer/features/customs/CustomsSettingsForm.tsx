/**
 * CustomsSettingsForm: the customs settings every message needs — platform (ebp), declaring
 * and exit customs offices, destination port, transport and packing codes, statistics flag,
 * default carrier, agent / owner / declaring broker / inspection agency, account book and
 * location, appStatus, whether the seller declares its own waybills (CEB505) and sends
 * payment receipts (CEB403) — saved with `customs.settings.save`.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import type { CommandInput, CustomsSettings, ErrorInfo } from '../../../src-main/api/contract.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { APP_STATUSES, STATISTICS_FLAGS, FORM_DATA } from './vocabulary.ts';
import { optionsOf } from '../../ui/options.ts';

type SettingsInput = CommandInput<'customs.settings.save'>;
type TextKey = {
  [K in keyof SettingsInput]: SettingsInput[K] extends string | null
    ? SettingsInput[K] extends 'A' | 'B' | '1' | '2'
      ? never
      : K
    : never;
}[keyof SettingsInput];

/** Text fields in form order: [name, max length, required]. */
const TEXT_FIELDS: ReadonlyArray<readonly [TextKey, number, boolean]> = [
  ['ebpCode', 18, true],
  ['ebpName', 100, true],
  ['customsCode', 4, true],
  ['portCode', 4, true],
  ['pod', 4, true],
  ['trafMode', 1, true],
  ['wrapType', 1, true],
  ['logisticsCode', 18, true],
  ['logisticsName', 100, true],
  ['agentCode', 18, false],
  ['agentName', 100, false],
  ['ownerCode', 18, false],
  ['ownerName', 100, false],
  ['declAgentCode', 18, false],
  ['declAgentName', 100, false],
  ['iacCode', 18, false],
  ['iacName', 100, false],
  ['emsNo', 30, false],
  ['loctNo', 10, false],
  ['payCode', 18, false],
  ['payName', 100, false],
];

type Texts = Record<TextKey, string>;

function textsOf(s: CustomsSettings | null): Texts {
  return Object.fromEntries(TEXT_FIELDS.map(([k]) => [k, s?.[k] ?? ''])) as Texts;
}

export function CustomsSettingsForm() {
  const { t } = useTranslation();
  const settingsSave = useMutation('customs.settings.save');
  const current = useQuery('customs.settings.get', {}, FORM_DATA);
  const [texts, setTexts] = useState<Texts>(() => textsOf(null));
  const [statisticsFlag, setStatisticsFlag] = useState<CustomsSettings['statisticsFlag']>('B');
  const [appStatus, setAppStatus] = useState<CustomsSettings['appStatus']>('2');
  const [declaresWaybills, setDeclaresWaybills] = useState(false);
  const [sendsPaymentReceipts, setSendsPaymentReceipts] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const s = current.data;
    if (!s) return;
    setTexts(textsOf(s));
    setStatisticsFlag(s.statisticsFlag);
    setAppStatus(s.appStatus);
    setDeclaresWaybills(s.declaresWaybills);
    setSendsPaymentReceipts(s.sendsPaymentReceipts);
  }, [current.data]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const missing = Object.fromEntries(
      TEXT_FIELDS.filter(([k, , required]) => required && texts[k].trim() === '').map(([k]) => [
        k,
        'validation.required',
      ]),
    );
    setFieldErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const values = Object.fromEntries(
      TEXT_FIELDS.map(([k, , required]) => {
        const v = texts[k].trim();
        return [k, v === '' && !required ? null : v];
      }),
    );
    setSaving(true);
    setError(null);
    setSaved(false);
    const result = await settingsSave.run({
      ...(values as Omit<SettingsInput, 'statisticsFlag' | 'appStatus' | 'declaresWaybills' | 'sendsPaymentReceipts'>),
      statisticsFlag,
      appStatus,
      declaresWaybills,
      sendsPaymentReceipts,
    });
    setSaving(false);
    if (result.ok) {
      setSaved(true);
    } else {
      setFieldErrors(result.error.fields ?? {});
      setError(result.error);
    }
  };

  return (
    <ViewSection
      titleId="customs-settings-title"
      title={t('customsDesk.settings.title')}
      help={t('customsDesk.settings.help')}
    >
      {current.data === null && !current.loading && !current.error ? (
        <p className="notice" data-testid="customs-settings-missing">
          {t('customsDesk.settings.missing')}
        </p>
      ) : null}
      {current.error ? <ErrorBanner error={current.error} onDismiss={current.clearError} /> : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <form className="form form-wide" data-testid="customs-settings-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          {TEXT_FIELDS.map(([key, max, required]) => (
            <TextField
              key={key}
              name={key}
              label={t(`customsDesk.settings.fields.${key}`)}
              optional={!required}
              errorCode={fieldErrors[key] ?? null}
              testId={`customs-setting-${key}`}
              maxLength={max}
              value={texts[key]}
              onChange={(text) => {
                setTexts({ ...texts, [key]: text });
                setSaved(false);
              }}
            />
          ))}
          <SelectField
            name="statisticsFlag"
            label={t('customsDesk.settings.fields.statisticsFlag')}
            help={t('customsDesk.settings.statisticsHelp')}
            testId="customs-setting-statisticsFlag"
            value={statisticsFlag}
            options={optionsOf(STATISTICS_FLAGS, (f) => t(`customsDesk.settings.statisticsFlags.${f}`))}
            onChange={(flag) => setStatisticsFlag(flag === 'A' ? 'A' : 'B')}
          />
          <SelectField
            name="appStatus"
            label={t('customsDesk.settings.fields.appStatus')}
            testId="customs-setting-appStatus"
            value={appStatus}
            options={optionsOf(APP_STATUSES, (s) => t(`customsDesk.settings.appStatuses.${s}`))}
            onChange={(status) => setAppStatus(status === '1' ? '1' : '2')}
          />
        </div>
        <Checkbox
          testId="customs-setting-declaresWaybills"
          label={t('customsDesk.settings.declaresWaybills')}
          checked={declaresWaybills}
          onChange={setDeclaresWaybills}
        />
        <Checkbox
          testId="customs-setting-sendsPaymentReceipts"
          label={t('customsDesk.settings.sendsPaymentReceipts')}
          checked={sendsPaymentReceipts}
          onChange={setSendsPaymentReceipts}
        />
        <SubmitActions
          testId="customs-settings-save"
          busy={saving}
          done={saved ? t('customsDesk.settings.saved') : null}
          doneTestId="customs-settings-saved"
        >
          {saving ? t('customsDesk.saving') : t('customsDesk.save')}
        </SubmitActions>
      </form>
    </ViewSection>
  );
}
