/**
 * Real observations for the oracle tests: path-explorer's answers, the runtime's reference and instrumented
 * runs, and the kernel's answer as recorded from the live kernel (corpus/kernel/NAME.expect.json) or not
 * asked. What the campaign will build, made here by hand from the same engine and runtime calls.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile, Quirk } from '../../src/bpf/profile.js';
import { inputBuffers, type Program } from '../../src/bpf/program.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import type { KernelResult, ModelAnswer } from '../../src/engines/contract.js';
import { rewriteVerdict, verify } from '../../src/engines/path-explorer/index.js';
import {
  jobOutcomes,
  runProgram,
  runSchedule,
  SLOT_MODELS,
  type SlotModel,
} from '../../src/runtime/index.js';
import { readCase } from '../../src/corpus/read.js';
import type {
  InstrumentedRuns,
  KernelObservation,
  Observation,
  RunCrash,
  ScheduledOutcome,
} from '../../oracles/observation.js';

const root = join(import.meta.dirname, '../..');

export function load(path: string): Program {
  const file = join(root, path);
  return parseProgram(readFileSync(file, 'utf8'), file);
}

/** path-explorer's answer, as the engine contract carries it. */
export function answer(
  program: Program,
  quirks: readonly Quirk[] = [],
  profile: Profile = program.profile,
): ModelAnswer {
  const result = verify(program, { profile, quirks });
  return {
    engine: 'path-explorer',
    profile,
    quirks,
    result,
    rewriteVerdict: result.facts && rewriteVerdict(program, result.facts, { profile, quirks }),
  };
}

/** The kernel's answer recorded in corpus/kernel/NAME.s (a real answer of the live kernel). */
export function recordedKernel(name: string): Extract<KernelObservation, { asked: true }> {
  const file = join(root, 'corpus/kernel', `${name}.s`);
  const recorded = readCase(readFileSync(file, 'utf8'), file).expectations.find((e) => e.engine === 'kernel');
  if (recorded?.engine !== 'kernel') throw new Error(`${file}: no kernel expectation`);
  const k = recorded;
  const result: KernelResult = k.accepted
    ? {
        status: 'accepted',
        insnsProcessed: 1,
        run:
          k.run === 'declined'
            ? { status: 'declined', reason: 'held across a throw' }
            : { status: 'ran', outcomes: k.outcomes },
      }
    : {
        status: 'rejected',
        class: k.class!,
        message: k.message!,
        errno: 'EINVAL',
        insnsProcessed: null,
        logTail: [],
      };
  return { asked: true, release: k.release, result };
}

const attempt = <T>(f: () => readonly T[]): readonly T[] | RunCrash => {
  try {
    return f();
  } catch (e) {
    return { crash: (e as Error).message };
  }
};

/** One invocation per input, each on its own CPU, on the reference's streams. */
function scheduled(rewrite: Program, slots: SlotModel, seed: number): ScheduledOutcome[] {
  const inputs = inputBuffers(rewrite);
  const result = runSchedule({
    threads: inputs.map((input, i) => ({
      cpu: i,
      task: i,
      jobs: [{ kind: 'invoke' as const, program: rewrite, input, stream: `input${i}` }],
    })),
    mode: 'instrumented',
    slots,
    seed,
  });
  return inputs.map((_, i) => ({ input: i, outcome: jobOutcomes(result, i)[0]! }));
}

export interface ObserveOptions {
  readonly quirks?: readonly Quirk[];
  readonly kernel?: KernelObservation;
  /** Extra model answers (a second model engine, synthetic until engine B lands). */
  readonly models?: readonly ModelAnswer[];
  /** Join-mode answers (Observation.joined); none by default. */
  readonly joined?: readonly ModelAnswer[];
  readonly slots?: readonly SlotModel[];
  readonly scheduleSeed?: number;
  readonly beyond?: boolean;
}

export function observe(program: Program, options: ObserveOptions = {}): Observation {
  const quirks = options.quirks ?? [];
  const models = options.models ?? [answer(program, quirks)];
  const instrumented: InstrumentedRuns[] = models.flatMap((m) => {
    if (m.result.rewrite === null) return [];
    const rewrite = m.result.rewrite;
    return (options.slots ?? SLOT_MODELS).map((slots) => ({
      engine: m.engine,
      slots,
      solo: attempt(() => runProgram(rewrite, { mode: 'instrumented', slots })),
      scheduled:
        options.scheduleSeed === undefined
          ? null
          : attempt(() => scheduled(rewrite, slots, options.scheduleSeed!)),
    }));
  });
  return {
    origin: {
      runSeed: 'test',
      index: 0,
      strategy: 'corpus',
      generator: 'test',
      beyond: options.beyond ?? false,
    },
    program,
    quirks: { 'path-explorer': quirks },
    kernel: options.kernel ?? { asked: false, reason: 'not asked in this test' },
    models,
    joined: options.joined ?? [],
    reference: attempt(() => runProgram(program, { mode: 'reference' })),
    instrumented,
    engineCrashes: [],
  };
}
