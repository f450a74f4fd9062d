/**
 * NettingView: the netting statement (轧差结算) of one payout — restored gross proceeds, each
 * deduction (overseas warehousing, logistics, platform fees, overseas taxes, advertising,
 * refunds, other) with its evidence (file and lines), the net amount and the deposit it must
 * equal, the unmatched lines and orders on both sides, declared value vs amount received, the
 * rates used, and the evidence pack export.
 */
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../app/use-query.ts';
import { SETTLEMENT_AREAS } from './vocabulary.ts';
import type { NettingStatement, PayoutDetail } from '../../../src-main/api/contract.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { DataTable, num } from '../../ui/DataTable.tsx';
import { ColumnTable } from '../../ui/ColumnTable.tsx';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { ToolbarSelect } from '../../ui/ToolbarSelect.tsx';
import { EvidencePackButtons } from './EvidencePackButtons.tsx';
import { Pager, usePage } from './Pager.tsx';
import { rowRanges, useSettlementFormatters } from './settlement-format.ts';

export interface NettingViewProps {
  readonly payoutId: number | null;
  readonly onPick: (payoutId: number) => void;
}

export function NettingView({ payoutId, onPick }: NettingViewProps) {
  const { t } = useTranslation();
  const f = useSettlementFormatters();
  const payouts = useQuery('payouts.list', {}, { areas: SETTLEMENT_AREAS });
  const netting = useQuery('settlement.netting', payoutId === null ? null : { payoutId }, { areas: SETTLEMENT_AREAS });
  const detail = useQuery('payouts.get', payoutId === null ? null : { id: payoutId }, { areas: SETTLEMENT_AREAS });
  const error = netting.error ?? detail.error ?? payouts.error;

  return (
    <ViewSection
      titleId="settlement-netting-title"
      title={t('settlement.netting.title')}
      actions={
        <ToolbarSelect
          label={t('settlement.netting.payout')}
          testId="netting-payout"
          value={payoutId === null ? '' : String(payoutId)}
          placeholder={t('settlement.netting.choosePayout')}
          options={(payouts.data ?? []).map((p) => ({
            value: String(p.id),
            label: `${p.settlementId} · ${p.periodStart} – ${p.periodEnd} · ${p.currency}`,
          }))}
          onChange={(e) => {
            if (/^\d+$/.test(e.target.value)) onPick(Number(e.target.value));
          }}
        />
      }
    >
      {error ? <ErrorBanner error={error} /> : null}
      {payoutId === null ? (
        <EmptyState title={t('settlement.netting.pickTitle')} body={t('settlement.netting.pickBody')} />
      ) : null}
      {netting.data ? (
        <NettingStatementView
          statement={netting.data}
          detail={detail.data ?? null}
          money={(m) => f.money(m, netting.data?.currency ?? 'USD')}
        />
      ) : null}
    </ViewSection>
  );
}

interface StatementProps {
  readonly statement: NettingStatement;
  readonly detail: PayoutDetail | null;
  readonly money: (minor: number) => string;
}

function NettingStatementView({ statement: s, detail, money }: StatementProps) {
  const { t } = useTranslation();
  const f = useSettlementFormatters();
  const balanced = s.net === s.deposit;
  // "row 9" for one row, "rows 3–5, 9" for more (the count, not the rendered text, decides).
  const evidence = (rows: readonly number[]) =>
    rows.length === 0
      ? '–'
      : t(rows.length === 1 ? 'settlement.netting.evidenceRow' : 'settlement.netting.evidenceRows', {
          file: s.fileName,
          rows: rowRanges(rows),
        });
  const cells = { evidence, money };

  return (
    <div
      data-testid="netting-statement"
      data-payout={s.payoutId}
      data-gross={s.gross}
      data-net={s.net}
      data-deposit={s.deposit}
    >
      <dl className="facts facts-columns">
        <dt>{t('settlement.payouts.settlementId')}</dt>
        <dd className="mono">{s.settlementId}</dd>
        <dt>{t('settlement.netting.file')}</dt>
        <dd>{s.fileName}</dd>
        <dt>{t('settlement.payouts.period')}</dt>
        <dd>{t('settlement.periodRange', { from: f.day(s.periodStart), to: f.day(s.periodEnd) })}</dd>
        <dt>{t('settlement.payouts.depositDate')}</dt>
        <dd>{f.day(s.depositDate)}</dd>
        <dt>{t('settlement.fields.currency')}</dt>
        <dd>{s.currency}</dd>
      </dl>
      {s.debitBalance ? (
        <p className="notice" data-testid="netting-debit">
          {t('settlement.payouts.debitBalance')}
        </p>
      ) : null}
      <EvidencePackButtons payoutId={s.payoutId} />

      <DataTable
        data-testid="netting-table"
        foot={
          <>
            <tr data-testid="netting-net" data-amount={s.net}>
              <th scope="row">{t('settlement.netting.net')}</th>
              <td className="num strong">{money(s.net)}</td>
              <td />
            </tr>
            <tr data-testid="netting-deposit" data-balanced={balanced}>
              <th scope="row">{t('settlement.netting.deposit')}</th>
              <td className="num">{money(s.deposit)}</td>
              <td>
                <span className={balanced ? 'status-badge status-badge-ok' : 'status-badge status-badge-warn'}>
                  {balanced
                    ? t('settlement.netting.balanced')
                    : t('settlement.netting.notBalanced', { difference: money(s.deposit - s.net) })}
                </span>
              </td>
            </tr>
          </>
        }
        columns={[t('settlement.netting.item'), num(t('settlement.netting.amount')), t('settlement.netting.evidence')]}
      >
        <tr data-testid="netting-gross" data-amount={s.gross}>
          <th scope="row">{t('settlement.netting.gross')}</th>
          <td className="num strong">{money(s.gross)}</td>
          <td className="muted">{evidence(s.grossEvidence.rows)}</td>
        </tr>
        <SectionRow
          testId="netting-refunds"
          item={t('settlement.netting.refunds')}
          signed={s.refunds.amount}
          section={s.refunds}
          {...cells}
        />
        <tr data-testid="netting-net-sales" data-amount={s.netSales}>
          <th scope="row">{t('settlement.netting.netSales')}</th>
          <td className="num">{money(s.netSales)}</td>
          <td />
        </tr>
        {s.deductions.map((d) => (
          // A deduction is printed as an amount after "减"; one that adds (a net credit) after "加" — never "减 −".
          <SectionRow
            key={d.category}
            testId={`netting-deduction-${d.category}`}
            muted={d.amount === 0}
            item={t(`settlement.categories.${d.category}`)}
            signed={d.amount}
            section={d}
            {...cells}
          />
        ))}
        <SectionRow
          testId="netting-other-income"
          muted={s.otherIncome.amount === 0}
          income
          item={t('settlement.netting.otherIncome')}
          signed={s.otherIncome.amount}
          section={s.otherIncome}
          {...cells}
        />
        <SectionRow
          testId="netting-reserve"
          muted={s.reserve.movement === 0}
          item={t(s.reserve.movement < 0 ? 'settlement.netting.reserveDown' : 'settlement.netting.reserveUp')}
          signed={s.reserve.movement}
          section={s.reserve}
          {...cells}
          note={t('settlement.netting.reserveLine', {
            opening: money(s.reserve.opening),
            movement: money(s.reserve.movement),
            closing: money(s.reserve.closing),
          })}
        />
        {s.otherItems.items.length > 0 ? (
          <SectionRow
            testId="netting-other-items"
            income
            item={t('settlement.netting.otherItems')}
            signed={s.otherItems.amount}
            section={s.otherItems}
            {...cells}
          />
        ) : null}
      </DataTable>

      <p className="field-help" data-testid="netting-cny" data-net-cny={s.cny.net ?? ''}>
        {s.cny.rate === null
          ? t('settlement.netting.cnyNone')
          : `${t('settlement.netting.cny', { rate: s.cny.rate.rate, date: f.day(s.cny.rate.date) })}: ${t('settlement.netting.gross')} ${f.money(s.cny.gross ?? 0, 'CNY')} · ${t('settlement.netting.net')} ${f.money(s.cny.net ?? 0, 'CNY')}`}
      </p>

      <h3 className="section-title">{t('settlement.netting.unmatchedTitle')}</h3>
      {s.unmatched.shops.length > 0 ? (
        <p className="field-help">{t('settlement.netting.shopsNote', { shops: s.unmatched.shops.join(', ') })}</p>
      ) : null}
      <dl className="stats">
        <div className="stat" data-testid="netting-unmatched-lines" data-value={s.unmatched.payoutLines}>
          <dt>{t('settlement.netting.unmatchedLines')}</dt>
          <dd className={s.unmatched.payoutLines > 0 ? 'stat-bad' : undefined}>{f.count(s.unmatched.payoutLines)}</dd>
        </div>
        <div className="stat" data-testid="netting-unmatched-orders" data-value={s.unmatched.orders}>
          <dt>{t('settlement.netting.unmatchedOrders')}</dt>
          <dd className={s.unmatched.orders > 0 ? 'stat-bad' : undefined}>{f.count(s.unmatched.orders)}</dd>
        </div>
      </dl>
      {detail ? <UnmatchedLists detail={detail} money={money} /> : null}

      {s.declarations.length > 0 ? (
        <>
          <h3 className="section-title">{t('settlement.netting.declarationsTitle')}</h3>
          <p className="field-help">{t('settlement.netting.declarationsHelp')}</p>
          <ColumnTable
            data-testid="netting-declarations"
            rows={s.declarations}
            row={(d) => ({ key: d.orderId, 'data-testid': `netting-declaration-${d.orderId}` })}
            columns={[
              { head: 'settlement.netting.orderNo', mono: true, cell: (d) => d.orderNo },
              { head: 'settlement.netting.customsMode', cell: (d) => d.customsMode ?? '–' },
              {
                head: 'settlement.netting.invtNo',
                mono: true,
                td: () => ({ 'data-testid': 'netting-declaration-invt' }),
                cell: (d) => d.invtNo ?? t('settlement.netting.notLinked'),
              },
              { head: 'settlement.netting.declarationNo', mono: true, cell: (d) => d.entryId ?? '–' },
              {
                head: 'settlement.netting.declaredValue',
                num: true,
                td: () => ({ 'data-testid': 'netting-declaration-declared' }),
                cell: (d) =>
                  d.declaredValue !== null && d.declaredCurrency !== null
                    ? f.money(d.declaredValue, d.declaredCurrency)
                    : d.orderValue !== null
                      ? t('settlement.netting.orderValue', { value: money(d.orderValue) })
                      : '–',
              },
              { head: 'settlement.netting.received', num: true, cell: (d) => money(d.received) },
            ]}
          />
        </>
      ) : null}

      <h3 className="section-title">{t('settlement.netting.ratesTitle')}</h3>
      {s.rates.length === 0 ? (
        <p className="field-help">{t('settlement.netting.noRates')}</p>
      ) : (
        <ul className="settlement-list" data-testid="netting-rates">
          {s.rates.map((r) => (
            <li key={`${r.currency}-${r.date}-${r.source}`}>
              {t('settlement.netting.rateLine', {
                currency: r.currency,
                date: f.day(r.date),
                rate: r.rate,
                source: t(`settlement.rateSources.${r.source}`),
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface SectionRowProps {
  readonly testId: string;
  /** What the line is ("refunds"), printed after "加" or "减". */
  readonly item: string;
  /** The signed amount: a deduction (or, with `income`, an income) below zero turns round. */
  readonly signed: number;
  /** An income line (positive adds); otherwise a deduction (positive is taken off). */
  readonly income?: boolean;
  readonly section: {
    readonly items: NettingStatement['refunds']['items'];
    readonly evidence: { readonly rows: readonly number[] };
  };
  readonly evidence: (rows: readonly number[]) => string;
  readonly money: (minor: number) => string;
  readonly muted?: boolean;
  readonly note?: string;
}

/** One statement line: its label, unsigned amount and evidence, with each platform item named readably and its raw code in small print. */
function SectionRow({ testId, item, signed, income = false, section, evidence, money, muted, note }: SectionRowProps) {
  const { t } = useTranslation();
  const adds = income ? signed >= 0 : signed < 0;
  const label = t(adds ? 'settlement.netting.plus' : 'settlement.netting.less', { item });
  const amount = Math.abs(signed);
  const { items } = section;
  return (
    <tr data-testid={testId} data-amount={amount} className={muted ? 'muted' : undefined}>
      <td>
        {label}
        {note !== undefined ? <div className="field-help">{note}</div> : null}
        {items.length > 0 ? (
          <ul className="settlement-items">
            {items.map((item) => (
              <li key={item.key}>
                {t(`settlement.netting.labels.${item.label}`, { key: item.key })} · {money(item.amount)} ·{' '}
                {t(item.rowCount === 1 ? 'settlement.netting.row' : 'settlement.netting.rows', {
                  rows: rowRanges(item.rows, 6),
                })}{' '}
                <small className="mono muted">{item.key}</small>
              </li>
            ))}
          </ul>
        ) : null}
      </td>
      <td className="num">{money(amount)}</td>
      <td className="muted">{evidence(section.evidence.rows)}</td>
    </tr>
  );
}

function UnmatchedLists({
  detail,
  money,
}: {
  readonly detail: PayoutDetail;
  readonly money: (minor: number) => string;
}) {
  const { t } = useTranslation();
  const f = useSettlementFormatters();
  return (
    <div className="facts-columns">
      <PagedList
        title={t('settlement.netting.unmatchedLinesList')}
        testId="netting-unmatched-lines-list"
        items={detail.unmatchedPayoutLines}
        itemKey={(l) => l.id}
        line={(l) =>
          t('settlement.payouts.unmatchedLine', { row: l.row, order: l.orderNo ?? '', amount: money(l.amount) })
        }
      />
      <PagedList
        title={t('settlement.netting.ordersWithoutPayout')}
        testId="netting-unmatched-orders-list"
        items={detail.ordersWithoutPayout}
        itemKey={(o) => o.orderId}
        line={(o) =>
          t('settlement.netting.orderLine', {
            order: o.orderNo,
            date: f.day(o.orderedAt.slice(0, 10)),
            amount: money(o.gross),
          })
        }
      />
    </div>
  );
}

interface PagedListProps<T> {
  readonly title: string;
  readonly testId: string;
  readonly items: readonly T[];
  readonly itemKey: (item: T) => string | number;
  readonly line: (item: T) => string;
}

/** A titled list of lines, a page at a time; nothing when the list is empty. */
function PagedList<T>({ title, testId, items, itemKey, line }: PagedListProps<T>) {
  const { rows, pager } = usePage(items);
  if (items.length === 0) return null;
  return (
    <div>
      <h4 className="section-title">{title}</h4>
      <ul className="settlement-list" data-testid={testId}>
        {rows.map((item) => (
          <li key={itemKey(item)}>{line(item)}</li>
        ))}
      </ul>
      <Pager {...pager} />
    </div>
  );
}
