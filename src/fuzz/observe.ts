/**
 * The per-case pipeline's synchronous core: a program through every model engine and the runtime, as one
 * Observation (oracles/observation.ts). Pure but for the engines' own determinism: the same program,
 * settings and seed give the same observation. The live kernel's answer is asked for by the caller (it is
 * the one asynchronous, effectful engine) and passed in.
 */
import { inputBuffers, type Program } from '../bpf/program.js';
import type { RunOutcome } from '../bpf/result.js';
import type { ModelAnswer, ModelEngineName } from '../engines/contract.js';
import { modelEngine } from '../engines/index.js';
import { jobOutcomes, runProgram, runSchedule, type Job, type ThreadSpec } from '../runtime/index.js';
import type {
  CaseOrigin,
  InstrumentedRuns,
  KernelObservation,
  Observation,
  Runs,
  SlotModel,
} from '../../oracles/observation.js';
import { rewriteCannotLoad } from '../../oracles/rewrite-validity.js';
import type { CampaignSettings } from './settings.js';

/** What the model engines said, before the kernel is asked (it may not run what they reject: SPEC §8). */
export interface ModelStage {
  readonly models: readonly ModelAnswer[];
  /** Join mode: the supporting engines asked again with `join: true` (Observation.joined); else empty. */
  readonly joined: readonly ModelAnswer[];
  /** Milliseconds each engine took (by the caller's clock), in `models` order of asking; `NAME+join` too. */
  readonly times: Readonly<Record<string, number>>;
  readonly engineCrashes: readonly { readonly engine: string; readonly message: string }[];
}

export function askModels(
  program: Program,
  settings: CampaignSettings,
  clock: () => number = () => 0,
  onEngine: (name: string) => void = () => {},
): ModelStage {
  const models: ModelAnswer[] = [];
  const joined: ModelAnswer[] = [];
  const engineCrashes: { engine: string; message: string }[] = [];
  const times: Record<string, number> = {};
  const ask = (name: ModelEngineName, join: boolean, into: ModelAnswer[]): void => {
    const label = join ? `${name}+join` : name;
    onEngine(label);
    const t0 = clock();
    try {
      into.push(
        modelEngine(name).verify(program, {
          profile: settings.profile,
          quirks: settings.quirks[name] ?? [],
          ...(join ? { join: true } : {}),
        }),
      );
    } catch (e) {
      // The contract says a model engine never throws: this is an engine-fault finding, not the run's end.
      engineCrashes.push({ engine: label, message: e instanceof Error ? e.message : String(e) });
    }
    times[label] = clock() - t0;
  };
  for (const name of settings.models) ask(name, false, models);
  if (settings.join)
    for (const name of settings.models) if (modelEngine(name).join === null) ask(name, true, joined);
  return { models, joined, times, engineCrashes };
}

/**
 * Why the live kernel must not test-run the program, when a model engine rejected it for a held reference
 * or an open region (SPEC §8: report it instead); null when nothing forbids it.
 */
export function kernelNoRun(stage: ModelStage): string | null {
  for (const a of stage.models) {
    const v = a.result.verdict;
    if (v.accepted === false && (v.class === 'ref-leak' || v.class === 'region-open'))
      return `${a.engine} rejects it (${v.class}): a held resource or open region is never test-run`;
  }
  return null;
}

/** Guarded runtime call: a runtime exception is an engine-fault finding, never the end of the campaign. */
function guarded(run: () => readonly RunOutcome[]): Runs {
  try {
    return run();
  } catch (e) {
    return { crash: e instanceof Error ? e.message : String(e) };
  }
}

const THREADS: readonly { readonly cpu: number; readonly task: number }[] = [
  // Two CPUs, and a second task on CPU 0 (a preempted sleepable program): what tells the slot models apart.
  { cpu: 0, task: 0 },
  { cpu: 1, task: 1 },
  { cpu: 0, task: 2 },
];

/**
 * The rewrite's invocations interleaved on THREADS, every thread running every input (streams named as the
 * solo runs name them, so each outcome must equal the reference outcome of its input), with a slot left
 * thrown by an asynchronous callback before thread 0's first invocation (the RFC's entry reset).
 */
function scheduled(
  rewrite: Program,
  inputs: readonly Uint8Array[],
  slots: SlotModel,
  seed: string,
): InstrumentedRuns['scheduled'] {
  try {
    const invoke = (i: number): Job => ({
      kind: 'invoke',
      program: rewrite,
      input: inputs[i]!,
      stream: `input${i}`,
    });
    const order = inputs.map((_, i) => i);
    const orders = THREADS.map((_, n) => (n === 1 ? [...order].reverse() : order));
    const threads: ThreadSpec[] = THREADS.map((t, n) => ({
      ...t,
      jobs: [
        ...(n === 0 ? [{ kind: 'async-throw', program: rewrite, cookie: 0xdeadn } as const] : []),
        ...orders[n]!.map(invoke),
      ],
    }));
    // The schedule is seeded per slot model; the prandom/ktime streams are the solo runs' (same names, same
    // root), so every invocation must equal the reference outcome of its input.
    const result = runSchedule({
      threads,
      mode: 'instrumented',
      slots,
      seed: `${seed}/schedule/${slots}`,
      streamSeed: seed,
    });
    // jobOutcomes lists a thread's invocations in job order, which is its order of inputs.
    return threads.flatMap((_, n) =>
      jobOutcomes(result, n).map((outcome, k) => ({ input: orders[n]![k]!, outcome })),
    );
  } catch (e) {
    return { crash: e instanceof Error ? e.message : String(e) };
  }
}

/** Whether a verifier's acceptance makes the program worth running (SPEC §7: accepted programs are run). */
function anyAccepted(models: readonly ModelAnswer[], kernel: KernelObservation): boolean {
  return (
    models.some((m) => m.result.verdict.accepted === true) ||
    (kernel.asked && kernel.result.status === 'accepted')
  );
}

export function observe(
  program: Program,
  origin: CaseOrigin,
  settings: CampaignSettings,
  stage: ModelStage,
  kernel: KernelObservation,
): Observation {
  const seed = `${origin.runSeed}/${origin.index}`;
  const inputs = inputBuffers(program);
  const run = anyAccepted(stage.models, kernel) && !origin.beyond;
  const reference: Runs = run ? guarded(() => runProgram(program, { mode: 'reference', seed }, inputs)) : [];
  const instrumented: InstrumentedRuns[] = [];
  if (run) {
    for (const answer of stage.models) {
      const { facts, rewrite } = answer.result;
      // A rewrite of a program that never throws is the program itself: nothing to compare. One no verifier
      // would load is rewrite-validity's finding; its runs would only fault where it cannot be loaded.
      if (rewrite === null || facts === null || !facts.marks.some((m) => m.mark !== 'none')) continue;
      if (rewriteCannotLoad(answer)) continue;
      const solo = guarded(() => runProgram(rewrite, { mode: 'instrumented', seed }, inputs));
      for (const slots of settings.slots)
        instrumented.push({
          engine: answer.engine,
          slots,
          solo,
          scheduled: scheduled(rewrite, inputs, slots, seed),
        });
    }
  }
  return {
    origin,
    program,
    quirks: settings.quirks,
    kernel,
    models: stage.models,
    joined: stage.joined,
    reference,
    instrumented,
    engineCrashes: stage.engineCrashes,
  };
}
