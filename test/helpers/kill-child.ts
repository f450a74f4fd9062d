/**
 * Child of the kill-point tests (test/faults/kill-points.test.ts): opens the workspace in
 * `dataDir`, prints `ready`, then repeats one kind of write as fast as it can until the parent
 * kills it with SIGKILL. Every iteration uses fresh keys (the process id and a counter), so each
 * write is new work: an order import, a stock-moves import, a payout confirm, or orders saved and
 * their declarations built. `migrate` only opens the workspace (the migration is the write).
 *   node test/helpers/kill-child.ts <import|stock|payout|customs|migrate> <dataDir>
 */
import { openTestWorkspace } from './workspace.ts';

const [scenario, dataDir] = process.argv.slice(2) as [string, string];
const tag = String(process.pid % 100_000).padStart(5, '0');
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

if (scenario === 'migrate') process.stdout.write('ready\n'); // the open below is what gets killed
const { ws, dispatch } = await openTestWorkspace(dataDir);
if (scenario === 'migrate') {
  ws.close();
  process.stdout.write('done\n');
  process.exit(0);
}

async function must<T>(name: string, input: unknown): Promise<T> {
  const r = await dispatch(name as never, input as never);
  if (!r.ok) {
    process.stderr.write(`${scenario}: ${name} refused: ${JSON.stringify(r.error)}\n`);
    process.exit(3);
  }
  return r.value as T;
}

const shopId = Number(ws.read.prepare("SELECT id FROM shops WHERE platform = 'erp' ORDER BY id LIMIT 1").pluck().get());
const customsShop = Number(
  ws.read.prepare("SELECT id FROM shops WHERE platform = 'manual' ORDER BY id LIMIT 1").pluck().get(),
);

const steps: Record<string, (i: number) => Promise<void>> = {
  async import(i) {
    const rows = Array.from({ length: 300 }, (_, n) => `K${tag}-${i}-${n},2026-03-05 10:00,SKU-${n % 5},1,9.90,USD`);
    const preview = await must<{ previewId: string }>('imports.preview', {
      fileName: `orders-${i}.csv`,
      contentBase64: b64(['订单号,下单时间,SKU,数量,单价,币种', ...rows].join('\n')),
      source: 'generic',
      shopId,
    });
    await must('imports.confirm', { previewId: preview.previewId });
  },
  async stock(i) {
    const rows = Array.from(
      { length: 200 },
      (_, n) => `2026-03-02,purchase,K-${n % 5},SZ-01,,${1 + (n % 7)},12.50,,CNY,R${tag}-${i}-${n},`,
    );
    await must('stock.import', {
      fileName: `moves-${i}.csv`,
      contentBase64: b64(
        ['date,type,sku,warehouse,to_warehouse,quantity,unit_cost,amount,currency,reference,reason', ...rows].join(
          '\n',
        ),
      ),
      source: 'stock-moves',
    });
  },
  async payout(i) {
    const id = `8${tag}${String(i).padStart(5, '0')}`;
    const head = [
      'settlement-id',
      'settlement-start-date',
      'settlement-end-date',
      'deposit-date',
      'total-amount',
      'currency',
      'transaction-type',
      'order-id',
      'marketplace-name',
      'amount-type',
      'amount-description',
      'amount',
      'fulfillment-id',
      'posted-date',
      'sku',
      'quantity-purchased',
    ].join('\t');
    const lines = Array.from({ length: 50 }, (_, n) =>
      [
        id,
        '',
        '',
        '',
        '',
        '',
        'Order',
        `1${tag.slice(-2)}-${String(i).padStart(7, '0')}-${String(n).padStart(7, '0')}`,
        'Amazon.com',
        'ItemPrice',
        'Principal',
        '10.00',
        'AFN',
        '2026-03-05',
        `SKU-${n % 5}`,
        '1',
      ].join('\t'),
    );
    const first = [
      id,
      '2026-03-01 00:00:00 UTC',
      '2026-03-15 00:00:00 UTC',
      '2026-03-17 00:00:00 UTC',
      '500.00',
      'USD',
      ...Array(10).fill(''),
    ].join('\t');
    const preview = await must<{ previewId: string }>('payouts.preview', {
      fileName: `settlement-${id}.txt`,
      contentBase64: b64([head, first, ...lines].join('\n')),
      source: 'auto',
    });
    await must('payouts.confirm', { previewId: preview.previewId });
  },
  async customs(i) {
    const ids: number[] = [];
    for (let n = 0; n < 5; n++) {
      const o = await must<{ id: number }>('orders.save', {
        shopId: customsShop,
        orderNo: `C${tag}-${i}-${n}`,
        status: 'shipped',
        orderedAt: '2026-03-02T10:00:00+08:00',
        buyerCountry: 'US',
        currency: 'USD',
        customsMode: '9610',
        fulfilment: 'self',
        shipping: '5.00',
        discount: '0',
        lines: [{ sku: 'CUP-1', itemName: 'Cup', quantity: 2, unitPrice: '12.50' }],
      });
      await must('customs.shipping.save', {
        orderId: o.id,
        logisticsNo: `SF${tag}${String(i * 5 + n).padStart(7, '0')}`,
        logisticsCode: null,
        logisticsName: null,
        exportDate: '2026-03-03',
        grossWeightGrams: null,
        packNo: null,
        copNo: null,
      });
      ids.push(o.id);
    }
    await must('customs.build', { orderIds: ids });
  },
};

const step = steps[scenario];
if (!step) throw new Error(`unknown scenario ${scenario}`);
process.stdout.write('ready\n');
for (let i = 0; ; i++) await step(i);
