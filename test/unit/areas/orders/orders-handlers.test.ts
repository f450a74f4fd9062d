import { describe, it, expect, afterEach } from 'vitest';
import { openTestWorkspace } from '../../../helpers/workspace.ts';
import type { Workspace } from '../../../../src-main/api/workspace.ts';
import type { OrderDetail, Shop } from '../../../../src-main/api/contract.ts';
import { ok, errorOf } from '../../../helpers/dispatch.ts';

const opened: Workspace[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

async function setup() {
  const t = await openTestWorkspace();
  opened.push(t.ws);
  return t;
}

const manual = (shopId: number, over: Record<string, unknown> = {}) => ({
  shopId,
  orderNo: 'M-1001',
  status: 'paid',
  orderedAt: '2026-03-05T14:02:00+08:00',
  buyerCountry: 'us',
  currency: 'USD',
  customsMode: '9610',
  fulfilment: 'self',
  shipping: '5.00',
  discount: '1.50',
  lines: [
    { sku: 'CUP-1', itemName: '陶瓷杯', quantity: 2, unitPrice: '12.99' },
    { sku: 'CUP-1', itemName: '陶瓷杯', quantity: 1, unitPrice: '12.99' },
  ],
  ...over,
});

describe('shops', () => {
  it('saves a shop with a canonical IANA zone, refuses a bad zone, a fixed offset and a duplicate name', async () => {
    const { dispatch } = await setup();
    const shop = await ok<Shop>(dispatch, 'shops.save', {
      platform: 'amazon',
      name: ' US store ',
      site: 'Amazon.com',
      currency: 'USD',
      timeZone: 'america/los_angeles',
    });
    expect(shop).toEqual({
      id: 1,
      platform: 'amazon',
      name: 'US store',
      site: 'Amazon.com',
      currency: 'USD',
      timeZone: 'America/Los_Angeles',
    });
    expect(
      (
        await errorOf(dispatch, 'shops.save', {
          platform: 'amazon',
          name: 'x',
          site: null,
          currency: 'USD',
          timeZone: 'Mars/Olympus',
        })
      ).code,
    ).toBe('shops.badTimeZone');
    expect(
      (
        await errorOf(dispatch, 'shops.save', {
          platform: 'amazon',
          name: 'x',
          site: null,
          currency: 'USD',
          timeZone: '+08:00',
        })
      ).code,
    ).toBe('shops.badTimeZone');
    expect(
      (
        await errorOf(dispatch, 'shops.save', {
          platform: 'amazon',
          name: 'US store',
          site: null,
          currency: 'USD',
          timeZone: 'UTC',
        })
      ).code,
    ).toBe('shops.duplicate');
    expect(
      (
        await errorOf(dispatch, 'shops.save', {
          id: 99,
          platform: 'amazon',
          name: 'y',
          site: null,
          currency: 'USD',
          timeZone: 'UTC',
        })
      ).code,
    ).toBe('shops.notFound');
    const renamed = await ok<Shop>(dispatch, 'shops.save', {
      id: 1,
      platform: 'amazon',
      name: 'Amazon US',
      site: '',
      currency: 'USD',
      timeZone: 'UTC',
    });
    expect(renamed).toMatchObject({ id: 1, name: 'Amazon US', site: null, timeZone: 'UTC' });
    expect(await ok<Shop[]>(dispatch, 'shops.list', {})).toEqual([renamed]);
  });
});

describe('manual orders', () => {
  it('enters an order from decimal text: totals by the sale rule, platform from the shop, an outbox row', async () => {
    const { ws, dispatch } = await setup();
    const shop = await ok<Shop>(dispatch, 'shops.save', {
      platform: 'shopify',
      name: 'Shopify',
      site: null,
      currency: 'USD',
      timeZone: 'America/New_York',
    });
    const o = await ok<OrderDetail>(dispatch, 'orders.save', manual(shop.id));
    expect(o).toMatchObject({
      platform: 'shopify',
      orderNo: 'M-1001',
      status: 'paid',
      buyerCountry: 'US',
      currency: 'USD',
      customsMode: '9610',
      fulfilment: 'self',
      goods: 3897,
      discount: 150,
      shipping: 500,
      gross: 3897 - 150 + 500,
      units: 3,
      exclusion: null,
      changes: [],
      profit: { revenue: 4247, platformFees: null, profit: null },
    });
    expect(o.lines.map((l) => [l.lineKey, l.quantity, l.unitPrice, l.lineTotal])).toEqual([
      ['CUP-1#1', 2, 1299, 2598],
      ['CUP-1#2', 1, 1299, 1299],
    ]);
    expect(ws.read.prepare('SELECT kind, idempotency_key FROM outbox').all()).toEqual([
      { kind: 'orders.upsert', idempotency_key: 'orders:shopify:M-1001:v1' },
    ]);
    expect(await ok(dispatch, 'orders.get', { id: o.id })).toEqual(o);
  });

  it('takes a plain date as midnight in the shop zone, and JPY without decimals', async () => {
    const { dispatch } = await setup();
    const shop = await ok<Shop>(dispatch, 'shops.save', {
      platform: 'amazon',
      name: 'JP',
      site: 'Amazon.co.jp',
      currency: 'JPY',
      timeZone: 'Asia/Tokyo',
    });
    const o = await ok<OrderDetail>(
      dispatch,
      'orders.save',
      manual(shop.id, {
        orderedAt: '2026-03-05',
        currency: 'JPY',
        shipping: '',
        discount: '0',
        lines: [{ sku: 'A', itemName: 'a', quantity: 1, unitPrice: '1,200' }],
      }),
    );
    expect(o).toMatchObject({ orderedAt: '2026-03-05T00:00:00+09:00', platform: 'amazon', gross: 1200, shipping: 0 });
  });

  it('reports every bad field at once as validation.failed and saves nothing', async () => {
    const { ws, dispatch } = await setup();
    const shop = await ok<Shop>(dispatch, 'shops.save', {
      platform: 'erp',
      name: 'ERP',
      site: null,
      currency: 'CNY',
      timeZone: 'Asia/Shanghai',
    });
    const e = await errorOf(
      dispatch,
      'orders.save',
      manual(shop.id, {
        orderNo: '  ',
        orderedAt: '2026-03-05 14:02',
        buyerCountry: 'U1',
        currency: 'JPY',
        shipping: '5.5',
        discount: '-1',
        lines: [{ sku: ' ', itemName: '', quantity: 0, unitPrice: 'abc' }],
      }),
    );
    expect(e).toEqual({
      code: 'validation.failed',
      params: {},
      fields: {
        orderNo: 'orders.orderNo.required',
        orderedAt: 'orders.orderedAt.invalid',
        buyerCountry: 'orders.buyerCountry.invalid',
        shipping: 'money.tooManyDecimals',
        discount: 'money.negative',
        'lines.0.sku': 'orders.line.skuRequired',
        'lines.0.quantity': 'orders.line.badQuantity',
        'lines.0.unitPrice': 'money.badDecimal',
      },
    });
    expect(ws.read.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(0);
    expect((await errorOf(dispatch, 'orders.save', manual(99))).code).toBe('shops.notFound');
    expect((await errorOf(dispatch, 'orders.save', manual(shop.id, { orderedAt: '2026-02-30' }))).fields).toEqual({
      orderedAt: 'orders.orderedAt.invalid',
    });
  });

  it('edits an order: the history keeps each old value with cause edit, the revision and outbox move on', async () => {
    const { ws, dispatch } = await setup();
    const shop = await ok<Shop>(dispatch, 'shops.save', {
      platform: 'erp',
      name: 'ERP',
      site: null,
      currency: 'USD',
      timeZone: 'Asia/Shanghai',
    });
    const first = await ok<OrderDetail>(dispatch, 'orders.save', manual(shop.id));
    const edited = await ok<OrderDetail>(
      dispatch,
      'orders.save',
      manual(shop.id, {
        id: first.id,
        status: 'cancelled',
        buyerCountry: 'CA',
        lines: [{ sku: 'CUP-1', itemName: '陶瓷杯', quantity: 3, unitPrice: '12.99' }],
      }),
    );
    expect(edited).toMatchObject({
      id: first.id,
      status: 'cancelled',
      exclusion: 'cancelled',
      buyerCountry: 'CA',
      goods: 3897,
      units: 3,
    });
    const changes = Object.fromEntries(edited.changes.map((c) => [c.field, [c.oldValue, c.newValue, c.cause]]));
    expect(changes).toEqual({
      status: ['paid', 'cancelled', 'edit'],
      platformStatus: ['paid', 'cancelled', 'edit'],
      buyerCountry: ['US', 'CA', 'edit'],
      exclusion: [null, 'cancelled', 'edit'],
      'lines[CUP-1#1].quantity': ['2', '3', 'edit'],
      'lines[CUP-1#1].lineTotal': ['2598', '3897', 'edit'],
      'lines[CUP-1#2]': [expect.stringContaining('"quantity":1'), null, 'edit'],
    });
    expect(ws.read.prepare('SELECT idempotency_key FROM outbox ORDER BY id').pluck().all()).toEqual([
      'orders:erp:M-1001:v1',
      'orders:erp:M-1001:v2',
    ]);
    // Saving the same values again changes nothing and queues nothing.
    await ok(
      dispatch,
      'orders.save',
      manual(shop.id, {
        id: first.id,
        status: 'cancelled',
        buyerCountry: 'CA',
        lines: [{ sku: 'CUP-1', itemName: '陶瓷杯', quantity: 3, unitPrice: '12.99' }],
      }),
    );
    expect(ws.read.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(2);
  });

  it('refuses a second order with the same number, an unknown id, a new number for an order, and moving it to another platform', async () => {
    const { dispatch } = await setup();
    const erp = await ok<Shop>(dispatch, 'shops.save', {
      platform: 'erp',
      name: 'ERP',
      site: null,
      currency: 'USD',
      timeZone: 'Asia/Shanghai',
    });
    const amazon = await ok<Shop>(dispatch, 'shops.save', {
      platform: 'amazon',
      name: 'A',
      site: null,
      currency: 'USD',
      timeZone: 'UTC',
    });
    const o = await ok<OrderDetail>(dispatch, 'orders.save', manual(erp.id));
    expect((await errorOf(dispatch, 'orders.save', manual(erp.id))).code).toBe('orders.duplicate');
    expect((await errorOf(dispatch, 'orders.save', manual(erp.id, { id: 999 }))).code).toBe('orders.notFound');
    expect((await errorOf(dispatch, 'orders.save', manual(amazon.id, { id: o.id }))).code).toBe(
      'orders.platformMismatch',
    );
    expect((await errorOf(dispatch, 'orders.get', { id: 999 })).code).toBe('orders.notFound');
    expect(await errorOf(dispatch, 'orders.save', manual(erp.id, { id: o.id, orderNo: 'M-2002' }))).toEqual({
      code: 'orders.orderNoLocked',
      params: { orderNo: 'M-1001' },
    });
  });
});

describe('bulk customs mode', () => {
  it('sets the mode of many orders in one command, counts only real changes and records each', async () => {
    const { ws, dispatch } = await setup();
    const shop = await ok<Shop>(dispatch, 'shops.save', {
      platform: 'erp',
      name: 'ERP',
      site: null,
      currency: 'USD',
      timeZone: 'Asia/Shanghai',
    });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (
          await ok<OrderDetail>(
            dispatch,
            'orders.save',
            manual(shop.id, { orderNo: `M-${i}`, customsMode: i < 2 ? '9810' : null }),
          )
        ).id,
      );
    const commandsBefore = Number(ws.read.prepare('SELECT count(*) FROM command_log').pluck().get());
    expect(await ok(dispatch, 'orders.setCustomsMode', { ids, mode: '9810' })).toEqual({ changed: 3 });
    expect(ws.read.prepare('SELECT count(*) FROM command_log').pluck().get()).toBe(commandsBefore + 1);
    expect(ws.read.prepare("SELECT count(*) FROM orders WHERE customs_mode = '9810'").pluck().get()).toBe(5);
    const detail = await ok<OrderDetail>(dispatch, 'orders.get', { id: ids[4]! });
    expect(detail.changes).toEqual([
      expect.objectContaining({ field: 'customsMode', oldValue: null, newValue: '9810', cause: 'edit' }),
    ]);
    expect(await ok(dispatch, 'orders.setCustomsMode', { ids, mode: '9810' })).toEqual({ changed: 0 });
    expect((await errorOf(dispatch, 'orders.setCustomsMode', { ids: [ids[0], 12345], mode: '9610' })).code).toBe(
      'orders.notFound',
    );
    expect(ws.read.prepare("SELECT count(*) FROM orders WHERE customs_mode = '9610'").pluck().get()).toBe(0);
    const list = await ok<{ items: Array<{ id: number }> }>(dispatch, 'orders.list', {
      filter: { customsMode: '9810' },
      sort: 'orderNo',
    });
    expect(list.items.map((o) => o.id)).toEqual(ids);
    expect(await ok(dispatch, 'orders.count', { filter: { customsMode: '9810', q: 'M-' } })).toEqual({ total: 5 });
    expect((await errorOf(dispatch, 'orders.list', { cursor: 'nonsense' })).code).toBe('orders.badCursor');
  });
});
