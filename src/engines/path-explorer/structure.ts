/**
 * What the kernel checks before do_check: subprogram discovery (add_subprog), check_subprogs (jump ranges,
 * last instruction), func_info against the discovered subprograms (check_btf_func), check_cfg
 * (reachability, jumps into ld_imm64) and the fragment's "no loops" rule.
 */
import type { Insn } from '../../bpf/insn.js';
import { discoverSubprogStarts, layoutOf, subprogsOf, type Subprog } from '../../bpf/layout.js';
import type { Profile } from '../../bpf/profile.js';
import type { Program } from '../../bpf/program.js';
import { Reject, unsupported } from './env.js';

/** BPF_MAX_SUBPROGS (include/linux/bpf_verifier.h) */
export const BPF_MAX_SUBPROGS = 256;

/** BPF_COMPLEXITY_LIMIT_INSNS: bpf_prog_load's size limit for a loader with CAP_BPF. */
export const MAX_PROG_INSNS = 1_000_000;

/**
 * bpf_prog_load (kernel/bpf/syscall.c): more instruction slots than the limit is E2BIG before the verifier
 * starts, with an empty log. The kernel has no words for it; these are the kernel engine's too
 * (src/engines/kernel/prog-size.ts), class `too-complex` (docs/path-explorer.md).
 */
export function progSizeMessage(program: Program): string | null {
  const slots = layoutOf(program.insns).slotCount;
  if (slots <= MAX_PROG_INSNS) return null;
  return `too many insns: ${slots} (limit ${MAX_PROG_INSNS}; bpf_prog_load answers E2BIG with no log)`;
}

const isThrow = (insn: Insn | undefined): boolean => insn?.kind === 'kfunc' && insn.name === 'bpf_throw';

/** Successor pcs of the instruction at pc in the CFG (visit_insn). Calls step over the callee. */
export function successors(insn: Insn, pc: number, profile: Profile, instrumented = false): number[] {
  switch (insn.kind) {
    case 'exit':
      return [];
    case 'ja':
      return [pc + insn.off + 1];
    case 'jmp':
      return [pc + 1, pc + insn.off + 1];
    case 'lddw':
    case 'ldfunc':
      return [pc + 2];
    case 'kfunc':
      // RFC v1: a bpf_throw call has no fall-through edge, like exit (unless it returns: a rewrite's)
      return profile === 'rfc' && isThrow(insn) && !instrumented ? [] : [pc + 1];
    default:
      return [pc + 1];
  }
}

/** The structural checks, in the kernel's order; returns the subprograms. */
export function checkStructure(program: Program, profile: Profile, instrumented = false): Subprog[] {
  const { insns } = program;
  const { pcOf, insnAt, slotCount } = layoutOf(insns);
  if (insns.length === 0) throw new Reject('structure', 'last insn is not an exit or jmp', null);
  // add_subprog_and_kfunc: main, then each call or callback target in instruction order
  const targets = new Set<number>([0]);
  insns.forEach((insn, i) => {
    if (insn.kind !== 'call' && insn.kind !== 'ldfunc') return;
    const t = pcOf[i]! + insn.off + 1;
    if (t < 0 || t >= slotCount) throw new Reject('structure', 'call to invalid destination', pcOf[i]!);
    if (targets.has(t)) return;
    // add_subprog: the subprogram table holds BPF_MAX_SUBPROGS entries, main included
    if (targets.size >= BPF_MAX_SUBPROGS) throw new Reject('structure', 'too many subprograms', pcOf[i]!);
    targets.add(t);
  });
  const starts = discoverSubprogStarts(insns);
  // check_subprogs
  let cur = 0;
  for (let pc = 0; pc < slotCount; pc++) {
    const start = starts[cur]!;
    const end = starts[cur + 1] ?? slotCount;
    const insn = insnAt[pc]! >= 0 ? insns[insnAt[pc]!] : undefined;
    if (insn && (insn.kind === 'ja' || insn.kind === 'jmp')) {
      const t = pc + insn.off + 1;
      if (t < start || t >= end)
        throw new Reject('structure', `jump out of range from insn ${pc} to ${t}`, pc);
    }
    if (pc === end - 1) {
      const ok = insn?.kind === 'exit' || insn?.kind === 'ja' || (profile === 'rfc' && isThrow(insn));
      if (!ok)
        throw new Reject(
          'structure',
          profile === 'rfc'
            ? 'last insn is not an exit or jmp or bpf_throw call'
            : 'last insn is not an exit or jmp',
          pc,
        );
      cur++;
    }
  }
  // check_btf_func
  const subs = subprogsOf(program);
  if (!subs.ok) throw new Reject('structure', subs.message, null);
  checkCfg(insns, insnAt, slotCount, profile, subs.subprogs, instrumented);
  return subs.subprogs;
}

/** check_cfg: every instruction reachable from insn 0 (through calls and callbacks), no jump into ld_imm64. */
function checkCfg(
  insns: readonly Insn[],
  insnAt: Int32Array,
  slotCount: number,
  profile: Profile,
  subprogs: readonly Subprog[],
  instrumented: boolean,
): void {
  const seen = new Uint8Array(slotCount + 1);
  const work = [0];
  seen[0] = 1;
  while (work.length > 0) {
    const pc = work.pop()!;
    const i = insnAt[pc]!;
    if (i < 0) continue; // a jump into the middle of an ld_imm64: reported below
    const insn = insns[i]!;
    const next = successors(insn, pc, profile, instrumented);
    if (insn.kind === 'call' || insn.kind === 'ldfunc') next.push(pc + insn.off + 1);
    for (let k = 0; k < next.length; k++) {
      const t = next[k]!;
      // An rfc program may end with a bpf_throw that never runs: it does not fall off the end.
      if (instrumented && t === slotCount && isThrow(insn)) continue;
      if (t < 0 || t >= slotCount)
        throw new Reject('structure', `jump out of range from insn ${pc} to ${t}`, pc);
      if (!seen[t]) {
        seen[t] = 1;
        work.push(t);
      }
    }
  }
  for (let pc = 0; pc < slotCount; pc++) {
    const i = insnAt[pc]!;
    if (i < 0) continue;
    // A rewrite keeps the dead code after an outer throw's `r0 = r1; exit` (SPEC §5 step 4); the kernel
    // removes such code after patching (opt_remove_dead_code) instead of rejecting it.
    if (!seen[pc] && !instrumented) throw new Reject('structure', `unreachable insn ${pc}`, pc);
    const insn = insns[i]!;
    if ((insn.kind === 'lddw' || insn.kind === 'ldfunc') && seen[pc + 1])
      throw new Reject('structure', `jump into the middle of ldimm64 insn ${pc}`, pc);
  }
  // The fragment: no loops inside a subprogram (the kernel would explore bounded loops).
  for (const sub of subprogs) {
    const state = new Uint8Array(slotCount);
    const dfs = (root: number): void => {
      const stack: { pc: number; next: number[]; k: number }[] = [];
      const enter = (pc: number): void => {
        state[pc] = 1;
        const insn = insns[insnAt[pc]!]!;
        stack.push({ pc, next: successors(insn, pc, profile, instrumented), k: 0 });
      };
      enter(root);
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        if (top.k >= top.next.length) {
          state[top.pc] = 2;
          stack.pop();
          continue;
        }
        const t = top.next[top.k++]!;
        if (t < sub.startPc || t >= sub.endPc || insnAt[t]! < 0) continue;
        if (state[t] === 1) throw unsupported(`loop (back-edge from insn ${top.pc} to ${t})`, top.pc);
        if (state[t] === 0) enter(t);
      }
    };
    dfs(sub.startPc);
  }
}
