/**
 * `npm run bench -- fuzz`: the campaign end to end on the worker pool (src/fuzz/pool.ts), cases per second
 * on 1 and 2 workers, without and with the live kernel, the speed-up of 2 workers over 1, and the time share
 * of each part of the pipeline. The aim on 2 workers: 5,000 cases per second without the kernel,
 * 1,000 with it, a speed-up of at least 1.8.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openKernelSession } from '../src/engines/kernel/index.js';
import { MODEL_ENGINES } from '../src/engines/index.js';
import { CampaignPool } from '../src/fuzz/pool.js';
import type { CampaignSettings } from '../src/fuzz/settings.js';
import { packageRoot } from '../src/package-root.js';
import { SLOT_MODELS } from '../src/runtime/index.js';

const SECONDS = 10;

async function measure(settings: CampaignSettings, workers: number): Promise<number> {
  const pool = new CampaignPool(
    settings,
    { shard: null, replay: 0, generated: null },
    { kind: 'time', ms: SECONDS * 1000 },
    { replay: [], mutationSeeds: [] },
    {
      workers,
      workerScript: join(packageRoot(), 'dist', 'src', 'fuzz', 'worker.js'),
      hangMs: 60_000,
      heapMiB: 2048,
      maxBatch: 512,
      minimize: null,
    },
    { clock: () => performance.now(), known: () => null, stopRequested: () => false },
  );
  const { result } = await pool.run();
  const total = Object.values(result.times).reduce((sum, ms) => sum + ms, 0);
  const share = Object.entries(result.times)
    .map(([part, ms]) => `${part} ${((100 * ms) / total).toFixed(0)}%`)
    .join(', ');
  const perSecond = (result.cases * 1000) / result.elapsedMs;
  console.log(
    `  ${workers} worker${workers === 1 ? ' ' : 's'}: ${result.cases} cases in ${(result.elapsedMs / 1000).toFixed(1)} s = ${perSecond.toFixed(0)} cases/s (${share})`,
  );
  return perSecond;
}

async function both(label: string, settings: CampaignSettings): Promise<void> {
  console.log(`${label}:`);
  const one = await measure(settings, 1);
  const two = await measure(settings, 2);
  console.log(`  speed-up of 2 workers over 1: ${(two / one).toFixed(2)}`);
}

export async function run(): Promise<void> {
  const base: CampaignSettings = {
    runSeed: '20261130',
    models: MODEL_ENGINES.map((e) => e.name),
    kernel: false,
    profile: 'mainline',
    quirks: {},
    slots: [...SLOT_MODELS],
    beyond: 0.03,
    join: false,
  };
  await both('without the kernel', base);
  const opened = await openKernelSession();
  if (!opened.available) {
    console.log(`with the kernel: skipped (${opened.reason})`);
    return;
  }
  const release = opened.session.release;
  await opened.session.close();
  await both(`with the kernel (Linux ${release})`, { ...base, kernel: true });
}
