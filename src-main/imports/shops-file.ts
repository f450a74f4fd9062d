/**
 * A shop file (issue 15, point 8): CSV in any encoding `readTable` knows, or XLSX; columns `shop,
 * platform, site, currency, time_zone, ebp_code, ebp_name` (Chinese headers too: 店铺, 平台, 站点,
 * 币种, 时区, 电商平台代码, 电商平台名称). `platform` is one the ledger knows (amazon, shopify, shopee,
 * tiktok, erp, manual, or 亚马逊, 虾皮, 抖音 …); `ebp_code` / `ebp_name` (the platform's customs code
 * and name, `无` + the name for a foreign platform without one) go together or not at all. Shop
 * + platform listed twice rejects the later row. Time zones and codes are judged by the service.
 */
import { isCurrency } from '../core/money/index.ts';
import { PLATFORMS, type Platform } from '../core/orders/order.ts';
import type { TableRows } from './field-reader.ts';
import { readFileRows } from './file-rows.ts';

export interface ShopFileRow {
  readonly row: number;
  readonly name: string;
  readonly platform: Platform;
  readonly site: string | null;
  readonly currency: string;
  readonly timeZone: string;
  readonly ebp: { readonly code: string; readonly name: string } | null;
}

const REQUIRED = {
  shop: ['shop', 'shop name', 'shop_name', 'name', '店铺', '店铺名称'],
  platform: ['platform', '平台'],
  currency: ['currency', '币种', '结算币种'],
  timeZone: ['time_zone', 'time zone', 'timezone', '时区'],
} as const;
const OPTIONAL = {
  site: ['site', 'marketplace', '站点'],
  ebpCode: ['ebp_code', 'ebp code', '电商平台代码', '平台海关代码'],
  ebpName: ['ebp_name', 'ebp name', '电商平台名称', '平台海关名称'],
} as const;

const PLATFORM_NAMES: Readonly<Record<string, Platform>> = {
  ...Object.fromEntries(PLATFORMS.map((p) => [p, p])),
  'tiktok shop': 'tiktok',
  亚马逊: 'amazon',
  虾皮: 'shopee',
  抖音: 'tiktok',
  抖音国际版: 'tiktok',
  亞馬遜: 'amazon',
  蝦皮: 'shopee',
  独立站: 'shopify',
  手工: 'manual',
  其他: 'manual',
};

export async function parseShopFile(bytes: Uint8Array): Promise<TableRows<ShopFileRow>> {
  return readFileRows(bytes, { source: 'shops', required: REQUIRED, optional: OPTIONAL }, (r, cols, once) => {
    const name = r.atMost(cols.shop, r.required(cols.shop), 100, 'shops.row.nameTooLong');
    const platformText = r.required(cols.platform);
    const platform =
      PLATFORM_NAMES[platformText.toLowerCase()] ??
      r.fail(cols.platform, 'shops.row.badPlatform', { value: platformText });
    once(cols.shop, `${platform}\u0000${name}`, 'shops.duplicate', { platform, name });
    const currency = r.required(cols.currency).toUpperCase();
    if (!isCurrency(currency)) r.fail(cols.currency, 'import.row.badCurrency', { value: currency });
    const code = r.text(cols.ebpCode);
    const ebpName = r.text(cols.ebpName);
    if ((code === '') !== (ebpName === ''))
      r.fail(code === '' ? cols.ebpCode : cols.ebpName, 'shops.row.ebpIncomplete', { shop: name });
    return {
      row: r.row,
      name,
      platform,
      site: r.text(cols.site) || null,
      currency,
      timeZone: r.required(cols.timeZone),
      ebp: code === '' ? null : { code, name: ebpName },
    };
  });
}
