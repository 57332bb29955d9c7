/**
 * A small instruction editor for the generators: delete or insert instructions and keep every jump, call,
 * callback address, function start and label pointing at the same instruction (a target that is deleted
 * moves to the instruction after it). Offsets are recomputed in slots (`ld_imm64` takes two).
 */
import { branchOffset, slotsOf, withOffset, type Insn } from '../src/bpf/insn.js';
import { layoutOf } from '../src/bpf/layout.js';
import type { Program } from '../src/bpf/program.js';

interface Sym {
  readonly insn: Insn;
  /** Target instruction index of a control-flow instruction. */
  readonly target: number | null;
}

function symbolic(p: Program): Sym[] {
  const { pcOf, insnAt } = layoutOf(p.insns);
  return p.insns.map((insn, i) => {
    const off = branchOffset(insn);
    if (off === null) return { insn, target: null };
    const pc = pcOf[i]! + off + 1;
    return { insn, target: pc >= 0 && pc < insnAt.length ? insnAt[pc]! : null };
  });
}

function resolve(p: Program, syms: readonly Sym[], shift: (i: number) => number): Program {
  const pcOf: number[] = [];
  let pc = 0;
  for (const s of syms) {
    pcOf.push(pc);
    pc += slotsOf(s.insn);
  }
  const insns = syms.map((s, i) =>
    s.target === null ? s.insn : withOffset(s.insn, (pcOf[s.target] ?? pc) - pcOf[i]! - 1),
  );
  return {
    ...p,
    insns,
    funcs: p.funcs.map((f) => ({ ...f, insn: shift(f.insn) })),
    labels: p.labels.map((l) => ({ ...l, insn: shift(l.insn) })),
    notes: [],
  };
}

/** The program without instruction i. */
export function deleteInsn(p: Program, i: number): Program {
  const shift = (t: number): number => (t > i ? t - 1 : t);
  const syms = symbolic(p)
    .filter((_, k) => k !== i)
    .map((s) => (s.target === null ? s : { ...s, target: shift(s.target) }));
  return resolve(p, syms, shift);
}

/** The program with `insn` inserted before instruction i (what targeted i now targets the new one). */
export function insertInsn(p: Program, i: number, insn: Insn, target: number | null = null): Program {
  const shift = (t: number): number => (t > i ? t + 1 : t);
  const syms = symbolic(p).map((s) => (s.target === null ? s : { ...s, target: shift(s.target) }));
  syms.splice(i, 0, { insn, target: target === null ? null : shift(target) });
  return resolve(p, syms, shift);
}

/** The program with instruction i replaced by one of the same control-flow shape (its target kept). */
export function replaceInsn(p: Program, i: number, insn: Insn): Program {
  const syms = symbolic(p);
  syms[i] = { insn, target: syms[i]!.target };
  return resolve(p, syms, (t) => t);
}

/** Index range [start, end) of the function holding instruction i. */
export function funcRange(p: Program, i: number): { start: number; end: number; index: number } {
  let index = 0;
  for (let k = 0; k < p.funcs.length; k++) if (p.funcs[k]!.insn <= i) index = k;
  return { start: p.funcs[index]!.insn, end: p.funcs[index + 1]?.insn ?? p.insns.length, index };
}
