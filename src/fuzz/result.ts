/**
 * What a campaign produces, as plain data: the report writers (src/report) render it, shards merge it. Every
 * count is over the cases the run finished; findings are bucketed by signature in case order.
 */
import type { Program } from '../bpf/program.js';
import type { Finding } from '../../oracles/finding.js';
import type { CaseOrigin } from '../../oracles/observation.js';
import type { Minimization } from './minimize-finding.js';
import type { CampaignSettings } from './settings.js';

export type StopRule =
  { readonly kind: 'time'; readonly ms: number } | { readonly kind: 'cases'; readonly count: number };

/**
 * Shard `index` of `count` (1-based, `--shard 2/3`): it runs the cases whose index is `index - 1` modulo
 * `count`, of the corpus replay and of generation alike, so the shards together run one unsharded run's cases.
 */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Every finding of one signature: the first one (in case order) in full, the rest counted. */
export interface FindingBucket {
  readonly signature: string;
  readonly first: Finding;
  readonly origin: CaseOrigin;
  readonly program: Program;
  count: number;
  /** The triage note when the signature is known, else null (a new finding). */
  readonly known: string | null;
  /** The first case minimized (the pool, when asked to), or why not; absent or null: not minimized (yet). */
  readonly minimized?: Minimization | null;
}

/** Counts over finished cases; batches add theirs up (src/fuzz/tally.ts). */
export interface Tally {
  readonly cases: number;
  /** Per engine, how many cases got each answer (accepted, a class, not-applicable, fault, skipped). */
  readonly verdicts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** How many programs had each static feature. */
  readonly features: Readonly<Record<string, number>>;
  /** Cases per strategy (corpus, generate, mutate; `+beyond` when stepped outside the fragment). */
  readonly strategies: Readonly<Record<string, number>>;
  /**
   * Milliseconds spent, summed over the cases, per part of the pipeline: `generate`, each model engine by
   * name, `kernel`, `runtime`, `oracles` (TIME_KEYS order in pipeline.ts).
   */
  readonly times: Readonly<Record<string, number>>;
}

/** Cases finished by `ms` milliseconds into the run: the throughput curve of the report. */
export interface TimelinePoint {
  readonly ms: number;
  readonly cases: number;
}

export interface CampaignResult extends Tally {
  readonly settings: CampaignSettings;
  readonly shard: Shard | null;
  /** Worker threads the run used (1: in process). */
  readonly workers: number;
  readonly elapsedMs: number;
  readonly buckets: readonly FindingBucket[];
  readonly timeline: readonly TimelinePoint[];
}
