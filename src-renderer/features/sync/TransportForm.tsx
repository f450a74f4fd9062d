/**
 * TransportForm: where the outbox goes — off, the zone's comprehensive service platform over
 * HTTP (base URL), or an exchange folder (out/ and in/, as the single-window transfer client
 * works) — plus the signer (unsigned for appStatus 1, an e-port signing service over HTTP,
 * the folder route, or the practice SM2 signer) and the background interval; saved with
 * `sync.configure`.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConfig } from '../../../src-main/api/contract.ts';
import { useMutation } from '../../app/use-query.ts';
import { FormPanel } from '../../ui/FormPanel.tsx';
import { useForm } from '../../ui/use-form.ts';
import { pick, SIGNER_KINDS, SYNC_MODES, type SignerKind, type SyncMode } from './vocabulary.ts';

export interface TransportFormProps {
  readonly config: SyncConfig | null;
  readonly onSaved?: (config: SyncConfig) => void;
}

const URL_PATTERN = /^https?:\/\/\S+$/;

export function TransportForm({ config, onSaved }: TransportFormProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<SyncMode>('off');
  const [signer, setSigner] = useState<SignerKind>('none');
  const fields = useForm(
    { url: '', dir: '', signerUrl: '', signerDir: '', intervalSeconds: '60' },
    {
      testIds: 'sync',
      label: (key: 'mode' | 'url' | 'dir' | 'signer' | 'signerUrl' | 'signerDir') => t(`syncCenter.transport.${key}`),
    },
  );
  const { url, dir, signerUrl, signerDir, intervalSeconds: intervalText } = fields.values;
  const { patch } = fields;
  const configure = useMutation('sync.configure');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!config) return;
    setMode(config.mode);
    setSigner(config.signer.kind);
    patch({
      url: config.url ?? '',
      dir: config.dir ?? '',
      signerUrl: config.signer.url ?? '',
      signerDir: config.signer.dir ?? '',
      intervalSeconds: String(config.intervalSeconds),
    });
  }, [config, patch]);

  const submit = async () => {
    const local: Record<string, string> = {};
    if (mode === 'platform' && !URL_PATTERN.test(url.trim())) local['url'] = 'validation.invalid';
    if (mode === 'exchangeDir' && dir.trim() === '') local['dir'] = 'validation.required';
    if (signer === 'http' && !URL_PATTERN.test(signerUrl.trim())) local['signerUrl'] = 'validation.invalid';
    if (signer === 'folder' && signerDir.trim() === '') local['signerDir'] = 'validation.required';
    const seconds = Number(intervalText);
    if (!Number.isInteger(seconds) || seconds < 5 || seconds > 3600) local['intervalSeconds'] = 'validation.invalid';
    setSaved(false);
    if (fields.refuse(local)) return;
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
      onSaved?.(result.value);
    } else fields.show(result.error);
  };

  return (
    <FormPanel
      testId="sync-transport"
      level={2}
      title={t('syncCenter.transport.title')}
      sending={configure}
      onSubmit={submit}
      submit={{
        testId: 'sync-transport-save',
        label: t('syncCenter.save'),
        done: saved ? t('syncCenter.transport.saved') : null,
        doneTestId: 'sync-transport-saved',
      }}
      form={fields}
      fields={[
        {
          key: 'mode',
          name: 'syncMode',
          options: SYNC_MODES.map((m) => ({ value: m, label: t(`syncCenter.transport.modes.${m}`) })),
          value: mode,
          onChange: (v) => {
            setMode(pick(SYNC_MODES, v, 'off'));
            setSaved(false);
          },
        },
        mode === 'platform' && {
          key: 'url',
          name: 'syncUrl',
          help: t('syncCenter.transport.urlHelp'),
          type: 'url',
          placeholder: t('syncCenter.transport.urlPlaceholder'),
        },
        mode === 'exchangeDir' && { key: 'dir', name: 'syncDir', help: t('syncCenter.transport.dirHelp') },
        {
          key: 'signer',
          name: 'signerKind',
          help: t(`syncCenter.transport.signerHelp.${signer}`),
          options: SIGNER_KINDS.map((k) => ({ value: k, label: t(`syncCenter.transport.signers.${k}`) })),
          value: signer,
          onChange: (v) => setSigner(pick(SIGNER_KINDS, v, 'none')),
        },
        signer === 'http' && { key: 'signerUrl', testId: 'sync-signer-url', type: 'url' },
        signer === 'folder' && { key: 'signerDir', testId: 'sync-signer-dir' },
        {
          key: 'intervalSeconds',
          name: 'syncInterval',
          testId: 'sync-interval',
          label: t('syncCenter.transport.interval'),
          className: 'input input-compact',
          inputMode: 'numeric',
        },
      ]}
    />
  );
}
