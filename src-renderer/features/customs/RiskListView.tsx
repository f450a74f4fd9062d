/**
 * RiskListView: the editable risk list of the pre-check — HS code prefixes that need an export
 * licence or inspection (a match blocks the list) and per-order goods value ceilings per
 * currency (above is a warning) — saved with `customs.riskList.save`.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import type { ErrorInfo, RiskList } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { InputCell } from '../../ui/InputCell.tsx';
import type { TKey } from '../../ui/ColumnTable.tsx';
import { FORM_DATA } from './vocabulary.ts';

type Prefix = { prefix: string; note: string };
type Threshold = { currency: string; max: string };

/** The last cell of an editable row: the button that takes the row out. */
function RemoveCell({ onRemove }: { readonly onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <td>
      <Button variant="quiet" onClick={onRemove}>
        {t('customsDesk.risk.remove')}
      </Button>
    </td>
  );
}

/** One column of an edited table: the record's field, its label, what the input takes. */
interface EditedField<R> {
  readonly key: keyof R & string;
  readonly label: TKey;
  readonly inputMode?: 'numeric' | 'decimal';
  readonly maxLength?: number;
  /** Never marked invalid (free text). */
  readonly valid?: boolean;
}

interface EditedRowsProps<R extends Readonly<Record<string, string>>> {
  readonly title: TKey;
  readonly testId: string;
  readonly rows: readonly R[];
  readonly onRows: (rows: R[]) => void;
  /** The cells found wrong, as `<key>-<row index>`. */
  readonly bad: ReadonlySet<string>;
  readonly fields: readonly EditedField<R>[];
  /** The button adding a row, and the row it adds. */
  readonly add: { readonly testId: string; readonly label: TKey; readonly row: R };
}

/** A titled table of records edited in place (an input a field, a remove button a row) and the button adding one. */
function EditedRows<R extends Readonly<Record<string, string>>>({
  title,
  testId,
  rows,
  onRows,
  bad,
  fields,
  add,
}: EditedRowsProps<R>) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="section-title">{t(title)}</h3>
      <DataTable wrap={false} data-testid={testId} columns={[...fields.map((f) => t(f.label)), null]}>
        {rows.map((r, i) => (
          <tr key={i}>
            {fields.map((f) => (
              <InputCell
                key={f.key}
                label={t(f.label)}
                testId={`risk-${f.key}-${i}`}
                invalid={f.valid ? undefined : bad.has(`${f.key}-${i}`)}
                inputMode={f.inputMode}
                maxLength={f.maxLength}
                value={r[f.key] ?? ''}
                onChange={(v) => onRows(rows.map((x, k) => (k === i ? { ...x, [f.key]: v } : x)))}
              />
            ))}
            <RemoveCell onRemove={() => onRows(rows.filter((_, k) => k !== i))} />
          </tr>
        ))}
      </DataTable>
      <Button data-testid={add.testId} onClick={() => onRows([...rows, add.row])}>
        {t(add.label)}
      </Button>
    </>
  );
}

export function RiskListView() {
  const { t } = useTranslation();
  const riskListSave = useMutation('customs.riskList.save');
  const current = useQuery('customs.riskList.get', {}, FORM_DATA);
  const [prefixes, setPrefixes] = useState<Prefix[]>([]);
  const [thresholds, setThresholds] = useState<Threshold[]>([]);
  const [bad, setBad] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const r: RiskList | null = current.data ?? null;
    if (!r) return;
    setPrefixes(r.licenceHsPrefixes.map((p) => ({ ...p })));
    setThresholds(r.valueThresholds.map((v) => ({ ...v })));
  }, [current.data]);

  const save = async () => {
    if (saving) return;
    const wrong = new Set<string>();
    prefixes.forEach((p, i) => {
      if (!/^\d{2,10}$/.test(p.prefix.trim())) wrong.add(`prefix-${i}`);
    });
    thresholds.forEach((v, i) => {
      if (!/^[A-Z]{3}$/.test(v.currency.trim().toUpperCase())) wrong.add(`currency-${i}`);
      if (!/^\d+(\.\d+)?$/.test(v.max.trim())) wrong.add(`max-${i}`);
    });
    setBad(wrong);
    setSaved(false);
    if (wrong.size > 0) return;
    setSaving(true);
    const result = await riskListSave.run({
      licenceHsPrefixes: prefixes.map((p) => ({ prefix: p.prefix.trim(), note: p.note.trim() })),
      valueThresholds: thresholds.map((v) => ({ currency: v.currency.trim().toUpperCase(), max: v.max.trim() })),
    });
    setSaving(false);
    if (result.ok) {
      setSaved(true);
      setError(null);
    } else setError(result.error);
  };

  return (
    <ViewSection testId="customs-risk" title={t('customsDesk.risk.title')} help={t('customsDesk.risk.help')}>
      {current.error ? <ErrorBanner error={current.error} onDismiss={current.clearError} /> : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {bad.size > 0 ? (
        <p className="inline-error" role="alert" data-testid="customs-risk-invalid">
          {t('customsDesk.risk.invalid')}
        </p>
      ) : null}

      <EditedRows
        title="customsDesk.risk.prefixes"
        testId="customs-risk-prefixes"
        rows={prefixes}
        onRows={setPrefixes}
        bad={bad}
        fields={[
          { key: 'prefix', label: 'customsDesk.risk.prefix', inputMode: 'numeric', maxLength: 10 },
          { key: 'note', label: 'customsDesk.risk.note', maxLength: 200, valid: true },
        ]}
        add={{ testId: 'risk-add-prefix', label: 'customsDesk.risk.addPrefix', row: { prefix: '', note: '' } }}
      />
      <EditedRows
        title="customsDesk.risk.thresholds"
        testId="customs-risk-thresholds"
        rows={thresholds}
        onRows={setThresholds}
        bad={bad}
        fields={[
          { key: 'currency', label: 'customsDesk.risk.currency', maxLength: 3 },
          { key: 'max', label: 'customsDesk.risk.max', inputMode: 'decimal' },
        ]}
        add={{
          testId: 'risk-add-threshold',
          label: 'customsDesk.risk.addThreshold',
          row: { currency: 'CNY', max: '' },
        }}
      />

      <div className="form-actions">
        <Button variant="primary" data-testid="customs-risk-save" disabled={saving} onClick={() => void save()}>
          {saving ? t('customsDesk.saving') : t('customsDesk.save')}
        </Button>
        {saved ? (
          <span className="form-saved" role="status" data-testid="customs-risk-saved">
            {t('customsDesk.risk.saved')}
          </span>
        ) : null}
      </div>
    </ViewSection>
  );
}
