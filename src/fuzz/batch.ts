/**
 * One batch: consecutive cases of a run's sequence through the pipeline, answered as one small message (a
 * worker round trip costs ~50-110 µs, so a worker runs hundreds of cases per task). Findings keep the first
 * case of each signature in the batch and count the rest, so batches merged in order give the buckets of one
 * sequential run.
 */
import type { Program } from '../bpf/program.js';
import type { Finding } from '../../oracles/finding.js';
import type { CaseOrigin } from '../../oracles/observation.js';
import { runCase, type PipelineDeps } from './pipeline.js';
import type { Tally } from './result.js';
import type { CaseRef } from './sequence.js';
import type { CampaignSettings } from './settings.js';
import { countCase, emptyTally } from './tally.js';

/** The first finding of a signature in a batch, with its case, and how many cases of the batch had it. */
export interface BatchFinding {
  readonly finding: Finding;
  readonly origin: CaseOrigin;
  readonly program: Program;
  readonly count: number;
  /** A hang or crash the pool found by running the case alone again (pool.ts), not an oracle's finding. */
  readonly fault?: boolean;
}

export interface BatchResult {
  readonly tally: Tally;
  /** In case order of their first case. */
  readonly findings: readonly BatchFinding[];
}

/** `beforeCase(i)` is told before the batch's i-th case starts (the worker's heartbeat). */
export async function runBatch(
  cases: readonly CaseRef[],
  settings: CampaignSettings,
  deps: PipelineDeps,
  beforeCase: (i: number, ref: CaseRef) => void = () => {},
): Promise<BatchResult> {
  const tally = emptyTally();
  const firsts = new Map<string, { finding: Finding; origin: CaseOrigin; program: Program; count: number }>();
  for (let i = 0; i < cases.length; i++) {
    const ref = cases[i]!;
    beforeCase(i, ref);
    const record = await runCase(ref, settings, deps);
    countCase(tally, record);
    for (const finding of record.findings) {
      const had = firsts.get(finding.signature);
      if (had) had.count++;
      else
        firsts.set(finding.signature, { finding, origin: record.origin, program: record.program!, count: 1 });
    }
  }
  return { tally, findings: [...firsts.values()] };
}
