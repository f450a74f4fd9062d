/**
 * MappingEditor: the generic importer's mapping screen — one row per ledger field (required
 * ones marked) with a select of the file's headers, pre-filled with the proposed or saved
 * mapping. Changing it asks for a new preview before the import can be confirmed.
 */
import { useTranslation } from 'react-i18next';
import type { ColumnMapping } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { GENERIC_FIELDS, REQUIRED_GENERIC_FIELDS, type GenericField } from './vocabulary.ts';
import { Panel } from '../../ui/Panel.tsx';

export interface MappingEditorProps {
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  readonly dirty: boolean;
  readonly busy: boolean;
  readonly onChange: (field: GenericField, header: string | null) => void;
  readonly onRemap: () => void;
}

export function isRequiredField(field: GenericField): boolean {
  return (REQUIRED_GENERIC_FIELDS as readonly GenericField[]).includes(field);
}

/** Required fields with no column in `mapping`. */
export function unmappedRequired(mapping: ColumnMapping): GenericField[] {
  return REQUIRED_GENERIC_FIELDS.filter((f) => mapping[f] === null || mapping[f] === '');
}

export function MappingEditor({ headers, mapping, dirty, busy, onChange, onRemap }: MappingEditorProps) {
  const { t } = useTranslation();
  return (
    <Panel testId="import-mapping" title={t('orders.import.mapping.title')} help={t('orders.import.mapping.intro')}>
      <DataTable
        className="table mapping-table"
        wrap={false}
        columns={[t('orders.import.mapping.field'), t('orders.import.mapping.column')]}
      >
        {GENERIC_FIELDS.map((field) => {
          const required = isRequiredField(field);
          const value = mapping[field] ?? '';
          const missing = required && value === '';
          const id = `import-mapping-select-${field}`;
          return (
            <tr key={field} className={missing ? 'mapping-missing' : undefined}>
              <th scope="row">
                <label htmlFor={id}>{t(`orders.import.genericFields.${field}`)}</label>
                {required ? <span className="required-mark">{t('orders.import.mapping.required')}</span> : null}
              </th>
              <td>
                <select
                  id={id}
                  className="input select select-compact"
                  data-testid={`import-mapping-${field}`}
                  aria-invalid={missing}
                  aria-required={required}
                  value={value}
                  onChange={(e) => onChange(field, e.target.value === '' ? null : e.target.value)}
                >
                  <option value="">{t('orders.import.mapping.notMapped')}</option>
                  {headers.map((h, i) => (
                    <option key={`${i}-${h}`} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </DataTable>
      <div className="form-actions">
        <Button data-testid="import-remap" disabled={busy || !dirty} onClick={onRemap}>
          {t('orders.import.mapping.remap')}
        </Button>
        {dirty ? (
          <span className="notice" role="status" data-testid="import-mapping-dirty">
            {t('orders.import.mapping.dirty')}
          </span>
        ) : null}
      </div>
    </Panel>
  );
}
