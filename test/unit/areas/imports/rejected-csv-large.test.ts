/**
 * The rejected-rows CSV for a file where 200,000 rows were refused (issue 16, point 3): it used
 * to end in "Maximum call stack size exceeded" (a spread of every row into Math.max). It must
 * list every row, in order, with its column and code.
 */
import { describe, expect, it } from 'vitest';
import { rejectedCsv } from '../../../../src-main/areas/imports/import-service.ts';
import type { ParsedImport } from '../../../../src-main/core/orders/order.ts';

describe('rejected-rows CSV at scale', () => {
  it('writes 200k rejected rows without overflowing the stack', async () => {
    const n = 200_000;
    const rejected = Array.from({ length: n }, (_, i) => ({
      row: i + 2,
      column: 'quantity',
      code: 'import.row.badNumber',
      params: {},
    }));
    const parsed = { headers: ['订单号', '数量'] } as unknown as ParsedImport;
    const csv = await rejectedCsv(parsed, rejected, null);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(n + 1);
    expect(lines[0]).toBe('\uFEFF行号/row,列/column,错误代码/code,订单号,数量');
    expect(lines[1]).toBe('2,quantity,import.row.badNumber,,');
    expect(lines[n]).toBe(`${n + 1},quantity,import.row.badNumber,,`);
  }, 60_000);
});
