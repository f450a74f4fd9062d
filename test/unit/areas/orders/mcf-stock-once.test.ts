/**
 * Issue 14 point 4: an Amazon multi-channel (Non-Amazon) shipment of an order sold in another
 * channel takes the goods out of FBA; when that channel's order is in the ledger too, the goods
 * leave stock once — from the MCF shipment — and never twice.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview, OrderDetail, Shop, SkuRecord, Warehouse } from '../../../../src-main/api/contract.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import { ok } from '../../../helpers/dispatch.ts';
import { openTestWorkspace } from '../../../helpers/workspace.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

const file = (name: string) => ({
  fileName: name,
  source: 'auto',
  contentBase64: readFileSync(new URL(`../../../fixtures/imports/${name}`, import.meta.url)).toString('base64'),
});

describe('multi-channel orders and stock', () => {
  it('posts an MCF shipment out of FBA and not the Shopify order it fulfils', async () => {
    const t = await openTestWorkspace();
    opened.push(t.ws);
    const d = t.dispatch;
    const sku = (itemNo: string) =>
      ok<SkuRecord>(d, 'stock.skus.save', {
        itemNo,
        goodsName: itemNo,
        gmodel: '0|0|品牌|型号',
        hsCode: '3924100000',
        unit: '007',
        legalUnit: '035',
        weightGrams: 300,
      });
    const mug = (await sku('SKU-MUG-01')).id;
    const lamp = (await sku('SKU-LAMP-01')).id;
    const fba = (
      await ok<Warehouse>(d, 'stock.warehouses.save', {
        code: 'FBA-US',
        name: 'FBA US',
        kind: 'platform',
        country: 'US',
      })
    ).id;
    for (const skuId of [mug, lamp]) {
      await ok(d, 'stock.moves.post', {
        date: '2026-03-01',
        type: 'purchase',
        skuId,
        warehouseId: fba,
        quantity: 50,
        unitCost: '10.00',
        currency: 'CNY',
        supplierInvoiceNo: 'INV-1',
      });
    }
    // the Shopify order #1058, shipped by Amazon MCF
    const shop = await ok<Shop>(d, 'shops.save', {
      platform: 'shopify',
      name: 'Store A',
      site: null,
      currency: 'USD',
      timeZone: 'America/New_York',
    });
    await ok<OrderDetail>(d, 'orders.save', {
      shopId: shop.id,
      orderNo: '#1058',
      status: 'shipped',
      orderedAt: '2026-04-01T10:00:00-04:00',
      buyerCountry: 'US',
      currency: 'USD',
      customsMode: null,
      fulfilment: null,
      shipping: '0',
      discount: '0',
      lines: [
        { sku: 'SKU-MUG-01', itemName: 'Mug', quantity: 1, unitPrice: '12.50' },
        { sku: 'SKU-LAMP-01', itemName: 'Lamp', quantity: 2, unitPrice: '30.00' },
      ],
    });
    const preview = await ok<ImportPreview>(d, 'imports.preview', file('amazon-all-orders-mcf-pending.txt'));
    await ok(d, 'imports.confirm', { previewId: preview.previewId });

    const posted = await ok<{ posted: number; skipped: unknown[] }>(d, 'stock.postSales', {});
    const moves = t.ws.read
      .prepare(
        `SELECT m.reference, s.item_no AS sku, m.quantity, w.code AS warehouse FROM stock_moves m
      JOIN skus s ON s.id = m.sku_id JOIN warehouses w ON w.id = m.warehouse_id WHERE m.type = 'sale' ORDER BY m.reference, s.item_no`,
      )
      .all();
    expect(moves).toEqual([
      { reference: '113-1000001-0000001', sku: 'SKU-MUG-01', quantity: -1, warehouse: 'FBA-US' },
      { reference: '113-1000006-0000006', sku: 'SKU-LAMP-01', quantity: -1, warehouse: 'FBA-US' },
      { reference: '113-1000006-0000006', sku: 'SKU-MUG-01', quantity: -2, warehouse: 'FBA-US' },
      // the MCF shipments leave FBA; #1058 itself posts nothing (its goods are the first MCF order's)
      { reference: 'S01-1000004-0000004', sku: 'SKU-LAMP-01', quantity: -2, warehouse: 'FBA-US' },
      { reference: 'S01-1000004-0000004', sku: 'SKU-MUG-01', quantity: -1, warehouse: 'FBA-US' },
      { reference: 'S01-1000005-0000005', sku: 'SKU-MUG-01', quantity: -3, warehouse: 'FBA-US' },
    ]);
    expect(posted.posted).toBe(6);
    expect((await ok<{ posted: number }>(d, 'stock.postSales', {})).posted).toBe(0);
  });
});
