/**
 * Counting finished cases: a mutable accumulator a batch fills case by case, and the sum of accumulators
 * (batches into a run, shards into a merged run). Pure.
 */
import type { CaseRecord } from './pipeline.js';
import type { Tally } from './result.js';

export interface MutableTally {
  cases: number;
  verdicts: Record<string, Record<string, number>>;
  features: Record<string, number>;
  strategies: Record<string, number>;
  times: Record<string, number>;
}

export const emptyTally = (): MutableTally => ({
  cases: 0,
  verdicts: {},
  features: {},
  strategies: {},
  times: {},
});

const add = (m: Record<string, number>, key: string, by: number): void => {
  m[key] = (m[key] ?? 0) + by;
};

export function countCase(t: MutableTally, record: CaseRecord): void {
  t.cases++;
  for (const [engine, label] of Object.entries(record.verdicts)) add((t.verdicts[engine] ??= {}), label, 1);
  for (const f of record.features) add(t.features, f, 1);
  const { strategy, beyond } = record.origin;
  add(t.strategies, beyond ? `${strategy}+beyond` : strategy, 1);
  for (const [part, ms] of Object.entries(record.times)) add(t.times, part, ms);
}

/** `into` plus `more`, in place. */
export function addTally(into: MutableTally, more: Tally): void {
  into.cases += more.cases;
  for (const [engine, labels] of Object.entries(more.verdicts))
    for (const [label, n] of Object.entries(labels)) add((into.verdicts[engine] ??= {}), label, n);
  for (const [f, n] of Object.entries(more.features)) add(into.features, f, n);
  for (const [s, n] of Object.entries(more.strategies)) add(into.strategies, s, n);
  for (const [p, ms] of Object.entries(more.times)) add(into.times, p, ms);
}

/** A deep copy, to hand out while the run goes on. */
export function copyTally(t: Tally): Tally {
  const out = emptyTally();
  addTally(out, t);
  return out;
}
