/**
 * "Which shop is this file from?" — asked when a file's orders could belong to several shops of
 * its platform (`imports.shopAmbiguous`: order numbers are per store, so the app never guesses).
 * Lists that platform's shops; choosing one previews the file again for that shop.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shop } from '../../../src-main/api/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';

export interface ChooseShopDialogProps {
  /** The platform the file's orders are from, as the host said (`amazon`, `shopify` …). */
  readonly platform: string;
  readonly shops: readonly Shop[];
  readonly onChoose: (shopId: number) => void;
  readonly onCancel: () => void;
}

export function ChooseShopDialog({ platform, shops, onChoose, onCancel }: ChooseShopDialogProps) {
  const { t } = useTranslation();
  const candidates = shops.filter((s) => s.platform === platform);
  const [chosen, setChosen] = useState<number | null>(null);
  const platformName = t(`orders.platforms.${platform}`, { defaultValue: platform });
  return (
    <Dialog
      testId="import-choose-shop"
      title={t('orders.import.chooseShop.title')}
      onCancel={onCancel}
      actions={
        <>
          <Button data-testid="import-choose-shop-cancel" onClick={onCancel}>
            {t('orders.import.chooseShop.cancel')}
          </Button>
          <Button
            variant="primary"
            data-testid="import-choose-shop-ok"
            disabled={chosen === null}
            onClick={() => chosen !== null && onChoose(chosen)}
          >
            {t('orders.import.chooseShop.ok')}
          </Button>
        </>
      }
    >
      <p>{t('orders.import.chooseShop.intro', { platform: platformName, count: candidates.length })}</p>
      <fieldset className="choice-list">
        <legend className="visually-hidden">{t('orders.import.chooseShop.title')}</legend>
        {candidates.map((s) => (
          <label key={s.id}>
            <input
              type="radio"
              name="import-shop-choice"
              data-testid={`import-choose-shop-${s.id}`}
              checked={chosen === s.id}
              onChange={() => setChosen(s.id)}
            />
            <span>
              {s.name}
              <span className="field-help">
                {' '}
                {[s.site, s.currency].filter((x) => x !== null && x !== '').join(' · ')}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}
