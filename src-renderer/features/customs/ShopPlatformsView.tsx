/**
 * ShopPlatformsView (issue 15, point 2): each shop's platform for customs — the platform's
 * customs code and name (无 + the name for a foreign platform without a code) and an optional
 * destination port — saved per shop with `customs.shops.save`. The declared value shown is what
 * the shop's orders will state.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import type { CustomsShop, ErrorInfo, Platform } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { FORM_DATA } from './vocabulary.ts';

type Draft = { ebpCode: string; ebpName: string; pod: string };

export function ShopPlatformsView() {
  const { t } = useTranslation();
  const shops = useQuery('customs.shops.list', {}, FORM_DATA);
  const save = useMutation('customs.shops.save');
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const list: readonly CustomsShop[] = shops.data ?? [];
  const draftOf = (s: CustomsShop): Draft =>
    drafts[s.shopId] ?? {
      ebpCode: s.ebpCode ?? s.declared?.ebpCode ?? '',
      ebpName: s.ebpName ?? s.declared?.ebpName ?? '',
      pod: s.pod ?? '',
    };
  const edit = (s: CustomsShop, patch: Partial<Draft>) =>
    setDrafts({ ...drafts, [s.shopId]: { ...draftOf(s), ...patch } });

  const submit = async (s: CustomsShop) => {
    const d = draftOf(s);
    const r = await save.run({
      shopId: s.shopId,
      ebpCode: d.ebpCode.trim(),
      ebpName: d.ebpName.trim(),
      pod: d.pod.trim() === '' ? null : d.pod.trim().toUpperCase(),
    });
    if (r.ok) {
      setSaved(s.shopId);
      setError(null);
      shops.refetch();
    } else setError(r.error);
  };

  return (
    <section className="stock-view" aria-labelledby="customs-shops-title" data-testid="customs-shops">
      <h2 className="section-title" id="customs-shops-title">
        {t('customsDesk.shops.title')}
      </h2>
      <p className="field-help">{t('customsDesk.shops.help')}</p>
      {shops.error ? <ErrorBanner error={shops.error} onDismiss={shops.clearError} /> : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <DataTable
        wrap={false}
        data-testid="customs-shops-table"
        columns={[
          t('customsDesk.shops.shop'),
          t('customsDesk.settings.fields.ebpCode'),
          t('customsDesk.settings.fields.ebpName'),
          t('customsDesk.settings.fields.pod'),
          null,
        ]}
      >
        {list.map((s) => {
          const d = draftOf(s);
          return (
            <tr key={s.shopId}>
              <td>
                {s.name} <span className="field-help">{t(`orders.platforms.${s.platform as Platform}`)}</span>
              </td>
              <td>
                <input
                  className="input input-compact"
                  maxLength={18}
                  aria-label={t('customsDesk.settings.fields.ebpCode')}
                  data-testid={`shop-ebp-code-${s.shopId}`}
                  value={d.ebpCode}
                  onChange={(e) => edit(s, { ebpCode: e.target.value })}
                />
              </td>
              <td>
                <input
                  className="input input-compact"
                  maxLength={100}
                  aria-label={t('customsDesk.settings.fields.ebpName')}
                  data-testid={`shop-ebp-name-${s.shopId}`}
                  value={d.ebpName}
                  onChange={(e) => edit(s, { ebpName: e.target.value })}
                />
              </td>
              <td>
                <input
                  className="input input-compact"
                  maxLength={4}
                  aria-label={t('customsDesk.settings.fields.pod')}
                  data-testid={`shop-pod-${s.shopId}`}
                  value={d.pod}
                  onChange={(e) => edit(s, { pod: e.target.value })}
                />
              </td>
              <td>
                <Button data-testid={`shop-save-${s.shopId}`} onClick={() => void submit(s)}>
                  {t('customsDesk.save')}
                </Button>
                {saved === s.shopId ? (
                  <span className="field-help" role="status">
                    {t('customsDesk.shops.saved')}
                  </span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}
