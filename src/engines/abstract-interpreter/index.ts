/**
 * Engine B, `abstract-interpreter`: abstract interpretation over each subprogram's control-flow graph with
 * per-context summaries (docs/abstract-interpreter.md). Written from SPEC, the kernel's source and the
 * corpus, independently of path-explorer.
 */
import { BPF_LOOP_ID } from '../../bpf/kernel-functions.js';
import type { Quirk } from '../../bpf/profile.js';
import type { Program } from '../../bpf/program.js';
import type { Facts, Mark, ModelResult, Verdict } from '../../bpf/result.js';
import { rewriteProgram } from '../../bpf/rewrite.js';
import type { ModelAnswer, ModelEngine, ModelOptions } from '../contract.js';
import { Interpreter, entryState, type Event } from './analyze.js';
import { shapeOf, type Shape } from './cfg.js';
import { checkMaxStackDepth } from './stack-depth.js';

type OkShape = Extract<Shape, { ok: true }>;

interface Run {
  readonly verdict: Verdict;
  readonly interp: Interpreter | null;
  readonly globalThrows: readonly boolean[];
}

/**
 * The globals whose `throws` a global's own analysis can read: those called from it or from the static
 * subprograms and callbacks it reaches (a global's analysis does not enter another global). An
 * instrumented throw that ends a subprogram falls through into the next one's code (analyze.ts), past
 * this list, but instrumented nothing throws (bpf_throw returns), so every answer is false anyway.
 */
function globalsRead(shape: OkShape): number[][] {
  const callees: number[][] = shape.subprogs.map(() => []);
  shape.insns.forEach((insn, i) => {
    if (insn.kind !== 'call' && insn.kind !== 'ldfunc') return;
    const pc = shape.pcOf[i]!;
    callees[shape.owner[pc]!]!.push(shape.owner[pc + insn.off + 1]!);
  });
  return shape.subprogs.map((root) => {
    const read = new Set<number>();
    const seen = new Set<number>([root.index]);
    const todo = [root.index];
    for (let sub = todo.pop(); sub !== undefined; sub = todo.pop())
      for (const c of callees[sub]!) {
        if (shape.subprogs[c]!.linkage === 'global') read.add(c);
        else if (!seen.has(c)) {
          seen.add(c);
          todo.push(c);
        }
      }
    return [...read].sort((a, b) => a - b);
  });
}

/** Which globals may throw: own throws plus calls to throwing globals, to a fixpoint (or index order). */
function globalThrowsOf(shape: OkShape, options: ModelOptions, instrumented: boolean): boolean[] {
  const n = shape.subprogs.length;
  const throws: boolean[] = new Array<boolean>(n).fill(false);
  const ordered = options.quirks.includes('seed-global-order');
  const reads = globalsRead(shape);
  // A global's answer depends only on the throws it reads: a later round with the same ones reuses it.
  const last = new Map<number, { readonly reads: string; readonly throws: boolean }>();
  const join = options.join === true;
  for (let round = 0; round < n + 1; round++) {
    let changed = false;
    for (const sp of shape.subprogs) {
      if (sp.linkage !== 'global' || sp.index === 0) continue;
      const key = reads[sp.index]!.map((g) => (throws[g] === true ? '1' : '0')).join('');
      const known = last.get(sp.index);
      let spThrows: boolean;
      if (known !== undefined && known.reads === key) spThrows = known.throws;
      else {
        const interp = new Interpreter(shape, options.profile, options.quirks, throws, instrumented, join);
        spThrows = interp.summary(entryState(sp.index, sp.args), sp.index).throws;
        last.set(sp.index, { reads: key, throws: spThrows });
      }
      if (spThrows && !throws[sp.index]) {
        throws[sp.index] = true;
        changed = true;
      }
    }
    if (ordered || !changed) break;
  }
  return throws;
}

function analyse(program: Program, options: ModelOptions, instrumented: boolean): Run {
  const shape = shapeOf(program, options.profile, instrumented);
  if (!shape.ok) {
    const verdict: Verdict =
      shape.kind === 'reject'
        ? { accepted: false, class: 'structure', message: shape.message, insn: shape.insn }
        : { accepted: null, status: 'unsupported', reason: shape.reason, insn: shape.insn };
    return { verdict, interp: null, globalThrows: [] };
  }
  const join = options.join === true;
  const globalThrows = globalThrowsOf(shape, options, instrumented);
  const interp = new Interpreter(shape, options.profile, options.quirks, globalThrows, instrumented, join);
  const events: (Event | null)[] = [interp.summary(entryState(0, null), 0).event];
  const ordered = options.quirks.includes('seed-global-order');
  // do_check_subprogs: after main, only globals a reached call targets are verified (Linux 6.8+, the
  // mainline profile), in index order, pass after pass while a pass verifies one (a global may reach a
  // call to an earlier one). The first violation ends it; an unreached global is never verified (no
  // marks, stack depth 0). The RFC's kernel (rfc) verified every global, in index order.
  if (options.profile === 'rfc') interp.called.fill(true);
  const verified = new Set<number>();
  for (let fresh = events[0] === null; fresh;) {
    fresh = false;
    for (const sp of shape.subprogs) {
      if (sp.linkage !== 'global' || sp.index === 0) continue;
      if (!interp.called[sp.index] || verified.has(sp.index)) continue;
      // seed-global-order: a global knows only the globals checked before it (no fix-up pass).
      const own = ordered
        ? new Interpreter(
            shape,
            options.profile,
            options.quirks,
            globalThrows.map((t, i) => t && i < sp.index),
            instrumented,
            join,
          )
        : interp;
      const sum = own.summary(entryState(sp.index, sp.args), sp.index);
      if (own !== interp) mergeInto(interp, own);
      if (sum.throws) interp.canThrow[sp.index] = true;
      verified.add(sp.index);
      fresh = true;
      events.push(sum.event);
      if (sum.event !== null) break;
    }
    if (events[events.length - 1] !== null) break;
  }
  // An unverified global's can_throw still comes from the throw reachability (SPEC §4).
  for (const sp of shape.subprogs)
    if (sp.linkage === 'global' && sp.index !== 0 && !verified.has(sp.index) && globalThrows[sp.index])
      interp.canThrow[sp.index] = true;
  const first = events.find((e) => e !== null);
  if (first) return { verdict: first.verdict, interp, globalThrows };
  // The throw scan belongs to the original's verification under mainline: the RFC allowed throws in
  // callbacks, and in a rewrite nothing unwinds (docs/abstract-interpreter.md, Rewrite verdict).
  const scan = options.profile === 'mainline' && !instrumented ? interp.isCallback : null;
  const depthFail = checkMaxStackDepth(shape, interp.stackDepth, scan);
  if (depthFail) return { verdict: depthFail, interp, globalThrows };
  return { verdict: { accepted: true }, interp, globalThrows };
}

/** Marks, canThrow and stack depths of `from` added to `to`. */
function mergeInto(to: Interpreter, from: Interpreter): void {
  for (const [pc, set] of from.marks) {
    const into = to.marks.get(pc) ?? new Set();
    for (const m of set) into.add(m);
    to.marks.set(pc, into);
  }
  from.canThrow.forEach((t, i) => {
    if (t) to.canThrow[i] = true;
  });
  from.called.forEach((c, i) => {
    if (c) to.called[i] = true;
  });
  from.isCallback.forEach((c, i) => {
    if (c) to.isCallback[i] = true;
  });
  from.stackDepth.forEach((d, i) => {
    if (d > to.stackDepth[i]!) to.stackDepth[i] = d;
  });
  to.processed += from.processed;
  to.states += from.states;
}

function factsOf(program: Program, interp: Interpreter): Facts {
  const shape = interp.shape;
  const marks: { insn: number; mark: Mark }[] = [];
  program.insns.forEach((insn, i) => {
    const relevant =
      (insn.kind === 'kfunc' && insn.name === 'bpf_throw') ||
      insn.kind === 'call' ||
      (insn.kind === 'helper' && insn.id === BPF_LOOP_ID);
    if (!relevant) return;
    const pc = shape.pcOf[i]!;
    const set = interp.marks.get(pc);
    marks.push({ insn: pc, mark: set === undefined ? 'none' : set.has('outer') ? 'outer' : 'inner' });
  });
  return {
    throwsException: interp.canThrow[0] === true,
    subprogs: shape.subprogs.map((sp) => ({
      name: sp.name,
      canThrow: interp.canThrow[sp.index] === true,
      stackDepth: Math.ceil(interp.stackDepth[sp.index]! / 8) * 8,
    })),
    marks,
  };
}

const internalError = (e: unknown): Verdict => ({
  accepted: null,
  status: 'internal-error',
  reason: e instanceof Error ? e.message : String(e),
});

function verify(program: Program, options: ModelOptions): ModelAnswer {
  const base = { engine: 'abstract-interpreter' as const, profile: options.profile, quirks: options.quirks };
  let run: Run;
  try {
    run = analyse(program, options, false);
  } catch (e) {
    run = { verdict: internalError(e), interp: null, globalThrows: [] };
  }
  const stats = { insnsProcessed: run.interp?.processed ?? 0, states: run.interp?.states ?? 0 };
  const log =
    options.log === true ? [verdictLine(run.verdict), `processed ${stats.insnsProcessed} insns`] : null;
  if (run.verdict.accepted !== true || run.interp === null) {
    const result: ModelResult = { verdict: run.verdict, facts: null, rewrite: null, stats, log };
    return { ...base, result, rewriteVerdict: null };
  }
  const facts = factsOf(program, run.interp);
  const rewrite = rewriteProgram(program, facts, options.profile, options.quirks);
  let rewriteVerdict: Verdict;
  try {
    rewriteVerdict = analyse(rewrite, options, true).verdict;
  } catch (e) {
    rewriteVerdict = internalError(e);
  }
  return { ...base, result: { verdict: run.verdict, facts, rewrite, stats, log }, rewriteVerdict };
}

function verdictLine(v: Verdict): string {
  if (v.accepted === true) return 'accepted';
  if (v.accepted === false) return v.message;
  return `${v.status}: ${v.reason}`;
}

const QUIRK_SUPPORT: { readonly [Q in Quirk]: string | null } = {
  'seed-global-order': null,
  'seed-global-resources': null,
  'seed-entry-clobber':
    'needs ext programs, which model engines do not verify (only syscall programs are in the fragment)',
  'seed-loop-inline': null,
};

export const abstractInterpreter: ModelEngine = {
  name: 'abstract-interpreter',
  description: 'abstract interpretation over the CFG with per-context subprogram summaries (engine B)',
  quirks: QUIRK_SUPPORT,
  join: null,
  verify: (program, options) => verify(program, options),
};
