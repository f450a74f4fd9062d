/**
 * HeadHaulView (`#/customs/headHaul`, issue 15 point 1): 9810 head-haul shipments to overseas
 * warehouses (`customs.headHaul.list`). Per shipment: its lines with cost and the declared unit value
 * (typed per SKU, or filled from cost plus a markup, `customs.headHaul.declaredValues.save`), the
 * route the values give — a 9810 list (≤ CNY 5,000, no 涉证/涉检/涉税 SKU) or the 报关单 data for
 * the broker — the build previewed then sent (`customs.headHaul.build`), the 报关单 data files
 * (`customs.headHaul.formFile`, XLSX / JSON) and the broker's entryId recorded
 * (`customs.headHaul.recordEntry`).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../app/use-query.ts';
import type { ErrorInfo, HeadHaulResult, HeadHaulShipmentView } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { InlineInput } from '../../ui/InlineField.tsx';
import { ColumnTable } from '../../ui/ColumnTable.tsx';
import { ListTable } from '../../ui/ListTable.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { InAppLink } from '../../ui/InAppLink.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { PreviewSendActions } from '../../ui/PreviewSendActions.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { translateError } from '../../i18n/translate-error.ts';
import { minorToDecimal } from '../../ui/format-money.ts';
import { downloadBase64 } from '../../ui/download-base64.ts';

export function HeadHaulView({ onOpen }: { readonly onOpen: (documentId: number) => void }) {
  const { t } = useTranslation();
  const list = useQuery('customs.headHaul.list', {}, { areas: ['customs', 'stock', 'sync'], events: ['sync.status'] });
  const [picked, setPicked] = useState<string | null>(null);
  const shipments = list.data ?? [];
  const current = shipments.find((s) => s.bookingNoteNo === picked) ?? null;
  return (
    <ViewSection testId="customs-headhaul" title={t('headHaulDesk.title')} help={t('headHaulDesk.help')}>
      <ListTable
        items={list.data}
        source={list}
        empty={{ note: t('headHaulDesk.empty'), testId: 'headhaul-empty' }}
        data-testid="headhaul-shipments"
        row={(s) => ({
          key: s.bookingNoteNo,
          'data-testid': `headhaul-${s.bookingNoteNo}`,
          'data-route': s.declared?.route ?? s.route?.route ?? '',
          className: s.bookingNoteNo === picked ? 'selected' : undefined,
        })}
        columns={[
          {
            head: 'headHaulDesk.bookingNote',
            mono: true,
            code: true,
            cell: (s) => (
              <InAppLink
                href="#/customs/headHaul"
                data-testid={`headhaul-open-${s.bookingNoteNo}`}
                onOpen={() => setPicked(s.bookingNoteNo)}
              >
                {s.bookingNoteNo}
              </InAppLink>
            ),
          },
          { head: 'headHaulDesk.shipDate', code: true, cell: (s) => s.shipDate },
          {
            head: 'headHaulDesk.warehouse',
            cell: (s) => (
              <>
                {s.warehouse.name} <span className="field-help">{s.warehouse.country ?? ''}</span>
              </>
            ),
          },
          { head: 'headHaulDesk.total', num: true, code: true, cell: (s) => (s.route ? `¥${s.route.totalCny}` : '—') },
          { head: 'headHaulDesk.route', cell: (s) => <RouteText s={s} /> },
          {
            head: 'headHaulDesk.declared',
            cell: (s) => (s.declared ? <StatusChip status={s.declared.orderStatus} /> : t('headHaulDesk.notDeclared')),
          },
          { head: 'headHaulDesk.entryId', mono: true, code: true, cell: (s) => s.entry?.entryId ?? '—' },
        ]}
      />
      {current ? <ShipmentPanel key={current.bookingNoteNo} s={current} onOpen={onOpen} /> : null}
    </ViewSection>
  );
}

function RouteText({ s }: { readonly s: HeadHaulShipmentView }) {
  const { t } = useTranslation();
  const route = s.declared?.route ?? s.route?.route ?? null;
  if (route === null)
    return s.problem ? (
      <span className="field-error">
        {translateError(t, s.problem.code, s.problem.params as Record<string, string>)}
      </span>
    ) : (
      <>—</>
    );
  const reasons = s.route?.reasons ?? [];
  return (
    <span data-testid={`headhaul-route-${s.bookingNoteNo}`}>
      {t(`headHaulDesk.routes.${route}`)}
      {reasons.length > 0 ? (
        <span className="field-help"> ({reasons.map((r) => t(`headHaulDesk.reasons.${r}`)).join('、')})</span>
      ) : null}
    </span>
  );
}

function ShipmentPanel({ s, onOpen }: { readonly s: HeadHaulShipmentView; readonly onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const saveValues = useMutation('customs.headHaul.declaredValues.save');
  const build = useMutation('customs.headHaul.build');
  const formFile = useMutation('customs.headHaul.formFile');
  const recordEntry = useMutation('customs.headHaul.recordEntry');
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [markup, setMarkup] = useState('10');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [preview, setPreview] = useState<HeadHaulResult | null>(null);
  const [built, setBuilt] = useState<HeadHaulResult | null>(null);
  const [entryId, setEntryId] = useState(s.entry?.entryId ?? '');
  const [entrySaved, setEntrySaved] = useState(false);
  const editable = s.declared === null;
  const route = s.declared?.route ?? s.route?.route ?? null;

  const fail = (e: ErrorInfo) => {
    setError(e);
    setPreview(null);
  };
  const saveTyped = async () => {
    setError(null);
    const lines = Object.entries(typed).map(([gnum, value]) => ({
      gnum: Number(gnum),
      value: value.trim() === '' ? null : value.trim(),
    }));
    const r = await saveValues.run({ bookingNoteNo: s.bookingNoteNo, lines });
    if (r.ok) {
      setTyped({});
      setPreview(null);
    } else fail(r.error);
  };
  const applyMarkup = async () => {
    setError(null);
    if (!/^\d{1,4}$/.test(markup.trim())) {
      fail({ code: 'validation.invalid', params: {} });
      return;
    }
    const r = await saveValues.run({ bookingNoteNo: s.bookingNoteNo, markupPercent: Number(markup.trim()) });
    if (r.ok) {
      setTyped({});
      setPreview(null);
    } else fail(r.error);
  };
  const runBuild = async (dryRun: boolean) => {
    setError(null);
    const r = await build.run({ bookingNoteNo: s.bookingNoteNo, dryRun });
    if (!r.ok) return fail(r.error);
    if (dryRun) setPreview(r.value);
    else {
      setBuilt(r.value);
      setPreview(null);
    }
  };
  const download = async (format: 'xlsx' | 'json') => {
    setError(null);
    const r = await formFile.run({ bookingNoteNo: s.bookingNoteNo, format });
    if (r.ok) downloadBase64(r.value.fileName, r.value.contentBase64);
    else setError(r.error);
  };
  const saveEntry = async () => {
    setError(null);
    setEntrySaved(false);
    const r = await recordEntry.run({ bookingNoteNo: s.bookingNoteNo, entryId: entryId.trim().toUpperCase() });
    if (r.ok) setEntrySaved(true);
    else setError(r.error);
  };
  const dirty = Object.keys(typed).length > 0;
  const shown = built ?? preview;

  return (
    <Panel
      level={3}
      testId="headhaul-panel"
      title={t('headHaulDesk.panelTitle', { bookingNote: s.bookingNoteNo, warehouse: s.warehouse.name })}
    >
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <ColumnTable
        data-testid="headhaul-lines"
        rows={s.lines}
        row={(l) => ({ key: l.gnum, 'data-testid': `headhaul-line-${l.gnum}` })}
        columns={[
          { head: 'headHaulDesk.gnum', num: true, cell: (l) => l.gnum },
          {
            head: 'headHaulDesk.sku',
            cell: (l) => (
              <>
                <span className="mono" translate="no">
                  {l.sku}
                </span>{' '}
                {l.goodsName}
              </>
            ),
          },
          { head: 'headHaulDesk.quantity', num: true, cell: (l) => l.quantity },
          { head: 'headHaulDesk.costUnit', num: true, code: true, cell: (l) => l.costUnit ?? '—' },
          {
            head: 'headHaulDesk.declaredUnit',
            cell: (l) =>
              editable ? (
                <input
                  className="input input-compact"
                  inputMode="decimal"
                  placeholder={l.costUnit ?? ''}
                  aria-label={t('headHaulDesk.declaredUnitOf', { sku: l.sku })}
                  data-testid={`headhaul-value-${l.gnum}`}
                  value={typed[l.gnum] ?? l.declaredUnitValue ?? ''}
                  onChange={(e) => setTyped({ ...typed, [l.gnum]: e.target.value })}
                />
              ) : (
                <span translate="no" data-testid={`headhaul-value-${l.gnum}`}>
                  {l.declaredUnitValue ?? t('headHaulDesk.fromCost')}
                </span>
              ),
          },
          s.entry
            ? {
                head: 'headHaulDesk.gseqno',
                num: true,
                cell: (l) => s.entry?.lines.find((x) => x.gnum === l.gnum)?.gseqno ?? '—',
              }
            : null,
        ]}
      />
      {editable ? (
        <div className="toolbar">
          <Button
            data-testid="headhaul-save-values"
            disabled={!dirty || saveValues.pending}
            onClick={() => void saveTyped()}
          >
            {t('headHaulDesk.saveValues')}
          </Button>
          <InlineInput
            id="headhaul-markup"
            label={t('headHaulDesk.markup')}
            inputMode="numeric"
            value={markup}
            onChange={setMarkup}
          />
          <Button data-testid="headhaul-apply-markup" disabled={saveValues.pending} onClick={() => void applyMarkup()}>
            {t('headHaulDesk.applyMarkup')}
          </Button>
        </div>
      ) : null}
      <p className="field-help">{editable ? t('headHaulDesk.valuesHelp') : t('headHaulDesk.valuesLocked')}</p>
      {s.route && editable ? (
        <p role="status" data-testid="headhaul-route-now" data-route={s.route.route}>
          {t(`headHaulDesk.routeNow.${s.route.route}`, { total: s.route.totalCny })}
        </p>
      ) : null}

      {editable ? (
        <PreviewSendActions
          testIds={['headhaul-preview', 'headhaul-build']}
          previewLabel={t('headHaulDesk.preview')}
          sendLabel={t('headHaulDesk.build')}
          busy={build.pending}
          canPreview={!dirty}
          canSend={!dirty && preview !== null && preview.validationErrors.length === 0}
          onRun={(dryRun) => void runBuild(dryRun)}
        />
      ) : (
        <dl className="facts facts-columns" data-testid="headhaul-declared">
          <div>
            <dt>{t('customsDesk.types.CEB303')}</dt>
            <dd>
              <InAppLink
                href={`#/customs/documents/${s.declared!.orderDocumentId}`}
                onOpen={() => onOpen(s.declared!.orderDocumentId)}
              >
                <StatusChip status={s.declared!.orderStatus} />
              </InAppLink>
            </dd>
          </div>
          <div>
            <dt>{t('customsDesk.types.CEB603')}</dt>
            <dd>
              {s.declared!.listDocumentId !== null ? (
                <InAppLink
                  href={`#/customs/documents/${s.declared!.listDocumentId}`}
                  onOpen={() => onOpen(s.declared!.listDocumentId!)}
                >
                  <StatusChip status={s.declared!.listStatus ?? ''} /> {s.declared!.invtNo ?? ''}
                </InAppLink>
              ) : (
                t('headHaulDesk.noList')
              )}
            </dd>
          </div>
        </dl>
      )}
      {shown ? (
        <p
          className={shown.validationErrors.length > 0 ? 'notice' : 'form-saved'}
          role="status"
          data-testid="headhaul-result"
          data-route={shown.route}
          data-dry-run={shown.dryRun ? 'true' : 'false'}
        >
          {shown.alreadyDeclared
            ? t('headHaulDesk.already')
            : shown.validationErrors.length > 0
              ? t('headHaulDesk.invalid', { count: shown.validationErrors.length })
              : t(shown === preview ? `headHaulDesk.previewOk.${shown.route}` : `headHaulDesk.built.${shown.route}`, {
                  total: minorToDecimal(shown.totalCny, 'CNY'),
                  documents: (shown.documents.CEB303 ?? 0) + (shown.documents.CEB603 ?? 0),
                })}
        </p>
      ) : null}

      {route === 'declarationForm' ? (
        <div className="panel" data-testid="headhaul-form">
          <h4 className="panel-title">{t('headHaulDesk.formTitle')}</h4>
          <p className="field-help">{t('headHaulDesk.formHelp')}</p>
          <div className="form-actions">
            <Button data-testid="headhaul-form-xlsx" disabled={formFile.pending} onClick={() => void download('xlsx')}>
              {t('headHaulDesk.downloadXlsx')}
            </Button>
            <Button data-testid="headhaul-form-json" disabled={formFile.pending} onClick={() => void download('json')}>
              {t('headHaulDesk.downloadJson')}
            </Button>
          </div>
          {s.declared ? (
            <div className="toolbar">
              <InlineInput
                id="headhaul-entry"
                label={t('headHaulDesk.entryId')}
                className="input input-compact mono"
                maxLength={18}
                value={entryId}
                onChange={setEntryId}
              />
              <Button
                variant="primary"
                data-testid="headhaul-entry-save"
                disabled={recordEntry.pending || entryId.trim().length !== 18}
                onClick={() => void saveEntry()}
              >
                {t('headHaulDesk.recordEntry')}
              </Button>
              {entrySaved ? (
                <span className="form-saved" role="status" data-testid="headhaul-entry-saved">
                  {t('headHaulDesk.entrySaved')}
                </span>
              ) : null}
            </div>
          ) : (
            <p className="muted">{t('headHaulDesk.entryAfterBuild')}</p>
          )}
        </div>
      ) : null}
    </Panel>
  );
}
