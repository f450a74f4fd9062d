/**
 * SkusView: the seller SKUs with their customs data and platform SKU mappings; a form to
 * create one or edit one, and a small form mapping a platform SKU (ASIN, FNSKU, seller SKU,
 * Shopify SKU) to a seller SKU with `stock.skus.mapPlatform`.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../app/use-query.ts';
import type { CommandInput, ErrorInfo, SkuRecord } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { EditableList } from '../../ui/EditableList.tsx';
import { ErrorBanner } from '../../ui/ErrorBanner.tsx';
import { HintInput } from '../../ui/HintInput.tsx';
import { Select } from '../../ui/Select.tsx';
import { useEditor } from '../../ui/use-editor.ts';
import { ViewSection } from '../../ui/ViewSection.tsx';
import { SkuForm } from './SkuForm.tsx';
import { SkuFileImport } from './SkuFileImport.tsx';
import { isUnitCode } from './vocabulary.ts';
import { useSkus } from './use-stock-refs.ts';

type Platform = CommandInput<'stock.skus.mapPlatform'>['platform'];
type PlatformSkuKind = CommandInput<'stock.skus.mapPlatform'>['kind'];
const MAP_PLATFORMS = ['amazon', 'shopify', 'shopee', 'tiktok', 'erp', 'manual'] as const satisfies readonly Platform[];
const PLATFORM_SKU_KINDS = [
  'asin',
  'fnsku',
  'sellerSku',
  'shopifySku',
  'other',
] as const satisfies readonly PlatformSkuKind[];

function MapPlatformForm({ sku, onDone }: { readonly sku: SkuRecord; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const skusMapPlatform = useMutation('stock.skus.mapPlatform');
  const [platform, setPlatform] = useState<Platform>('amazon');
  const [kind, setKind] = useState<PlatformSkuKind>('asin');
  const [code, setCode] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (saving || code.trim() === '') return;
    setSaving(true);
    const result = await skusMapPlatform.run({ skuId: sku.id, platform, kind, code: code.trim() });
    setSaving(false);
    if (result.ok) {
      setCode('');
      setError(null);
      onDone();
    } else setError(result.error);
  };

  return (
    <form className="toolbar" data-testid={`sku-map-${sku.itemNo}`} onSubmit={(e) => void submit(e)}>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <Select
        className="select-compact"
        aria-label={t('stock.sku.map.platform')}
        data-testid="sku-map-platform"
        value={platform}
        options={MAP_PLATFORMS.map((p) => ({ value: p, label: t(`orders.platforms.${p}`) }))}
        onChange={(e) => setPlatform(MAP_PLATFORMS.find((p) => p === e.target.value) ?? 'amazon')}
      />
      <Select
        className="select-compact"
        aria-label={t('stock.sku.map.kind')}
        data-testid="sku-map-kind"
        value={kind}
        options={PLATFORM_SKU_KINDS.map((k) => ({ value: k, label: t(`stock.sku.map.kinds.${k}`) }))}
        onChange={(e) => setKind(PLATFORM_SKU_KINDS.find((k) => k === e.target.value) ?? 'other')}
      />
      <HintInput
        hint={t('stock.sku.map.code')}
        testId="sku-map-code"
        className="input input-compact mono"
        maxLength={60}
        value={code}
        onChange={setCode}
      />
      <Button type="submit" data-testid="sku-map-save" disabled={saving || code.trim() === ''}>
        {t('stock.sku.map.save')}
      </Button>
    </form>
  );
}

export function SkusView() {
  const { t } = useTranslation();
  const skus = useSkus();
  const editor = useEditor<SkuRecord>();
  const [mapping, setMapping] = useState<number | null>(null);

  return (
    <ViewSection
      titleId="stock-skus-title"
      title={t('stock.sku.title')}
      action={{ testId: 'sku-new', label: t('stock.sku.new'), onClick: () => editor.open('new') }}
    >
      <SkuFileImport />
      <EditableList
        editor={editor}
        saved={{ testId: 'sku-saved', text: (itemNo) => t('stock.sku.saved', { itemNo }) }}
        form={(sku) => <SkuForm record={sku} onSaved={(saved) => editor.done(saved.itemNo)} onCancel={editor.close} />}
        items={skus}
        empty={{ title: t('stock.sku.emptyTitle'), body: t('stock.sku.emptyBody') }}
        data-testid="stock-skus"
        row={(s) => ({ key: s.id, 'data-testid': `sku-${s.itemNo}` })}
        columns={[
          { head: 'stock.sku.fields.itemNo', mono: true, cell: (s) => s.itemNo },
          { head: 'stock.sku.fields.goodsName', cell: (s) => s.goodsName },
          { head: 'stock.sku.fields.hsCode', mono: true, cell: (s) => s.hsCode },
          {
            head: 'stock.sku.fields.unit',
            cell: (s) => (isUnitCode(s.unit) ? `${s.unit} ${t(`stock.units.${s.unit}`)}` : s.unit),
          },
          {
            head: 'stock.sku.platformSkus',
            cell: (s) => (
              <>
                {s.platformSkus.map((p) => (
                  <span key={`${p.platform}|${p.kind}|${p.code}`} className="badge badge-muted mono">
                    {p.code}
                  </span>
                ))}
                {mapping === s.id ? <MapPlatformForm sku={s} onDone={() => setMapping(null)} /> : null}
              </>
            ),
          },
          {
            head: 'stock.actions.actions',
            hiddenHead: true,
            cell: (s) => (
              <>
                <Button variant="quiet" data-testid={`sku-edit-${s.itemNo}`} onClick={() => editor.open(s)}>
                  {t('stock.actions.edit')}
                </Button>
                <Button
                  variant="quiet"
                  data-testid={`sku-map-open-${s.itemNo}`}
                  onClick={() => setMapping(mapping === s.id ? null : s.id)}
                >
                  {t('stock.sku.map.open')}
                </Button>
              </>
            ),
          },
        ]}
      />
    </ViewSection>
  );
}
