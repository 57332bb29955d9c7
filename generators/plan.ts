/**
 * The plan: a program of the SPEC §3 fragment as a structured call graph (functions with a role, arguments
 * and a statement tree). Generators build plans; `lower.ts` turns a plan into `src/bpf` Program data.
 *
 * Register discipline (what keeps most plans accepted): r6 holds the ctx pointer in functions that have it
 * (main, statics given ctx as their first argument); r7-r9 hold scalars, initialised at entry; r0-r5 are
 * scratch, written right before each use (calls clobber them).
 */
import type { JmpOp, Size } from '../src/bpf/insn.js';
import type { Profile } from '../src/bpf/profile.js';
import type { Insn } from '../src/bpf/insn.js';

export type ScalarReg = 7 | 8 | 9;
export const SCALAR_REGS: readonly ScalarReg[] = [7, 8, 9];

/** A scalar operand: an immediate or one of the scalar registers. */
export type Value =
  { readonly kind: 'imm'; readonly imm: number } | { readonly kind: 'reg'; readonly reg: ScalarReg };

/** An argument at a callsite: a scalar, or (statics only, else a rejection) the ctx pointer. */
export type Arg = Value | { readonly kind: 'ctx' };

/** The ALU64 operations of the fragment (SPEC §3). */
export type FragmentAluOp = 'mov' | 'add' | 'sub' | 'and' | 'or' | 'xor' | 'lsh' | 'rsh' | 'arsh';
export const FRAGMENT_ALU_OPS: readonly FragmentAluOp[] = [
  'mov',
  'add',
  'sub',
  'and',
  'or',
  'xor',
  'lsh',
  'rsh',
  'arsh',
];

export interface Cond {
  readonly reg: ScalarReg;
  readonly op: JmpOp;
  readonly src: Value;
}

export type Region = 'rcu' | 'preempt';

/** How a reference block ends (SPEC §4): only `release` is accepted. */
export type RefEnd = 'release' | 'leak' | 'leak-on-input' | 'double-release' | 'no-null-check' | 'throw-held';

/** How a region block ends: only `close` is accepted (and `nested` for preempt, which counts). */
export type RegionEnd = 'close' | 'open' | 'throw-inside' | 'nested';

/** bpf_loop's count: a constant, a masked ctx field, or a masked scalar register. */
export type LoopCount =
  | { readonly kind: 'const'; readonly n: number }
  | { readonly kind: 'ctx-masked'; readonly off: number; readonly size: Size; readonly mask: number }
  /** `plusOne`: the masked value plus 1, never 0 (kernel safety: a scalar may be a known constant). */
  | {
      readonly kind: 'reg-masked';
      readonly reg: ScalarReg;
      readonly mask: number;
      readonly plusOne: boolean;
    };

export type Stmt =
  | { readonly kind: 'alu'; readonly op: FragmentAluOp; readonly dst: ScalarReg; readonly src: Value }
  | { readonly kind: 'neg'; readonly dst: ScalarReg }
  | { readonly kind: 'load-ctx'; readonly dst: ScalarReg; readonly size: Size; readonly off: number }
  /** `if cond goto taken`: `fall` runs when cond is false, `taken` when true. */
  | {
      readonly kind: 'if';
      readonly why: 'input' | 'arg' | 'scalar';
      readonly cond: Cond;
      readonly fall: readonly Stmt[];
      readonly taken: readonly Stmt[];
    }
  /** A branch the verifier proves never taken (a mask, a constant, a linked register); `dead` is its arm. */
  | {
      readonly kind: 'assert';
      readonly how: 'mask' | 'const' | 'linked';
      readonly reg: ScalarReg;
      readonly scratch: ScalarReg;
      readonly imm: number;
      readonly dead: readonly Stmt[];
    }
  | { readonly kind: 'throw'; readonly cookie: Value }
  | {
      readonly kind: 'call';
      readonly callee: number;
      readonly args: readonly Arg[];
      readonly result: ScalarReg | null;
    }
  | {
      readonly kind: 'loop';
      readonly callee: number;
      readonly count: LoopCount;
      /** bpf_loop's ctx argument: NULL, or a stack slot holding a scalar. */
      readonly ctx: 'null' | 'stack';
      /** The stack slot (negative offset from r10) bpf_loop's ctx points to when `ctx` is `stack`. */
      readonly slot: number;
      readonly result: ScalarReg | null;
    }
  /** Acquire (bpf_cpumask_create, or a static that returns a fresh reference), null-check, hold, end. */
  | {
      readonly kind: 'ref';
      readonly factory: number | null;
      /** Spill the reference to this stack slot across `hold` (0: keep it in r0, `hold` has no calls). */
      readonly slot: number;
      readonly hold: readonly Stmt[];
      readonly end: RefEnd;
      /** The input branch `leak-on-input` and `throw-held` depend on. */
      readonly cond: Cond | null;
    }
  /** Open a region (here, or by calling a static that opens it and returns), hold, end. */
  | {
      readonly kind: 'region';
      readonly region: Region;
      readonly opener: number | null;
      readonly hold: readonly Stmt[];
      readonly end: RegionEnd;
      readonly cond: Cond | null;
    }
  /** A store to a stack slot (spill of a scalar, or an immediate), optionally filled back. */
  | {
      readonly kind: 'stack';
      readonly size: Size;
      readonly off: number;
      readonly value: Value;
      readonly reload: ScalarReg | null;
    }
  | { readonly kind: 'helper'; readonly which: 'prandom' | 'ktime'; readonly dst: ScalarReg }
  /** Instructions placed as they are: the rejection faults (below) that need a shape of their own. */
  | { readonly kind: 'raw'; readonly why: string; readonly insns: readonly Insn[] };

/** main (subprogram 0), a static or global subprogram, or a static bpf_loop callback. */
export type Role = 'main' | 'static' | 'global' | 'callback';

export type Ret =
  | { readonly kind: 'value'; readonly value: Value }
  /** A static that returns the reference it acquired (transfer through a return value). */
  | { readonly kind: 'ref' }
  /** A static that opens a region and returns with it open (the caller closes it). */
  | { readonly kind: 'opened'; readonly region: Region }
  /** No `exit` at the end (class `structure`: last insn is not an exit or jmp). */
  | { readonly kind: 'no-exit' };

export interface FuncPlan {
  readonly name: string;
  readonly role: Role;
  /** Prototype arguments (0..5); a callback has 2 (index, ctx). */
  readonly args: number;
  /** A static whose first argument is the ctx pointer (kept in r6). */
  readonly ctxParam: boolean;
  readonly body: readonly Stmt[];
  readonly ret: Ret;
}

/** The rejection a plan was built to show (null: built to be accepted). */
export type Fault =
  | 'ref-leak'
  | 'ref-across-throwing-call'
  | 'region-open'
  | 'throw-in-callback'
  | 'structure-orphan'
  | 'structure-no-exit'
  | 'call-depth-chain'
  | 'call-depth-recursion'
  | 'stack-combined'
  | 'stack-oob'
  | 'too-complex'
  | 'bad-arg-double-release'
  | 'bad-arg-null'
  | 'bad-arg-global-ptr'
  | 'region-misuse'
  | 'uninit'
  | 'bad-access'
  | 'bad-return';

export interface ProgramPlan {
  readonly profile: Profile;
  readonly ctxSize: number;
  readonly funcs: readonly FuncPlan[];
  readonly fault: Fault | null;
  /** Input comparisons (ctx offset, size, constant) the inputs are built from. */
  readonly compares: readonly Compare[];
}

export interface Compare {
  readonly off: number;
  readonly size: Size;
  readonly value: number;
}
