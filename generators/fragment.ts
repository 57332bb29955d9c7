/**
 * Syntactic checks on Program data: is it inside the SPEC §3 fragment as far as the text shows (the
 * corpus programs the mutator may start from), and is it safe to load into the live kernel (no known
 * kernel WARN).
 */
import { BPF_LOOP_ID, kernelFnByName } from '../src/bpf/kernel-functions.js';
import { branchOffset, type Insn, type Reg } from '../src/bpf/insn.js';
import { layoutOf } from '../src/bpf/layout.js';
import type { Program } from '../src/bpf/program.js';
import { FRAGMENT_ALU_OPS } from './plan.js';

const HELPERS = new Set([BPF_LOOP_ID, 5, 7]);

/** Why an instruction is outside the fragment by its form, or null. */
export function outsideFragment(insn: Insn): string | null {
  switch (insn.kind) {
    case 'alu':
      if (insn.width !== 64) return '32-bit ALU';
      return (FRAGMENT_ALU_OPS as readonly string[]).includes(insn.op) ? null : `ALU ${insn.op}`;
    case 'neg':
      return insn.width === 64 ? null : '32-bit ALU';
    case 'jmp':
      if (insn.width !== 64) return '32-bit jump';
      return insn.off < 0 ? 'back-edge' : null;
    case 'ja':
      return insn.off < 0 ? 'back-edge' : null;
    case 'lddw':
      return 'ld_imm64 constant';
    case 'helper':
      return HELPERS.has(insn.id) ? null : `helper #${insn.id}`;
    case 'kfunc': {
      const fn = kernelFnByName(insn.name);
      return fn && fn.kind === 'kfunc' && !fn.modelOnly ? null : `kfunc ${insn.name}`;
    }
    case 'ldx':
    case 'stx':
    case 'st':
    case 'ldfunc':
    case 'call':
    case 'exit':
      return null;
    default: {
      const never: never = insn;
      return never;
    }
  }
}

export function inFragment(p: Program): boolean {
  return p.kind === 'syscall' && p.insns.every((i) => outsideFragment(i) === null);
}

/**
 * Why a program may trip a known kernel WARN (test/engines/kernel/fixtures/README.md), or null:
 * `if rX op rX`; `bpf_loop` whose count is a pointer (ctx or stack), or one the look-back cannot tell
 * because another path joins on the way back; outside main, the constant 0 or any count it cannot tell;
 * a callback do_check never enters (count 0, or loaded and not passed) where jit_subprogs then misses it.
 * The count is traced back through the straight-line code before the call (a conservative look).
 */
export function kernelUnsafe(p: Program): string | null {
  let func = 0;
  let targets: ReadonlySet<number> | null = null;
  for (let i = 0; i < p.insns.length; i++) {
    while (func + 1 < p.funcs.length && p.funcs[func + 1]!.insn <= i) func++;
    const insn = p.insns[i]!;
    if (insn.kind === 'jmp' && insn.src.kind === 'reg' && insn.src.reg === insn.dst) return 'if rX op rX';
    if (insn.kind === 'ldfunc' && !passedToLoop(p, i) && deadCallbackWarns(p, i))
      return 'a callback loaded but not passed to bpf_loop';
    if (insn.kind === 'helper' && insn.id === BPF_LOOP_ID) {
      targets ??= jumpTargets(p);
      const count = lastWriteOf(p, 1, i, p.funcs[func]!.insn, targets);
      if (count === 'pointer') return 'bpf_loop with a pointer count';
      if (count === 'join') return 'bpf_loop with a count set on paths that join before it';
      if (count === 'zero' && func !== 0) return 'bpf_loop with count 0 outside main';
      if (count === 'zero' && deadCallbackWarns(p, loadOfR2(p, i)))
        return 'bpf_loop with count 0 in a program whose never-entered callback trips jit_subprogs';
      if (count === 'unknown' && func !== 0) return 'bpf_loop with a count the look-back cannot tell';
    }
  }
  return null;
}

/**
 * Whether the callback loaded at `at` reaches a `bpf_loop` as its R2 along the fall-through path. A
 * callback do_check never enters is dead code: opt_remove_dead_code drops its subprogram and
 * jit_subprogs then finds no program for the ld_imm64 that names it (`No program to jit at insn N`, a
 * WARN). Conditional jumps are followed on their fall-through; anything that ends the path, calls out or
 * overwrites the register is treated as the callback never reaching the call.
 */
function passedToLoop(p: Program, at: number): boolean {
  const dst = (p.insns[at] as Extract<Insn, { kind: 'ldfunc' }>).dst;
  for (let k = at + 1; k < p.insns.length; k++) {
    const insn = p.insns[k]!;
    switch (insn.kind) {
      case 'helper':
        return insn.id === BPF_LOOP_ID && dst === 2;
      case 'jmp':
      case 'stx':
      case 'st':
        continue;
      case 'alu':
      case 'neg':
      case 'ldx':
      case 'lddw':
      case 'ldfunc':
        if (insn.dst === dst) return false;
        continue;
      case 'ja':
      case 'exit':
      case 'call':
      case 'kfunc':
        return false;
      default: {
        const never: never = insn;
        return never;
      }
    }
  }
  return false;
}

/** The instructions some jump lands on (where paths join). */
function jumpTargets(p: Program): Set<number> {
  const { pcOf, insnAt } = layoutOf(p.insns);
  const out = new Set<number>();
  p.insns.forEach((insn, k) => {
    const off = insn.kind === 'ldfunc' ? null : branchOffset(insn);
    if (off !== null) out.add(insnAt[pcOf[k]! + off + 1] ?? -1);
  });
  return out;
}

/** The `rX = cb ll` loading r2 in the eight instructions before the bpf_loop at `at`, or -1. */
function loadOfR2(p: Program, at: number): number {
  for (let k = at - 1; k >= Math.max(0, at - 8); k--) {
    const insn = p.insns[k]!;
    if (insn.kind === 'ldfunc' && insn.dst === 2) return k;
  }
  return -1;
}

/**
 * Whether a callback do_check never enters (its ld_imm64 at `load`, -1 when not found) trips the kernel:
 * opt_remove_dead_code drops its subprogram, and jit_subprogs, which runs while more than one subprogram
 * is left, finds none for the ld_imm64 (`No program to jit at insn N`). Seen with three subprograms or
 * more (the hidden exception callback of a program that throws counts), and with two when the callback
 * calls anything (a kfunc too); main and a leaf callback alone, without a throw, load.
 */
function deadCallbackWarns(p: Program, load: number): boolean {
  // A program that calls bpf_throw gets a hidden subprogram, the default exception callback
  // (add_hidden_subprog): it counts as one left (campaign seed 401 case 618: main, a leaf callback, a throw).
  const throws = p.insns.some((insn) => insn.kind === 'kfunc' && insn.name === 'bpf_throw');
  if (load < 0 || p.funcs.length + (throws ? 1 : 0) > 2) return true;
  const { pcOf, insnAt } = layoutOf(p.insns);
  const insn = p.insns[load]!;
  if (insn.kind !== 'ldfunc') return true;
  const target = insnAt[pcOf[load]! + insn.off + 1] ?? -1;
  if (target < 0) return true;
  const next = p.funcs.find((f) => f.insn > target)?.insn ?? p.insns.length;
  for (let j = target; j < next; j++) {
    const kind = p.insns[j]!.kind;
    if (kind === 'call' || kind === 'ldfunc' || kind === 'kfunc' || kind === 'helper') return true;
  }
  return false;
}

/**
 * What the last write of `reg` before instruction `at` (in its function) leaves there, looking back
 * along the fall-through path: `join` where another path enters on the way (a jump target), `unknown`
 * past a call (R1-R5 clobbered: the kernel rejects the read, no WARN).
 */
function lastWriteOf(
  p: Program,
  reg: Reg,
  at: number,
  start: number,
  targets: ReadonlySet<number>,
): 'zero' | 'pointer' | 'scalar' | 'unknown' | 'join' {
  for (let k = at - 1; k >= start; k--) {
    if (targets.has(k + 1)) return 'join';
    const insn = p.insns[k]!;
    if (insn.kind === 'call' || insn.kind === 'helper' || insn.kind === 'kfunc') return 'unknown';
    // A conditional jump writes nothing; the fall-through continues. `ja` never falls through: k + 1 is
    // reached by jumps only, or never.
    if (insn.kind === 'jmp') continue;
    if (insn.kind === 'ja') return 'join';
    if (insn.kind === 'ldx' && insn.dst === reg) return 'scalar';
    if (insn.kind === 'neg' && insn.dst === reg) continue;
    if (insn.kind === 'alu' && insn.dst === reg) {
      if (insn.op !== 'mov') {
        // `r1 &= mask` after a scalar load: keep looking for where the value came from.
        if (insn.op === 'and' && insn.src.kind === 'imm' && insn.src.imm === 0) return 'zero';
        continue;
      }
      if (insn.src.kind === 'imm') return insn.src.imm === 0 ? 'zero' : 'scalar';
      if (insn.src.reg === 6 || insn.src.reg === 10) return 'pointer';
      if (insn.src.reg >= 7) return 'scalar';
      return 'unknown';
    }
    if (insn.kind === 'lddw' && insn.dst === reg) return 'scalar';
  }
  // Reached the function's entry: r1 is main's ctx, or an argument / a callback's index.
  return start === 0 ? 'pointer' : 'unknown';
}
