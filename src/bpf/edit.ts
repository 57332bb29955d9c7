/**
 * The program editor: replace each instruction by zero or more instructions (`splice`), and on it delete
 * instructions or ranges, replace one, drop a subprogram, drop or shrink inputs. Every jump, call, callback
 * address (`ldfunc`), function start, label and note is re-pointed so that it refers to the same instruction
 * as before. Pure: programs in, programs out; whether the result is well formed is `structureProblem`'s
 * (structure.ts) to say.
 *
 * Where a target goes when it is edited away: a jump, call or callback address whose target instruction is
 * deleted lands on the next surviving instruction (the first of the deleted instruction's replacement, or the
 * one after it when it is replaced by nothing); past the last instruction it lands at the end (a target the
 * structure check reports). Function starts and labels move the same way; a trailing note of a deleted
 * instruction goes with it, a line note stays before the next survivor.
 */
import { branchOffset, withOffset, type Insn } from './insn.js';
import { layoutOf } from './layout.js';
import type { Program } from './program.js';

/**
 * What one original instruction becomes. `self` is the index in `insns` of the instruction that carries the
 * original's control transfer: its offset is read as relative to the ORIGINAL instruction's pc and re-pointed
 * at the same original target. Other instructions of the patch keep their offsets as they are (relative to
 * their own new positions, e.g. a jump inside the patch). null: nothing of the patch is re-pointed.
 */
export interface Patch {
  readonly insns: readonly Insn[];
  readonly self: number | null;
}

/** An instruction kept as it is. */
export const keep = (insn: Insn): Patch => ({ insns: [insn], self: 0 });
/** An instruction removed. */
export const DROP: Patch = { insns: [], self: null };

/** `goto +0`: the no-op of the fragment (a `mov` would read a register that may not be written). */
export const NOP: Insn = { kind: 'ja', off: 0 };

export const isNop = (insn: Insn): boolean => insn.kind === 'ja' && insn.off === 0;

/** Apply one patch per instruction (`patches.length === program.insns.length`). */
export function splice(program: Program, patches: readonly Patch[]): Program {
  if (patches.length !== program.insns.length)
    throw new Error(`splice: ${patches.length} patches for ${program.insns.length} instructions`);
  const { pcOf, insnAt } = layoutOf(program.insns);
  // New instruction index where each original instruction's patch starts (for a patch of nothing: where the
  // next one starts, so a target there lands on the next survivor).
  const startIdx: number[] = [];
  const out: Insn[] = [];
  for (const p of patches) {
    startIdx.push(out.length);
    for (const insn of p.insns) out.push(insn);
  }
  const { pcOf: newPcOf, slotCount: newSlots } = layoutOf(out);
  const landing = (oldPc: number): number => {
    const i = insnAt[oldPc];
    if (i === undefined || i < 0) return newSlots; // out of range or mid ld_imm64: kept out of range
    const at = startIdx[i]!;
    return at < out.length ? newPcOf[at]! : newSlots;
  };
  patches.forEach((p, i) => {
    if (p.self === null) return;
    const at = startIdx[i]! + p.self;
    const insn = out[at]!;
    const off = branchOffset(insn);
    if (off === null) return;
    out[at] = withOffset(insn, landing(pcOf[i]! + off + 1) - newPcOf[at]! - 1);
  });
  const moveIdx = (i: number): number => (i < startIdx.length ? startIdx[i]! : out.length);
  const gone = (i: number): boolean => i < patches.length && patches[i]!.insns.length === 0;
  return {
    ...program,
    insns: out,
    funcs: program.funcs.map((f) => ({ ...f, insn: moveIdx(f.insn) })),
    labels: program.labels.map((l) => ({ ...l, insn: moveIdx(l.insn) })),
    notes: program.notes
      .filter((n) => !(n.kind === 'trailing' && gone(n.insn)))
      .map((n) => ({ ...n, insn: moveIdx(n.insn) })),
  };
}

/** Delete the instructions whose index `drop` says (functions whose every instruction goes are dropped too). */
export function deleteInsns(program: Program, drop: (i: number) => boolean): Program {
  const patches = program.insns.map((insn, i) => (drop(i) ? DROP : keep(insn)));
  const out = splice(program, patches);
  // A declared function with nothing left would start where the next one does: its declaration goes.
  const ends = program.funcs.map((f, k) => program.funcs[k + 1]?.insn ?? program.insns.length);
  const emptied = program.funcs.map((f, k) => {
    for (let i = f.insn; i < ends[k]!; i++) if (!drop(i)) return false;
    return k > 0;
  });
  return emptied.some((e) => e) ? { ...out, funcs: out.funcs.filter((_, k) => !emptied[k]) } : out;
}

/** Delete instructions [from, to). */
export const deleteRange = (program: Program, from: number, to: number): Program =>
  deleteInsns(program, (i) => i >= from && i < to);

/**
 * Replace instruction i. A control transfer put in its place keeps pointing at the original's target when
 * `retarget` (its offset read relative to the original's pc, e.g. `if` turned into `goto` with the same
 * offset); otherwise its offset is its own (a NOP's +0 is the next instruction).
 */
export function replaceInsn(program: Program, i: number, insn: Insn, retarget = false): Program {
  return splice(
    program,
    program.insns.map((orig, k) => (k === i ? { insns: [insn], self: retarget ? 0 : null } : keep(orig))),
  );
}

/** The instruction range [start, end) of declared function k. */
export function funcRange(program: Program, k: number): { start: number; end: number } {
  return { start: program.funcs[k]!.insn, end: program.funcs[k + 1]?.insn ?? program.insns.length };
}

/** Index of the declared function holding instruction i. */
export function funcOf(program: Program, i: number): number {
  let k = 0;
  while (k + 1 < program.funcs.length && program.funcs[k + 1]!.insn <= i) k++;
  return k;
}

/**
 * Drop subprogram k (not main): its instructions, its declaration, and every instruction that names it: the
 * calls of it (`call NAME`) and the loads of its address (`rX = NAME ll`). What the loaded address fed (a
 * `bpf_loop`'s callback argument) is left as it is: dropping that call is a reduction of its own.
 */
export function dropSubprogram(program: Program, k: number): Program {
  if (k <= 0 || k >= program.funcs.length) throw new Error(`dropSubprogram: no subprogram ${k}`);
  const { start, end } = funcRange(program, k);
  const { pcOf, insnAt } = layoutOf(program.insns);
  const names = (insn: Insn, i: number): boolean => {
    if (insn.kind !== 'call' && insn.kind !== 'ldfunc') return false;
    return insnAt[pcOf[i]! + insn.off + 1] === start;
  };
  return deleteInsns(program, (i) => (i >= start && i < end) || names(program.insns[i]!, i));
}

/** Without input k (a program without inputs runs on one all-zero ctx). */
export function dropInput(program: Program, k: number): Program {
  return { ...program, inputs: program.inputs.filter((_, j) => j !== k) };
}

/** Input k's ctx replaced (lowercase hex of `ctxSize` bytes). */
export function setInput(program: Program, k: number, ctx: string): Program {
  return { ...program, inputs: program.inputs.map((input, j) => (j === k ? { ctx } : input)) };
}
