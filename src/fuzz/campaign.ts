/**
 * The campaign loop, in one process: case i for i = 0, 1, ... through the pipeline until the stop rule
 * holds; findings de-duplicated by signature (the first case of a signature is kept, later ones counted);
 * each signature new or known (triage). Effects come in through `deps`: the kernel port, the clock, and a
 * callback for each new signature (the CLI writes its case file at once, so a killed run keeps it).
 */
import type { Program } from '../bpf/program.js';
import type { Finding } from '../../oracles/finding.js';
import type { CaseOrigin } from '../../oracles/observation.js';
import { runCase, STAGES, type CaseRecord, type PipelineDeps, type StageTimes } from './pipeline.js';
import type { CampaignSettings } from './settings.js';

export type StopRule =
  { readonly kind: 'time'; readonly ms: number } | { readonly kind: 'cases'; readonly count: number };

/** Every finding of one signature: the first one in full, the rest counted. */
export interface FindingBucket {
  readonly signature: string;
  readonly first: Finding;
  readonly origin: CaseOrigin;
  readonly program: Program;
  count: number;
  /** The triage note when the signature is known, else null (a new finding). */
  readonly known: string | null;
}

export interface CampaignDeps extends PipelineDeps {
  /** The triage note of a known signature, or null. */
  readonly known: (signature: string) => string | null;
  /** Called once per new bucket, in case order, before the loop goes on (await it: the case file is written). */
  readonly onBucket?: (bucket: FindingBucket) => Promise<void>;
  /** Asked between cases: true stops the loop early (SIGINT). */
  readonly interrupted?: () => boolean;
  /** Called after every case with a way to take the result so far (cheap to call; taking it is not). */
  readonly afterCase?: (snapshot: () => CampaignResult) => Promise<void>;
}

export interface CampaignResult {
  readonly settings: CampaignSettings;
  readonly cases: number;
  readonly elapsedMs: number;
  readonly buckets: readonly FindingBucket[];
  /** Per engine, how many cases got each answer (accepted, a class, not-applicable, ...). */
  readonly verdicts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** How many generated programs had each static feature. */
  readonly features: Readonly<Record<string, number>>;
  /** Cases per strategy (generate, mutate) and how many stepped beyond the fragment. */
  readonly strategies: Readonly<Record<string, number>>;
  /** Milliseconds spent per stage, summed over the cases. */
  readonly times: StageTimes;
}

const bump = (m: Record<string, number>, key: string): void => {
  m[key] = (m[key] ?? 0) + 1;
};

export async function runCampaign(
  settings: CampaignSettings,
  stop: StopRule,
  deps: CampaignDeps,
): Promise<CampaignResult> {
  const start = deps.clock();
  const buckets = new Map<string, FindingBucket>();
  const verdicts: Record<string, Record<string, number>> = {};
  const features: Record<string, number> = {};
  const strategies: Record<string, number> = {};
  const times = { generate: 0, models: 0, kernel: 0, runtime: 0, oracles: 0 };
  let cases = 0;
  const done = (): boolean =>
    deps.interrupted?.() === true ||
    (stop.kind === 'cases' ? cases >= stop.count : deps.clock() - start >= stop.ms);
  const snapshot = (): CampaignResult => ({
    settings,
    cases,
    elapsedMs: deps.clock() - start,
    buckets: [...buckets.values()].map((b) => ({ ...b })),
    verdicts: Object.fromEntries(Object.entries(verdicts).map(([e, m]) => [e, { ...m }])),
    features: { ...features },
    strategies: { ...strategies },
    times: { ...times },
  });
  while (!done()) {
    const record: CaseRecord = await runCase(cases, settings, deps);
    cases++;
    for (const [engine, label] of Object.entries(record.verdicts)) bump((verdicts[engine] ??= {}), label);
    for (const f of record.features) bump(features, f);
    bump(strategies, record.origin.beyond ? `${record.origin.strategy}+beyond` : record.origin.strategy);
    for (const stage of STAGES) times[stage] += record.times[stage];
    for (const finding of record.findings) {
      const had = buckets.get(finding.signature);
      if (had) {
        had.count++;
        continue;
      }
      const bucket: FindingBucket = {
        signature: finding.signature,
        first: finding,
        origin: record.origin,
        program: record.program!,
        count: 1,
        known: deps.known(finding.signature),
      };
      buckets.set(finding.signature, bucket);
      await deps.onBucket?.(bucket);
    }
    await deps.afterCase?.(snapshot);
  }
  return snapshot();
}
