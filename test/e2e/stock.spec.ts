/**
 * Stock end to end, in real Chromium against a real `kuajing serve`: after the first-run
 * company profile, two warehouses (深圳仓 domestic, an own overseas warehouse in the US) and a
 * SKU (HS 6912001000, unit 007) are created; a purchase of 100 at ¥12.00 is booked; a head-haul
 * shipment of 60 goes to the US warehouse, gets ¥120.00 freight and is received in full; then
 * stock on hand shows 40 in 深圳仓 (¥480.00) and 60 in the US (¥720.00 + ¥120.00 = ¥840.00)
 * and ageing shows both in the 0–30 days bucket.
 */
import path from 'node:path';
import { test, expect, SCREENSHOTS, completeFirstRun, createMugSku } from './fixtures.ts';

const SKU = 'MUG-01';
const BOOKING = 'BN20260001';

test('creates warehouses and a SKU, buys, ships with freight, receives, then shows stock on hand and ageing', async ({
  page,
  server,
}) => {
  // First run: the company profile.
  await completeFirstRun(page, server);

  // Warehouses.
  await page.getByTestId('nav-stock').click();
  await expect(page.getByTestId('page-stock')).toBeVisible();
  await page.getByTestId('stock-tab-warehouses').click();
  await page.getByTestId('warehouse-new').click();
  await page.getByTestId('warehouse-form-code').fill('SZ');
  await page.getByTestId('warehouse-form-name').fill('深圳仓');
  await page.getByTestId('warehouse-form-kind').selectOption('domestic');
  await page.getByTestId('warehouse-form-country').fill('CN');
  await page.getByTestId('warehouse-form-save').click();
  await expect(page.getByTestId('warehouse-SZ')).toBeVisible();
  await page.getByTestId('warehouse-new').click();
  await page.getByTestId('warehouse-form-code').fill('US1');
  await page.getByTestId('warehouse-form-name').fill('美国自营仓');
  await page.getByTestId('warehouse-form-kind').selectOption('overseasOwn');
  await page.getByTestId('warehouse-form-country').fill('US');
  await page.getByTestId('warehouse-form-save').click();
  await expect(page.getByTestId('warehouse-US1')).toBeVisible();

  // SKU.
  await page.getByTestId('stock-tab-skus').click();
  await createMugSku(page, SKU);

  // Purchase of 100 at ¥12.00 into 深圳仓.
  await page.getByTestId('stock-tab-moves').click();
  const move = page.getByTestId('move-form');
  await move.getByTestId('move-form-type').selectOption('purchase');
  await move.getByTestId('move-form-sku').selectOption({ label: `${SKU} · 陶瓷马克杯` });
  await move.getByTestId('move-form-warehouse').selectOption({ label: '深圳仓 (SZ)' });
  await move.getByTestId('move-form-quantity').fill('100');
  await move.getByTestId('move-form-unitCost').fill('12.00');
  await move.getByTestId('move-form-currency').selectOption('CNY');
  await move.getByTestId('move-form-save').click();
  await expect(page.getByTestId('move-form-posted')).toBeVisible();
  await expect(page.getByTestId('stock-moves')).toContainText('100');

  // Shipment of 60 to the US warehouse.
  await page.getByTestId('stock-tab-transit').click();
  await page.getByTestId('shipment-new').click();
  const form = page.getByTestId('shipment-form');
  await form.getByTestId('shipment-form-bookingNoteNo').fill(BOOKING);
  await form.getByTestId('shipment-form-carrier').fill('中远海运');
  await form.getByTestId('shipment-form-cartons').fill('3');
  await form.getByTestId('shipment-form-from').selectOption({ label: '深圳仓 (SZ)' });
  await form.getByTestId('shipment-form-to').selectOption({ label: '美国自营仓 (US1)' });
  await form.getByTestId('shipment-form-allocationBasis').selectOption('value');
  await form.getByTestId('shipment-line-0-sku').selectOption({ label: `${SKU} · 陶瓷马克杯` });
  await form.getByTestId('shipment-line-0-quantity').fill('60');
  await page.getByTestId('shipment-create').click();
  await expect(page.getByTestId(`shipment-${BOOKING}`)).toBeVisible();
  await expect(page.getByTestId('shipment-detail')).toBeVisible();

  // Freight ¥120.00.
  await page.getByTestId('shipment-cost-kind').selectOption('freight');
  await page.getByTestId('shipment-cost-amount').fill('120.00');
  await page.getByTestId('shipment-cost-currency').selectOption('CNY');
  await page.getByTestId('shipment-cost-add').click();
  await expect(page.getByTestId('shipment-landed-cost')).toHaveAttribute('data-value', '12000');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'stock-shipment.png'), fullPage: true });

  // Receive all 60.
  await expect(page.getByTestId('shipment-receive')).toBeVisible();
  await expect(page.getByTestId(`shipment-receive-${SKU}`)).toHaveValue('60');
  await page.getByTestId('shipment-receive-save').click();
  await expect(page.getByTestId('shipment-receive')).toHaveCount(0);
  await expect(page.getByTestId(`shipment-${BOOKING}`)).toHaveAttribute('data-status', 'received');

  // Stock on hand: 40 in 深圳仓 at ¥12.00, 60 in the US carrying the freight.
  await page.getByTestId('stock-tab-onhand').click();
  const domestic = page.getByTestId(`stock-row-${SKU}-SZ`);
  const overseas = page.getByTestId(`stock-row-${SKU}-US1`);
  await expect(domestic).toHaveAttribute('data-quantity', '40');
  await expect(domestic).toHaveAttribute('data-value', '48000');
  await expect(domestic).toContainText('¥480.00');
  await expect(overseas).toHaveAttribute('data-quantity', '60');
  await expect(overseas).toHaveAttribute('data-value', '84000');
  await expect(overseas).toContainText('¥840.00');
  await expect(page.getByTestId('stock-onhand-total')).toHaveAttribute('data-quantity', '100');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'stock-onhand.png'), fullPage: true });

  // Ageing: everything was bought today, so all in 0–30 days.
  await page.getByTestId('stock-tab-ageing').click();
  await expect(page.getByTestId('stock-ageing')).toBeVisible();
  await expect(page.getByTestId(`ageing-${SKU}-SZ-0-30`)).toHaveAttribute('data-quantity', '40');
  await expect(page.getByTestId(`ageing-${SKU}-US1-0-30`)).toHaveAttribute('data-quantity', '60');
  await expect(page.getByTestId(`ageing-${SKU}-US1-365+`)).toHaveAttribute('data-quantity', '0');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'stock-ageing.png'), fullPage: true });
});
