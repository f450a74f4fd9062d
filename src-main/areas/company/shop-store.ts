/**
 * Shops: one per platform account / marketplace, unique by platform + name. Their time zone is
 * the one a platform's local times are read in. `defaultShop` names the shop an import creates
 * when the user picked none (Amazon per marketplace, other platforms one shop each).
 */
import { DomainError } from '../../core/domain-error.ts';
import type { Currency } from '../../core/money/index.ts';
import type { Platform } from '../../core/orders/order.ts';
import type { Db } from '../../db/open-ledger.ts';
import type { WriteDb } from '../../db/ports.ts';
import type { Shop } from './contract.ts';

/** A shop as the store returns it: the contract's `Shop`. */
export type ShopRecord = Shop;

export type NewShop = Omit<ShopRecord, 'id'>;

interface Row {
  id: number;
  platform: string;
  name: string;
  site: string | null;
  currency: string;
  time_zone: string;
}

const toShop = (r: Row): ShopRecord => ({
  id: r.id,
  platform: r.platform as Platform,
  name: r.name,
  site: r.site,
  currency: r.currency,
  timeZone: r.time_zone,
});

export function listShops(db: Db): ShopRecord[] {
  return (db.prepare('SELECT * FROM shops ORDER BY platform, name, id').all() as Row[]).map(toShop);
}

export function getShop(db: Db, id: number): ShopRecord | null {
  const r = db.prepare('SELECT * FROM shops WHERE id = ?').get(id) as Row | undefined;
  return r ? toShop(r) : null;
}

export function findShop(db: Db, platform: Platform, name: string): ShopRecord | null {
  const r = db.prepare('SELECT * FROM shops WHERE platform = ? AND name = ?').get(platform, name) as Row | undefined;
  return r ? toShop(r) : null;
}

export function insertShop(db: WriteDb, shop: NewShop): ShopRecord {
  if (findShop(db, shop.platform, shop.name))
    throw new DomainError('shops.duplicate', { platform: shop.platform, name: shop.name });
  const info = db
    .prepare('INSERT INTO shops (platform, name, site, currency, time_zone) VALUES (?, ?, ?, ?, ?)')
    .run(shop.platform, shop.name, shop.site, shop.currency, shop.timeZone);
  return { id: Number(info.lastInsertRowid), ...shop };
}

/** A shop's platform is fixed once it has orders: its orders are keyed by that platform. */
export function updateShop(db: WriteDb, shop: ShopRecord): ShopRecord {
  const before = getShop(db, shop.id);
  if (!before) throw new DomainError('shops.notFound', { id: shop.id });
  const other = findShop(db, shop.platform, shop.name);
  if (other && other.id !== shop.id)
    throw new DomainError('shops.duplicate', { platform: shop.platform, name: shop.name });
  if (before.platform !== shop.platform && db.prepare('SELECT 1 FROM orders WHERE shop_id = ? LIMIT 1').get(shop.id)) {
    throw new DomainError('shops.platformLocked', { id: shop.id, platform: before.platform });
  }
  db.prepare('UPDATE shops SET platform = ?, name = ?, site = ?, currency = ?, time_zone = ? WHERE id = ?').run(
    shop.platform,
    shop.name,
    shop.site,
    shop.currency,
    shop.timeZone,
    shop.id,
  );
  return shop;
}

const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  amazon: 'Amazon',
  shopify: 'Shopify',
  shopee: 'Shopee',
  tiktok: 'TikTok Shop',
  erp: 'ERP',
  manual: '手工订单',
};

/** Amazon marketplaces and the zone their reports' local times use (NA reports are in Pacific time). */
const AMAZON_ZONES: Readonly<Record<string, string>> = {
  'amazon.com': 'America/Los_Angeles',
  'amazon.ca': 'America/Los_Angeles',
  'amazon.com.mx': 'America/Los_Angeles',
  'amazon.com.br': 'America/Sao_Paulo',
  'amazon.co.uk': 'Europe/London',
  'amazon.de': 'Europe/Berlin',
  'amazon.fr': 'Europe/Paris',
  'amazon.it': 'Europe/Rome',
  'amazon.es': 'Europe/Madrid',
  'amazon.nl': 'Europe/Amsterdam',
  'amazon.com.be': 'Europe/Brussels',
  'amazon.ie': 'Europe/Dublin',
  'amazon.se': 'Europe/Stockholm',
  'amazon.pl': 'Europe/Warsaw',
  'amazon.co.jp': 'Asia/Tokyo',
  'amazon.com.au': 'Australia/Sydney',
  'amazon.sg': 'Asia/Singapore',
  'amazon.ae': 'Asia/Dubai',
  'amazon.sa': 'Asia/Riyadh',
};

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * The shop an imported order belongs to when the user chose none: the file's shop name if it
 * has one; for Amazon the marketplace (sales channel) with its zone; else one shop per platform.
 */
export function defaultShop(
  platform: Platform,
  shopName: string | null,
  salesChannel: string | null,
  currency: Currency,
): NewShop {
  const channel = salesChannel?.trim() ?? '';
  const zone = platform === 'amazon' ? AMAZON_ZONES[channel.toLowerCase()] : undefined;
  const name = (shopName?.trim() || (zone ? channel : PLATFORM_NAMES[platform])).slice(0, 100);
  return { platform, name, site: zone ? channel : null, currency, timeZone: zone ?? DEFAULT_TIME_ZONE };
}
