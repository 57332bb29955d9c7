import type { Insn } from './insn.js';
import type { Linkage, Profile, ProgramKind } from './profile.js';

/** A `.func NAME static|global [args=N]` declaration: the start of a named subprogram. */
export interface FuncDecl {
  readonly name: string;
  /** Index into `Program.insns` of the first instruction. */
  readonly insn: number;
  readonly linkage: Linkage;
  /** Number of u64 scalar arguments of its prototype (0..5). */
  readonly args: number;
}

/** A jump label: `name:` before the instruction at `insn`. */
export interface Label {
  readonly name: string;
  readonly insn: number;
}

/**
 * A comment kept through parse and print (so `fmt` never deletes what a person wrote). A `line` comment
 * stands on its own line before instruction `insn` (or after the last one when insn == insns.length); a
 * `trailing` comment ends the line of instruction `insn`.
 */
export interface Note {
  readonly insn: number;
  readonly kind: 'line' | 'trailing';
  /** The text after the comment marker, trimmed. */
  readonly text: string;
}

/** A concrete input to run the program on (`.input ctx=HEX`). */
export interface ProgramInput {
  /** ctx bytes, lowercase hex, exactly `ctxSize` bytes. */
  readonly ctx: string;
}

/**
 * A program of SPEC §1: instructions plus what the text form carries. Plain data (JSON- and
 * structured-clone-able). `funcs` are the *declared* subprograms, sorted by position, the first at insn 0;
 * the subprograms the kernel would discover from call targets are computed by `layout.ts`, and a mismatch
 * between the two is a verdict (class `structure`), not a parse error.
 */
export interface Program {
  readonly insns: readonly Insn[];
  readonly funcs: readonly FuncDecl[];
  readonly labels: readonly Label[];
  readonly notes: readonly Note[];
  readonly kind: ProgramKind;
  readonly ctxSize: number;
  readonly profile: Profile;
  readonly inputs: readonly ProgramInput[];
}

export const DEFAULT_CTX_SIZE = 64;
/** The kernel refuses syscall ctx buffers above U16_MAX (bpf_prog_test_run_syscall). */
export const MAX_CTX_SIZE = 0xffff;
export const MAX_ARGS = 5;

/** A program with defaults for everything but its instructions and functions. */
export function makeProgram(
  insns: readonly Insn[],
  funcs: readonly FuncDecl[] = [{ name: 'main', insn: 0, linkage: 'static', args: 0 }],
  rest: Partial<Omit<Program, 'insns' | 'funcs'>> = {},
): Program {
  return {
    insns,
    funcs,
    labels: rest.labels ?? [],
    notes: rest.notes ?? [],
    kind: rest.kind ?? 'syscall',
    ctxSize: rest.ctxSize ?? DEFAULT_CTX_SIZE,
    profile: rest.profile ?? 'mainline',
    inputs: rest.inputs ?? [],
  };
}

/** The ctx buffers a program runs on: its `.input`s, or one all-zero ctx when it has none (SPEC §8). */
export function inputBuffers(program: Program): Uint8Array[] {
  return program.inputs.length > 0
    ? program.inputs.map((i) => Uint8Array.from(Buffer.from(i.ctx, 'hex')))
    : [new Uint8Array(program.ctxSize)];
}
