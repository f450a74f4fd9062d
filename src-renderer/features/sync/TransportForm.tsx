/**
 * TransportForm: where the outbox goes — off, the zone's comprehensive service platform over
 * HTTP (base URL), or an exchange folder (out/ and in/, as the single-window transfer client
 * works) — plus the signer (unsigned for appStatus 1, an e-port signing service over HTTP,
 * the folder route, or the practice SM2 signer) and the background interval; saved with
 * `sync.configure`.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo, SyncConfig } from '../../../src-main/api/contract.ts';
import { useMutation } from '../../app/use-query.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Field } from '../../ui/Field.tsx';
import { Select } from '../../ui/Select.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import { pick, SIGNER_KINDS, SYNC_MODES, type SignerKind, type SyncMode } from './vocabulary.ts';

export interface TransportFormProps {
  readonly config: SyncConfig | null;
  readonly onSaved?: (config: SyncConfig) => void;
}

const URL_PATTERN = /^https?:\/\/\S+$/;

export function TransportForm({ config, onSaved }: TransportFormProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<SyncMode>('off');
  const [url, setUrl] = useState('');
  const [dir, setDir] = useState('');
  const [signer, setSigner] = useState<SignerKind>('none');
  const [signerUrl, setSignerUrl] = useState('');
  const [signerDir, setSignerDir] = useState('');
  const [intervalText, setIntervalText] = useState('60');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const configure = useMutation('sync.configure');
  const saving = configure.pending;
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!config) return;
    setMode(config.mode);
    setUrl(config.url ?? '');
    setDir(config.dir ?? '');
    setSigner(config.signer.kind);
    setSignerUrl(config.signer.url ?? '');
    setSignerDir(config.signer.dir ?? '');
    setIntervalText(String(config.intervalSeconds));
  }, [config]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const local: Record<string, string> = {};
    if (mode === 'platform' && !URL_PATTERN.test(url.trim())) local['syncUrl'] = 'validation.invalid';
    if (mode === 'exchangeDir' && dir.trim() === '') local['syncDir'] = 'validation.required';
    if (signer === 'http' && !URL_PATTERN.test(signerUrl.trim())) local['signerUrl'] = 'validation.invalid';
    if (signer === 'folder' && signerDir.trim() === '') local['signerDir'] = 'validation.required';
    const seconds = Number(intervalText);
    if (!Number.isInteger(seconds) || seconds < 5 || seconds > 3600) local['syncInterval'] = 'validation.invalid';
    setFieldErrors(local);
    setSaved(false);
    if (Object.keys(local).length > 0) return;
    const result = await configure.run({
      mode,
      url: mode === 'platform' ? url.trim() : null,
      dir: mode === 'exchangeDir' ? dir.trim() : null,
      signer: {
        kind: signer,
        url: signer === 'http' ? signerUrl.trim() : null,
        dir: signer === 'folder' ? signerDir.trim() : null,
      },
      intervalSeconds: seconds,
    });
    if (result.ok) {
      setSaved(true);
      setError(null);
      onSaved?.(result.value);
    } else {
      setFieldErrors(result.error.fields ?? {});
      setError(result.error);
    }
  };

  return (
    <form className="panel form" data-testid="sync-transport" onSubmit={(e) => void submit(e)} noValidate>
      <h2 className="panel-title">{t('syncCenter.transport.title')}</h2>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <div className="form-grid">
        <Field name="syncMode" label={t('syncCenter.transport.mode')}>
          {(a11y) => (
            <Select
              {...a11y}
              data-testid="sync-mode"
              value={mode}
              options={SYNC_MODES.map((m) => ({ value: m, label: t(`syncCenter.transport.modes.${m}`) }))}
              onChange={(e) => {
                setMode(pick(SYNC_MODES, e.target.value, 'off'));
                setSaved(false);
              }}
            />
          )}
        </Field>
        {mode === 'platform' ? (
          <Field
            name="syncUrl"
            label={t('syncCenter.transport.url')}
            help={t('syncCenter.transport.urlHelp')}
            errorCode={fieldErrors['syncUrl'] ?? fieldErrors['url'] ?? null}
          >
            {(a11y) => (
              <input
                {...a11y}
                className="input"
                type="url"
                data-testid="sync-url"
                value={url}
                placeholder={t('syncCenter.transport.urlPlaceholder')}
                onChange={(e) => setUrl(e.target.value)}
              />
            )}
          </Field>
        ) : null}
        {mode === 'exchangeDir' ? (
          <Field
            name="syncDir"
            label={t('syncCenter.transport.dir')}
            help={t('syncCenter.transport.dirHelp')}
            errorCode={fieldErrors['syncDir'] ?? fieldErrors['dir'] ?? null}
          >
            {(a11y) => (
              <input
                {...a11y}
                className="input"
                data-testid="sync-dir"
                value={dir}
                onChange={(e) => setDir(e.target.value)}
              />
            )}
          </Field>
        ) : null}
        <Field
          name="signerKind"
          label={t('syncCenter.transport.signer')}
          help={t(`syncCenter.transport.signerHelp.${signer}`)}
        >
          {(a11y) => (
            <Select
              {...a11y}
              data-testid="sync-signer"
              value={signer}
              options={SIGNER_KINDS.map((k) => ({ value: k, label: t(`syncCenter.transport.signers.${k}`) }))}
              onChange={(e) => setSigner(pick(SIGNER_KINDS, e.target.value, 'none'))}
            />
          )}
        </Field>
        {signer === 'http' ? (
          <Field
            name="signerUrl"
            label={t('syncCenter.transport.signerUrl')}
            errorCode={fieldErrors['signerUrl'] ?? null}
          >
            {(a11y) => (
              <input
                {...a11y}
                className="input"
                type="url"
                data-testid="sync-signer-url"
                value={signerUrl}
                onChange={(e) => setSignerUrl(e.target.value)}
              />
            )}
          </Field>
        ) : null}
        {signer === 'folder' ? (
          <Field
            name="signerDir"
            label={t('syncCenter.transport.signerDir')}
            errorCode={fieldErrors['signerDir'] ?? null}
          >
            {(a11y) => (
              <input
                {...a11y}
                className="input"
                data-testid="sync-signer-dir"
                value={signerDir}
                onChange={(e) => setSignerDir(e.target.value)}
              />
            )}
          </Field>
        ) : null}
        <Field
          name="syncInterval"
          label={t('syncCenter.transport.interval')}
          errorCode={fieldErrors['syncInterval'] ?? fieldErrors['intervalSeconds'] ?? null}
        >
          {(a11y) => (
            <input
              {...a11y}
              className="input input-compact"
              inputMode="numeric"
              data-testid="sync-interval"
              value={intervalText}
              onChange={(e) => setIntervalText(e.target.value)}
            />
          )}
        </Field>
      </div>
      <SubmitActions
        testId="sync-transport-save"
        busy={saving}
        done={saved ? t('syncCenter.transport.saved') : null}
        doneTestId="sync-transport-saved"
      >
        {saving ? t('syncCenter.saving') : t('syncCenter.save')}
      </SubmitActions>
    </form>
  );
}
