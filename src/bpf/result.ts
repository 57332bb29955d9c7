/**
 * What engines and the runtime return: plain JSON-able data (a model's rewrite is a Program, itself plain
 * data), the same shape from every engine, so oracles can compare them field by field.
 */
import type { Program } from './program.js';

/** Rejection classes (SPEC §4). */
export type VerdictClass =
  | 'ref-leak'
  | 'region-open'
  | 'throw-in-callback'
  | 'structure'
  | 'call-depth'
  | 'stack'
  | 'too-complex'
  | 'bad-arg'
  | 'region-misuse'
  | 'uninit'
  | 'bad-access'
  | 'bad-return'
  | 'attach'
  | 'unsupported';

export const VERDICT_CLASSES: readonly VerdictClass[] = [
  'ref-leak',
  'region-open',
  'throw-in-callback',
  'structure',
  'call-depth',
  'stack',
  'too-complex',
  'bad-arg',
  'region-misuse',
  'uninit',
  'bad-access',
  'bad-return',
  'attach',
  'unsupported',
];

/** A model engine's rejection class: SPEC §4's classes except `unsupported`, which is not a rejection. */
export type RejectClass = Exclude<VerdictClass, 'unsupported'>;

/**
 * A model engine's answer on one program. `accepted` is true or false for a verdict, and null when the
 * engine has none: the program is outside the fragment (SPEC §3: `unsupported`, "not applicable, neither
 * accepted nor rejected"), or the engine failed (`internal-error`, a finding about the engine). Neither
 * null member may be compared with another engine's verdict.
 */
export type Verdict =
  | { readonly accepted: true }
  | {
      readonly accepted: false;
      readonly class: RejectClass;
      /** The last line the kernel prints before `processed N insns` (SPEC §4, Reporting). */
      readonly message: string;
      /** The pc the violation was found at, when there is one. */
      readonly insn: number | null;
    }
  | {
      readonly accepted: null;
      readonly status: 'unsupported';
      /** What is outside the fragment, e.g. `unsupported: 32-bit ALU`. */
      readonly reason: string;
      /** The pc of the instruction outside the fragment, when there is one. */
      readonly insn: number | null;
    }
  | {
      readonly accepted: null;
      readonly status: 'internal-error';
      /** What went wrong inside the engine. */
      readonly reason: string;
    };

/** A verdict's kind as one name, for output and switches. */
export type VerdictStatus = 'accepted' | 'rejected' | Extract<Verdict, { accepted: null }>['status'];

export function verdictStatus(v: Verdict): VerdictStatus {
  if (v.accepted === null) return v.status;
  return v.accepted ? 'accepted' : 'rejected';
}

/** How a throwing call is rewritten (SPEC §4, mark type). */
export type Mark = 'none' | 'outer' | 'inner';

export interface SubprogFacts {
  readonly name: string;
  readonly canThrow: boolean;
  /** Deepest stack byte accessed on any explored path, rounded up to 8 (SPEC §5, S). */
  readonly stackDepth: number;
}

/** Facts of SPEC §5. `marks` has one entry per `bpf_throw`, subprogram call and `bpf_loop` call, by pc. */
export interface Facts {
  readonly throwsException: boolean;
  readonly subprogs: readonly SubprogFacts[];
  readonly marks: readonly { readonly insn: number; readonly mark: Mark }[];
}

export interface EngineStats {
  /** Instructions processed (the kernel's `processed N insns`). */
  readonly insnsProcessed: number;
  /** States explored or stored, engine-defined. */
  readonly states: number;
}

/** The result of a model engine (path-explorer, abstract-interpreter) on one program. */
export interface ModelResult {
  readonly verdict: Verdict;
  /** Facts and rewrite exist when the program was accepted. */
  readonly facts: Facts | null;
  /**
   * The rewrite of SPEC §5 as a program (text only at the edges: `check`, `rewrite`, JSON), or null when
   * the program was not accepted.
   */
  readonly rewrite: Program | null;
  readonly stats: EngineStats;
  /** A kernel-style log, when asked for. */
  readonly log: readonly string[] | null;
}

/** A test-run of the live kernel: 32-bit retval (the syscall reports u32) and the final ctx. */
export interface KernelOutcome {
  /** Input ctx, hex. */
  readonly input: string;
  readonly retval: number;
  /** Final ctx, hex. */
  readonly ctx: string;
}

/** Why a run stopped early (SPEC §6). A closed set; every fault names the pc it happened at. */
export type RunFaultKind =
  /** A register read before anything was written to it (the verifier's `!read_ok`). */
  | 'uninit-register'
  /** A ctx or stack access outside its buffer, or through a stack pointer of a frame that has returned. */
  | 'out-of-bounds'
  /** A reference used after `bpf_cpumask_release` dropped it. */
  | 'use-after-release'
  /** A pointer used where a scalar must be, or a scalar where a pointer must be. */
  | 'bad-pointer'
  /** A kernel function called with arguments it cannot take (unmatched unlock, bad callback, unknown kfunc). */
  | 'bad-call'
  /** More than 8 frames of subprograms and callbacks. */
  | 'call-depth'
  /** Execution reached something that is not an instruction (second slot of ld_imm64, past the end, r10 written). */
  | 'bad-insn'
  /** The fuel budget ran out. */
  | 'fuel-exhausted';

export interface RunFault {
  readonly kind: RunFaultKind;
  /** Slot index (pc) of the instruction that faulted. */
  readonly pc: number;
  readonly message: string;
}

/** An exception slot (SPEC §6): whether it holds a thrown exception and the cookie thrown with it. */
export interface SlotState {
  readonly thrown: boolean;
  /** Unsigned decimal of the 64-bit cookie; "0" when clear. */
  readonly cookie: string;
}

/** What an invocation still held when it ended. */
export interface HeldResources {
  /** Ordinals (1-based, per invocation) of the `bpf_cpumask_create` calls whose objects were never released. */
  readonly refs: readonly number[];
  /** bpf_rcu_read_lock nesting left open. */
  readonly rcu: number;
  /** bpf_preempt_disable nesting left open. */
  readonly preempt: number;
}

/**
 * The outcome of one invocation of a program on one input (SPEC §6), the unit the runtime's comparisons and
 * the oracles work on. Plain JSON.
 */
export interface RunOutcome {
  /** Input ctx, hex. */
  readonly input: string;
  /** R0 at main's exit as an unsigned decimal of all 64 bits; null when the run faulted. */
  readonly retval: string | null;
  /** Final ctx, hex. */
  readonly ctx: string;
  /**
   * Whether `bpf_throw` ended the run. Only the reference mode can see this: a rewrite handles an outer throw
   * with plain `r0 = r1; exit`. Null (with cookie and unwound) means "not observable in this mode".
   */
  readonly thrown: boolean | null;
  /** Unsigned decimal of the thrown cookie; null when nothing was thrown or not observable. */
  readonly cookie: string | null;
  /** Frames unwound by the throw, innermost first (subprogram names, `bpf_loop` for a helper frame). */
  readonly unwound: readonly string[] | null;
  /** Kernel-function calls in order, with their arguments or results (instrumentation functions excluded). */
  readonly events: readonly string[];
  readonly held: HeldResources;
  /** The invocation's exception slot right after main exited. */
  readonly slotAfter: SlotState;
  readonly fault: RunFault | null;
  /** The run read stack bytes it never wrote (SPEC §3): retval and ctx may differ from the kernel's. */
  readonly indeterminate: boolean;
}
