/**
 * ShipmentsView: head-haul shipments — in transit (with ETA, overdue ones marked) and
 * received — the form for a new one, and the chosen shipment's detail with receipt and
 * landed cost. Refetches when the ledger changes.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shipment } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { ColumnTable } from '../../ui/ColumnTable.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { ShipmentDetail } from './ShipmentDetail.tsx';
import { ShipmentForm } from './ShipmentForm.tsx';
import { useStockFormatters, warehouseColumn } from './stock-format.ts';
import { todayIso } from './vocabulary.ts';
import { STOCK_AREAS, useWarehouses } from './use-stock-refs.ts';
import { useQuery } from '../../app/use-query.ts';

function ShipmentTable({
  shipments,
  testId,
  onOpen,
}: {
  readonly shipments: readonly Shipment[];
  readonly testId: string;
  readonly onOpen: (s: Shipment) => void;
}) {
  const { t } = useTranslation();
  const f = useStockFormatters();
  const warehouses = useWarehouses();
  const today = todayIso();
  return (
    <ColumnTable
      data-testid={testId}
      rows={shipments}
      row={(s) => ({ key: s.id, 'data-testid': `shipment-${s.bookingNoteNo}`, 'data-status': s.status })}
      columns={[
        { head: 'stock.shipment.fields.bookingNoteNo', mono: true, cell: (s) => s.bookingNoteNo },
        warehouseColumn(warehouses, 'to', 'stock.shipment.fields.to'),
        { head: 'stock.shipment.fields.carrier', cell: (s) => s.carrier },
        { head: 'stock.shipment.fields.shipDate', cell: (s) => f.day(s.shipDate) },
        {
          head: 'stock.shipment.fields.eta',
          cell: (s) => (
            <>
              {s.eta ? f.day(s.eta) : <span className="muted">{t('stock.shipment.noEta')}</span>}
              {s.status === 'inTransit' && s.eta !== null && s.eta < today ? (
                <span className="status-badge status-badge-warn" data-testid={`shipment-overdue-${s.bookingNoteNo}`}>
                  {t('stock.shipment.overdue')}
                </span>
              ) : null}
            </>
          ),
        },
        {
          head: 'stock.shipment.units',
          num: true,
          cell: (s) => f.quantity(s.lines.reduce((n, l) => n + l.shipped, 0)),
        },
        { head: 'stock.shipment.landedCost', num: true, cell: (s) => f.money(s.landedCost) },
        {
          head: 'stock.actions.actions',
          hiddenHead: true,
          cell: (s) => (
            <Button variant="quiet" data-testid={`shipment-open-${s.bookingNoteNo}`} onClick={() => onOpen(s)}>
              {s.status === 'inTransit' ? t('stock.shipment.openInTransit') : t('stock.shipment.open')}
            </Button>
          ),
        },
      ]}
    />
  );
}

export function ShipmentsView() {
  const { t } = useTranslation();
  const list = useQuery('stock.shipments.list', {}, { areas: STOCK_AREAS });
  // A shipment just saved is shown at once; the list follows when the host reports the change.
  const [fresh, setFresh] = useState<{ readonly base: unknown; readonly shipment: Shipment } | null>(null);
  const shipments =
    list.data === undefined
      ? null
      : fresh && fresh.base === list.data
        ? [...list.data.filter((x) => x.id !== fresh.shipment.id), fresh.shipment]
        : list.data;
  const error = list.error;
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);

  const replace = (s: Shipment) => setFresh({ base: list.data, shipment: s });
  const openShipment = (s: Shipment) => {
    setOpenId(s.id);
    setCreating(false);
  };

  const inTransit = (shipments ?? [])
    .filter((s) => s.status === 'inTransit')
    .sort((a, b) => (a.eta ?? '9999').localeCompare(b.eta ?? '9999'));
  const received = (shipments ?? [])
    .filter((s) => s.status === 'received')
    .sort((a, b) => b.shipDate.localeCompare(a.shipDate));
  const open = shipments?.find((s) => s.id === openId) ?? null;

  return (
    <ViewSection
      titleId="stock-transit-title"
      title={t('stock.shipment.title')}
      actions={
        <Button
          variant="primary"
          data-testid="shipment-new"
          onClick={() => {
            setCreating(true);
            setOpenId(null);
          }}
        >
          {t('stock.shipment.new')}
        </Button>
      }
    >
      {error ? <ErrorBanner error={error} onDismiss={list.clearError} /> : null}
      {creating ? (
        <ShipmentForm
          onCreated={(s) => {
            setCreating(false);
            replace(s);
            setOpenId(s.id);
          }}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      {open ? (
        <ShipmentDetail key={open.id} shipment={open} onChanged={replace} onClose={() => setOpenId(null)} />
      ) : null}
      <h3 className="section-title">{t('stock.shipment.inTransit')}</h3>
      {inTransit.length > 0 ? (
        <ShipmentTable shipments={inTransit} testId="stock-transit" onOpen={openShipment} />
      ) : shipments !== null ? (
        <EmptyState title={t('stock.shipment.emptyTitle')} body={t('stock.shipment.emptyBody')} />
      ) : null}
      {received.length > 0 ? (
        <>
          <h3 className="section-title">{t('stock.shipment.receivedTitle')}</h3>
          <ShipmentTable shipments={received} testId="stock-received" onOpen={openShipment} />
        </>
      ) : null}
    </ViewSection>
  );
}
