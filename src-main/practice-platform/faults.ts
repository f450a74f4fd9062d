/**
 * Fault injection of the practice platform, from a spec string and a seed so a run can be
 * replayed: `500=0.1,drop=0.05,dup=0.2,reorder=0.3,latency=5-50`. 500 and drop fire either
 * before the request is processed or after (a lost answer: the platform already has it).
 */
import { seededRandom } from '../core/random/seeded-random.ts';

export interface FaultConfig {
  /** Probability of an HTTP 500 per request. */
  readonly error500: number;
  /** Probability of destroying the connection without an answer. */
  readonly drop: number;
  /** Probability that a receipt in a page is delivered twice. */
  readonly duplicate: number;
  /** Probability that a receipts page is shuffled. */
  readonly reorder: number;
  readonly latencyMinMs: number;
  readonly latencyMaxMs: number;
}

export const NO_FAULTS: FaultConfig = {
  error500: 0,
  drop: 0,
  duplicate: 0,
  reorder: 0,
  latencyMinMs: 0,
  latencyMaxMs: 0,
};

const NAMES: Record<string, keyof FaultConfig> = {
  '500': 'error500',
  drop: 'drop',
  dup: 'duplicate',
  duplicate: 'duplicate',
  reorder: 'reorder',
};

export function parseFaultSpec(spec: string): FaultConfig {
  const out: { -readonly [K in keyof FaultConfig]: number } = { ...NO_FAULTS };
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, value] = part.split('=') as [string, string | undefined];
    if (value === undefined) throw new Error(`fault "${part}": expected name=value`);
    if (name === 'latency') {
      const m = /^(\d+)(?:-(\d+))?$/.exec(value);
      if (!m) throw new Error(`fault latency=${value}: expected MS or MIN-MAX`);
      out.latencyMinMs = Number(m[1]);
      out.latencyMaxMs = Number(m[2] ?? m[1]);
      continue;
    }
    const key = NAMES[name];
    const p = Number(value);
    if (!key || !(p >= 0 && p <= 1)) throw new Error(`fault "${part}": unknown name or probability outside 0..1`);
    out[key] = p;
  }
  return out;
}

export type FaultPoint = 'none' | 'error500-before' | 'error500-after' | 'drop-before' | 'drop-after';

export class Faults {
  readonly config: FaultConfig;
  readonly #random: () => number;

  constructor(config: FaultConfig, seed: number) {
    this.config = config;
    this.#random = seededRandom(seed).next;
  }

  latencyMs(): number {
    const { latencyMinMs: a, latencyMaxMs: b } = this.config;
    return b <= 0 ? 0 : a + Math.floor(this.#random() * (b - a + 1));
  }

  /** What goes wrong with this request, if anything. */
  pick(): FaultPoint {
    const r = this.#random();
    const half = this.#random() < 0.5 ? 'before' : 'after';
    if (r < this.config.error500) return `error500-${half}`;
    if (r < this.config.error500 + this.config.drop) return `drop-${half}`;
    return 'none';
  }

  /** A page as delivered: some entries twice, the order maybe shuffled (seeded). */
  deliver<T>(items: readonly T[]): T[] {
    const out: T[] = [];
    for (const it of items) {
      out.push(it);
      if (this.#random() < this.config.duplicate) out.push(it);
    }
    if (this.#random() < this.config.reorder) {
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(this.#random() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
    }
    return out;
  }
}
