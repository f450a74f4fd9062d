/**
 * FindingsTable: the coded pre-check findings (三单比对 and risk checks), each translated with
 * its parameters, with the order, the field and a button that leads to the fix: the risk
 * list, the SKU master data, the order's shipping data (edited inline), the customs settings,
 * the company profile or the order. Long lists grow by 100 rows at a time.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomsFinding } from '../../../src-main/api/contract.ts';
import { translateError } from '../../i18n/translate-error.ts';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { findingFix, type FindingFix } from './finding-fix.ts';
import { ShippingForm } from './ShippingForm.tsx';
import { CodeCell } from '../../ui/CodeCell.tsx';

const STEP = 100;

export interface FindingsTableProps {
  readonly findings: readonly CustomsFinding[];
  /** Opens another customs tab (settings, risk). */
  readonly onGo: (tab: string) => void;
  /** Called after a fix saved here (shipping data), to run the pre-check again. */
  readonly onFixed: () => void;
}

export function FindingsTable({ findings, onGo, onFixed }: FindingsTableProps) {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  const [shown, setShown] = useState(STEP);
  const [editing, setEditing] = useState<number | null>(null);

  const fixButton = (fix: FindingFix, index: number) => {
    if (fix.kind === 'none') return null;
    const label = t(`customsDesk.findings.fix.${fix.kind}`);
    const act = (): void => {
      switch (fix.kind) {
        case 'risk':
          onGo('risk');
          break;
        case 'settings':
          onGo('settings');
          break;
        case 'sku':
          navigate('stock', 'skus');
          break;
        case 'company':
          navigate('settings');
          break;
        case 'order':
          navigate('orders', String(fix.orderId));
          break;
        case 'shipping':
          setEditing(fix.orderId);
          break;
      }
    };
    return (
      <Button variant="quiet" data-testid={`finding-fix-${index}`} onClick={act}>
        {label}
      </Button>
    );
  };

  return (
    <div data-testid="customs-findings">
      {editing !== null ? (
        <ShippingForm
          orderId={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onFixed();
          }}
        />
      ) : null}
      <DataTable
        columns={(['severity', 'order', 'field', 'problem', 'action'] as const).map((key) =>
          t(`customsDesk.findings.${key}`),
        )}
      >
        {findings.slice(0, shown).map((f, i) => (
          <tr key={`${f.orderNo}-${f.code}-${f.field}-${i}`} data-testid={`finding-${i}`} data-code={f.code}>
            <td>
              <span
                className={f.severity === 'error' ? 'status-badge status-badge-warn' : 'status-badge status-badge-info'}
              >
                {t(`customsDesk.findings.severities.${f.severity}`)}
              </span>
            </td>
            <CodeCell>{f.orderNo}</CodeCell>
            <CodeCell>{f.field}</CodeCell>
            <td>{translateError(t, f.code, f.params)}</td>
            <td>{fixButton(findingFix(f), i)}</td>
          </tr>
        ))}
      </DataTable>
      {findings.length > shown ? (
        <Button variant="quiet" data-testid="customs-findings-more" onClick={() => setShown(shown + STEP)}>
          {t('customsDesk.showMore', { shown, total: findings.length })}
        </Button>
      ) : null}
    </div>
  );
}
