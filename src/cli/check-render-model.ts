/**
 * How `throwfuzz check` shows a model engine's result (SPEC §5): the verdict, the listing annotated with
 * each mark, can_throw per subprogram, the rewrite, and on request the engine's kernel-style log.
 */
import { layoutOf } from '../bpf/layout.js';
import type { Facts, Mark } from '../bpf/result.js';
import { printInsn, targetNames } from '../bpf/text/print.js';
import type { PathExplorerResult } from '../engines/path-explorer-engine.js';

/** A model engine in `--json` output: the kernel engine's fields plus facts and rewrite. */
export interface ModelJson {
  readonly status: 'accepted' | 'rejected';
  readonly accepted: boolean;
  readonly class: string | null;
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
  readonly rewrite: string | null;
  readonly log?: readonly string[];
}

export function modelJson(r: PathExplorerResult): ModelJson {
  const { result } = r;
  const v = result.verdict;
  const facts = result.facts;
  return {
    status: v.accepted ? 'accepted' : 'rejected',
    accepted: v.accepted,
    class: v.accepted ? null : v.class,
    message: v.accepted ? null : v.message,
    insnsProcessed: result.stats.insnsProcessed,
    outcomes: [],
    profile: r.profile,
    quirks: r.quirks,
    facts: facts && {
      throwsException: facts.throwsException,
      subprogs: facts.subprogs.map((s) => ({ name: s.name, canThrow: s.canThrow })),
      marks: facts.marks,
    },
    rewrite: result.rewrite,
    ...(result.log ? { log: result.log } : {}),
  };
}

/** The program listing, one instruction a line with its pc, marks on the right. */
function annotatedListing(r: PathExplorerResult, facts: Facts): string[] {
  const { program } = r;
  const { pcOf } = layoutOf(program.insns);
  const name = targetNames(program);
  const marks = new Map(facts.marks.map((m) => [m.insn, m.mark]));
  const out: string[] = [];
  program.insns.forEach((insn, i) => {
    const pc = pcOf[i]!;
    const f = program.funcs.find((fn) => fn.insn === i);
    if (f) out.push(`  ${f.name} (${f.linkage}):`);
    const text = `    ${String(pc).padStart(4)}: ${printInsn(insn, pc, name)}`;
    const mark = marks.get(pc);
    out.push(mark && mark !== 'none' ? `${text.padEnd(48)} ; ${mark}` : text);
  });
  return out;
}

/** ` (insn N)` after a message, unless the kernel's words already name that instruction. */
function insnSuffix(message: string, insn: number | null): string {
  if (insn === null || new RegExp(`\\binsn ${insn}\\b`).test(message)) return '';
  return ` (insn ${insn})`;
}

export function modelText(r: PathExplorerResult): string[] {
  const { result } = r;
  const v = result.verdict;
  const head = `${v.accepted ? 'accepted' : `rejected (${v.class})`} (${result.stats.insnsProcessed} insns processed, ${r.profile}${r.quirks.length ? `, quirks ${r.quirks.join(',')}` : ''})`;
  const lines = [head];
  if (!v.accepted) lines.push(`  message: ${v.message}${insnSuffix(v.message, v.insn)}`);
  if (result.facts) {
    lines.push('  listing:');
    // One push per line: a spread of a long program's lines overflows the call stack.
    for (const l of annotatedListing(r, result.facts)) lines.push(`  ${l}`);
    lines.push(
      '  can_throw:',
      ...result.facts.subprogs.map((s) => `    ${s.name}: ${s.canThrow ? 'yes' : 'no'}`),
      `  throws exception: ${result.facts.throwsException ? 'yes' : 'no'}`,
    );
  }
  if (result.rewrite !== null) {
    lines.push('  rewrite:');
    for (const l of result.rewrite.trimEnd().split('\n')) lines.push(`    | ${l}`);
  }
  if (result.log) {
    lines.push('  log:');
    for (const l of result.log) lines.push(`    | ${l}`);
  }
  return lines;
}
