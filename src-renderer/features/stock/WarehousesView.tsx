/**
 * WarehousesView: the warehouses (domestic, in transit per shipment, overseas own / public /
 * platform, returns) with their country, and the form to add or edit one.
 */
import { useTranslation } from 'react-i18next';
import type { Warehouse } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { StatusNote } from '../../ui/StatusNote.tsx';
import { useEditor } from '../../ui/use-editor.ts';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { WarehouseForm } from './WarehouseForm.tsx';
import { useWarehouses } from './use-stock-refs.ts';

export function WarehousesView() {
  const { t } = useTranslation();
  const warehouses = useWarehouses();
  const editor = useEditor<Warehouse>();
  const { editing } = editor;

  return (
    <ViewSection
      titleId="stock-warehouses-title"
      title={t('stock.warehouse.title')}
      actions={
        <Button variant="primary" data-testid="warehouse-new" onClick={() => editor.open('new')}>
          {t('stock.warehouse.new')}
        </Button>
      }
    >
      <StatusNote testId="warehouse-saved">
        {editor.saved === null ? null : t('stock.warehouse.saved', { name: editor.saved })}
      </StatusNote>
      {editing !== null ? (
        <WarehouseForm
          key={editing === 'new' ? 'new' : editing.id}
          warehouse={editing === 'new' ? null : editing}
          onSaved={(w) => editor.done(w.name)}
          onCancel={editor.close}
        />
      ) : null}
      <ListTable
        items={warehouses}
        empty={{ title: t('stock.warehouse.emptyTitle'), body: t('stock.warehouse.emptyBody') }}
        hideEmpty={editing !== null}
        data-testid="stock-warehouses"
        columns={[
          t('stock.warehouse.fields.code'),
          t('stock.warehouse.fields.name'),
          t('stock.warehouse.fields.kind'),
          t('stock.warehouse.fields.country'),
          <span className="visually-hidden">{t('stock.actions.actions')}</span>,
        ]}
      >
        {(w) => (
          <tr key={w.id} data-testid={`warehouse-${w.code}`} data-kind={w.kind}>
            <td className="mono">{w.code}</td>
            <td>{w.name}</td>
            <td>{t(`stock.warehouse.kinds.${w.kind}`)}</td>
            <td>{w.country ?? ''}</td>
            <td>
              {w.kind === 'transit' ? null : (
                <Button variant="quiet" data-testid={`warehouse-edit-${w.code}`} onClick={() => editor.open(w)}>
                  {t('stock.actions.edit')}
                </Button>
              )}
            </td>
          </tr>
        )}
      </ListTable>
    </ViewSection>
  );
}
