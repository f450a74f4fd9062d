import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { cliWorkspace as workspace, json, kuajing } from '../helpers/cli.ts';
import { tempDir } from '../helpers/workspace.ts';

// Each CLI run starts a Node process (about a second here), hence the longer test timeouts.
const HEADERS = [
  'amazon-order-id',
  'purchase-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'product-name',
  'sku',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'ship-country',
];
function amazonFile(dir: string, price = '19.99'): string {
  const rows = [
    [
      '114-1000001-0000001',
      '2026-03-05T14:02:00-08:00',
      'Shipped',
      'Amazon',
      'Amazon.com',
      '保温杯 Thermos',
      'CUP-1',
      'Shipped',
      '2',
      'USD',
      '39.98',
      '3.20',
      '0.00',
      'US',
    ],
    [
      '114-1000001-0000001',
      '2026-03-05T14:02:00-08:00',
      'Shipped',
      'Amazon',
      'Amazon.com',
      'Tea pot',
      'POT-1',
      'Shipped',
      '1',
      'USD',
      '25.00',
      '2.00',
      '4.99',
      'US',
    ],
    [
      '114-1000002-0000002',
      '2026-03-06T09:00:00-08:00',
      'Cancelled',
      'Amazon',
      'Amazon.com',
      'Tea pot',
      'POT-1',
      'Cancelled',
      '1',
      'USD',
      '',
      '',
      '',
      'CA',
    ],
    [
      '114-1000003-0000003',
      '2026-03-07T10:00:00-08:00',
      'Shipped',
      'Merchant',
      'Non-Amazon',
      'Tea pot',
      'POT-1',
      'Shipped',
      '1',
      'USD',
      '25.00',
      '0',
      '0',
      'US',
    ],
    [
      '114-1000004-0000004',
      '2026-03-08T10:00:00-08:00',
      'Shipped',
      'Merchant',
      'Amazon.com',
      'Mug',
      'MUG-1',
      'Shipped',
      '1',
      'USD',
      price,
      '0',
      '0',
      'JP',
    ],
    [
      '114-1000005-0000005',
      '2026-03-09T10:00:00-08:00',
      'Shipped',
      'Merchant',
      'Amazon.com',
      'Mug',
      'MUG-1',
      'Shipped',
      '1',
      'USD',
      '19.99',
      '0',
    ],
  ];
  const file = path.join(dir, 'All Orders.txt');
  fs.writeFileSync(file, [HEADERS, ...rows].map((r) => r.join('\t')).join('\r\n') + '\r\n');
  return file;
}

describe('kuajing import and orders', () => {
  it('imports an Amazon file, reports 0 new the second time, lists with filters and pages, and prints stats', () => {
    const dir = workspace();
    const file = amazonFile(tempDir());
    // all or nothing: a rejected row fails the dry run and the import alike (exit 1, nothing written)
    const dry = kuajing('import', file, '--data-dir', dir, '--dry-run', '--json');
    expect(dry.code).toBe(1);
    expect(json(dry.out)).toMatchObject({
      source: 'amazon-orders',
      encoding: 'utf-8',
      orders: 4,
      lines: 5,
      new: 4,
      updated: 0,
      unchanged: 0,
      written: false,
      rejected: [{ orderNo: '114-1000005-0000005', row: 7, column: null, code: 'import.row.columnCount', value: null }],
      error: { code: 'imports.rowsRejected', params: { rejected: 1, orders: 4 } },
    });
    const refused = kuajing('import', file, '--data-dir', dir, '--json');
    expect([refused.code, json(refused.out).error.code]).toEqual([1, 'imports.rowsRejected']);
    expect(json(kuajing('orders', 'stats', '--data-dir', dir, '--json').out).orders).toBe(0);
    expect(kuajing('import', file, '--data-dir', dir, '--dry-run', '--accept-valid-rows', '--json').code).toBe(0);

    const first = kuajing(
      'import',
      file,
      '--data-dir',
      dir,
      '--source',
      'amazon-orders',
      '--accept-valid-rows',
      '--json',
    );
    expect(first.code).toBe(0);
    expect(json(first.out)).toMatchObject({ orders: 4, new: 4, updated: 0, unchanged: 0, written: true });
    const second = kuajing('import', file, '--data-dir', dir, '--accept-valid-rows', '--json');
    expect(json(second.out)).toMatchObject({ orders: 4, new: 0, updated: 0, unchanged: 4 });
    const changed = kuajing(
      'import',
      amazonFile(tempDir(), '21.50'),
      '--data-dir',
      dir,
      '--accept-valid-rows',
      '--json',
    );
    expect(json(changed.out)).toMatchObject({ new: 0, updated: 1, unchanged: 3 });

    const stats = json(kuajing('orders', 'stats', '--data-dir', dir, '--json').out);
    expect(stats).toEqual({
      orders: 4,
      lines: 5,
      byStatus: { cancelled: 1, shipped: 3 },
      sales: { USD: { orders: 2, units: 4, gross: 3998 + 2500 + 499 + 2150, refunded: 0 } },
      excluded: { cancelled: 1, pending: 0, otherChannel: 1, unpaid: 0, unknownStatus: 0, amountsUnknown: 0 },
      unknownStatuses: {},
    });

    const list = json(kuajing('orders', 'list', '--data-dir', dir, '--sort', '-gross', '--limit', '2', '--json').out);
    expect(list.items.map((o: { orderNo: string; gross: number }) => [o.orderNo, o.gross])).toEqual([
      ['114-1000001-0000001', 6997],
      ['114-1000003-0000003', 2500],
    ]);
    expect(list.items[0]).toMatchObject({
      platform: 'amazon',
      status: 'shipped',
      orderedAt: expect.stringMatching(/^2026-03-05T14:02:00(\.000)?-08:00$/),
      currency: 'USD',
      shopName: 'Amazon.com',
    });
    const next = json(
      kuajing(
        'orders',
        'list',
        '--data-dir',
        dir,
        '--sort',
        '-gross',
        '--limit',
        '2',
        '--cursor',
        list.nextCursor,
        '--json',
      ).out,
    );
    expect(next.items.map((o: { gross: number }) => o.gross)).toEqual([2150, 0]);
    expect(next.nextCursor).toBeNull();

    const filtered = (...args: string[]) =>
      json(kuajing('orders', 'list', '--data-dir', dir, ...args, '--json').out).items.map(
        (o: { orderNo: string }) => o.orderNo,
      );
    expect(filtered('--status', 'cancelled')).toEqual(['114-1000002-0000002']);
    expect(filtered('--country', 'jp')).toEqual(['114-1000004-0000004']);
    expect(filtered('--from', '2026-03-06', '--to', '2026-03-07', '--sort', 'orderedAt')).toEqual([
      '114-1000002-0000002',
      '114-1000003-0000003',
    ]);
    expect(filtered('--q', '保温')).toEqual(['114-1000001-0000001']);
    expect(filtered('--q', '114-1000004')).toEqual(['114-1000004-0000004']);
    expect(filtered('--shop', 'Amazon.com', '--sort', 'orderNo').length).toBe(4);
    expect(filtered('--mode', '9610')).toEqual([]);
  }, 180_000);

  it('exits 1 with the code of a file-level error, or of a bad filter, and 2 on usage errors', () => {
    const dir = workspace();
    const empty = path.join(tempDir(), 'empty.csv');
    fs.writeFileSync(empty, '');
    const r = kuajing('import', empty, '--data-dir', dir, '--json');
    expect(r.code).toBe(1);
    expect(json(r.out)).toEqual({ ok: false, error: { code: 'import.file.empty', params: {} } });
    expect(json(kuajing('import', path.join(dir, 'missing.txt'), '--data-dir', dir, '--json').out).error.code).toBe(
      'import.file.unreadable',
    );
    expect(json(kuajing('orders', 'list', '--data-dir', dir, '--status', 'lost', '--json').out).error.code).toBe(
      'request.invalid',
    );
    expect(json(kuajing('orders', 'list', '--data-dir', dir, '--shop', 'Nowhere', '--json').out).error.code).toBe(
      'shops.notFound',
    );
    expect(kuajing('import', '--data-dir', dir, '--json').code).toBe(2);
    expect(kuajing('orders', 'frobnicate', '--data-dir', dir).code).toBe(2);
    expect(json(kuajing('orders', 'stats', '--data-dir', tempDir(), '--json').out).error.code).toBe(
      'workspace.notFound',
    );
  }, 60_000);
});
