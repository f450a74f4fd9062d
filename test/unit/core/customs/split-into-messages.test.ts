import { describe, expect, it } from 'vitest';
import { splitIntoMessages } from '../../../../src-main/core/customs/index.ts';

describe('splitIntoMessages', () => {
  it('cuts 250 items into batches of 100, 100 and 50, keeping order', () => {
    const items = Array.from({ length: 250 }, (_, i) => i);
    const batches = splitIntoMessages(items);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(items);
  });

  it('gives no batch for no items, one for exactly 100, and honours a smaller maximum', () => {
    expect(splitIntoMessages([])).toEqual([]);
    expect(splitIntoMessages(Array.from({ length: 100 }, () => 'x')).length).toBe(1);
    expect(splitIntoMessages([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
    expect(() => splitIntoMessages([1], 0)).toThrow('customs.field.length');
  });
});
