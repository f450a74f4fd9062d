/**
 * StatusMappingsSection (设置 → 订单状态): what each shop's own status words mean, and the words no
 * table knows yet with how many orders carry them. Choosing a meaning saves it for that shop and
 * re-classifies the shop's orders with the word (each change recorded in the order's history);
 * later imports of the shop read the word the same way.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappableStatus } from '../../../src-main/api/contract.ts';
import { useMutation, useQuery } from '../../app/use-query.ts';
import { DataTable, num } from '../../ui/DataTable.tsx';
import { ErrorsBanner } from '../../ui/ErrorBanner.tsx';
import { Select } from '../../ui/Select.tsx';
import { isMappableStatus, MAPPABLE_STATUSES } from '../orders/index.ts';
import { Panel } from '../../ui/Panel.tsx';
import { optionsOf } from '../../ui/options.ts';

export function StatusMappingsSection() {
  const { t } = useTranslation();
  const words = useQuery('statuses.list', {}, { areas: ['statuses', 'imports', 'orders'] });
  const map = useMutation('statuses.map');
  const [done, setDone] = useState<string | null>(null);
  const save = async (shopId: number, word: string, status: MappableStatus) => {
    setDone(null);
    const r = await map.run({ shopId, word, status });
    if (r.ok) {
      // orders dated in a closed month keep their status (issue 17 point 1g): say which months
      const held = (r.value.heldBack ?? []).map((h) =>
        t('settings.statusMappings.heldBack', { month: h.month, count: h.orders }),
      );
      setDone(
        [
          t('settings.statusMappings.saved', {
            word,
            status: t(`orders.statuses.${status}`),
            count: r.value.reclassified,
          }),
          ...held,
        ].join(' '),
      );
      words.refetch();
    }
  };
  const rows = [
    ...(words.data?.unknown ?? []).map((u) => ({
      key: `u-${u.shopId}-${u.word}`,
      shopId: u.shopId,
      shopName: u.shopName,
      word: u.word,
      status: null as MappableStatus | null,
      orders: u.orders,
    })),
    ...(words.data?.mappings ?? []).map((m) => ({
      key: `m-${m.shopId}-${m.word}`,
      shopId: m.shopId,
      shopName: m.shopName,
      word: m.word,
      status: m.status as MappableStatus | null,
      orders: null as number | null,
    })),
  ];
  return (
    <Panel
      testId="settings-status-mappings"
      title={t('settings.statusMappings.title')}
      help={t('settings.statusMappings.intro')}
    >
      <ErrorsBanner sources={[map, words]} />
      {done ? (
        <p role="status" className="notice">
          {done}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted">{t('settings.statusMappings.none')}</p>
      ) : (
        <DataTable
          wrap={false}
          columns={[
            t('settings.statusMappings.shop'),
            t('settings.statusMappings.word'),
            num(t('settings.statusMappings.orders')),
            t('settings.statusMappings.means'),
          ]}
        >
          {rows.map((r) => (
            <tr key={r.key} data-testid={`status-mapping-${r.shopId}-${r.word}`}>
              <td>{r.shopName}</td>
              <td>{r.word}</td>
              <td className="num">{r.orders === null ? '' : r.orders}</td>
              <td>
                <Select
                  aria-label={`${t('settings.statusMappings.means')} ${r.word}`}
                  value={r.status ?? ''}
                  disabled={map.pending}
                  options={[
                    ...(r.status === null ? [{ value: '', label: t('orders.statuses.unknown') }] : []),
                    ...optionsOf(MAPPABLE_STATUSES, (s) => t(`orders.statuses.${s}`)),
                  ]}
                  onChange={(e) => {
                    if (isMappableStatus(e.target.value)) void save(r.shopId, r.word, e.target.value);
                  }}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
