/**
 * How `throwfuzz check` shows a model engine's result (SPEC §5): the verdict, the listing annotated with
 * each mark, can_throw per subprogram, the rewrite, and on request the engine's kernel-style log.
 */
import { layoutOf } from '../bpf/layout.js';
import type { Facts, Mark, Verdict } from '../bpf/result.js';
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
  /** The verdict of verifying the rewrite (null when there is none). */
  readonly rewriteVerdict: Verdict | null;
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
    rewriteVerdict: r.rewriteVerdict,
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

export function modelText(r: PathExplorerResult): string[] {
  const { result } = r;
  const v = result.verdict;
  const head = `${v.accepted ? 'accepted' : `rejected (${v.class})`} (${result.stats.insnsProcessed} insns processed, ${r.profile}${r.quirks.length ? `, quirks ${r.quirks.join(',')}` : ''})`;
  const lines = [head];
  if (!v.accepted) lines.push(`  message: ${v.message}${v.insn === null ? '' : ` (insn ${v.insn})`}`);
  if (result.facts) {
    lines.push('  listing:', ...annotatedListing(r, result.facts).map((l) => `  ${l}`));
    lines.push(
      '  can_throw:',
      ...result.facts.subprogs.map((s) => `    ${s.name}: ${s.canThrow ? 'yes' : 'no'}`),
      `  throws exception: ${result.facts.throwsException ? 'yes' : 'no'}`,
    );
  }
  if (result.rewrite !== null)
    lines.push(
      '  rewrite:',
      ...result.rewrite
        .trimEnd()
        .split('\n')
        .map((l) => `    | ${l}`),
    );
  const rv = r.rewriteVerdict;
  if (rv && !rv.accepted) lines.push(`  rewrite rejected (${rv.class}): ${rv.message}`);
  if (result.log) lines.push('  log:', ...result.log.map((l) => `    | ${l}`));
  return lines;
}
