import { describe, expect, it } from 'vitest';
import { message } from '../../../src-main/cli/messages.ts';

describe('CLI messages', () => {
  it("fills a known code's sentence with its parameters in the chosen language", () => {
    expect(message('rates.missing', { currency: 'USD', date: '2026-03-17' }, 'zh-CN')).toContain(
      '缺少 USD 在 2026-03-17 的汇率',
    );
    expect(message('payouts.total.mismatch', { stated: '54.86', sum: '54.85', currency: 'USD' }, 'en')).toBe(
      'The file states a deposit of 54.86 USD but its lines add up to 54.85 USD; the file may be incomplete.',
    );
  });

  it('shows the parameters of a code it has no sentence for, and the bare code without parameters', () => {
    expect(message('customs.field.required', { field: 'dxpId', orderNo: 'A-1' }, 'en')).toBe('field=dxpId orderNo=A-1');
    expect(message('stock.unknown.thing', {}, 'en')).toBe('stock.unknown.thing');
  });
});
