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
import { DOCUMENTS_LIVE } from './vocabulary.ts';

export interface DocumentDetailViewProps {
  readonly id: number;
  readonly onBack: () => void;
  /** Opens the withdrawal / return screen for a numbered list (issue 15). */
  readonly onCorrect?: (invtNo: string) => void;
}

export function DocumentDetailView({ id, onBack, onCorrect }: DocumentDetailViewProps) {
  const { t, i18n } = useTranslation();
  const doc = useQuery('customs.documents.get', { id }, DOCUMENTS_LIVE);
  const d = doc.data;
  const when = (iso: string) => formatDateTime(iso, i18n.language, 'medium');
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
            <div>
              <dt>{t('customsDesk.detail.orderNo')}</dt>
              <dd className="mono" translate="no">
                {d.orderNo ?? '—'}
              </dd>
            </div>
            <div>
              <dt>{t('customsDesk.detail.invtNo')}</dt>
              <dd className="mono" translate="no" data-testid="customs-document-invtNo">
                {d.invtNo ?? '—'}
              </dd>
            </div>
            <div>
              <dt>{t('customsDesk.detail.preNo')}</dt>
              <dd className="mono" translate="no">
                {d.preNo ?? '—'}
              </dd>
            </div>
            <div>
              <dt>{t('customsDesk.detail.entryId')}</dt>
              <dd className="mono" translate="no" data-testid="customs-document-entryId">
                {d.entryId ?? '—'}
              </dd>
            </div>
            <div>
              <dt>{t('customsDesk.detail.guid')}</dt>
              <dd className="mono" translate="no">
                {d.guid}
              </dd>
            </div>
            <div>
              <dt>{t('customsDesk.detail.messageGuid')}</dt>
              <dd className="mono" translate="no">
                {d.messageGuid}
              </dd>
            </div>
            <div>
              <dt>{t('customsDesk.detail.revision')}</dt>
              <dd>{d.revision}</dd>
            </div>
            <div>
              <dt>{t('customsDesk.detail.createdAt')}</dt>
              <dd translate="no">{when(d.createdAt)}</dd>
            </div>
          </dl>

          <h3 className="section-title">{t('customsDesk.detail.history')}</h3>
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
                <td translate="no">{when(h.at)}</td>
                <td>
                  <StatusChip status={h.status} />
                </td>
                <td>
                  {t(`customsDesk.detail.sources.${h.source}`)}
                  {h.applied ? '' : ` · ${t('customsDesk.detail.notApplied')}`}
                </td>
                <td translate="no">{h.info ?? ''}</td>
              </tr>
            ))}
          </DataTable>

          <h3 className="section-title">{t('customsDesk.detail.receipts', { count: d.receipts.length })}</h3>
          {d.receipts.length === 0 ? (
            <p className="muted">{t('customsDesk.detail.noReceipts')}</p>
          ) : (
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
                  <td className="mono" translate="no">
                    {r.messageType}
                  </td>
                  <td>
                    <StatusChip status={r.status} />
                  </td>
                  <td className="mono" translate="no">
                    {r.returnTime}
                  </td>
                  <td translate="no">{r.returnInfo}</td>
                  <td translate="no">{when(r.receivedAt)}</td>
                </tr>
              ))}
            </DataTable>
          )}

          {d.lineMapping.length > 0 ? (
            <>
              <h3 className="section-title">{t('customsDesk.detail.lineMapping')}</h3>
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
                    <td className="num" translate="no">
                      {m.gnum}
                    </td>
                    <td className="num" translate="no">
                      {m.gseqno}
                    </td>
                    <td className="mono" translate="no">
                      {m.gcode ?? ''}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </>
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
