/**
 * The worker entry (compiled to dist/src/fuzz/worker.js; workerpool loads it in a worker thread): a thin
 * shell around runBatch and minimizeFinding (a new finding made small, between batches). It holds what a worker keeps between batches (the corpus it was handed, its own
 * live-kernel session), and tells the main thread through a shared heartbeat which case and which part of
 * the pipeline it is in, so a case that hangs or kills the worker is named without re-running the batch.
 */
import { workerData } from 'node:worker_threads';
import workerpool from 'workerpool';
import type { Program } from '../bpf/program.js';
import { checkWithKernel, openKernelSession } from '../engines/kernel/index.js';
import type { KernelSession } from '../engines/kernel/index.js';
import { runBatch, type BatchResult } from './batch.js';
import { faultsFromEnv, injectFault } from './fault-switch.js';
import { safeKernel } from './finding-predicate.js';
import { HEARTBEAT_CASE, HEARTBEAT_PART } from './heartbeat.js';
import {
  minimizeFinding,
  type Minimization,
  type MinimizeBudget,
  type MinimizeTask,
} from './minimize-finding.js';
import { timeKeys, type KernelPort } from './pipeline.js';
import type { CorpusExpectations } from './replayed.js';
import type { CaseRef } from './sequence.js';
import type { CampaignSettings } from './settings.js';

/** What every worker of a run is started with (workerData): the corpus, read once by the main thread. */
export interface WorkerInit {
  readonly replay: readonly Program[];
  /** The replayed programs' recorded expectations (same index; absent: not checked). */
  readonly expectations?: readonly CorpusExpectations[];
  readonly mutationSeeds: readonly Program[];
}

const init = workerData as WorkerInit;
const faults = faultsFromEnv(process.env);
let kernel: Promise<KernelPort | { unavailable: string }> | null = null;
let session: KernelSession | null = null;

function openKernel(): Promise<KernelPort | { unavailable: string }> {
  return (kernel ??= openKernelSession().then((opened) => {
    if (!opened.available) return { unavailable: opened.reason };
    session = opened.session;
    const s = opened.session;
    return {
      release: s.release,
      check: (program, noRun) => checkWithKernel(program, s, noRun === null ? {} : { noRun }),
    };
  }));
}

async function batch(
  cases: readonly CaseRef[],
  settings: CampaignSettings,
  heartbeat: Int32Array,
): Promise<BatchResult> {
  const parts = timeKeys(settings);
  let current: CaseRef = cases[0]!;
  return runBatch(
    cases,
    settings,
    {
      kernel: settings.kernel ? await openKernel() : { unavailable: 'not asked (--engines)' },
      corpus: init.mutationSeeds,
      replay: init.replay,
      ...(init.expectations === undefined ? {} : { expectations: init.expectations }),
      clock: () => performance.now(),
      enter: (part) => {
        Atomics.store(heartbeat, HEARTBEAT_PART, parts.indexOf(part));
        if (faults.length > 0 && part === settings.models[0]) injectFault(faults, current);
      },
    },
    (i, ref) => {
      current = ref;
      Atomics.store(heartbeat, HEARTBEAT_CASE, i + 1);
    },
  );
}

/** The heartbeat counts checks: a minimization moves it on every candidate, a hung candidate stops it. */
async function minimizeTask(
  task: MinimizeTask,
  settings: CampaignSettings,
  budget: MinimizeBudget,
  heartbeat: Int32Array,
): Promise<Minimization> {
  const deps = {
    kernel: settings.kernel ? safeKernel(await openKernel()) : { unavailable: 'not asked (--engines)' },
    clock: () => performance.now(),
  };
  return minimizeFinding(task, settings, budget, deps, () => {
    Atomics.add(heartbeat, HEARTBEAT_CASE, 1);
  });
}

workerpool.worker(
  { batch, minimize: minimizeTask },
  {
    onTerminate: async () => {
      await session?.close();
    },
  },
);
