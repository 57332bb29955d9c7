/**
 * Which cases a run (or one shard of it) runs, in what order: the committed corpus replayed first, then
 * generated case 0, 1, 2, ... A shard `i/n` runs the cases whose index is i-1 modulo n, of both kinds, so n
 * shards together run exactly the cases of one unsharded run. A position is a place in this run's own
 * sequence; batches are ranges of positions, and results are merged in position order (case order).
 */
import type { Shard } from './result.js';

export interface CaseRef {
  /** `corpus`: committed program `index` (sorted by path) replayed as it is; `generated`: case `index`. */
  readonly kind: 'corpus' | 'generated';
  readonly index: number;
}

export interface SequencePlan {
  readonly shard: Shard | null;
  /** Corpus programs replayed by the whole campaign (0: no replay). */
  readonly replay: number;
  /** Generated cases of the whole campaign (`--max-cases`), or null: until the time is up. */
  readonly generated: number | null;
}

const residue = (shard: Shard | null): number => (shard === null ? 0 : shard.index - 1);
const stride = (shard: Shard | null): number => (shard === null ? 1 : shard.count);

/** How many of indices 0..total-1 fall in the shard. */
export function shareOf(total: number, shard: Shard | null): number {
  return Math.max(0, Math.ceil((total - residue(shard)) / stride(shard)));
}

/** The case at `position` of the shard's sequence, or null past its end. */
export function caseAt(plan: SequencePlan, position: number): CaseRef | null {
  const replayed = shareOf(plan.replay, plan.shard);
  const kind = position < replayed ? 'corpus' : 'generated';
  const k = kind === 'corpus' ? position : position - replayed;
  if (kind === 'generated' && plan.generated !== null && k >= shareOf(plan.generated, plan.shard))
    return null;
  return { kind, index: residue(plan.shard) + k * stride(plan.shard) };
}

/** Positions in the shard's sequence, or null when it runs until the time is up. */
export function sequenceLength(plan: SequencePlan): number | null {
  return plan.generated === null
    ? null
    : shareOf(plan.replay, plan.shard) + shareOf(plan.generated, plan.shard);
}

/** `i/n` with 1 ≤ i ≤ n ≤ 10,000, or a message saying what is wrong. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d{1,5})\/(\d{1,5})$/.exec(text.trim());
  if (!m) return `'${text}' is not a shard: write i/n, e.g. 1/3`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > 10_000) return `'${text}': the shard count must be 1 to 10000`;
  if (index < 1 || index > count) return `'${text}': the shard index must be 1 to ${count}`;
  return { index, count };
}

/** Total order of cases across shards: the corpus replay first, then generated cases, each by index. */
export function caseOrder(a: CaseRef, b: CaseRef): number {
  return a.kind === b.kind ? a.index - b.index : a.kind === 'corpus' ? -1 : 1;
}
