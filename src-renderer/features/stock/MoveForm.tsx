/**
 * MoveForm: posts one stock move with `stock.moves.post` — purchase receipt (unit cost,
 * currency and rate, supplier invoice no and amount for the export tax refund later),
 * transfer, sale, return (with the export date for the duty-free return window), count
 * (the counted quantity; the difference is posted) or write-off. A backdated move that would
 * make stock negative later is refused by the host (`stock.negative`), shown in the banner.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { CommandInput, ErrorInfo, StockMove } from '../../../src-main/api/contract.ts';
import { CURRENCIES, isCurrency, type Currency } from '../../ui/currencies.ts';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { Field } from '../../ui/Field.tsx';
import { Select } from '../../ui/Select.tsx';
import { SubmitActions } from '../../ui/SubmitActions.tsx';
import { warehouseLabel } from './stock-format.ts';
import {
  isIsoDay,
  isPostableMoveType,
  parseInteger,
  POSTABLE_MOVE_TYPES,
  todayIso,
  type PostableMoveType,
} from './vocabulary.ts';
import { useSkus, useWarehouses } from './use-stock-refs.ts';

type TextField =
  | 'quantity'
  | 'unitCost'
  | 'rate'
  | 'reference'
  | 'reason'
  | 'supplierInvoiceNo'
  | 'supplierInvoiceAmount'
  | 'exportDate';

export function MoveForm({
  initialSkuId,
  onPosted,
}: {
  readonly initialSkuId: string;
  readonly onPosted?: (moves: readonly StockMove[]) => void;
}) {
  const { t } = useTranslation();
  const movesPost = useMutation('stock.moves.post');
  const skus = useSkus() ?? [];
  const warehouses = useWarehouses() ?? [];
  const [type, setType] = useState<PostableMoveType>('purchase');
  const [date, setDate] = useState(todayIso());
  const [skuId, setSkuId] = useState(initialSkuId);
  const [warehouseId, setWarehouseId] = useState(() => String(warehouses.find((w) => w.kind === 'domestic')?.id ?? ''));
  const [toWarehouseId, setToWarehouseId] = useState('');
  const [currency, setCurrency] = useState<Currency>('CNY');
  const [text, setText] = useState<Record<TextField, string>>({
    quantity: '',
    unitCost: '',
    rate: '',
    reference: '',
    reason: '',
    supplierInvoiceNo: '',
    supplierInvoiceAmount: '',
    exportDate: '',
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const [posted, setPosted] = useState(false);

  const clear = (key: string) => setFieldErrors(({ [key]: _cleared, ...rest }) => rest);
  const set = (key: TextField, value: string) => {
    setText((v) => ({ ...v, [key]: value }));
    clear(key);
    setPosted(false);
  };

  const places = warehouses
    .filter((w) => w.kind !== 'transit')
    .map((w) => ({ value: String(w.id), label: warehouseLabel(w) }));
  const withCost = type === 'purchase' || type === 'return';
  const needsReason = type === 'count' || type === 'writeoff';

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving) return;
    const local: Record<string, string> = {};
    const quantity = parseInteger(text.quantity);
    if (!isIsoDay(date)) local['date'] = 'validation.required';
    if (skuId === '') local['skuId'] = 'validation.required';
    if (warehouseId === '') local['warehouseId'] = 'validation.required';
    if (type === 'transfer' && toWarehouseId === '') local['toWarehouseId'] = 'validation.required';
    if (quantity === null || (type === 'count' ? quantity < 0 : quantity < 1)) local['quantity'] = 'stock.badQuantity';
    if (type === 'purchase' && text.unitCost.trim() === '') local['unitCost'] = 'validation.required';
    if (withCost && currency !== 'CNY' && text.rate.trim() === '' && text.unitCost.trim() !== '')
      local['rate'] = 'stock.rate.required';
    if (needsReason && text.reason.trim() === '') local['reason'] = 'validation.required';
    if (Object.keys(local).length > 0) {
      setFieldErrors(local);
      return;
    }
    const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
    const input: CommandInput<'stock.moves.post'> = {
      date,
      type,
      skuId: Number(skuId),
      warehouseId: Number(warehouseId),
      quantity: quantity ?? 0,
      toWarehouseId: type === 'transfer' ? Number(toWarehouseId) : null,
      unitCost: withCost ? orNull(text.unitCost) : null,
      currency: withCost && orNull(text.unitCost) !== null ? currency : null,
      rate: withCost && currency !== 'CNY' ? orNull(text.rate) : null,
      reference: orNull(text.reference),
      reason: orNull(text.reason),
      supplierInvoiceNo: type === 'purchase' ? orNull(text.supplierInvoiceNo) : null,
      supplierInvoiceAmount: type === 'purchase' ? orNull(text.supplierInvoiceAmount) : null,
      exportDate: type === 'return' ? orNull(text.exportDate) : null,
    };
    setSaving(true);
    setError(null);
    const result = await movesPost.run(input);
    setSaving(false);
    if (result.ok) {
      setText((v) => ({
        ...v,
        quantity: '',
        reference: '',
        reason: '',
        supplierInvoiceNo: '',
        supplierInvoiceAmount: '',
      }));
      setPosted(true);
      onPosted?.(result.value);
      return;
    }
    setFieldErrors(result.error.fields ?? {});
    setError(result.error);
  };

  const textField = (
    key: TextField,
    opts: { optional?: boolean; help?: string; type?: string; numeric?: boolean; maxLength?: number } = {},
  ) => (
    <Field
      name={`move-${key}`}
      label={t(`stock.move.fields.${key}`)}
      optional={opts.optional}
      help={opts.help}
      errorCode={fieldErrors[key] ?? null}
    >
      {(control) => (
        <input
          {...control}
          className={opts.numeric ? 'input num' : 'input'}
          type={opts.type ?? 'text'}
          inputMode={opts.numeric ? 'decimal' : undefined}
          maxLength={opts.maxLength ?? 60}
          data-testid={`move-form-${key}`}
          value={text[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form className="form form-wide panel" data-testid="move-form" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="panel-title">{t('stock.move.title')}</h3>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <div className="form-grid">
        <Field name="move-type" label={t('stock.move.fields.type')} help={t(`stock.move.typeHelp.${type}`)}>
          {(control) => (
            <Select
              {...control}
              data-testid="move-form-type"
              value={type}
              options={POSTABLE_MOVE_TYPES.map((m) => ({ value: m, label: t(`stock.moveTypes.${m}`) }))}
              onChange={(e) => {
                if (isPostableMoveType(e.target.value)) setType(e.target.value);
                setFieldErrors({});
                setPosted(false);
              }}
            />
          )}
        </Field>
        <Field name="move-date" label={t('stock.move.fields.date')} errorCode={fieldErrors['date'] ?? null}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              data-testid="move-form-date"
              value={date}
              onChange={(e) => {
                setDate(e.target.value);
                clear('date');
              }}
            />
          )}
        </Field>
        <Field name="move-skuId" label={t('stock.columns.sku')} errorCode={fieldErrors['skuId'] ?? null}>
          {(control) => (
            <Select
              {...control}
              data-testid="move-form-sku"
              value={skuId}
              placeholder={t('stock.chooseSku')}
              options={skus.map((s) => ({ value: String(s.id), label: `${s.itemNo} · ${s.goodsName}` }))}
              onChange={(e) => {
                setSkuId(e.target.value);
                clear('skuId');
              }}
            />
          )}
        </Field>
        <Field
          name="move-warehouseId"
          label={type === 'transfer' ? t('stock.move.fields.fromWarehouse') : t('stock.columns.warehouse')}
          errorCode={fieldErrors['warehouseId'] ?? null}
        >
          {(control) => (
            <Select
              {...control}
              data-testid="move-form-warehouse"
              value={warehouseId}
              placeholder={t('stock.chooseWarehouse')}
              options={places}
              onChange={(e) => {
                setWarehouseId(e.target.value);
                clear('warehouseId');
              }}
            />
          )}
        </Field>
        {type === 'transfer' ? (
          <Field
            name="move-toWarehouseId"
            label={t('stock.move.fields.toWarehouse')}
            errorCode={fieldErrors['toWarehouseId'] ?? null}
          >
            {(control) => (
              <Select
                {...control}
                data-testid="move-form-toWarehouse"
                value={toWarehouseId}
                placeholder={t('stock.chooseWarehouse')}
                options={places}
                onChange={(e) => {
                  setToWarehouseId(e.target.value);
                  clear('toWarehouseId');
                }}
              />
            )}
          </Field>
        ) : null}
        {textField('quantity', {
          numeric: true,
          maxLength: 12,
          help: type === 'count' ? t('stock.move.countHelp') : undefined,
        })}
        {withCost
          ? textField('unitCost', {
              numeric: true,
              maxLength: 40,
              optional: type === 'return',
              help: t('stock.move.unitCostHelp'),
            })
          : null}
        {withCost ? (
          <Field name="move-currency" label={t('stock.move.fields.currency')}>
            {(control) => (
              <Select
                {...control}
                data-testid="move-form-currency"
                value={currency}
                options={CURRENCIES.map((c) => ({ value: c, label: c }))}
                onChange={(e) => {
                  if (isCurrency(e.target.value)) setCurrency(e.target.value);
                  clear('rate');
                }}
              />
            )}
          </Field>
        ) : null}
        {withCost && currency !== 'CNY'
          ? textField('rate', { numeric: true, maxLength: 40, help: t('stock.move.rateHelp') })
          : null}
        {type === 'purchase' ? textField('supplierInvoiceNo', { optional: true }) : null}
        {type === 'purchase'
          ? textField('supplierInvoiceAmount', {
              optional: true,
              numeric: true,
              maxLength: 40,
              help: t('stock.move.invoiceHelp'),
            })
          : null}
        {type === 'return'
          ? textField('exportDate', { optional: true, type: 'date', help: t('stock.move.exportDateHelp') })
          : null}
        {textField('reference', { optional: true })}
        {textField('reason', { optional: !needsReason, maxLength: 200 })}
      </div>
      <SubmitActions
        testId="move-form-save"
        busy={saving}
        done={posted ? t('stock.move.posted') : null}
        doneTestId="move-form-posted"
      >
        {saving ? t('stock.actions.saving') : t('stock.move.post')}
      </SubmitActions>
    </form>
  );
}
