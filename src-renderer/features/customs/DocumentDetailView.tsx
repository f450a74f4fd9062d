/**
 * DocumentDetailView: one customs document — its numbers (guid, list / pre-entry / declaration
 * numbers), current status, the full status history (local steps and receipts, with receipts
 * that arrived out of order marked as not applied), every receipt kept as evidence, the CEB792
 * list-line → declaration-line mapping of a summary, and the XML as sent.
 */
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../app/use-query.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { DataTable, num } from '../../ui/DataTable.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { Subsection } from '../../ui/Subsection.tsx';
import { DOCUMENTS_LIVE } from './vocabulary.ts';
import { CodeCell } from '../../ui/CodeCell.tsx';

export interface DocumentDetailViewProps {
  readonly id: number;
  readonly onBack: () => void;
  /** Opens the withdrawal / return screen for a numbered list (issue 15). */
  readonly onCorrect?: (invtNo: string) => void;
}

type IdentifierKey = 'orderNo' | 'invtNo' | 'preNo' | 'entryId' | 'guid' | 'messageGuid';

export function DocumentDetailView({ id, onBack, onCorrect }: DocumentDetailViewProps) {
  const { t, i18n } = useTranslation();
  const doc = useQuery('customs.documents.get', { id }, DOCUMENTS_LIVE);
  const d = doc.data;
  const when = (iso: string) => formatDateTime(iso, i18n.language, 'medium');
  /** The document's numbers, each a monospace row; one not given (yet) shows —. */
  const identifiers: readonly { key: IdentifierKey; value: string | null; testId?: string }[] = d
    ? [
        { key: 'orderNo', value: d.orderNo },
        { key: 'invtNo', value: d.invtNo, testId: 'customs-document-invtNo' },
        { key: 'preNo', value: d.preNo },
        { key: 'entryId', value: d.entryId, testId: 'customs-document-entryId' },
        { key: 'guid', value: d.guid },
        { key: 'messageGuid', value: d.messageGuid },
      ]
    : [];
  return (
    <section className="stock-view" aria-labelledby="customs-document-title" data-testid="customs-document">
      <div className="section-head">
        <h2 className="section-title" id="customs-document-title">
          {d
            ? t('customsDesk.detail.title', { type: t(`customsDesk.types.${d.type}`), key: d.businessKey })
            : t('customsDesk.detail.loading')}
        </h2>
        {d && d.type === 'CEB603' && d.invtNo !== null && onCorrect ? (
          <Button data-testid="customs-document-correct" onClick={() => onCorrect(d.invtNo!)}>
            {t('customsFix.open')}
          </Button>
        ) : null}
        <Button variant="quiet" data-testid="customs-document-back" onClick={onBack}>
          {t('customsDesk.detail.back')}
        </Button>
      </div>
      {doc.error ? <ErrorBanner error={doc.error} onDismiss={doc.clearError} /> : null}
      {d ? (
        <>
          <dl className="facts facts-columns">
            <div>
              <dt>{t('customsDesk.documents.status')}</dt>
              <dd>
                <StatusChip status={d.status} testId="customs-document-status" />
              </dd>
            </div>
            <div>
              <dt>{t('customsDesk.detail.lastReturn')}</dt>
              <dd translate="no" data-testid="customs-document-return">
                {[d.lastReturnStatus, d.lastReturnInfo].filter(Boolean).join(' ') || '—'}
              </dd>
            </div>
            {identifiers.map(({ key, value, testId }) => (
              <div key={key}>
                <dt>{t(`customsDesk.detail.${key}`)}</dt>
                <dd className="mono" translate="no" data-testid={testId}>
                  {value ?? '—'}
                </dd>
              </div>
            ))}
            <div>
              <dt>{t('customsDesk.detail.revision')}</dt>
              <dd>{d.revision}</dd>
            </div>
            <div>
              <dt>{t('customsDesk.detail.createdAt')}</dt>
              <dd translate="no">{when(d.createdAt)}</dd>
            </div>
          </dl>

          <Subsection title={t('customsDesk.detail.history')}>
            <DataTable
              data-testid="customs-document-history"
              columns={[
                t('customsDesk.detail.at'),
                t('customsDesk.documents.status'),
                t('customsDesk.detail.source'),
                t('customsDesk.detail.info'),
              ]}
            >
              {d.history.map((h, i) => (
                <tr key={`${h.at}-${h.status}-${i}`} data-status={h.status} className={h.applied ? undefined : 'muted'}>
                  <CodeCell kind="text">{when(h.at)}</CodeCell>
                  <td>
                    <StatusChip status={h.status} />
                  </td>
                  <td>
                    {t(`customsDesk.detail.sources.${h.source}`)}
                    {h.applied ? '' : ` · ${t('customsDesk.detail.notApplied')}`}
                  </td>
                  <CodeCell kind="text">{h.info ?? ''}</CodeCell>
                </tr>
              ))}
            </DataTable>
          </Subsection>

          <Subsection
            title={t('customsDesk.detail.receipts', { count: d.receipts.length })}
            empty={d.receipts.length === 0 ? t('customsDesk.detail.noReceipts') : null}
          >
            <DataTable
              data-testid="customs-document-receipts"
              columns={[
                t('customsDesk.detail.receiptType'),
                t('customsDesk.documents.status'),
                t('customsDesk.detail.returnTime'),
                t('customsDesk.detail.info'),
                t('customsDesk.detail.receivedAt'),
              ]}
            >
              {d.receipts.map((r) => (
                <tr key={r.id} data-testid={`customs-receipt-${r.id}`}>
                  <CodeCell>{r.messageType}</CodeCell>
                  <td>
                    <StatusChip status={r.status} />
                  </td>
                  <CodeCell>{r.returnTime}</CodeCell>
                  <CodeCell kind="text">{r.returnInfo}</CodeCell>
                  <CodeCell kind="text">{when(r.receivedAt)}</CodeCell>
                </tr>
              ))}
            </DataTable>
          </Subsection>

          {d.lineMapping.length > 0 ? (
            <Subsection title={t('customsDesk.detail.lineMapping')}>
              <DataTable
                wrap={false}
                data-testid="customs-document-lines"
                columns={[
                  num(t('customsDesk.detail.gnum')),
                  num(t('customsDesk.detail.gseqno')),
                  t('customsDesk.detail.gcode'),
                ]}
              >
                {d.lineMapping.map((m) => (
                  <tr key={`${m.gnum}-${m.gseqno}`}>
                    <CodeCell kind="num">{m.gnum}</CodeCell>
                    <CodeCell kind="num">{m.gseqno}</CodeCell>
                    <CodeCell>{m.gcode ?? ''}</CodeCell>
                  </tr>
                ))}
              </DataTable>
            </Subsection>
          ) : null}

          <details className="panel">
            <summary className="panel-title">{t('customsDesk.detail.xml')}</summary>
            <pre
              className="mono"
              translate="no"
              data-testid="customs-document-xml"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              {d.xml}
            </pre>
          </details>
        </>
      ) : null}
    </section>
  );
}
