/**
 * How `throwfuzz check` shows a model engine's result (SPEC §5): the verdict, can_throw per subprogram,
 * the marked instructions; with `--rewrite` the whole listing annotated with each mark and the rewrite; on
 * request the engine's kernel-style log.
 */
import { layoutOf } from '../bpf/layout.js';
import type { Program } from '../bpf/program.js';
import type { Facts, Mark, RejectClass, Verdict } from '../bpf/result.js';
import { printInsn, printProgram, targetNames } from '../bpf/text/print.js';
import type { ModelAnswer } from '../engines/contract.js';
import type { Emit, TextOptions } from './check-render.js';

/**
 * A model engine in `--json` output: the kernel engine's fields plus facts and rewrite. A program outside
 * the engine's fragment is `not-applicable` (accepted null, as the kernel engine says for programs it does
 * not run); `internal-error` is the engine failing, never a verdict.
 */
export interface ModelJson {
  readonly status: 'accepted' | 'rejected' | 'not-applicable' | 'internal-error';
  readonly accepted: boolean | null;
  readonly class: RejectClass | null;
  readonly message: string | null;
  readonly insnsProcessed: number;
  readonly outcomes: readonly never[];
  readonly profile: string;
  readonly quirks: readonly string[];
  readonly facts: {
    readonly throwsException: boolean;
    readonly subprogs: readonly { readonly name: string; readonly canThrow: boolean }[];
    readonly marks: readonly { readonly insn: number; readonly mark: Mark }[];
  } | null;
  /** The rewrite in canonical text (text only here, at the edge). */
  readonly rewrite: string | null;
  /** Why it is not applicable, or what went wrong. */
  readonly reason?: string;
  /** The verdict of verifying the rewrite (null when there is none). */
  readonly rewriteVerdict: Verdict | null;
  readonly log?: readonly string[];
}

type VerdictFields = Pick<ModelJson, 'status' | 'accepted' | 'class' | 'message' | 'reason'>;

function verdictFields(r: ModelAnswer): VerdictFields {
  const v = r.result.verdict;
  if (v.accepted === true) return { status: 'accepted', accepted: true, class: null, message: null };
  if (v.accepted === false)
    return { status: 'rejected', accepted: false, class: v.class, message: v.message };
  switch (v.status) {
    case 'unsupported':
      return { status: 'not-applicable', accepted: null, class: null, message: null, reason: v.reason };
    case 'internal-error':
      return { status: 'internal-error', accepted: null, class: null, message: null, reason: v.reason };
    default: {
      const never: never = v;
      return never;
    }
  }
}

export function modelJson(r: ModelAnswer): ModelJson {
  const { result } = r;
  const facts = result.facts;
  return {
    ...verdictFields(r),
    insnsProcessed: result.stats.insnsProcessed,
    outcomes: [],
    profile: r.profile,
    quirks: r.quirks,
    facts: facts && {
      throwsException: facts.throwsException,
      subprogs: facts.subprogs.map((s) => ({ name: s.name, canThrow: s.canThrow })),
      marks: facts.marks,
    },
    rewrite: result.rewrite && printProgram(result.rewrite),
    rewriteVerdict: r.rewriteVerdict,
    ...(result.log ? { log: result.log } : {}),
  };
}

/**
 * The program one instruction a line with its pc, marks on the right; `all` false keeps only the marked
 * instructions (the calls and throws the rewrite changes).
 */
function listing(program: Program, facts: Facts, all: boolean, emit: Emit): void {
  const { pcOf } = layoutOf(program.insns);
  const name = targetNames(program);
  const marks = new Map(facts.marks.map((m) => [m.insn, m.mark]));
  const funcAt = new Map(program.funcs.map((f) => [f.insn, f]));
  program.insns.forEach((insn, i) => {
    const pc = pcOf[i]!;
    const mark = marks.get(pc);
    const marked = mark !== undefined && mark !== 'none';
    const f = funcAt.get(i);
    if (f && all) emit(`    ${f.name} (${f.linkage}):`);
    if (!all && !marked) return;
    const text = `      ${String(pc).padStart(4)}: ${printInsn(insn, pc, name)}`;
    emit(marked ? `${text.padEnd(50)} ; ${mark}` : text);
  });
}

/** ` (insn N)` after a message, unless the kernel's words already name that instruction. */
function insnSuffix(message: string, insn: number | null): string {
  if (insn === null || new RegExp(`\\binsn ${insn}\\b`).test(message)) return '';
  return ` (insn ${insn})`;
}

function verdictHead(r: ModelAnswer): string {
  const v = r.result.verdict;
  const settings = `${r.profile}${r.quirks.length ? `, quirks ${r.quirks.join(',')}` : ''}`;
  const processed = `${r.result.stats.insnsProcessed} insns processed, ${settings}`;
  if (v.accepted === true) return `accepted (${processed})`;
  if (v.accepted === false) return `rejected (${v.class}) (${processed})`;
  switch (v.status) {
    case 'unsupported':
      return `not applicable (${v.reason}${v.insn === null ? '' : ` at insn ${v.insn}`}; ${settings})`;
    case 'internal-error':
      // The detail goes to stderr (check.ts), once.
      return 'no answer (internal error)';
    default: {
      const never: never = v;
      return never;
    }
  }
}

/** The lines of a model engine's answer on `program` (the program it verified: the listing shows it). */
export function modelText(r: ModelAnswer, program: Program, options: TextOptions, emit: Emit): void {
  const { result } = r;
  const v = result.verdict;
  emit(verdictHead(r));
  if (v.accepted === false) emit(`  message: ${v.message}${insnSuffix(v.message, v.insn)}`);
  const facts = result.facts;
  if (facts) {
    emit(`  throws exception: ${facts.throwsException ? 'yes' : 'no'}`);
    emit('  can_throw:');
    for (const s of facts.subprogs) emit(`    ${s.name}: ${s.canThrow ? 'yes' : 'no'}`);
    if (options.rewrite) {
      emit('  listing:');
      listing(program, facts, true, emit);
    } else if (facts.marks.some((m) => m.mark !== 'none')) {
      emit('  marks:');
      listing(program, facts, false, emit);
    } else emit('  marks: none');
  }
  if (options.rewrite && result.rewrite !== null) {
    emit('  rewrite:');
    for (const l of printProgram(result.rewrite).trimEnd().split('\n')) emit(`    | ${l}`);
  }
  const rv = r.rewriteVerdict;
  if (rv?.accepted === false) emit(`  rewrite rejected (${rv.class}): ${rv.message}`);
  if (result.log) {
    emit('  log:');
    for (const l of result.log) emit(`    | ${l}`);
  }
}
