import { describe, expect, it } from 'vitest';
import { detectSource } from '../../../src-main/imports/detect-source.ts';
import { normaliseHeader } from '../../../src-main/imports/normalise-header.ts';

const keys = (...h: string[]) => h.map(normaliseHeader);

describe('detectSource', () => {
  it('recognises each platform format from a few of its headers', () => {
    expect(detectSource(keys('amazon-order-id', 'purchase-date', 'sku', 'item-price'))).toBe('amazon-orders');
    expect(detectSource(keys('settlement-id', 'transaction-type', 'amount-type', 'amount'))).toBe('amazon-settlement');
    expect(detectSource(keys('Name', 'Financial Status', 'Lineitem quantity'))).toBe('shopify');
    expect(detectSource(keys('Order ID', 'Order Status', 'Seller SKU', 'SKU Subtotal After Discount '))).toBe('tiktok');
    expect(detectSource(keys('Order ID', 'Order Status', 'Deal Price', 'SKU Reference No.'))).toBe('shopee');
    expect(detectSource(keys('Order ID', 'Order Status', 'Deal Price (RM)', 'SKU Reference No.'))).toBe('shopee');
  });

  it('returns null for anything else, leaving the generic mapping to decide', () => {
    expect(detectSource(keys('订单号', '下单时间', 'SKU', '数量'))).toBeNull();
    expect(detectSource(keys('Order ID', 'Order Status'))).toBeNull();
  });
});
