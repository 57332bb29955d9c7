/**
 * A campaign's new finding, minimized (a worker task next to case batches, pool.ts): the reducer
 * (src/minimize) with the finding predicate (the pipeline run again, same signature, never loading a
 * kernelUnsafe program). The budget is a number of checks, so the result is a function of the finding
 * alone, the same on any number of workers or shards; the wall-clock cap is only a safety fallback, and a
 * result it stopped says so.
 */
import type { Program } from '../bpf/program.js';
import type { Finding } from '../../oracles/finding.js';
import type { CaseOrigin } from '../../oracles/observation.js';
import { minimize, type MinimizeStats } from '../minimize/reduce.js';
import { findingPredicate } from './finding-predicate.js';
import type { PipelineDeps } from './pipeline.js';
import type { CampaignSettings } from './settings.js';

/** The cap per finding: checks (deterministic), and milliseconds as a safety fallback. */
export interface MinimizeBudget {
  readonly checks: number;
  readonly timeMs: number;
}

/** What a worker is asked to minimize: the first case of a signature. Plain data. */
export interface MinimizeTask {
  readonly signature: string;
  readonly origin: CaseOrigin;
  readonly program: Program;
}

/** A finding minimized, or why not (the first case did not give its signature again, a worker fault). */
export type Minimization =
  | {
      readonly status: 'minimized';
      readonly program: Program;
      readonly stats: MinimizeStats;
      /** Milliseconds it took (reports only). */
      readonly ms: number;
    }
  | { readonly status: 'failed'; readonly reason: string };

/**
 * Whether a campaign minimizes a finding: only new ones (a known one was triaged already), not `precision`
 * artefacts (never failing a run), not a `regression` (a corpus case, small already, that only the corpus
 * expectations show), not a hang or crash the pool found (running it again is what failed).
 */
export function minimizable(finding: Finding, known: string | null, fault: boolean): boolean {
  return known === null && finding.severity !== 'precision' && finding.oracle !== 'regression' && !fault;
}

export async function minimizeFinding(
  task: MinimizeTask,
  settings: CampaignSettings,
  budget: MinimizeBudget,
  deps: Pick<PipelineDeps, 'kernel' | 'clock'>,
  onCheck: () => void = () => {},
): Promise<Minimization> {
  const start = deps.clock();
  const keeps = findingPredicate(task.signature, task.origin, settings, deps);
  const predicate = (p: Program): Promise<boolean> => {
    onCheck();
    return keeps(p);
  };
  if (!(await predicate(task.program)))
    return {
      status: 'failed',
      reason: 'the pipeline run again on the first case does not give the signature',
    };
  const { program, stats } = await minimize(task.program, predicate, {
    maxCalls: budget.checks,
    timeMs: budget.timeMs,
    clock: deps.clock,
  });
  return { status: 'minimized', program, stats, ms: deps.clock() - start };
}
