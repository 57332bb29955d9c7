/**
 * The program's shape before any state is computed: the structural checks the kernel makes before
 * do_check (add_subprog_and_kfunc, check_subprogs, check_btf_func, check_cfg), then the fragment's one
 * static limit (no back-edges), and backward register liveness per instruction for state merging.
 */
import type { Insn } from '../../bpf/insn.js';
import { BPF_LOOP_ID, helperById, kernelFnByName } from '../../bpf/kernel-functions.js';
import { discoverSubprogStarts, layoutOf, subprogsOf, type Subprog } from '../../bpf/layout.js';
import type { Profile } from '../../bpf/profile.js';
import type { Program } from '../../bpf/program.js';

/** BPF_MAX_SUBPROGS */
const MAX_SUBPROGS = 256;

export type Shape =
  | {
      readonly ok: true;
      readonly insns: readonly Insn[];
      readonly pcOf: readonly number[];
      readonly insnAt: Int32Array;
      readonly slotCount: number;
      readonly subprogs: readonly Subprog[];
      /** Subprogram index of each pc. */
      readonly owner: Int32Array;
      /** Registers R0-R9 live before each pc (a bit each). */
      readonly liveIn: Int32Array;
    }
  | { readonly ok: false; readonly kind: 'reject'; readonly message: string; readonly insn: number | null }
  | {
      readonly ok: false;
      readonly kind: 'unsupported';
      readonly reason: string;
      readonly insn: number | null;
    };

const isThrow = (insn: Insn): boolean => insn.kind === 'kfunc' && insn.name === 'bpf_throw';

export function shapeOf(program: Program, profile: Profile, instrumented = false): Shape {
  const insns = program.insns;
  const { pcOf, insnAt, slotCount } = layoutOf(insns);
  // add_subprog_and_kfunc
  const starts = discoverSubprogStarts(insns);
  if (starts.length > MAX_SUBPROGS)
    return { ok: false, kind: 'reject', message: 'too many subprograms', insn: null };
  for (let i = 0; i < insns.length; i++) {
    const insn = insns[i]!;
    if (insn.kind !== 'call' && insn.kind !== 'ldfunc') continue;
    const t = pcOf[i]! + insn.off + 1;
    if (t < 0 || t >= slotCount || insnAt[t]! < 0)
      return { ok: false, kind: 'unsupported', reason: 'call target outside the program', insn: pcOf[i]! };
  }
  // check_subprogs: jumps stay inside their subprogram; the last insn ends it.
  for (let k = 0; k < starts.length; k++) {
    const lo = starts[k]!;
    const hi = starts[k + 1] ?? slotCount;
    for (let pc = lo; pc < hi; pc++) {
      const i = insnAt[pc]!;
      if (i < 0) continue;
      const insn = insns[i]!;
      if (insn.kind === 'ja' || insn.kind === 'jmp') {
        const t = pc + insn.off + 1;
        if (t < lo || t >= hi)
          return {
            ok: false,
            kind: 'reject',
            message: `jump out of range from insn ${pc} to ${t}`,
            insn: pc,
          };
      }
    }
    const lastIdx = insnAt[hi - 1]! >= 0 ? insnAt[hi - 1]! : insnAt[hi - 2]!;
    const last = insns[lastIdx];
    const endsOk =
      last !== undefined &&
      (last.kind === 'exit' || last.kind === 'ja' || (profile === 'rfc' && isThrow(last)));
    if (!endsOk)
      return {
        ok: false,
        kind: 'reject',
        message:
          profile === 'rfc'
            ? 'last insn is not an exit or jmp or bpf_throw call'
            : 'last insn is not an exit or jmp',
        insn: hi - 1,
      };
  }
  // check_btf_func
  const sp = subprogsOf(program);
  if (!sp.ok) return { ok: false, kind: 'reject', message: sp.message, insn: null };
  // check_cfg: every instruction reachable. A rewrite keeps the dead instructions its patches leave behind
  // (SPEC §5: no dead-code removal).
  const dead = instrumented ? null : unreachable(insns, pcOf, insnAt, slotCount, profile);
  if (dead !== null) return { ok: false, kind: 'reject', message: `unreachable insn ${dead}`, insn: dead };
  // The fragment (SPEC §3) only once the kernel's structural checks pass, which come first and do not
  // depend on it: forward jumps only (the worklist visits pcs in order). A 32-bit jump is answered
  // unsupported only where a path reaches it (step.ts), as do_check would have to interpret it there.
  for (let i = 0; i < insns.length; i++) {
    const insn = insns[i]!;
    if (insn.kind === 'ja' || insn.kind === 'jmp') {
      const t = pcOf[i]! + insn.off + 1;
      if (t <= pcOf[i]!)
        return {
          ok: false,
          kind: 'unsupported',
          reason: `loop (back-edge from insn ${pcOf[i]!} to ${t})`,
          insn: pcOf[i]!,
        };
    }
  }
  const owner = new Int32Array(slotCount + 1).fill(-1);
  sp.subprogs.forEach((s) => owner.fill(s.index, s.startPc, s.endPc));
  return {
    ok: true,
    insns,
    pcOf,
    insnAt,
    slotCount,
    subprogs: sp.subprogs,
    owner,
    liveIn: liveness(insns, pcOf, slotCount, instrumented),
  };
}

const bits = (...rs: number[]): number => rs.reduce((m, r) => m | (1 << r), 0);
const ARGS = bits(1, 2, 3, 4, 5);
const CLOBBER = bits(0, 1, 2, 3, 4, 5);

/** Registers read and written by one instruction (for liveness). */
function useDef(insn: Insn): { use: number; def: number } {
  switch (insn.kind) {
    case 'alu':
      if (insn.op === 'mov')
        return { use: insn.src.kind === 'reg' ? bits(insn.src.reg) : 0, def: bits(insn.dst) };
      return {
        use: bits(insn.dst) | (insn.src.kind === 'reg' ? bits(insn.src.reg) : 0),
        def: bits(insn.dst),
      };
    case 'neg':
      return { use: bits(insn.dst), def: bits(insn.dst) };
    case 'ja':
      return { use: 0, def: 0 };
    case 'jmp':
      return { use: bits(insn.dst) | (insn.src.kind === 'reg' ? bits(insn.src.reg) : 0), def: 0 };
    case 'ldx':
      return { use: bits(insn.src), def: bits(insn.dst) };
    case 'stx':
      return { use: bits(insn.dst, insn.src), def: 0 };
    case 'st':
      return { use: bits(insn.dst), def: 0 };
    case 'lddw':
    case 'ldfunc':
      return { use: 0, def: bits(insn.dst) };
    case 'helper': {
      const fn = helperById(insn.id);
      const n = insn.id === BPF_LOOP_ID ? 4 : (fn?.args ?? 5);
      return { use: ARGS & ((1 << (n + 1)) - 2), def: CLOBBER };
    }
    case 'kfunc': {
      const n = kernelFnByName(insn.name)?.args ?? 5;
      // An unknown kfunc's argument checks may read any of R1-R5 (and NOT_INIT is reported by type).
      return { use: ARGS & ((1 << (n + 1)) - 2) & ARGS, def: CLOBBER };
    }
    case 'call':
      return { use: ARGS, def: CLOBBER };
    case 'exit':
      return { use: bits(0), def: 0 };
    default: {
      const never: never = insn;
      throw new Error(`unknown insn ${String(never)}`);
    }
  }
}

/**
 * Live registers before each pc: one reverse pass (every jump goes forward in the fragment). Instrumented,
 * bpf_throw returns (SPEC §6) and what follows it stays live.
 */
function liveness(
  insns: readonly Insn[],
  pcOf: readonly number[],
  slotCount: number,
  instrumented: boolean,
): Int32Array {
  const liveIn = new Int32Array(slotCount + 1).fill(0x3ff);
  for (let i = insns.length - 1; i >= 0; i--) {
    const insn = insns[i]!;
    const pc = pcOf[i]!;
    const next = pc + (insn.kind === 'lddw' || insn.kind === 'ldfunc' ? 2 : 1);
    let out = 0;
    const throws = isThrow(insn) && !instrumented;
    const ends = insn.kind === 'exit' || insn.kind === 'ja' || throws;
    if (!ends) out |= next <= slotCount ? liveIn[next]! : 0;
    if (insn.kind === 'ja' || insn.kind === 'jmp') {
      const t = pc + insn.off + 1;
      out |= t > pc && t <= slotCount ? liveIn[t]! : 0x3ff;
    }
    if (throws) out = 0;
    const { use, def } = useDef(insn);
    liveIn[pc] = (out & ~def) | use;
  }
  return liveIn;
}

/** check_cfg: every instruction must be reachable from insn 0 (the RFC's bpf_throw does not fall through). */
function unreachable(
  insns: readonly Insn[],
  pcOf: readonly number[],
  insnAt: Int32Array,
  slotCount: number,
  profile: Profile,
): number | null {
  const seen = new Uint8Array(slotCount + 1);
  const work = [0];
  seen[0] = 1;
  const go = (t: number): void => {
    if (t >= 0 && t < slotCount && seen[t] === 0) {
      seen[t] = 1;
      work.push(t);
    }
  };
  while (work.length > 0) {
    const pc = work.pop()!;
    const insn = insns[insnAt[pc]!]!;
    const next = pc + (insn.kind === 'lddw' || insn.kind === 'ldfunc' ? 2 : 1);
    switch (insn.kind) {
      case 'exit':
        break;
      case 'ja':
        go(pc + insn.off + 1);
        break;
      case 'jmp':
      case 'call':
      case 'ldfunc':
        go(next);
        go(pc + insn.off + 1);
        break;
      case 'kfunc':
        if (!(profile === 'rfc' && isThrow(insn))) go(next);
        break;
      case 'alu':
      case 'neg':
      case 'ldx':
      case 'stx':
      case 'st':
      case 'lddw':
      case 'helper':
        go(next);
        break;
      default: {
        const never: never = insn;
        throw new Error(`unknown insn ${String(never)}`);
      }
    }
  }
  for (let i = 0; i < insns.length; i++) if (seen[pcOf[i]!] === 0) return pcOf[i]!;
  return null;
}
