/**
 * Each shop's platform for customs (issue 15, point 2): the platform's customs code and name
 * (ebpCode/ebpName; '无' + the name for a foreign platform without a Chinese customs code,
 * 公告2021年第47号) and the shop's default destination port (POD). Kept in customs_shops, apart
 * from the shops table the orders area owns. A shop without a row: a foreign marketplace
 * (Amazon, Shopify, Shopee, TikTok Shop) is '无' + its name; ERP and manual shops (AliExpress,
 * Temu … sold through an ERP) use the workspace setting until their platform is entered.
 */
import { DomainError } from '../../core/domain-error.ts';
import type { Db } from '../../db/open-ledger.ts';
import type { WriteDb } from '../../db/ports.ts';
import { getShop, listShops } from '../company/index.ts';

export interface CustomsShop {
  readonly shopId: number;
  readonly platform: string;
  readonly name: string;
  /** As entered for the shop; null when none. */
  readonly ebpCode: string | null;
  readonly ebpName: string | null;
  readonly pod: string | null;
  /** What the shop's orders declare: the entry, else the foreign marketplace default, else null (the workspace setting). */
  readonly declared: { readonly ebpCode: string; readonly ebpName: string } | null;
}

/** Foreign marketplaces without a Chinese customs code: '无' + the platform's name. */
export const FOREIGN_PLATFORM_NAMES: Readonly<Record<string, string>> = {
  amazon: 'Amazon',
  shopify: 'Shopify',
  shopee: 'Shopee',
  tiktok: 'TikTok Shop',
};

interface Row {
  shop_id: number;
  ebp_code: string;
  ebp_name: string;
  pod: string | null;
}

export function listCustomsShops(db: Db): CustomsShop[] {
  const rows = new Map(
    (db.prepare('SELECT shop_id, ebp_code, ebp_name, pod FROM customs_shops').all() as Row[]).map((r) => [
      r.shop_id,
      r,
    ]),
  );
  return listShops(db).map((s) => {
    const r = rows.get(s.id);
    const foreign = FOREIGN_PLATFORM_NAMES[s.platform];
    return {
      shopId: s.id,
      platform: s.platform,
      name: s.name,
      ebpCode: r?.ebp_code ?? null,
      ebpName: r?.ebp_name ?? null,
      pod: r?.pod ?? null,
      declared: r ? { ebpCode: r.ebp_code, ebpName: r.ebp_name } : foreign ? { ebpCode: '无', ebpName: foreign } : null,
    };
  });
}

export interface CustomsShopInput {
  readonly shopId: number;
  readonly ebpCode: string;
  readonly ebpName: string;
  readonly pod: string | null;
}

export function saveCustomsShop(db: WriteDb, input: CustomsShopInput): void {
  if (!getShop(db, input.shopId)) throw new DomainError('shops.notFound', { id: input.shopId });
  const ebpCode = input.ebpCode.trim();
  const ebpName = input.ebpName.trim();
  if (ebpCode === '') throw new DomainError('customs.field.required', { field: 'ebpCode' });
  if (ebpName === '') throw new DomainError('customs.field.required', { field: 'ebpName' });
  if (ebpCode !== '无' && !/^[0-9A-Z]{10}$|^[0-9A-Z]{18}$/.test(ebpCode))
    throw new DomainError('customs.ebpCode.invalid', { value: ebpCode });
  const pod = input.pod?.trim() || null;
  if (pod !== null && !/^[0-9A-Z]{3,4}$/.test(pod))
    throw new DomainError('customs.field.length', { field: 'POD', length: '3-4' });
  db.prepare(
    `INSERT INTO customs_shops (shop_id, ebp_code, ebp_name, pod) VALUES (?, ?, ?, ?)
    ON CONFLICT (shop_id) DO UPDATE SET ebp_code = excluded.ebp_code, ebp_name = excluded.ebp_name, pod = excluded.pod`,
  ).run(input.shopId, ebpCode, ebpName, pod);
}
