/**
 * The campaign on worker threads gives the findings of the one-process loop: case i comes from (run seed, i)
 * and results merge in case order, whatever the worker count or how batches fall.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCampaign, type CampaignResult } from '../../src/fuzz/campaign.js';
import { CampaignPool } from '../../src/fuzz/pool.js';
import type { CampaignSettings } from '../../src/fuzz/settings.js';
import { packageRoot } from '../../src/package-root.js';

const settings: CampaignSettings = {
  runSeed: '11',
  models: ['path-explorer'],
  kernel: false,
  profile: 'mainline',
  quirks: { 'path-explorer': ['seed-global-order'] },
  slots: ['task-ctx', 'prog-global', 'per-cpu'],
  beyond: 0.03,
  join: false,
};
const CASES = 400;

const pooled = async (workers: number, maxBatch: number): Promise<CampaignResult> => {
  const pool = new CampaignPool(
    settings,
    { shard: null, replay: 0, generated: CASES },
    { kind: 'cases', count: CASES },
    { replay: [], mutationSeeds: [] },
    {
      workers,
      workerScript: join(packageRoot(), 'dist', 'src', 'fuzz', 'worker.js'),
      hangMs: 60_000,
      heapMiB: 1024,
      maxBatch,
      minimize: null,
    },
    { clock: () => performance.now(), known: () => null, stopRequested: () => false },
  );
  const run = await pool.run();
  expect(run.complete).toBe(true);
  return run.result;
};

/** What a run found and counted, without timings. */
const judged = (r: CampaignResult) => ({
  cases: r.cases,
  findings: r.buckets.map((b) => `${b.signature} @${b.origin.index} x${b.count}`),
  verdicts: r.verdicts,
  features: r.features,
  strategies: r.strategies,
});

describe('the worker pool', () => {
  it('finds what the one-process loop finds, in case order, on 1 or 2 workers and any batch size', async () => {
    const alone = await runCampaign(
      settings,
      { kind: 'cases', count: CASES },
      {
        kernel: { unavailable: 'not asked' },
        corpus: [],
        clock: () => 0,
        known: () => null,
      },
    );
    expect(alone.buckets.length).toBeGreaterThan(1);
    const one = await pooled(1, 512);
    const two = await pooled(2, 37);
    expect(judged(one)).toEqual(judged(alone));
    expect(judged(two)).toEqual(judged(alone));
    expect(two.workers).toBe(2);
    expect(two.timeline.at(-1)?.cases).toBe(CASES);
  });
});
