/**
 * Issue 15, point 3, per order format: what each export says about the transaction price — VAT /
 * sales tax inside or on top of prices, the seller's promotions, the platform's (non-cash)
 * discounts, shipping promotions — lands on the imported lines so the declaration can use it.
 * Fixtures follow the real exports' column shapes (README, "Marketplace formats"); amounts are
 * worked by hand in each test.
 */
import { describe, expect, it } from 'vitest';
import { orderTotals } from '../../../src-main/core/orders/sale-rule.ts';
import { computedTaxNote } from '../../../src-main/core/orders/total-check.ts';
import type { ImportedLine } from '../../../src-main/core/orders/order.ts';
import { byNo, fixture, parse } from './import-test-kit.ts';

const parts = (l: ImportedLine) => ({
  sku: l.sku,
  lineTotal: l.lineTotal,
  discount: l.discount,
  taxOnTop: l.taxOnTop,
  shipping: l.shipping,
  includedTax: l.includedTax ?? 0,
  includedShippingTax: l.includedShippingTax ?? 0,
  shippingDiscount: l.shippingDiscount ?? 0,
  platformDiscount: l.platformDiscount ?? 0,
});

describe('Amazon Order Report, UK (VAT inside prices)', () => {
  it('keeps item-tax and shipping-tax as VAT inside the prices, not on top; promotions on their lines', async () => {
    const r = await parse(fixture('amazon-order-report-uk-vat.txt'));
    expect(r.source).toBe('amazon-orders');
    expect(r.rejected).toEqual([]);
    const a = byNo(r, '202-3000001-0000001');
    expect(a.currency).toBe('GBP');
    expect(a.lines.map(parts)).toEqual([
      // 8.99 incl. VAT 1.50, seller promotion 1.80; shipping 2.99 incl. VAT 0.50
      {
        sku: 'SKU-CASE-61',
        lineTotal: 899,
        discount: 180,
        taxOnTop: 0,
        shipping: 299,
        includedTax: 150,
        includedShippingTax: 50,
        shippingDiscount: 0,
        platformDiscount: 0,
      },
      {
        sku: 'SKU-CABLE-2M',
        lineTotal: 1798,
        discount: 0,
        taxOnTop: 0,
        shipping: 0,
        includedTax: 300,
        includedShippingTax: 0,
        shippingDiscount: 0,
        platformDiscount: 0,
      },
    ]);
    // what the buyer paid: 8.99 − 1.80 + 2.99 + 17.98 = 28.16 (VAT inside)
    expect(orderTotals(a)).toMatchObject({ gross: 2816, taxOnTop: 0 });
  });

  it('puts a shipping promotion stated on a continuation row on its item, as a shipping discount, with no shipping VAT left', async () => {
    const b = byNo(await parse(fixture('amazon-order-report-uk-vat.txt')), '202-3000002-0000002');
    expect(b.sourceRows).toEqual([4, 5]);
    expect(b.discount).toBe(0);
    expect(b.lines.map(parts)).toEqual([
      {
        sku: 'SKU-CABLE-2M',
        lineTotal: 999,
        discount: 399,
        taxOnTop: 0,
        shipping: 399,
        includedTax: 167,
        includedShippingTax: 0,
        shippingDiscount: 399,
        platformDiscount: 0,
      },
    ]);
    expect(orderTotals(b)).toMatchObject({ gross: 999 });
  });

  it('computes the VAT from the UK rate where item-tax and shipping-tax are empty, and marks the order so', async () => {
    const r = await parse(fixture('amazon-order-report-uk-vat.txt'));
    const c = byNo(r, '202-3000003-0000003');
    // 12.00 × 20/120 = 2.00; shipping 2.40 × 20/120 = 0.40
    expect(c.computedTax).toEqual({ country: 'GB', ratePercent: '20' });
    expect(c.lines.map((l) => [l.includedTax, l.includedShippingTax])).toEqual([[200, 40]]);
    expect(computedTaxNote(c)?.params).toEqual({
      orderNo: '202-3000003-0000003',
      country: 'GB',
      rate: '20',
      tax: '2.40',
      currency: 'GBP',
    });
    // the orders whose file states the tax are not marked
    expect(byNo(r, '202-3000001-0000001').computedTax ?? null).toBeNull();
    // and the import's own warnings carry the mark, for the preview, the summary and the CLI
    expect(r.warnings.filter((w) => w.code === 'import.order.taxComputed').map((w) => w.params.orderNo)).toEqual([
      '202-3000003-0000003',
    ]);
  });

  it('Amazon All Orders, DE: empty item-tax / shipping-tax cells → VAT computed at 19 % and the order marked', async () => {
    const r = await parse(fixture('amazon-all-orders-de-tax-unstated.txt'));
    expect(r.rejected).toEqual([]);
    const a = byNo(r, '302-4000001-0000001');
    // 23.80 × 19/119 = 3.80; shipping 5.95 × 19/119 = 0.95
    expect(a.lines.map((l) => [l.taxOnTop, l.includedTax ?? 0, l.includedShippingTax ?? 0])).toEqual([[0, 380, 95]]);
    expect(a.computedTax).toEqual({ country: 'DE', ratePercent: '19' });
    // the order whose file states its VAT keeps it and is not marked
    const b = byNo(r, '302-4000002-0000002');
    expect(b.lines.map((l) => l.includedTax ?? 0)).toEqual([190]);
    expect(b.computedTax ?? null).toBeNull();
    expect(r.warnings.filter((w) => w.code === 'import.order.taxComputed').map((w) => w.params.orderNo)).toEqual([
      '302-4000001-0000001',
    ]);
  });

  it('Amazon JP: the consumption tax inside the prices (item-tax) is kept like VAT, not on top', async () => {
    const o = byNo(await parse(fixture('amazon-all-orders-jp.txt')), '249-1000001-1000001');
    // 3,960 yen incl. 360 consumption tax (10%), promotion 396
    expect(o.lines.map((l) => [l.lineTotal, l.discount, l.taxOnTop, l.includedTax])).toEqual([[3960, 396, 0, 360]]);
  });

  it('US Order Report: sales tax stays on top, nothing included', async () => {
    const a = byNo(await parse(fixture('amazon-order-report-us.txt')), '114-2000001-0000001');
    expect(a.lines.map((l) => [l.taxOnTop, l.includedTax ?? 0, l.includedShippingTax ?? 0])).toEqual([
      [320, 0, 0],
      [240, 0, 0],
    ]);
  });
});

describe('Shopify, a shop whose prices include VAT (Subtotal + Shipping = Total)', () => {
  it('splits the stated Taxes into the VAT inside each taxable line and inside the shipping, by the rate of Tax 1 Name', async () => {
    const r = await parse(fixture('shopify-orders-eur-taxes-included.csv'), { timeZone: 'Europe/Berlin' });
    expect(r.source).toBe('shopify');
    expect(r.rejected).toEqual([]);
    expect(r.warnings).toEqual([]);
    const a = byNo(r, '#3001');
    expect(a).toMatchObject({ currency: 'EUR', taxOnTop: 0, shipping: 595, discount: 0 });
    // goods paid 47.60 − 4.76 + 11.90 = 54.74 → VAT 19/119 = 8.74 (mug 42.84 → 6.84, coaster 11.90 → 1.90);
    // Taxes 9.69 − 8.74 = 0.95 is the VAT inside the 5.95 shipping (5.95 × 19/119 = 0.95)
    expect(a.lines.map((l) => [l.sku, l.lineTotal, l.discount, l.includedTax ?? 0])).toEqual([
      ['SKU-MUG-03', 4760, 476, 684],
      ['SKU-COASTER-4', 1190, 0, 190],
    ]);
    expect(a.lines.reduce((t, l) => t + (l.includedShippingTax ?? 0), 0)).toBe(95);
    expect(orderTotals(a).gross).toBe(6069);
  });

  it('leaves a line Shopify does not tax (Lineitem taxable false) without VAT', async () => {
    const b = byNo(await parse(fixture('shopify-orders-eur-taxes-included.csv')), '#3002');
    expect(b.lines.map((l) => [l.sku, l.includedTax ?? 0, l.includedShippingTax ?? 0])).toEqual([
      ['SKU-COASTER-4', 190, 0],
      ['GIFT-8', 0, 0],
    ]);
  });

  it('a shop with taxes on top keeps them on top, nothing included', async () => {
    const r = await parse(fixture('shopify-orders-usd.csv'));
    for (const o of r.orders) expect(o.lines.every((l) => !l.includedTax && !l.includedShippingTax)).toBe(true);
  });
});

describe('Shopee: the seller’s vouchers vs what Shopee pays (vouchers, coins, rebates)', () => {
  it('keeps Shopee-funded amounts in the goods value as a platform discount, the seller’s voucher as the discount', async () => {
    const r = await parse(fixture('shopee-orders-ph-vouchers.csv'));
    expect(r.source).toBe('shopee');
    expect(r.rejected).toEqual([]);
    // Grand Total 640.00 (what the buyer paid) + Shopee's 65.00 = 705.00 = the parts: no warning
    expect(r.warnings).toEqual([]);
    const a = byNo(r, '260310PH7K2Q9A');
    expect(a).toMatchObject({ currency: 'PHP', shipping: 4500, discount: 3000 });
    // mug: Deal Price 250.00 × 2 is after Shopee's rebate 40.00 → the transaction price is 540.00; the
    // order's Shopee voucher 20.00 + coins 5.00 are split by line value: 25.00 × 540/690 = 19.565… → 19.57,
    // 25.00 × 150/690 = 5.434… → 5.43 (the larger remainder takes the odd centavo; the parts add up to 25.00)
    expect(a.lines.map(parts)).toEqual([
      {
        sku: 'SKU-MUG-01',
        lineTotal: 54000,
        discount: 0,
        taxOnTop: 0,
        shipping: 0,
        includedTax: 0,
        includedShippingTax: 0,
        shippingDiscount: 0,
        platformDiscount: 4000 + 1957,
      },
      {
        sku: 'SKU-CASE-61',
        lineTotal: 15000,
        discount: 0,
        taxOnTop: 0,
        shipping: 0,
        includedTax: 0,
        includedShippingTax: 0,
        shippingDiscount: 0,
        platformDiscount: 543,
      },
    ]);
    // the seller's sale: 540 + 150 − 30 seller voucher + 45 shipping = 705.00 (Shopee pays 65.00 of it)
    expect(orderTotals(a).gross).toBe(70500);
    expect(a.statedTotal).toBe(70500);
  });

  it('an order paid partly with Shopee coins keeps the full price, the coins as the platform discount', async () => {
    const b = byNo(await parse(fixture('shopee-orders-ph-vouchers.csv')), '260311PH8M3R1B');
    expect(b.lines.map((l) => [l.lineTotal, l.discount, l.platformDiscount ?? 0])).toEqual([[9900, 0, 1000]]);
    expect(orderTotals(b).gross).toBe(9900);
  });
});

describe('TikTok Shop: seller vs platform discounts, VAT of cross-border UK orders', () => {
  it('keeps the seller’s discounts as discounts and TikTok’s (item, shipping) as platform discounts; the stated Taxes inside the prices', async () => {
    const r = await parse(fixture('tiktok-orders-uk-crossborder.csv'), {
      defaultCurrency: 'GBP',
      timeZone: 'Europe/London',
    });
    expect(r.source).toBe('tiktok');
    expect(r.rejected).toEqual([]);
    // Order Amount 22.60 + TikTok's 4.40 = 27.00 = the parts: no mismatch
    expect(r.warnings.filter((w) => w.code === 'import.order.totalMismatch')).toEqual([]);
    const a = byNo(r, '577012345678901234');
    // shipping 2.40 (Original Shipping Fee − seller's shipping discount 0), paid by TikTok
    expect(a).toMatchObject({ currency: 'GBP', buyerCountry: 'GB', shipping: 240, taxOnTop: 0, discount: 0 });
    expect(a.computedTax ?? null).toBeNull();
    // Taxes 4.50 are inside (Order Amount = items after discount + shipping after discount): split by
    // value over goods 21.60 / 3.00 and shipping 2.40 → 3.60, 0.50, 0.40. TikTok's shipping discount
    // 2.40 is split by line value: 2.40 × 21.60/24.60 = 2.107… → 2.11, 2.40 × 3.00/24.60 = 0.292… → 0.29
    expect(a.lines.map(parts)).toEqual([
      {
        sku: 'SKU-MUG-01',
        lineTotal: 2400,
        discount: 240,
        taxOnTop: 0,
        shipping: 0,
        includedTax: 360,
        includedShippingTax: 40,
        shippingDiscount: 0,
        platformDiscount: 200 + 211,
      },
      {
        sku: 'SKU-CASE-61',
        lineTotal: 300,
        discount: 0,
        taxOnTop: 0,
        shipping: 0,
        includedTax: 50,
        includedShippingTax: 0,
        shippingDiscount: 0,
        platformDiscount: 29,
      },
    ]);
    expect(orderTotals(a).gross).toBe(2700);
    expect(a.statedTotal).toBe(2700);
  });

  it('computes the VAT from the UK rate where the export states no Taxes, and marks the order so', async () => {
    const r = await parse(fixture('tiktok-orders-uk-crossborder.csv'), {
      defaultCurrency: 'GBP',
      timeZone: 'Europe/London',
    });
    const b = byNo(r, '577012345678905678');
    // 12.00 × 20/120 = 2.00; shipping 2.99 − the seller's 1.00 = 1.99 → 1.99 × 20/120 = 0.3316… → 0.33
    expect(b).toMatchObject({ shipping: 199, computedTax: { country: 'GB', ratePercent: '20' } });
    expect(b.lines.map((l) => [l.includedTax, l.includedShippingTax])).toEqual([[200, 33]]);
    expect(computedTaxNote(b)).toEqual({
      row: 4,
      orderNo: '577012345678905678',
      code: 'import.order.taxComputed',
      params: { orderNo: '577012345678905678', country: 'GB', rate: '20', tax: '2.33', currency: 'GBP' },
    });
    expect(computedTaxNote(byNo(r, '577012345678901234'))).toBeNull();
  });

  it('US: sales tax on top stays on top; the platform’s item and shipping discounts are not the seller’s', async () => {
    const r = await parse(fixture('tiktok-orders-us.csv'), { defaultCurrency: 'USD' });
    expect(r.warnings).toEqual([]);
    const o = byNo(r, '576543210987654321');
    expect(o.lines.map((l) => [l.sku, l.lineTotal, l.discount, l.platformDiscount ?? 0, l.includedTax ?? 0])).toEqual([
      ['SKU-MUG-01', 2598, 100, 200, 0],
      ['SKU-CASE-61', 999, 0, 0, 0],
    ]);
    expect(o.taxOnTop).toBe(288);
    expect(o.computedTax ?? null).toBeNull();
  });
});
