/**
 * The per-instruction analyses done before do_check: prune and jump-history points (check_cfg's
 * mark_prune_point, mark_jmp_point, mark_force_checkpoint, mark_calls_callback) and live registers
 * (compute_live_registers).
 */
import type { Insn } from '../../bpf/insn.js';
import { BPF_LOOP_ID, helperById, kernelFnByName } from '../../bpf/kernel-functions.js';
import type { Layout } from '../../bpf/layout.js';
import type { Profile } from '../../bpf/profile.js';
import type { PcInfo } from './env.js';
import { successors } from './structure.js';

const CALLER_SAVED = 0b111111; // R0-R5

/** use/def of one instruction (compute_insn_live_regs). */
function useDef(insn: Insn, profile: Profile): { use: number; def: number } {
  const bit = (r: number): number => 1 << r;
  switch (insn.kind) {
    case 'lddw':
    case 'ldfunc':
      return { use: 0, def: bit(insn.dst) };
    case 'ldx':
      return { use: bit(insn.src), def: bit(insn.dst) };
    case 'st':
      return { use: bit(insn.dst), def: 0 };
    case 'stx':
      return { use: bit(insn.dst) | bit(insn.src), def: 0 };
    case 'alu':
      if (insn.op === 'mov')
        return { use: insn.src.kind === 'reg' ? bit(insn.src.reg) : 0, def: bit(insn.dst) };
      return { use: bit(insn.dst) | (insn.src.kind === 'reg' ? bit(insn.src.reg) : 0), def: bit(insn.dst) };
    case 'neg':
      return { use: bit(insn.dst), def: bit(insn.dst) };
    case 'ja':
      return { use: 0, def: 0 };
    case 'exit':
      return { use: bit(0), def: 0 };
    case 'jmp':
      return { use: bit(insn.dst) | (insn.src.kind === 'reg' ? bit(insn.src.reg) : 0), def: 0 };
    case 'call':
      return { use: CALLER_SAVED & ~1, def: CALLER_SAVED };
    case 'helper': {
      const fn = helperById(insn.id);
      const n = fn ? fn.args : 5;
      return { use: ((1 << (n + 1)) - 1) & ~1, def: CALLER_SAVED };
    }
    case 'kfunc': {
      const fn = kernelFnByName(insn.name);
      const n = fn ? (fn.effect === 'throw' && profile === 'rfc' ? 0 : fn.args) : 5;
      return { use: ((1 << (n + 1)) - 1) & ~1, def: CALLER_SAVED };
    }
    default: {
      const never: never = insn;
      throw new Error(String(never));
    }
  }
}

export function analyse(
  insns: readonly Insn[],
  layout: Layout,
  profile: Profile,
  instrumented = false,
): PcInfo {
  const n = layout.slotCount;
  const prune = new Uint8Array(n + 1);
  const jmp = new Uint8Array(n + 1);
  const forceCheckpoint = new Uint8Array(n + 1);
  const callsCallback = new Uint8Array(n + 1);
  const mark = (pc: number): void => {
    prune[pc] = 1;
    jmp[pc] = 1;
  };
  insns.forEach((insn, i) => {
    const pc = layout.pcOf[i]!;
    switch (insn.kind) {
      case 'jmp':
        prune[pc] = 1;
        mark(pc + insn.off + 1);
        break;
      case 'ja':
        mark(pc + insn.off + 1);
        break;
      case 'call':
        mark(pc + 1);
        prune[pc] = 1;
        mark(pc + insn.off + 1);
        break;
      case 'ldfunc':
        mark(pc + 2);
        prune[pc] = 1;
        mark(pc + insn.off + 1);
        break;
      case 'helper':
        if (insn.id === BPF_LOOP_ID) {
          callsCallback[pc] = 1;
          forceCheckpoint[pc] = 1;
          mark(pc);
        }
        mark(pc + 1);
        break;
      case 'kfunc':
        if (!(profile === 'rfc' && insn.name === 'bpf_throw' && !instrumented)) mark(pc + 1);
        break;
      default:
        break;
    }
  });
  // compute_live_registers: backward dataflow to a fixed point
  const live = new Uint16Array(n + 1);
  const ud = insns.map((insn) => useDef(insn, profile));
  const succ = new Array<readonly number[] | undefined>(n + 1);
  insns.forEach((insn, i) => {
    const pc = layout.pcOf[i]!;
    succ[pc] = successors(insn, pc, profile, instrumented);
  });
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = insns.length - 1; i >= 0; i--) {
      const pc = layout.pcOf[i]!;
      let out = 0;
      const ss = succ[pc]!;
      // an index loop: for-of here allocated an iterator result per edge (unoptimised code)
      for (let k = 0; k < ss.length; k++) if (ss[k]! >= 0 && ss[k]! < n) out |= live[ss[k]!]!;
      const { use, def } = ud[i]!;
      const inn = (use | (out & ~def)) & 0xffff;
      if (inn !== live[pc]) {
        live[pc] = inn;
        changed = true;
      }
    }
  }
  return { prune, jmp, forceCheckpoint, callsCallback, liveRegs: live, successors: succ };
}
