/**
 * The one source of randomness of the generators: a stream of unsigned 32-bit choices. Every decision
 * reads one choice, and a choice of 0 always means the simplest option (no feature, the first entry, the
 * smallest count); so a stream that runs out (read as zeros) ends a program early and is still a valid
 * program, and shrinking a recorded stream (shorter, smaller values) shrinks the program (Hypothesis-style
 * choice sequences).
 */
import seedrandom from 'seedrandom';

export interface Choices {
  /** The next choice, an unsigned 32-bit integer. */
  next(): number;
  /** Every choice read so far, in order (what a shrinker edits). */
  readonly taken: readonly number[];
}

/** Fresh choices from a seed (seedrandom's alea: fast, and the same on every platform). */
export function seededChoices(seed: string): Choices {
  const rng = seedrandom.alea(seed);
  const taken: number[] = [];
  return {
    next: () => {
      const c = rng.int32() >>> 0;
      taken.push(c);
      return c;
    },
    taken,
  };
}

/** Choices replayed from a recorded stream; past its end every choice is 0 (the simplest option). */
export function replayedChoices(stream: readonly number[]): Choices {
  const taken: number[] = [];
  let i = 0;
  return {
    next: () => {
      const c = i < stream.length ? stream[i]! >>> 0 : 0;
      i++;
      taken.push(c);
      return c;
    },
    taken,
  };
}

const TWO_32 = 0x1_0000_0000;

/** Decisions over a choice stream; each reads exactly one choice, and choice 0 is the simplest answer. */
export class Decide {
  constructor(readonly choices: Choices) {}

  /** An integer in [0, n). */
  int(n: number): number {
    return n <= 1 ? (this.choices.next(), 0) : this.choices.next() % n;
  }

  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p; choice 0 answers false (the feature left out). */
  chance(p: number): boolean {
    return this.choices.next() >= (1 - p) * TWO_32;
  }

  /** One of xs; choice 0 picks the first (put the simplest first). */
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  /** One value by weight; choice 0 picks the first entry. */
  weighted<T>(table: readonly (readonly [number, T])[]): T {
    let total = 0;
    for (const [w] of table) total += w;
    let x = (this.choices.next() / TWO_32) * total;
    for (const [w, v] of table) {
      if (x < w) return v;
      x -= w;
    }
    return table[table.length - 1]![1];
  }
}

/**
 * Boundary-biased 32-bit immediates: 0, 1, -1, powers of two and their neighbours, the 16- and 32-bit
 * edges; sometimes any value. The first entry is the simplest (0).
 */
const BOUNDARY: readonly number[] = (() => {
  const out = new Set<number>([0, 1, -1, 2, 3, -2]);
  for (let k = 2; k <= 31; k++) {
    const p = 2 ** k;
    for (const v of [p - 1, p, p + 1]) if (v <= 0x7fffffff) out.add(v);
  }
  for (const v of [0x7fff, 0x8000, 0xffff, 0x7fffffff, -0x80000000, -0x7fffffff, -0x8000, -0x10000, -256])
    out.add(v);
  return [...out];
})();

export function boundaryImm(d: Decide): number {
  if (d.chance(0.1)) return d.choices.next() | 0;
  return d.pick(BOUNDARY);
}

/** A small constant (loop counts, masks' widths, branch constants on bytes): 0..n with edges preferred. */
export function smallImm(d: Decide, max: number): number {
  return d.chance(0.5) ? d.pick([0, 1, max, max - 1, 2].filter((v) => v >= 0 && v <= max)) : d.int(max + 1);
}
