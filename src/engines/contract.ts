/**
 * The engine contract: what a model engine is, and the one result type every consumer (the CLI, the
 * oracles, the campaign) handles for any engine. A model engine and the oracles import this file and
 * src/bpf only (test/architecture.test.ts), so engine B is written against this page, not against engine A.
 */
import type { Profile, Quirk } from '../bpf/profile.js';
import type { Program } from '../bpf/program.js';
import type { ModelResult, Verdict } from '../bpf/result.js';
import type { KernelResult } from './kernel/kernel-result.js';

export type { KernelClass, KernelResult, KernelRun, KernelStage } from './kernel/kernel-result.js';
export type { ExecutorFault } from './kernel/executor-client.js';

/** The model engines (SPEC §4-§5). Engine B, `abstract-interpreter`, joins this union with its issue. */
export type ModelEngineName = 'path-explorer' | 'abstract-interpreter';

/**
 * Whether an engine counts toward the kernel's complexity limits as the kernel does (processed
 * instructions with the kernel's pruning, pending jumps of its depth-first walk: `do_check`, `push_stack`).
 * An engine that does not (engine B's worklist has neither) can disagree on `too-complex` for a program
 * near the limits without being wrong about its meaning: the verdict oracle calls that `precision`.
 */
export const KERNEL_COUNTED_LIMITS: { readonly [E in ModelEngineName]: boolean } = {
  'path-explorer': true,
  'abstract-interpreter': false,
};

/** What a model engine verifies under. */
export interface ModelOptions {
  readonly profile: Profile;
  readonly quirks: readonly Quirk[];
  /** Keep a kernel-style log (costly: only for people). */
  readonly log?: boolean;
  /**
   * Merge states at control-flow joins: faster, may lose precision (a joined answer may reject what the
   * exact one accepts, or mark more callsites; it must never accept what the exact one rejects for a
   * safety reason: oracles/precision.ts). Absent or false: the exact analysis. An engine whose `join`
   * capability is not null ignores it.
   */
  readonly join?: boolean;
}

/** One model engine's answer on one program: plain data (structured-clone-able, JSON-able but `rewrite`). */
export interface ModelAnswer {
  readonly engine: ModelEngineName;
  readonly profile: Profile;
  readonly quirks: readonly Quirk[];
  /** Verdict, facts, the rewrite (a Program: text only at the edge), stats, log. */
  readonly result: ModelResult;
  /**
   * Rewrite validity: the verdict of verifying the rewrite as it runs instrumented (the RFC's
   * bpf_get_exception / bpf_reset_exception modelled, SPEC §2), under the same profile and quirks; null
   * when there is no rewrite (the program was not accepted).
   */
  readonly rewriteVerdict: Verdict | null;
}

/** A model engine: pure, synchronous, never throws (a crash is the `internal-error` verdict). */
export interface ModelEngine {
  readonly name: ModelEngineName;
  /** One line for `--help` and reports. */
  readonly description: string;
  /** Per quirk of SPEC §4: null when the engine reproduces it, else one line saying why it cannot. */
  readonly quirks: { readonly [Q in Quirk]: string | null };
  /** Join mode (`ModelOptions.join`): null when the engine supports it, else one line saying why not. */
  readonly join: string | null;
  verify(program: Program, options: ModelOptions): ModelAnswer;
}

/** One engine's answer on one program, for any engine: the kernel, or any model engine in one branch. */
export type EngineResult =
  | { readonly engine: 'kernel'; readonly result: KernelResult }
  | { readonly engine: ModelEngineName; readonly result: ModelAnswer };

export type EngineName = EngineResult['engine'];
