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
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { DataTable, num } from '../../ui/DataTable.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { ToolbarSelect } from '../../ui/ToolbarSelect.tsx';
import { MoveForm } from './MoveForm.tsx';
import { PostSalesPanel } from './PostSalesPanel.tsx';
import { findWarehouse, useStockFormatters, warehouseLabel } from './stock-format.ts';
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
      <input
        className="input input-compact"
        type="text"
        maxLength={200}
        aria-label={t('stock.moves.reverseReason')}
        placeholder={t('stock.moves.reverseReason')}
        data-testid={`move-reverse-reason-${move.id}`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
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
  const error = first.error ?? movesList.error;

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
      <div className="toolbar">
        <ToolbarSelect
          label={t('stock.columns.sku')}
          testId="stock-moves-sku"
          value={chosen}
          placeholder={t('stock.chooseSku')}
          options={(skus ?? []).map((s) => ({ value: String(s.id), label: `${s.itemNo} · ${s.goodsName}` }))}
          onChange={(e) => setSkuId(e.target.value)}
        />
      </div>
      {error ? (
        <ErrorBanner
          error={error}
          onDismiss={() => {
            first.clearError();
            movesList.clearError();
          }}
        />
      ) : null}
      {moves !== null && moves.length === 0 ? (
        <p className="muted" data-testid="stock-moves-empty">
          {t('stock.moves.empty')}
        </p>
      ) : null}
      {moves !== null && moves.length > 0 ? (
        <DataTable
          data-testid="stock-moves"
          columns={[
            t('stock.move.fields.date'),
            t('stock.move.fields.type'),
            t('stock.columns.warehouse'),
            num(t('stock.columns.quantity')),
            num(t('stock.columns.value')),
            t('stock.move.fields.reference'),
            t('stock.move.fields.reason'),
            <span className="visually-hidden">{t('stock.actions.actions')}</span>,
          ]}
        >
          {moves.map((m) => {
            const w = findWarehouse(warehouses, m.warehouse);
            const reversed = m.reversedByMoveId !== null;
            return (
              <tr
                key={m.id}
                data-testid={`move-${m.id}`}
                data-type={m.type}
                className={reversed ? 'row-cancelled' : undefined}
              >
                <td>{f.day(m.date)}</td>
                <td>
                  {t(`stock.moveTypes.${m.type}`)}
                  {reversed ? <span className="badge badge-muted">{t('stock.moves.reversed')}</span> : null}
                  {m.reversesMoveId !== null ? (
                    <span className="badge badge-muted">{t('stock.moves.reverses', { id: m.reversesMoveId })}</span>
                  ) : null}
                </td>
                <td>{w ? warehouseLabel(w) : m.warehouse}</td>
                <td className="num">{f.quantity(m.quantity)}</td>
                <td className="num">{f.money(m.value)}</td>
                <td className="mono">{m.reference ?? ''}</td>
                <td>{m.reason ?? ''}</td>
                <td>{!reversed && m.type !== 'reversal' ? <ReverseControl move={m} /> : null}</td>
              </tr>
            );
          })}
        </DataTable>
      ) : null}
      {cursor !== null ? (
        <Button data-testid="stock-moves-more" onClick={() => void more()}>
          {t('stock.moves.more')}
        </Button>
      ) : null}
    </ViewSection>
  );
}
