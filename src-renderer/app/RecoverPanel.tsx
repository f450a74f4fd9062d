/**
 * RecoverPanel: on the boot screen when the ledger is too damaged to open (`db.corrupt`,
 * `db.notALedger`) — the host then runs in recovery (src-main/api/recovery.ts) and still answers
 * `maintenance.backups.list` and `maintenance.restore`. Lists the backups, newest first, and puts
 * the chosen one in place (the damaged file is kept aside); then the app opens as usual.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupListEntry, ErrorInfo } from '../../src-main/api/contract.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { formatDateTime } from '../ui/format-date-time.ts';
import { call } from './core-client.ts';

export const DAMAGED_LEDGER = new Set(['db.corrupt', 'db.notALedger']);

export function RecoverPanel({ onRestored }: { readonly onRestored: () => void }) {
  const { t, i18n } = useTranslation();
  const [backups, setBackups] = useState<readonly BackupListEntry[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  useEffect(() => {
    void call('maintenance.backups.list', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setBackups(r.value);
      setChosen(r.value[0]?.name ?? null);
    });
  }, []);
  const restore = async () => {
    if (chosen === null) return;
    setBusy(true);
    setError(null);
    const r = await call('maintenance.restore', { name: chosen });
    setBusy(false);
    if (r.ok) onRestored();
    else setError(r.error);
  };
  if (backups === null) return error ? <ErrorBanner error={error} /> : null;
  return (
    <section className="panel" data-testid="recover-panel" aria-labelledby="recover-title">
      <h2 className="panel-title" id="recover-title">
        {t('app.recover.title')}
      </h2>
      {backups.length === 0 ? (
        <p data-testid="recover-none">{t('app.recover.none')}</p>
      ) : (
        <>
          <p>{t('app.recover.intro')}</p>
          <fieldset className="choice-list">
            <legend className="visually-hidden">{t('app.recover.title')}</legend>
            {backups.map((b) => (
              <label key={b.name}>
                <input
                  type="radio"
                  name="recover-backup"
                  data-testid={`recover-backup-${b.name}`}
                  checked={chosen === b.name}
                  onChange={() => setChosen(b.name)}
                />
                <span>
                  {t(`app.recover.kinds.${b.kind}`)} · {formatDateTime(b.takenAt, i18n.language)}
                  <span className="field-help"> {b.name}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="form-actions">
            <Button
              variant="primary"
              data-testid="recover-restore"
              disabled={busy || chosen === null}
              onClick={() => void restore()}
            >
              {busy ? t('app.recover.restoring') : t('app.recover.restore')}
            </Button>
          </div>
        </>
      )}
      {error ? <ErrorBanner error={error} /> : null}
    </section>
  );
}
