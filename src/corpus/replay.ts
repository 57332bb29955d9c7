/**
 * Replay, the pure half: which questions a case asks of which engine (`replayChecks`), and how each answer
 * is held against the expectation it recorded (`compareKernel`, `compareModel`, `compareRuntime`): plain
 * data, a list of field mismatches, never printed here (src/cli/replay-render.ts renders them). Asking the
 * engines is replay-run.ts; `throwfuzz replay` and the corpus suites share both.
 *
 * The rules (docs/campaign.md, SPEC §4 Reporting):
 * - the live kernel against `; case expect kernel`: verdict, class, message, whether it ran, and the test-run
 *   of every input. On another release (`uname -r`) than the recorded one, accept/reject and class only: the
 *   verifier's words and the run may change between releases, what it decides should not.
 * - a model engine against `; case expect kernel`, under mainline with the quirks this kernel has
 *   (KERNEL_QUIRKS): verdict, and when both reject, class and message; a kernel class the classifier has no
 *   rule for (`unclassified`, `verifier-bug`) is compared on the verdict only; a kernel `too-complex` is
 *   not asked of an engine that does not count the kernel's limits (KERNEL_COUNTED_LIMITS).
 * - a model engine against `; case expect ENGINE@PROFILE+QUIRKS` (SPEC's answer under that profile and those
 *   quirks, whichever engine recorded it): verdict, class, message, and throws_exception when pinned.
 *   Messages between engines compare with reference ids as `id=N` (`sameMessage`).
 * - the runtime's reference run against the kernel's recorded test-runs, input by input (retval's low 32
 *   bits and the final ctx), where the kernel ran the program.
 */
import type { Quirk } from '../bpf/profile.js';
import type { KernelOutcome, RunOutcome } from '../bpf/result.js';
import { KERNEL_COUNTED_LIMITS, type ModelEngineName, type ModelOptions } from '../engines/contract.js';
import { ENGINE_NAMES, modelEngine, type EngineName } from '../engines/index.js';
import {
  asKernelOutcome,
  sameMessage,
  type Projection,
  type VerdictProjection,
} from '../engines/projection.js';
import { expectationKey, type Case, type Expectation, type KernelExpectation } from './case.js';

/** Who answers in a replay: the live kernel, a model engine, or the runtime's reference run. */
export type ReplayEngine = EngineName | 'runtime';

export const REPLAY_ENGINES: readonly ReplayEngine[] = [...ENGINE_NAMES, 'runtime'];

export const isReplayEngine = (s: string): s is ReplayEngine => (REPLAY_ENGINES as readonly string[]).includes(s);

/**
 * The quirks of SPEC §4 the live kernel has (Linux 6.18 does not check resources at a call to a throwing
 * global: seed-global-resources), so a model engine held to a kernel expectation verifies as that kernel does.
 */
export const KERNEL_QUIRKS: readonly Quirk[] = ['seed-global-resources'];

/** Quirks switched on per model engine on top of what each expectation names (`replay --quirks`). */
export type ExtraQuirks = { readonly [E in ModelEngineName]?: readonly Quirk[] };

/** One question replay asks of a case: who answers, under what, and the expectation it is held to. */
export type ReplayCheck =
  | { readonly kind: 'kernel'; readonly expect: KernelExpectation }
  | {
      readonly kind: 'model';
      readonly engine: ModelEngineName;
      readonly options: ModelOptions;
      readonly expect: Expectation;
    }
  | { readonly kind: 'runtime'; readonly expect: KernelExpectation };

/** The answering side as a diff names it: `kernel`, `ENGINE@PROFILE+QUIRK...`, `runtime@reference`. */
export function checkLabel(check: ReplayCheck): string {
  switch (check.kind) {
    case 'kernel':
      return 'kernel';
    case 'model':
      return `${check.engine}@${check.options.profile}${check.options.quirks.map((q) => `+${q}`).join('')}`;
    case 'runtime':
      return 'runtime@reference';
    default: {
      const never: never = check;
      return never;
    }
  }
}

const union = (a: readonly Quirk[], b: readonly Quirk[]): Quirk[] => [...a, ...b.filter((q) => !a.includes(q))];

/**
 * Every check of a case with the engines asked, in a fixed order: per expectation (in the file's order), the
 * kernel, then each model engine that can apply the quirks, then the runtime. A model engine that cannot
 * reproduce a quirk the expectation names is not asked about it (it would answer another question).
 */
export function replayChecks(
  c: Case,
  engines: readonly ReplayEngine[],
  extra: ExtraQuirks = {},
): ReplayCheck[] {
  const models = engines.filter((e): e is ModelEngineName => e !== 'kernel' && e !== 'runtime');
  const out: ReplayCheck[] = [];
  for (const expect of c.expectations) {
    const wanted = expect.engine === 'kernel' ? KERNEL_QUIRKS : expect.quirks;
    const profile = expect.engine === 'kernel' ? 'mainline' : expect.profile;
    if (expect.engine === 'kernel' && engines.includes('kernel')) out.push({ kind: 'kernel', expect });
    for (const engine of models) {
      const quirks = union(wanted, extra[engine] ?? []);
      const able = modelEngine(engine).quirks;
      if (quirks.some((q) => able[q] !== null)) continue;
      // The kernel's counted limits (1M insns, the jump sequence) are its heuristics: an engine that does
      // not count them as the kernel does (docs/abstract-interpreter.md) is not held to that rejection, as
      // the campaign's verdict oracle calls it precision.
      if (expect.engine === 'kernel' && expect.class === 'too-complex' && !KERNEL_COUNTED_LIMITS[engine])
        continue;
      out.push({ kind: 'model', engine, options: { profile, quirks }, expect });
    }
    if (
      expect.engine === 'kernel' &&
      engines.includes('runtime') &&
      expect.accepted &&
      expect.run !== 'declined'
    )
      out.push({ kind: 'runtime', expect });
  }
  return out;
}

/** One field on which an answer differs from what the case recorded. */
export interface Mismatch {
  /** `verdict`, `class`, `message`, `run`, `throwsException`, `outcomes`, or `outcome[i]` (input i). */
  readonly field: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** What one check found. */
export interface CheckResult {
  /** The answering side (checkLabel). */
  readonly engine: string;
  /** The expectation's key (`kernel`, `path-explorer@mainline`, ...). */
  readonly against: string;
  /** The fields compared, mismatched or not. */
  readonly fields: readonly string[];
  /** A kernel expectation recorded on another release than the running kernel's: compared coarsely. */
  readonly otherRelease: { readonly recorded: string; readonly running: string } | null;
  readonly mismatches: readonly Mismatch[];
}

/** Compares field by field, remembering which fields it compared. */
class Fields {
  readonly names: string[] = [];
  readonly mismatches: Mismatch[] = [];
  same(field: string, expected: unknown, actual: unknown, equal = JSON.stringify(expected) === JSON.stringify(actual)) {
    this.names.push(field);
    if (!equal) this.mismatches.push({ field, expected, actual });
  }
}

const recordedVerdict = (accepted: boolean): string => (accepted ? 'accepted' : 'rejected');

/** A status that is no verdict, as the diff shows it (`fault: why`). */
const noVerdict = (p: VerdictProjection): string => `${p.status}: ${p.reason ?? ''}`;

/** Classes the kernel engine's classifier has no rule for: compared on accept/reject only. */
const comparableClass = (c: string | null): boolean => c !== 'unclassified' && c !== 'verifier-bug';

/** The live kernel's answer (project()) against the recorded one, on the release it runs. */
export function compareKernel(expect: KernelExpectation, got: Projection, release: string): CheckResult {
  const f = new Fields();
  const otherRelease = expect.release === release ? null : { recorded: expect.release, running: release };
  const base = { engine: 'kernel', against: 'kernel', otherRelease };
  if (got.status !== 'accepted' && got.status !== 'rejected') {
    f.same('verdict', recordedVerdict(expect.accepted), noVerdict(got));
    return { ...base, fields: f.names, mismatches: f.mismatches };
  }
  f.same('verdict', recordedVerdict(expect.accepted), got.status);
  f.same('class', expect.class, got.class);
  // A test-run that failed part way (an executor fault) is never a release's difference.
  if (otherRelease !== null && got.run === 'failed') f.same('run', 'ran', got.run);
  if (otherRelease === null) {
    f.same('message', expect.message, got.message);
    if (expect.accepted || got.status === 'accepted') {
      f.same('run', expect.accepted ? (expect.run ?? 'ran') : null, got.run);
      compareOutcomes(f, expect.outcomes, got.outcomes ?? []);
    }
  }
  return { ...base, fields: f.names, mismatches: f.mismatches };
}

/** Test-runs input by input: `outcome[i]`, and how many there are when that differs. */
function compareOutcomes(f: Fields, expected: readonly KernelOutcome[], actual: readonly unknown[]): void {
  if (expected.length !== actual.length) f.same('outcomes', `${expected.length} runs`, `${actual.length} runs`);
  for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
    const { input, retval, ctx } = expected[i]!;
    f.same(`outcome[${i}]`, { input, retval, ctx }, actual[i]);
  }
}

/** A model engine's answer against a kernel or model expectation (rules at the top of this file). */
export function compareModel(
  check: Extract<ReplayCheck, { kind: 'model' }>,
  got: VerdictProjection,
  throwsException: boolean | null,
): CheckResult {
  const f = new Fields();
  const { expect } = check;
  const base = { engine: checkLabel(check), against: expectationKey(expect), otherRelease: null };
  if (got.status !== 'accepted' && got.status !== 'rejected') {
    f.same('verdict', recordedVerdict(expect.accepted), noVerdict(got));
    return { ...base, fields: f.names, mismatches: f.mismatches };
  }
  f.same('verdict', recordedVerdict(expect.accepted), got.status);
  const classToo = expect.engine !== 'kernel' || comparableClass(expect.class);
  // Against the kernel, class and message only where both rejected: an accept/reject split says it all.
  if (classToo && (expect.engine !== 'kernel' || (!expect.accepted && got.status === 'rejected'))) {
    f.same('class', expect.class, got.class);
    const equal =
      expect.message === null || got.message === null
        ? expect.message === got.message
        : sameMessage(expect.message, got.message);
    f.same('message', expect.message, got.message, equal);
  }
  if (expect.engine !== 'kernel' && expect.throwsException !== undefined)
    f.same('throwsException', expect.throwsException, throwsException);
  return { ...base, fields: f.names, mismatches: f.mismatches };
}

/** What the runtime's reference run of one input shows in a kernel test-run's terms, or why it cannot. */
function asTestRun(o: RunOutcome): KernelOutcome | string {
  if (o.fault !== null) return `fault ${o.fault.kind}: ${o.fault.message}`;
  // A read of stack bytes never written (SPEC §3): the kernel's values are its own.
  if (o.indeterminate) return 'indeterminate (read stack bytes never written)';
  return asKernelOutcome(o) ?? 'no return value';
}

/** The runtime's reference runs against the kernel's recorded test-runs, input by input. */
export function compareRuntime(expect: KernelExpectation, runs: readonly RunOutcome[]): CheckResult {
  const f = new Fields();
  compareOutcomes(f, expect.outcomes, runs.map(asTestRun));
  return {
    engine: 'runtime@reference',
    against: 'kernel',
    otherRelease: null,
    fields: f.names,
    mismatches: f.mismatches,
  };
}
