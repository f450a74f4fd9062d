import { describe, expect, it } from 'vitest';
import { openTestWorkspace } from '../../helpers/workspace.ts';

const NOT_BASE64 = 'date,type\n2026-03-01,purchase';

describe('file contents in command bodies', () => {
  it('every import command refuses a body that is not base64 with imports.badBase64 and writes nothing', async () => {
    const { ws, dispatch } = await openTestWorkspace();
    const before = ws.read.prepare('SELECT count(*) AS n FROM command_log').get() as { n: number };
    const calls = [
      dispatch('imports.preview', { fileName: 'a.csv', contentBase64: NOT_BASE64, source: 'auto' }),
      dispatch('stock.import', { fileName: 'a.csv', contentBase64: NOT_BASE64, source: 'stock-moves' }),
      dispatch('payouts.preview', { fileName: 'a.csv', contentBase64: NOT_BASE64, source: 'payout-csv' }),
      dispatch('rates.import', { fileName: 'a.csv', contentBase64: NOT_BASE64 }),
      dispatch('customs.shipping.import', { fileName: 'a.csv', contentBase64: NOT_BASE64 }),
    ];
    for (const r of await Promise.all(calls))
      expect(r).toMatchObject({ ok: false, error: { code: 'imports.badBase64' } });
    expect(ws.read.prepare('SELECT count(*) AS n FROM command_log').get()).toEqual(before);
    ws.close();
  });
});
