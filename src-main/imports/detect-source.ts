/**
 * Which export a file is, from its normalised headers alone: each platform format is known by
 * a few headers no other format has together. Null means "not a platform format": the caller
 * then tries the generic mapping, and failing that reports `import.file.unknownSource`.
 */
import type { ImportSource } from '../core/orders/order.ts';
import { isAmazonOrderReport } from './amazon-order-report.ts';
import { shopeeSite } from './shopee.ts';

export function detectSource(keys: readonly string[]): Exclude<ImportSource, 'generic'> | null {
  const present = new Set(keys);
  const has = (...required: string[]): boolean => required.every((k) => present.has(k));
  if (has('amazon-order-id', 'purchase-date', 'item-price')) return 'amazon-orders';
  if (isAmazonOrderReport(keys)) return 'amazon-orders';
  if (has('settlement-id', 'transaction-type', 'amount-type', 'amount')) return 'amazon-settlement';
  // the older settlement "Flat File" layout: one column pair per kind of amount
  if (has('settlement-id', 'transaction-type', 'price-type', 'item-related-fee-type')) return 'amazon-settlement';
  if (has('name', 'financial status', 'lineitem quantity')) return 'shopify';
  if (has('order id', 'seller sku', 'sku subtotal after discount')) return 'tiktok';
  if (shopeeSite(keys) !== null) return 'shopee';
  return null;
}
