/**
 * MovesView: the movement history of one SKU (all warehouses), newest page first with keyset
 * paging, each move with its value in CNY; a move not yet reversed can be reversed with a
 * reason (`stock.moves.reverse` posts the opposite move — nothing is deleted). Above it the
 * form to post a new move.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import type { ErrorInfo, StockMove } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner, ErrorsBanner } from '../../ui/ErrorBanner.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { FilterBar } from '../../ui/FilterBar.tsx';
import { HintInput } from '../../ui/HintInput.tsx';
import { MoveForm } from './MoveForm.tsx';
import { PostSalesPanel } from './PostSalesPanel.tsx';
import { useStockFormatters, warehouseColumn } from './stock-format.ts';
import { STOCK_AREAS, useSkus, useWarehouses } from './use-stock-refs.ts';

const PAGE = 200;

function ReverseControl({ move }: { readonly move: StockMove }) {
  const { t } = useTranslation();
  const movesReverse = useMutation('stock.moves.reverse');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  if (!open) {
    return (
      <Button variant="quiet" data-testid={`move-reverse-${move.id}`} onClick={() => setOpen(true)}>
        {t('stock.moves.reverse')}
      </Button>
    );
  }
  const confirm = async () => {
    if (saving || reason.trim() === '') return;
    setSaving(true);
    const result = await movesReverse.run({ moveId: move.id, reason: reason.trim() });
    setSaving(false);
    if (result.ok) {
      setOpen(false);
    } else setError(result.error);
  };
  return (
    <span className="toolbar-inline">
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <HintInput
        hint={t('stock.moves.reverseReason')}
        testId={`move-reverse-reason-${move.id}`}
        maxLength={200}
        value={reason}
        onChange={setReason}
      />
      <Button
        variant="primary"
        data-testid={`move-reverse-confirm-${move.id}`}
        disabled={saving || reason.trim() === ''}
        onClick={() => void confirm()}
      >
        {t('stock.moves.reverseConfirm')}
      </Button>
      <Button variant="quiet" onClick={() => setOpen(false)}>
        {t('stock.actions.cancel')}
      </Button>
    </span>
  );
}

export function MovesView() {
  const { t } = useTranslation();
  const movesList = useMutation('stock.moves.list');
  const f = useStockFormatters();
  const skus = useSkus();
  const warehouses = useWarehouses();
  const [skuId, setSkuId] = useState('');
  const chosen = skuId !== '' ? skuId : String(skus?.[0]?.id ?? '');
  // The first page follows the ledger; older pages are added on request (and dropped when the first page is read again).
  const first = useQuery(
    'stock.moves.list',
    chosen === '' ? null : { skuId: Number(chosen), limit: PAGE, cursor: null },
    { areas: STOCK_AREAS },
  );
  const [older, setOlder] = useState<{
    readonly base: unknown;
    readonly items: readonly StockMove[];
    readonly cursor: string | null;
  } | null>(null);
  const extra = older && older.base === first.data ? older : null;
  const moves = first.data === undefined ? null : extra ? [...first.data.items, ...extra.items] : first.data.items;
  const cursor = extra ? extra.cursor : (first.data?.nextCursor ?? null);

  const more = useCallback(async () => {
    if (cursor === null) return;
    const base = first.data;
    const r = await movesList.run({ skuId: Number(chosen), limit: PAGE, cursor });
    if (r.ok) {
      setOlder((o) => ({
        base,
        items: [...(o && o.base === base ? o.items : []), ...r.value.items],
        cursor: r.value.nextCursor,
      }));
    }
  }, [chosen, cursor, first.data, movesList.run]);

  return (
    <ViewSection titleId="stock-moves-title" title={t('stock.moves.title')}>
      <PostSalesPanel />
      <MoveForm key={chosen} initialSkuId={chosen} />
      <FilterBar
        filters={[
          {
            label: 'stock.columns.sku',
            testId: 'stock-moves-sku',
            value: chosen,
            placeholder: 'stock.chooseSku',
            options: (skus ?? []).map((s) => ({ value: String(s.id), label: `${s.itemNo} · ${s.goodsName}` })),
            onChange: setSkuId,
          },
        ]}
      />
      <ErrorsBanner sources={[first, movesList]} />
      <ListTable
        items={moves}
        empty={{ note: t('stock.moves.empty'), testId: 'stock-moves-empty' }}
        data-testid="stock-moves"
        row={(m) => ({
          key: m.id,
          'data-testid': `move-${m.id}`,
          'data-type': m.type,
          className: m.reversedByMoveId !== null ? 'row-cancelled' : undefined,
        })}
        columns={[
          { head: 'stock.move.fields.date', cell: (m) => f.day(m.date) },
          {
            head: 'stock.move.fields.type',
            cell: (m) => (
              <>
                {t(`stock.moveTypes.${m.type}`)}
                {m.reversedByMoveId !== null ? (
                  <span className="badge badge-muted">{t('stock.moves.reversed')}</span>
                ) : null}
                {m.reversesMoveId !== null ? (
                  <span className="badge badge-muted">{t('stock.moves.reverses', { id: m.reversesMoveId })}</span>
                ) : null}
              </>
            ),
          },
          warehouseColumn(warehouses, 'warehouse'),
          { head: 'stock.columns.quantity', num: true, cell: (m) => f.quantity(m.quantity) },
          { head: 'stock.columns.value', num: true, cell: (m) => f.money(m.value) },
          { head: 'stock.move.fields.reference', mono: true, cell: (m) => m.reference ?? '' },
          { head: 'stock.move.fields.reason', cell: (m) => m.reason ?? '' },
          {
            head: 'stock.actions.actions',
            hiddenHead: true,
            cell: (m) => (m.reversedByMoveId === null && m.type !== 'reversal' ? <ReverseControl move={m} /> : null),
          },
        ]}
      />
      {cursor !== null ? (
        <Button data-testid="stock-moves-more" onClick={() => void more()}>
          {t('stock.moves.more')}
        </Button>
      ) : null}
    </ViewSection>
  );
}
