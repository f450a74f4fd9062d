/**
 * A small deterministic PRNG for generated data (sfc32, seeded through splitmix32), with the
 * helpers the demo generator needs. The same seed gives the same sequence on every machine;
 * nothing here reads the clock or Math.random. Seeds are non-negative safe integers; labelled
 * sub-seeds (`deriveSeed`) keep one file's data independent of another's.
 */

export interface SeededRandom {
  readonly seed: number;
  /** Uniform in [0, 1) with 32 bits of resolution. */
  readonly next: () => number;
  readonly uint32: () => number;
  /** Uniform integer in [min, max], both inclusive; the span must fit in 32 bits. */
  readonly int: (min: number, max: number) => number;
  readonly chance: (p: number) => boolean;
  readonly pick: <T>(items: readonly T[]) => T;
  /** Picks a value with probability proportional to its (non-negative) weight. */
  readonly weighted: <T>(choices: readonly (readonly [T, number])[]) => T;
  /** `n` distinct items in random order (n ≤ items.length). */
  readonly sample: <T>(items: readonly T[], n: number) => T[];
  /** A string of `n` decimal digits; the first is non-zero when `leadingNonZero`. */
  readonly digits: (n: number, leadingNonZero?: boolean) => string;
  /** A string of `n` characters drawn from `alphabet`. */
  readonly chars: (n: number, alphabet: string) => string;
}

function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new RangeError(`seed must be a non-negative safe integer, got ${seed}`);
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over the UTF-16 code units of `label`, mixed with the seed: a stable sub-seed. */
export function deriveSeed(seed: number, label: string): number {
  checkSeed(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  const mix = splitmix32((h ^ (seed >>> 0) ^ Math.floor(seed / 0x100000000)) >>> 0);
  return mix();
}

export function seededRandom(seed: number): SeededRandom {
  checkSeed(seed);
  const init = splitmix32((seed >>> 0) ^ Math.imul(Math.floor(seed / 0x100000000), 0x27d4eb2d));
  let a = init();
  let b = init();
  let c = init();
  let d = 1;
  const uint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) uint32(); // discard the first outputs, as sfc32's author advises
  const next = (): number => uint32() / 0x100000000;
  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min || max - min >= 0x100000000) {
      throw new RangeError(`bad int range [${min}, ${max}]`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[int(0, items.length - 1)] as T;
  };
  const weighted = <T>(choices: readonly (readonly [T, number])[]): T => {
    let total = 0;
    for (const [, w] of choices) {
      if (!(w >= 0)) throw new RangeError(`bad weight ${w}`);
      total += w;
    }
    if (total <= 0) throw new RangeError('weighted pick needs a positive total weight');
    let r = next() * total;
    for (const [value, w] of choices) {
      if (r < w) return value;
      r -= w;
    }
    // floating-point leftovers land on the last choice with a positive weight
    for (let i = choices.length - 1; i >= 0; i--) {
      const choice = choices[i];
      if (choice && choice[1] > 0) return choice[0];
    }
    throw new RangeError('unreachable');
  };
  const sample = <T>(items: readonly T[], n: number): T[] => {
    if (n > items.length) throw new RangeError(`cannot sample ${n} of ${items.length}`);
    const copy = [...items];
    for (let i = 0; i < n; i++) {
      const j = int(i, copy.length - 1);
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  };
  const chars = (n: number, alphabet: string): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[int(0, alphabet.length - 1)];
    return s;
  };
  const digits = (n: number, leadingNonZero = false): string => {
    if (n <= 0) return '';
    let s = leadingNonZero ? String(int(1, 9)) : '';
    // nine digits per draw: the bias of uint32 % 1e9 (< 0.5 %) does not matter for ids
    while (s.length < n) s += String(uint32() % 1_000_000_000).padStart(9, '0');
    return s.slice(0, n);
  };
  return { seed, next, uint32, int, chance: (p) => next() < p, pick, weighted, sample, digits, chars };
}
