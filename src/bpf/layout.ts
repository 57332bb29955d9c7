import { branchOffset, slotsOf, type Insn } from './insn.js';
import type { Linkage } from './profile.js';
import type { Program } from './program.js';

/**
 * Slot layout of an instruction list: the kernel counts positions (pcs) in 8-byte slots, and `ld_imm64`
 * takes two. `pcOf[i]` is the pc of instruction i; `insnAt[pc]` the instruction starting at pc, or -1 for
 * the second slot of an `ld_imm64` (and for pc == slotCount).
 */
export interface Layout {
  readonly pcOf: readonly number[];
  readonly insnAt: Int32Array;
  readonly slotCount: number;
}

const layouts = new WeakMap<readonly Insn[], Layout>();

export function layoutOf(insns: readonly Insn[]): Layout {
  const cached = layouts.get(insns);
  if (cached) return cached;
  const pcOf: number[] = [];
  let pc = 0;
  for (const insn of insns) {
    pcOf.push(pc);
    pc += slotsOf(insn);
  }
  const insnAt = new Int32Array(pc + 1).fill(-1);
  pcOf.forEach((p, i) => (insnAt[p] = i));
  const layout = { pcOf, insnAt, slotCount: pc };
  layouts.set(insns, layout);
  return layout;
}

/** pc of the target of a jump, call or pseudo-func load at pc `pc` (null for other instructions). */
export function targetPc(insn: Insn, pc: number): number | null {
  const off = branchOffset(insn);
  return off === null ? null : pc + off + 1;
}

/**
 * Subprogram starts as the kernel discovers them (add_subprog_and_kfunc): pc 0, every pseudo-call target
 * and every BPF_PSEUDO_FUNC target, sorted and deduplicated. Targets outside the program are kept: the
 * kernel rejects them, and engines report that.
 */
export function discoverSubprogStarts(insns: readonly Insn[]): number[] {
  const { pcOf } = layoutOf(insns);
  const starts = new Set<number>([0]);
  insns.forEach((insn, i) => {
    if (insn.kind === 'call' || insn.kind === 'ldfunc') starts.add(pcOf[i]! + insn.off + 1);
  });
  return [...starts].sort((a, b) => a - b);
}

/** A subprogram with its slot range [startPc, endPc). */
export interface Subprog {
  readonly index: number;
  readonly name: string;
  readonly linkage: Linkage;
  readonly args: number;
  readonly startPc: number;
  readonly endPc: number;
}

/**
 * The subprograms of a program when its declared functions match the discovered ones (what the kernel's
 * check_btf_func requires), else a description of the mismatch with the kernel's message.
 */
export function subprogsOf(
  program: Program,
): { ok: true; subprogs: Subprog[] } | { ok: false; message: string } {
  const { pcOf, slotCount } = layoutOf(program.insns);
  const starts = discoverSubprogStarts(program.insns);
  if (starts.length !== program.funcs.length) {
    return { ok: false, message: "number of funcs in func_info doesn't match number of subprogs" };
  }
  const subprogs: Subprog[] = [];
  for (let i = 0; i < starts.length; i++) {
    const decl = program.funcs[i]!;
    if (pcOf[decl.insn] !== starts[i]) {
      return { ok: false, message: "func_info BTF section doesn't match subprog layout in BPF program" };
    }
    subprogs.push({
      index: i,
      name: decl.name,
      linkage: decl.linkage,
      args: decl.args,
      startPc: starts[i]!,
      endPc: starts[i + 1] ?? slotCount,
    });
  }
  return { ok: true, subprogs };
}

/** Index of the subprogram containing pc. */
export function subprogAt(subprogs: readonly Subprog[], pc: number): number {
  let lo = 0;
  let hi = subprogs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (subprogs[mid]!.startPc <= pc) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
