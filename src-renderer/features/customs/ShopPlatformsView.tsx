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
import { ViewSection } from '../../ui/ViewSection.tsx';
import { InputCell } from '../../ui/InputCell.tsx';
import { FORM_DATA } from './vocabulary.ts';

type Draft = { ebpCode: string; ebpName: string; pod: string };

/** The shop's customs codes, one input column each, in their order in the table. */
const CODE_COLUMNS = [
  { key: 'ebpCode', maxLength: 18, testId: 'shop-ebp-code' },
  { key: 'ebpName', maxLength: 100, testId: 'shop-ebp-name' },
  { key: 'pod', maxLength: 4, testId: 'shop-pod' },
] as const satisfies readonly { key: keyof Draft; maxLength: number; testId: string }[];

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
    <ViewSection testId="customs-shops" title={t('customsDesk.shops.title')} help={t('customsDesk.shops.help')}>
      {shops.error ? <ErrorBanner error={shops.error} onDismiss={shops.clearError} /> : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <DataTable
        wrap={false}
        data-testid="customs-shops-table"
        columns={[
          t('customsDesk.shops.shop'),
          ...CODE_COLUMNS.map(({ key }) => t(`customsDesk.settings.fields.${key}`)),
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
              {CODE_COLUMNS.map(({ key, maxLength, testId }) => (
                <InputCell
                  key={key}
                  label={t(`customsDesk.settings.fields.${key}`)}
                  testId={`${testId}-${s.shopId}`}
                  maxLength={maxLength}
                  value={d[key]}
                  onChange={(text) => edit(s, { [key]: text })}
                />
              ))}
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
    </ViewSection>
  );
}
