/**
 * The campaign loop in one process: case i for i = 0, 1, ... through the pipeline until the stop rule holds;
 * findings de-duplicated by signature (the first case of a signature is kept, later ones counted); each
 * signature new or known (triage). The worker pool (pool.ts) runs the same cases in batches; this loop is
 * what tests and benchmarks of the pipeline itself call. Effects come in through `deps`.
 */
import { runCase, type PipelineDeps } from './pipeline.js';
import type { CampaignResult, FindingBucket, StopRule } from './result.js';
import type { CampaignSettings } from './settings.js';
import { copyTally, countCase, emptyTally } from './tally.js';

export type { CampaignResult, FindingBucket, StopRule } from './result.js';

export interface CampaignDeps extends PipelineDeps {
  /** The triage note of a known signature, or null. */
  readonly known: (signature: string) => string | null;
  /** Called once per new bucket, in case order (await it); bench/bugs.ts stops on the one it looks for. */
  readonly onBucket?: (bucket: FindingBucket) => Promise<void>;
  /** Asked between cases: true stops the loop early. */
  readonly interrupted?: () => boolean;
}

export async function runCampaign(
  settings: CampaignSettings,
  stop: StopRule,
  deps: CampaignDeps,
): Promise<CampaignResult> {
  const start = deps.clock();
  const buckets = new Map<string, FindingBucket>();
  const tally = emptyTally();
  const done = (): boolean =>
    deps.interrupted?.() === true ||
    (stop.kind === 'cases' ? tally.cases >= stop.count : deps.clock() - start >= stop.ms);
  while (!done()) {
    const record = await runCase({ kind: 'generated', index: tally.cases }, settings, deps);
    countCase(tally, record);
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
  }
  return {
    ...copyTally(tally),
    settings,
    shard: null,
    workers: 1,
    elapsedMs: deps.clock() - start,
    buckets: [...buckets.values()],
    timeline: [],
  };
}
