/**
 * EvidencePackButtons: "导出证据包 PDF / XLSX" for one payout. The host renders the pack in the
 * display language (`settlement.evidencePack`) and answers base64, saved here as a download.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { ErrorInfo } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { downloadBase64 } from './download-base64.ts';

type PackLanguage = 'zh-CN' | 'zh-TW' | 'en';

function packLanguage(language: string): PackLanguage {
  if (language === 'zh-TW') return 'zh-TW';
  return language.startsWith('en') ? 'en' : 'zh-CN';
}

export function EvidencePackButtons({ payoutId }: { readonly payoutId: number }) {
  const { t, i18n } = useTranslation();
  const settlementEvidencePack = useMutation('settlement.evidencePack');
  const [busy, setBusy] = useState<null | 'pdf' | 'xlsx'>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const exportPack = async (format: 'pdf' | 'xlsx') => {
    if (busy) return;
    setBusy(format);
    setError(null);
    setSaved(null);
    const result = await settlementEvidencePack.run({ payoutId, format, language: packLanguage(i18n.language) });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    downloadBase64(result.value.fileName, result.value.contentBase64);
    setSaved(result.value.fileName);
  };

  return (
    <div className="settlement-export">
      <div className="form-actions">
        <Button
          variant="primary"
          data-testid="evidence-pack-pdf"
          disabled={busy !== null}
          onClick={() => void exportPack('pdf')}
        >
          {busy === 'pdf' ? t('settlement.netting.exporting') : t('settlement.netting.exportPdf')}
        </Button>
        <Button data-testid="evidence-pack-xlsx" disabled={busy !== null} onClick={() => void exportPack('xlsx')}>
          {busy === 'xlsx' ? t('settlement.netting.exporting') : t('settlement.netting.exportXlsx')}
        </Button>
      </div>
      {saved ? (
        <p className="form-saved" role="status" data-testid="evidence-pack-saved">
          {t('settlement.netting.exported', { file: saved })}
        </p>
      ) : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
    </div>
  );
}
