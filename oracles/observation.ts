/**
 * Everything one case produced, as plain data: the program, each engine's answer, and every run. The
 * campaign (src/fuzz) builds it; oracles read it and nothing else (they never call engines or the runtime).
 */
import type { Quirk } from '../src/bpf/profile.js';
import type { Program } from '../src/bpf/program.js';
import type { RunOutcome } from '../src/bpf/result.js';
import type { KernelResult, ModelAnswer, ModelEngineName } from '../src/engines/contract.js';

/** The exception-slot models of SPEC §6 (the runtime's `SlotModel`, restated: oracles import no runtime). */
export type SlotModel = 'task-ctx' | 'prog-global' | 'per-cpu';

/** Where a case came from: enough to make it again (SPEC: one seed rules everything). */
export interface CaseOrigin {
  readonly runSeed: string;
  readonly index: number;
  /** `generate` (a fresh program), `mutate` (a corpus program edited), `corpus` (replayed as it is). */
  readonly strategy: 'generate' | 'mutate' | 'corpus';
  /** Generator version: seed and index reproduce a case only with the same generator code. */
  readonly generator: string;
  /** Stepped outside the fragment on purpose (`--beyond`): judged by the kernel-health oracle alone. */
  readonly beyond: boolean;
}

/** What the live kernel said, or why it was not asked. */
export type KernelObservation =
  | { readonly asked: true; readonly release: string; readonly result: KernelResult }
  | { readonly asked: false; readonly reason: string };

/** A run that did not produce outcomes: the runtime threw (a bug in the runtime, or a program it cannot take). */
export interface RunCrash {
  readonly crash: string;
}

/** One program run on every input, alone on the machine. */
export type Runs = readonly RunOutcome[] | RunCrash;

/** One scheduled invocation: which input (its position in the program's inputs) and what came of it. */
export interface ScheduledOutcome {
  readonly input: number;
  readonly outcome: RunOutcome;
}

/** A model engine's rewrite run instrumented, under one slot model. */
export interface InstrumentedRuns {
  readonly engine: ModelEngineName;
  readonly slots: SlotModel;
  /** Alone on the machine: must equal the reference run input by input. */
  readonly solo: Runs;
  /**
   * Invocations interleaved on several CPUs (the runtime's scheduler, seeded from the case), each on the
   * prandom/ktime stream of its input's solo run: each outcome must equal the reference outcome of its input
   * (by position: two inputs may hold the same bytes). Null when not run.
   */
  readonly scheduled: readonly ScheduledOutcome[] | RunCrash | null;
}

export interface Observation {
  readonly origin: CaseOrigin;
  readonly program: Program;
  /** Quirks switched on, per model engine (SPEC §4). */
  readonly quirks: { readonly [E in ModelEngineName]?: readonly Quirk[] };
  readonly kernel: KernelObservation;
  /** One answer per model engine asked, in a fixed engine order. */
  readonly models: readonly ModelAnswer[];
  /**
   * With join mode on (the campaign's `join`): each model engine that supports it asked again with
   * `join: true`, in `models` order (its exact answer is the one in `models` with the same `engine`).
   * Empty when join mode is off.
   */
  readonly joined: readonly ModelAnswer[];
  /** The original program, reference mode (bpf_throw unwinds), one outcome per input. */
  readonly reference: Runs;
  /** Each accepted model engine's rewrite, instrumented, per slot model. */
  readonly instrumented: readonly InstrumentedRuns[];
  /** An engine that threw instead of answering (a model engine must never throw: engine-fault). */
  readonly engineCrashes: readonly { readonly engine: string; readonly message: string }[];
  /** A committed corpus case replayed by the campaign: its expectations checked again (the regression oracle). */
  readonly replayed?: ReplayedCase | null;
}

/**
 * A corpus case's `; case expect` lines checked again (src/corpus/replay.ts compares; src/fuzz/replayed.ts
 * restates its results here, as oracles import no corpus code): one entry per check, mismatched or not.
 */
export interface ReplayedCase {
  /** The case file, relative to the corpus directory (`kernel/NAME.s`). */
  readonly file: string;
  readonly checks: readonly ReplayedCheck[];
}

export interface ReplayedCheck {
  /** The answering side as replay names it: `kernel`, `ENGINE@PROFILE+QUIRK...`, `runtime@reference`. */
  readonly engine: string;
  /** The same as a signature side: `kernel`, `runtime`, or ENGINE[@PROFILE] with `~QUIRK` per campaign quirk. */
  readonly side: string;
  /** The expectation's key (`kernel`, `path-explorer@rfc+seed-loop-inline`). */
  readonly against: string;
  /** A kernel expectation recorded on another release: compared on accept/reject and class only. */
  readonly otherRelease: { readonly recorded: string; readonly running: string } | null;
  readonly mismatches: readonly {
    readonly field: string;
    readonly expected: unknown;
    readonly actual: unknown;
  }[];
}
