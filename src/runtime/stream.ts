/**
 * The seeded stream behind `bpf_get_prandom_u32`, `bpf_ktime_get_ns` and the scheduler's choices
 * (CONVENTIONS: one seed rules everything). Sub-streams get seeds derived by name, so adding a CPU or an
 * invocation does not shift the numbers another one draws.
 */
import seedrandom from 'seedrandom';

export type Seed = string | number;

export class Stream {
  private readonly prng: seedrandom.PRNG;

  constructor(readonly seed: string) {
    this.prng = seedrandom.alea(seed);
  }

  /** A uniform unsigned 32-bit value. */
  u32(): number {
    return this.prng.int32() >>> 0;
  }

  /** A uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.prng.double() * n);
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return p > 0 && this.prng.double() < p;
  }
}

/** The seed of the sub-stream `name` of `seed`. */
export function deriveSeed(seed: Seed, name: string): string {
  return `${String(seed)}/${name}`;
}
