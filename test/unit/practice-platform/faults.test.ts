/** Fault specs parse strictly; the same seed gives the same faults, pages keep every receipt. */
import { describe, expect, it } from 'vitest';
import { Faults, NO_FAULTS, parseFaultSpec } from '../../../src-main/practice-platform/faults.ts';

describe('faults', () => {
  it('parses a spec and refuses nonsense', () => {
    expect(parseFaultSpec('500=0.1, drop=0.05,dup=0.2,reorder=1,latency=5-50')).toEqual({
      error500: 0.1,
      drop: 0.05,
      duplicate: 0.2,
      reorder: 1,
      latencyMinMs: 5,
      latencyMaxMs: 50,
    });
    expect(parseFaultSpec('')).toEqual(NO_FAULTS);
    expect(parseFaultSpec('latency=7')).toMatchObject({ latencyMinMs: 7, latencyMaxMs: 7 });
    expect(() => parseFaultSpec('500=2')).toThrow(/outside 0..1/);
    expect(() => parseFaultSpec('boom=0.1')).toThrow(/unknown/);
    expect(() => parseFaultSpec('drop')).toThrow(/name=value/);
  });

  it('is reproducible by seed; delivered pages duplicate and shuffle but lose nothing', () => {
    const config = parseFaultSpec('500=0.3,drop=0.2,dup=0.5,reorder=1');
    const run = (seed: number) => {
      const f = new Faults(config, seed);
      return [...Array.from({ length: 20 }, () => f.pick()), ...f.deliver([1, 2, 3, 4, 5])];
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    const page = new Faults(config, 3).deliver([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(page)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(page.length).toBeGreaterThan(8);
    expect(new Faults(NO_FAULTS, 1).deliver([1, 2, 3])).toEqual([1, 2, 3]);
  });
});
