/**
 * 设置 → 订单状态: each shop's unknown status words with their order counts, and choosing what a
 * word means sends `statuses.map` for that shop (the host re-classifies the shop's orders).
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/app/App.tsx';
import { resetAppStore } from '../../../src-renderer/state/store.ts';
import { zhCN } from '../../../src-renderer/i18n/locales/zh-CN.ts';
import { installFakeHost, SHOP_US, VALID_COMPANY, type FakeHost } from './fake-host.ts';
import { resetRenderer } from './reset-renderer.ts';

let host: FakeHost;

beforeEach(async () => {
  await resetRenderer();
  window.location.hash = '#/settings';
  resetAppStore();
});

afterEach(() => {
  cleanup();
  host.uninstall();
});

describe('settings: order status words', () => {
  it('lists unknown words per shop and saves the chosen meaning for that shop', async () => {
    host = installFakeHost({ company: VALID_COMPANY, shops: [SHOP_US] });
    host.overrides['statuses.list'] = () => ({
      ok: true,
      value: {
        mappings: [],
        unknown: [
          { shopId: SHOP_US.id, shopName: SHOP_US.name, platform: SHOP_US.platform, word: '已核销', orders: 2 },
        ],
      },
    });
    host.overrides['statuses.map'] = (input) => ({
      ok: true,
      value: { shopId: input.shopId ?? 0, word: '已核销', status: input.status, reclassified: 2, heldBack: [] },
    });
    render(<App />);
    const row = await screen.findByTestId(`status-mapping-${SHOP_US.id}-已核销`);
    expect(row.textContent).toContain('已核销');
    expect(row.textContent).toContain('2');
    await act(async () => fireEvent.change(row.querySelector('select')!, { target: { value: 'delivered' } }));
    expect(host.callsOf('statuses.map')).toEqual([{ shopId: SHOP_US.id, word: '已核销', status: 'delivered' }]);
    expect(
      await screen.findByText(
        zhCN.settings.statusMappings.saved
          .replace('{{word}}', '已核销')
          .replace('{{status}}', zhCN.orders.statuses.delivered)
          .replace('{{count}}', '2'),
      ),
    ).toBeTruthy();
  });
});
