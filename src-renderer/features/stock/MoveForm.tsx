/**
 * MoveForm: posts one stock move with `stock.moves.post` — purchase receipt (unit cost,
 * currency and rate, supplier invoice no and amount for the export tax refund later),
 * transfer, sale, return (with the export date for the duty-free return window), count
 * (the counted quantity; the difference is posted) or write-off. A backdated move that would
 * make stock negative later is refused by the host (`stock.negative`), shown in the banner.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { CommandInput, StockMove } from '../../../src-main/api/contract.ts';
import type { SelectOption } from '../../ui/Select.tsx';
import { CURRENCIES, isCurrency, type Currency } from '../../ui/currencies.ts';
import { FormPanel } from '../../ui/FormPanel.tsx';
import { useForm } from '../../ui/use-form.ts';
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

/** The fields labelled `stock.move.fields.<key>` (the SKU and warehouse pickers say their own). */
type LabelledMoveField =
  | 'type'
  | 'date'
  | 'quantity'
  | 'unitCost'
  | 'currency'
  | 'rate'
  | 'supplierInvoiceNo'
  | 'supplierInvoiceAmount'
  | 'exportDate'
  | 'reference'
  | 'reason';

/** The fields emptied after a move is posted, for the next one. */
const CLEARED_AFTER_POST = {
  quantity: '',
  reference: '',
  reason: '',
  supplierInvoiceNo: '',
  supplierInvoiceAmount: '',
} as const;

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
  const [currency, setCurrency] = useState<Currency>('CNY');
  const form = useForm(
    () => ({
      ...CLEARED_AFTER_POST,
      date: todayIso(),
      skuId: initialSkuId,
      warehouseId: String(warehouses.find((w) => w.kind === 'domestic')?.id ?? ''),
      toWarehouseId: '',
      unitCost: '',
      rate: '',
      exportDate: '',
    }),
    {
      names: 'move',
      testIds: 'move-form',
      label: (key: LabelledMoveField) => t(`stock.move.fields.${key}`),
    },
  );
  const text = form.values;
  const { date, skuId, warehouseId, toWarehouseId } = text;
  const [posted, setPosted] = useState(false);
  const fields = {
    ...form,
    set: (key: keyof typeof text, value: string) => {
      form.set(key, value);
      setPosted(false);
    },
  };

  const places = warehouses
    .filter((w) => w.kind !== 'transit')
    .map((w) => ({ value: String(w.id), label: warehouseLabel(w) }));
  const skuOptions = skus.map((s) => ({ value: String(s.id), label: `${s.itemNo} · ${s.goodsName}` }));
  const choose = (options: readonly SelectOption[], placeholder: 'chooseSku' | 'chooseWarehouse') => ({
    options,
    placeholder: t(`stock.${placeholder}`),
  });
  const withCost = type === 'purchase' || type === 'return';
  const needsReason = type === 'count' || type === 'writeoff';

  const submit = async () => {
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
    if (form.refuse(local)) return;
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
    const result = await movesPost.run(input);
    if (result.ok) {
      form.patch(CLEARED_AFTER_POST);
      setPosted(true);
      onPosted?.(result.value);
    } else form.show(result.error);
  };

  const number = (maxLength: number) => ({ className: 'input num', inputMode: 'decimal', maxLength }) as const;
  const optional = { optional: true, maxLength: 60 };
  return (
    <FormPanel
      testId="move-form"
      wide
      title={t('stock.move.title')}
      sending={movesPost}
      onSubmit={submit}
      submit={{
        testId: 'move-form-save',
        label: t('stock.move.post'),
        done: posted ? t('stock.move.posted') : null,
        doneTestId: 'move-form-posted',
      }}
      form={fields}
      fields={[
        {
          key: 'type',
          help: t(`stock.move.typeHelp.${type}`),
          options: POSTABLE_MOVE_TYPES.map((m) => ({ value: m, label: t(`stock.moveTypes.${m}`) })),
          value: type,
          onChange: (v) => {
            if (isPostableMoveType(v)) setType(v);
            form.reset();
            setPosted(false);
          },
        },
        { key: 'date', type: 'date' },
        {
          key: 'skuId',
          label: t('stock.columns.sku'),
          testId: 'move-form-sku',
          ...choose(skuOptions, 'chooseSku'),
        },
        {
          key: 'warehouseId',
          label: type === 'transfer' ? t('stock.move.fields.fromWarehouse') : t('stock.columns.warehouse'),
          testId: 'move-form-warehouse',
          ...choose(places, 'chooseWarehouse'),
        },
        type === 'transfer' && {
          key: 'toWarehouseId',
          label: t('stock.move.fields.toWarehouse'),
          testId: 'move-form-toWarehouse',
          ...choose(places, 'chooseWarehouse'),
        },
        { key: 'quantity', help: type === 'count' ? t('stock.move.countHelp') : undefined, ...number(12) },
        withCost && {
          key: 'unitCost',
          optional: type === 'return',
          help: t('stock.move.unitCostHelp'),
          ...number(40),
        },
        withCost && {
          key: 'currency',
          options: CURRENCIES.map((c) => ({ value: c, label: c })),
          value: currency,
          onChange: (v) => {
            if (isCurrency(v)) setCurrency(v);
            form.clear('rate');
          },
        },
        withCost && currency !== 'CNY' && { key: 'rate', help: t('stock.move.rateHelp'), ...number(40) },
        type === 'purchase' && { key: 'supplierInvoiceNo', ...optional },
        type === 'purchase' && {
          key: 'supplierInvoiceAmount',
          help: t('stock.move.invoiceHelp'),
          ...number(40),
          optional: true,
        },
        type === 'return' && { key: 'exportDate', type: 'date', help: t('stock.move.exportDateHelp'), ...optional },
        { key: 'reference', ...optional },
        { key: 'reason', optional: !needsReason, maxLength: 200 },
      ]}
    />
  );
}
