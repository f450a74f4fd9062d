/**
 * WarehousesView: the warehouses (domestic, in transit per shipment, overseas own / public /
 * platform, returns) with their country, and the form to add or edit one.
 */
import { useTranslation } from 'react-i18next';
import type { Warehouse } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { EditableList } from '../../ui/EditableList.tsx';
import { useEditor } from '../../ui/use-editor.ts';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { WarehouseForm } from './WarehouseForm.tsx';
import { useWarehouses } from './use-stock-refs.ts';

export function WarehousesView() {
  const { t } = useTranslation();
  const warehouses = useWarehouses();
  const editor = useEditor<Warehouse>();

  return (
    <ViewSection
      titleId="stock-warehouses-title"
      title={t('stock.warehouse.title')}
      action={{ testId: 'warehouse-new', label: t('stock.warehouse.new'), onClick: () => editor.open('new') }}
    >
      <EditableList
        editor={editor}
        saved={{ testId: 'warehouse-saved', text: (name) => t('stock.warehouse.saved', { name }) }}
        form={(w) => <WarehouseForm record={w} onSaved={(saved) => editor.done(saved.name)} onCancel={editor.close} />}
        items={warehouses}
        empty={{ title: t('stock.warehouse.emptyTitle'), body: t('stock.warehouse.emptyBody') }}
        data-testid="stock-warehouses"
        row={(w) => ({ key: w.id, 'data-testid': `warehouse-${w.code}`, 'data-kind': w.kind })}
        columns={[
          { head: 'stock.warehouse.fields.code', mono: true, cell: (w) => w.code },
          { head: 'stock.warehouse.fields.name', cell: (w) => w.name },
          { head: 'stock.warehouse.fields.kind', cell: (w) => t(`stock.warehouse.kinds.${w.kind}`) },
          { head: 'stock.warehouse.fields.country', cell: (w) => w.country ?? '' },
          {
            head: 'stock.actions.actions',
            hiddenHead: true,
            cell: (w) =>
              w.kind === 'transit' ? null : (
                <Button variant="quiet" data-testid={`warehouse-edit-${w.code}`} onClick={() => editor.open(w)}>
                  {t('stock.actions.edit')}
                </Button>
              ),
          },
        ]}
      />
    </ViewSection>
  );
}
