import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { deriveSeed, seededRandom } from '../../../../src-main/core/random/seeded-random.ts';

const draw = (seed: number, n = 50) => {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => r.uint32());
};

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0)).not.toEqual(draw(2 ** 32));
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 20 }),
        (seed, min, span) => {
          const r = seededRandom(seed);
          for (let i = 0; i < 50; i++) {
            const v = r.int(min, min + span);
            expect(Number.isInteger(v) && v >= min && v <= min + span).toBe(true);
          }
        },
      ),
    );
    const r = seededRandom(1);
    const seen = new Set(Array.from({ length: 500 }, () => r.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('never picks a zero-weight choice and roughly follows the weights', () => {
    const r = seededRandom(9);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++)
      counts[
        r.weighted([
          ['a', 1],
          ['b', 0],
          ['c', 3],
        ] as const)
      ] += 1;
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.5);
    expect(counts.c / counts.a).toBeLessThan(3.5);
  });

  it('makes digit strings of the asked length, with a non-zero lead when asked', () => {
    const r = seededRandom(5);
    for (let i = 0; i < 200; i++) {
      expect(r.digits(18, true)).toMatch(/^[1-9]\d{17}$/);
      expect(r.digits(7)).toMatch(/^\d{7}$/);
    }
  });

  it('samples distinct items', () => {
    const r = seededRandom(3);
    const s = r.sample([1, 2, 3, 4, 5, 6, 7], 5);
    expect(new Set(s).size).toBe(5);
  });

  it('rejects seeds that are not non-negative safe integers', () => {
    expect(() => seededRandom(-1)).toThrow(RangeError);
    expect(() => seededRandom(1.5)).toThrow(RangeError);
  });

  it('derives stable, label-specific sub-seeds', () => {
    expect(deriveSeed(42, 'a.tsv')).toBe(deriveSeed(42, 'a.tsv'));
    expect(deriveSeed(42, 'a.tsv')).not.toBe(deriveSeed(42, 'b.tsv'));
    expect(deriveSeed(42, 'a.tsv')).not.toBe(deriveSeed(43, 'a.tsv'));
  });
});
