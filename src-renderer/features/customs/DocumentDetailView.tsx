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
import { ColumnTable } from '../../ui/ColumnTable.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { Subsection } from '../../ui/Subsection.tsx';
import { DOCUMENTS_LIVE } from './vocabulary.ts';

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
            <ColumnTable
              data-testid="customs-document-history"
              rows={d.history}
              row={(h, i) => ({
                key: `${h.at}-${h.status}-${i}`,
                'data-status': h.status,
                className: h.applied ? undefined : 'muted',
              })}
              columns={[
                { head: 'customsDesk.detail.at', code: true, cell: (h) => when(h.at) },
                { head: 'customsDesk.documents.status', cell: (h) => <StatusChip status={h.status} /> },
                {
                  head: 'customsDesk.detail.source',
                  cell: (h) =>
                    `${t(`customsDesk.detail.sources.${h.source}`)}${h.applied ? '' : ` · ${t('customsDesk.detail.notApplied')}`}`,
                },
                { head: 'customsDesk.detail.info', code: true, cell: (h) => h.info ?? '' },
              ]}
            />
          </Subsection>

          <Subsection
            title={t('customsDesk.detail.receipts', { count: d.receipts.length })}
            empty={d.receipts.length === 0 ? t('customsDesk.detail.noReceipts') : null}
          >
            <ColumnTable
              data-testid="customs-document-receipts"
              rows={d.receipts}
              row={(r) => ({ key: r.id, 'data-testid': `customs-receipt-${r.id}` })}
              columns={[
                { head: 'customsDesk.detail.receiptType', mono: true, code: true, cell: (r) => r.messageType },
                { head: 'customsDesk.documents.status', cell: (r) => <StatusChip status={r.status} /> },
                { head: 'customsDesk.detail.returnTime', mono: true, code: true, cell: (r) => r.returnTime },
                { head: 'customsDesk.detail.info', code: true, cell: (r) => r.returnInfo },
                { head: 'customsDesk.detail.receivedAt', code: true, cell: (r) => when(r.receivedAt) },
              ]}
            />
          </Subsection>

          {d.lineMapping.length > 0 ? (
            <Subsection title={t('customsDesk.detail.lineMapping')}>
              <ColumnTable
                wrap={false}
                data-testid="customs-document-lines"
                rows={d.lineMapping}
                row={(m) => ({ key: `${m.gnum}-${m.gseqno}` })}
                columns={[
                  { head: 'customsDesk.detail.gnum', num: true, code: true, cell: (m) => m.gnum },
                  { head: 'customsDesk.detail.gseqno', num: true, code: true, cell: (m) => m.gseqno },
                  { head: 'customsDesk.detail.gcode', mono: true, code: true, cell: (m) => m.gcode ?? '' },
                ]}
              />
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
