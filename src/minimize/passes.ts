/**
 * The reducer's passes: each names positions in a program (subprograms, calls, ranges, instructions,
 * constants, inputs) and, at a position, the smaller programs to try in order. Every candidate is smaller
 * than the program it comes from in the order `measure` (measure.ts) defines, so a reduction ends. Pure.
 */
import {
  deleteInsns,
  deleteRange,
  dropInput,
  dropSubprogram,
  funcOf,
  funcRange,
  isNop,
  NOP,
  replaceInsn,
  setInput,
} from '../bpf/edit.js';
import { S32_MAX, S32_MIN, type Insn } from '../bpf/insn.js';
import { discoverSubprogStarts, layoutOf } from '../bpf/layout.js';
import type { Program } from '../bpf/program.js';
import { structureProblem } from '../bpf/structure.js';
import { constantCost } from './measure.js';

export type PassName =
  | 'drop-subprograms'
  | 'drop-calls'
  | 'delete-ranges'
  | 'delete-blocks'
  | 'nop'
  | 'jumps'
  | 'constants'
  | 'arguments'
  | 'drop-inputs'
  | 'shrink-inputs';

export interface Pass {
  readonly name: PassName;
  /** How many positions the program has for this pass. */
  count(p: Program): number;
  /** The candidates at position k, best first (the first one the predicate keeps is taken). */
  at(p: Program, k: number): Program[];
}

/**
 * Subprograms nothing calls or loads any more go too (a call deleted with its only callee's code left over
 * would be a `structure` rejection: the kernel discovers subprograms from their callers). Repeated, since a
 * dropped subprogram may hold the only call of another.
 */
export function dropOrphans(p: Program): Program {
  let out = p;
  for (;;) {
    const { pcOf } = layoutOf(out.insns);
    const starts = new Set(discoverSubprogStarts(out.insns));
    const orphan = out.funcs.findIndex((f, k) => k > 0 && !starts.has(pcOf[f.insn] ?? -1));
    if (orphan < 0) return out;
    const { start, end } = funcRange(out, orphan);
    out = deleteInsns(out, (i) => i >= start && i < end);
  }
}

/**
 * Labels no jump lands on any more go (each deleted jump leaves its label behind); of several on one
 * instruction the first stays. What the program does is unchanged: jumps hold offsets, labels only names.
 */
export function pruneLabels(p: Program): Program {
  const targets = jumpTargets(p);
  const seen = new Set<number>();
  const labels = p.labels.filter((l) => {
    if (!targets.has(l.insn) || seen.has(l.insn)) return false;
    seen.add(l.insn);
    return true;
  });
  return labels.length === p.labels.length ? p : { ...p, labels };
}

const isCall = (insn: Insn): boolean =>
  insn.kind === 'call' || insn.kind === 'helper' || insn.kind === 'kfunc';

/** Whether an instruction only sets up an argument register (r1-r5) for a call. */
function setsArgument(insn: Insn): boolean {
  switch (insn.kind) {
    case 'alu':
    case 'ldx':
    case 'lddw':
    case 'ldfunc':
    case 'neg':
      return insn.dst >= 1 && insn.dst <= 5;
    case 'ja':
    case 'jmp':
    case 'stx':
    case 'st':
    case 'helper':
    case 'kfunc':
    case 'call':
    case 'exit':
      return false;
    default: {
      const never: never = insn;
      return never;
    }
  }
}

/** Instruction indices some jump lands on (argument set-up never crosses one: another path joins there). */
function jumpTargets(p: Program): Set<number> {
  const { pcOf, insnAt } = layoutOf(p.insns);
  const out = new Set<number>();
  p.insns.forEach((insn, i) => {
    if (insn.kind === 'ja' || insn.kind === 'jmp') out.add(insnAt[pcOf[i]! + insn.off + 1] ?? -1);
  });
  return out;
}

const callSites = (p: Program): number[] => p.insns.flatMap((insn, i) => (isCall(insn) ? [i] : []));

const jumps = (p: Program): number[] => p.insns.flatMap((insn, i) => (insn.kind === 'jmp' ? [i] : []));

const withImm = (p: Program): number[] =>
  p.insns.flatMap((insn, i) =>
    (insn.kind === 'alu' && insn.src.kind === 'imm') ||
    (insn.kind === 'jmp' && insn.src.kind === 'imm') ||
    insn.kind === 'st' ||
    insn.kind === 'lddw'
      ? [i]
      : [],
  );

export const dropSubprograms: Pass = {
  name: 'drop-subprograms',
  count: (p) => p.funcs.length - 1,
  at: (p, k) => [dropOrphans(dropSubprogram(p, k + 1))],
};

export const dropCalls: Pass = {
  name: 'drop-calls',
  count: (p) => callSites(p).length,
  at: (p, k) => {
    const i = callSites(p)[k]!;
    const start = p.funcs[funcOf(p, i)]!.insn;
    const joins = jumpTargets(p);
    let from = i;
    while (from > start && !joins.has(from) && setsArgument(p.insns[from - 1]!)) from--;
    const out = [dropOrphans(deleteRange(p, i, i + 1))];
    if (from < i) out.unshift(dropOrphans(deleteRange(p, from, i + 1)));
    return out;
  },
};

/** Delete `chunk` instructions at a time (the driver runs it with halving chunks, then 1). */
export function deleteRanges(chunk: number): Pass {
  return {
    name: 'delete-ranges',
    count: (p) => Math.ceil(p.insns.length / chunk),
    at: (p, k) => [dropOrphans(deleteRange(p, k * chunk, Math.min(p.insns.length, (k + 1) * chunk)))],
  };
}

/** The longest block `deleteBlocks` tries. */
export const MAX_BLOCK = 8;

/**
 * Every block of 2..MAX_BLOCK consecutive instructions at every position (longest first): what aligned
 * ranges miss, e.g. a reference taken and released (neither goes alone: a leak, or a release of nothing).
 * Quadratic in what it tries, so the reducer runs it only once the other passes are at their fixpoint.
 */
export const deleteBlocks: Pass = {
  name: 'delete-blocks',
  count: (p) => p.insns.length,
  at: (p, k) => {
    const out: Program[] = [];
    for (let len = Math.min(MAX_BLOCK, p.insns.length - k); len >= 2; len--)
      out.push(dropOrphans(deleteRange(p, k, k + len)));
    return out;
  },
};

const replaceable = (p: Program): number[] =>
  p.insns.flatMap((insn, i) => (isNop(insn) || insn.kind === 'exit' ? [] : [i]));

/**
 * An instruction replaced by `goto +0` (what it did is gone, its place stays; deletion takes it later). Only
 * where deleting it outright is malformed: elsewhere the editor's deletion (targets move to the next
 * survivor) is the same program without the no-op, and was tried already.
 */
export const nops: Pass = {
  name: 'nop',
  count: (p) => replaceable(p).length,
  at: (p, k) => {
    const i = replaceable(p)[k]!;
    if (structureProblem(dropOrphans(deleteRange(p, i, i + 1))) === null) return [];
    return [dropOrphans(replaceInsn(p, i, NOP))];
  },
};

/** A conditional jump removed (always falls through), or made unconditional (always taken). */
export const jumpsPass: Pass = {
  name: 'jumps',
  count: (p) => jumps(p).length,
  at: (p, k) => {
    const i = jumps(p)[k]!;
    const insn = p.insns[i]!;
    if (insn.kind !== 'jmp') return [];
    // The code it skips goes too (an `if` and its body), when the target is ahead.
    const { pcOf, insnAt } = layoutOf(p.insns);
    const target = insnAt[pcOf[i]! + insn.off + 1] ?? -1;
    const out = target > i + 1 ? [dropOrphans(deleteRange(p, i, target))] : [];
    out.push(dropOrphans(deleteRange(p, i, i + 1)), replaceInsn(p, i, { kind: 'ja', off: insn.off }, true));
    return out;
  },
};

/** Values a constant is tried at, best first: 0, then the boundaries, then halfway to 0. */
function smallerConstants(v: number): number[] {
  const tries = [0, 1, -1, S32_MAX, S32_MIN, Math.trunc(v / 2)];
  return tries.filter((t, j) => tries.indexOf(t) === j && constantCost(t) < constantCost(v));
}

function withConstant(insn: Insn, v: number): Insn | null {
  switch (insn.kind) {
    case 'alu':
    case 'jmp':
      return insn.src.kind === 'imm' ? { ...insn, src: { kind: 'imm', imm: v } } : null;
    case 'st':
      return { ...insn, imm: v };
    case 'lddw':
    case 'neg':
    case 'ja':
    case 'ldx':
    case 'stx':
    case 'ldfunc':
    case 'helper':
    case 'kfunc':
    case 'call':
    case 'exit':
      return null;
    default: {
      const never: never = insn;
      return never;
    }
  }
}

/** ALU, jump and store immediates toward 0 and the boundary values; ld_imm64 halves toward 0. */
export const constants: Pass = {
  name: 'constants',
  count: (p) => withImm(p).length,
  at: (p, k) => {
    const i = withImm(p)[k]!;
    const insn = p.insns[i]!;
    if (insn.kind === 'lddw') {
      const out: Program[] = [];
      if (insn.hi !== 0) out.push(replaceInsn(p, i, { ...insn, hi: 0 }));
      if (insn.lo !== 0) out.push(replaceInsn(p, i, { ...insn, lo: 0 }));
      return out;
    }
    const v = insn.kind === 'st' ? insn.imm : insn.kind === 'alu' || insn.kind === 'jmp' ? insn.src : null;
    const value = typeof v === 'number' ? v : v !== null && v.kind === 'imm' ? v.imm : null;
    if (value === null) return [];
    return smallerConstants(value).flatMap((c) => {
      const next = withConstant(insn, c);
      return next === null ? [] : [replaceInsn(p, i, next, true)];
    });
  },
};

export const dropInputs: Pass = {
  name: 'drop-inputs',
  count: (p) => p.inputs.length,
  at: (p, k) => [dropInput(p, k)],
};

/** An input's bytes zeroed: all of it, then halves, quarters, ... single bytes (only nonzero blocks). */
export const shrinkInputs: Pass = {
  name: 'shrink-inputs',
  count: (p) => p.inputs.length,
  at: (p, k) => {
    const hex = p.inputs[k]!.ctx;
    const bytes = hex.length / 2;
    const out: Program[] = [];
    for (let size = bytes; size >= 1; size = size === 1 ? 0 : Math.ceil(size / 2))
      for (let at = 0; at < bytes; at += size) {
        const end = Math.min(bytes, at + size);
        const block = hex.slice(at * 2, end * 2);
        if (/^0*$/.test(block)) continue;
        out.push(setInput(p, k, hex.slice(0, at * 2) + '0'.repeat(block.length) + hex.slice(end * 2)));
      }
    return out;
  },
};

/** A subprogram declared with one argument fewer (its callers' set-up of the last one can then go). */
export const fewerArguments: Pass = {
  name: 'arguments',
  count: (p) => p.funcs.length - 1,
  at: (p, k) => {
    const f = p.funcs[k + 1]!;
    if (f.args === 0) return [];
    return [{ ...p, funcs: p.funcs.map((g, j) => (j === k + 1 ? { ...g, args: g.args - 1 } : g)) }];
  },
};
