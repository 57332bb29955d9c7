/**
 * `npm run bench -- fuzz`: the one-process campaign loop (src/fuzz/campaign.ts), cases per second with and
 * without the live kernel, and the time share of each stage (generation, model engines, kernel, runtime,
 * oracles). The aim: at least 2,500 cases per second on one core without the kernel.
 */
import { performance } from 'node:perf_hooks';
import { checkWithKernel, openKernelSession } from '../src/engines/kernel/index.js';
import { MODEL_ENGINES } from '../src/engines/index.js';
import { runCampaign } from '../src/fuzz/campaign.js';
import type { KernelPort } from '../src/fuzz/pipeline.js';
import type { CampaignSettings } from '../src/fuzz/settings.js';
import { SLOT_MODELS } from '../src/runtime/index.js';

const SECONDS = 8;

async function measure(
  label: string,
  settings: CampaignSettings,
  kernel: KernelPort | { unavailable: string },
) {
  const result = await runCampaign(
    settings,
    { kind: 'time', ms: SECONDS * 1000 },
    {
      kernel,
      corpus: [],
      clock: () => performance.now(),
      known: () => null,
    },
  );
  const total = Object.values(result.times).reduce((sum, ms) => sum + ms, 0);
  const share = Object.entries(result.times)
    .map(([part, ms]) => `${part} ${((100 * ms) / total).toFixed(0)}%`)
    .join(', ');
  const perSecond = (result.cases * 1000) / result.elapsedMs;
  console.log(
    `${label}: ${result.cases} cases in ${(result.elapsedMs / 1000).toFixed(1)} s = ${perSecond.toFixed(0)} cases/s`,
  );
  console.log(`  time share: ${share}; ${result.buckets.length} signatures`);
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
  };
  await measure('without the kernel', base, { unavailable: 'not asked' });
  const opened = await openKernelSession();
  if (!opened.available) {
    console.log(`with the kernel: skipped (${opened.reason})`);
    return;
  }
  const { session } = opened;
  try {
    await measure(
      `with the kernel (Linux ${session.release})`,
      { ...base, kernel: true },
      {
        release: session.release,
        check: (program, noRun) => checkWithKernel(program, session, noRun === null ? {} : { noRun }),
      },
    );
  } finally {
    await session.close();
  }
}
