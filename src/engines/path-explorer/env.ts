/**
 * The verifier environment (bpf_verifier_env) of one verification: the program as the kernel indexes it
 * (by pc), the analyses done before do_check, counters, explored states, and the facts being collected.
 */
import type { Insn } from '../../bpf/insn.js';
import type { Layout, Subprog } from '../../bpf/layout.js';
import type { Profile, ProgramKind, Quirk } from '../../bpf/profile.js';
import type { Mark, VerdictClass } from '../../bpf/result.js';
import type { HistEntry, VState } from './state.js';

/**
 * A violation: verification stops at the first one (the kernel's `return err` out of do_check). Nobody reads
 * its stack, and some programs reject (or fail a speculative check) on a hot path, so none is captured.
 */
export class Reject extends Error {
  readonly cls: VerdictClass;
  readonly pc: number | null;
  /** Lines the kernel prints before the message (e.g. `Unreleased reference ...`). */
  readonly preface: readonly string[];
  constructor(cls: VerdictClass, message: string, pc: number | null, preface: readonly string[] = []) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'Reject';
    this.cls = cls;
    this.pc = pc;
    this.preface = preface;
  }
}

/** A program outside the fragment of SPEC §3. */
export const unsupported = (what: string, pc: number | null): Reject =>
  new Reject('unsupported', `unsupported: ${what}`, pc);

/** An explored state (bpf_verifier_state_list). */
export interface Explored {
  readonly state: VState;
  hits: number;
  misses: number;
}

/** A pushed branch (bpf_verifier_stack_elem). */
export interface Pending {
  readonly state: VState;
  readonly insnIdx: number;
  readonly prevInsnIdx: number;
}

/** Per-pc flags computed before do_check (check_cfg's marks). */
export interface PcInfo {
  readonly prune: Uint8Array;
  readonly jmp: Uint8Array;
  readonly forceCheckpoint: Uint8Array;
  readonly callsCallback: Uint8Array;
  /** live_regs_before (compute_live_registers): bit i = Ri live. */
  readonly liveRegs: Uint16Array;
  /** The CFG successors of the instruction at each pc (undefined inside an ld_imm64). */
  readonly successors: readonly (readonly number[] | undefined)[];
}

export interface Env {
  readonly insns: readonly Insn[];
  readonly layout: Layout;
  readonly subprogs: readonly Subprog[];
  readonly profile: Profile;
  readonly kind: ProgramKind;
  readonly ctxSize: number;
  readonly quirks: ReadonlySet<Quirk>;
  /** Verifying a rewrite: bpf_throw returns, the instrumentation helpers exist (verify.ts). */
  readonly instrumented: boolean;
  readonly pcs: PcInfo;
  /** Whether a global subprogram throws, as known to the current pass. */
  globalCanThrow: (subprog: number) => boolean;

  idGen: number;
  insnProcessed: number;
  jmpsProcessed: number;
  prevInsnProcessed: number;
  prevJmpsProcessed: number;
  totalStates: number;

  explored: Map<number, Explored[]>;
  stack: Pending[];
  cur: VState;
  insnIdx: number;
  prevInsnIdx: number;
  curHist: HistEntry | null;

  /** Facts (SPEC §5): marks by pc, can_throw and stack depth by subprog. */
  readonly marks: Map<number, Exclude<Mark, 'none'>>;
  readonly canThrow: boolean[];
  readonly stackDepth: number[];
  /** is_cb: subprogs entered as callbacks. */
  readonly isCb: boolean[];
  /** Globals a verified path called (subprog_aux->called). */
  readonly called: boolean[];
  /** bpf_loop inlining state per callsite (loop_inline_state: fit_for_inline, callback subprog). */
  readonly loopInline: Map<number, { fit: boolean; subprog: number }>;

  /** Stack liveness per function instance (stack-liveness.ts). */
  readonly stackLive: Map<string, import('./stack-liveness.js').InstanceLiveness>;

  readonly log: string[] | null;
}

export const insnAtPc = (env: Env, pc: number): Insn | undefined => {
  const i = env.layout.insnAt[pc];
  return i === undefined || i < 0 ? undefined : env.insns[i];
};

export function logLine(env: Env, line: string): void {
  env.log?.push(line);
}
