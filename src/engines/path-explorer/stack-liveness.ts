/**
 * Stack slot liveness (kernel/bpf/liveness.c, callchain-sensitive): per function instance (its chain of
 * callsites) the slots each instruction may read and must write are recorded as paths are explored; at
 * every exit the live-before sets are recomputed backwards over the subprogram's CFG. An explored state's
 * dead slots do not take part in its comparison with the current state.
 */
import { insnAtPc, type Env } from './env.js';
import { successors } from './structure.js';
import type { VState } from './state.js';

export interface InstanceLiveness {
  readonly subprog: number;
  readonly read: Map<number, bigint>;
  readonly write: Map<number, bigint>;
  live: Map<number, bigint> | null;
  dirty: boolean;
}

export const instanceKey = (st: VState, fr: number): string =>
  st.frames
    .slice(0, fr + 1)
    .map((f) => f.callsite)
    .join(',');

function instance(env: Env, st: VState, fr: number): InstanceLiveness {
  const key = instanceKey(st, fr);
  let inst = env.stackLive.get(key);
  if (!inst) {
    inst = { subprog: st.frames[fr]!.subprog, read: new Map(), write: new Map(), live: null, dirty: false };
    env.stackLive.set(key, inst);
  }
  return inst;
}

/** The instruction of frame fr's subprogram an access by the current path is attributed to. */
const insnOfFrame = (env: Env, st: VState, fr: number): number =>
  fr === st.frames.length - 1 ? env.insnIdx : st.frames[fr + 1]!.callsite;

function slotMask(off: number, size: number): bigint {
  let m = 0n;
  for (let a = off; a < off + size; a++) m |= 1n << BigInt(Math.floor((-a - 1) / 8));
  return m;
}

/** bpf_mark_stack_read */
export function markStackRead(env: Env, frameno: number, off: number, size: number): void {
  const st = env.cur;
  const inst = instance(env, st, frameno);
  const pc = insnOfFrame(env, st, frameno);
  const m = slotMask(off, size);
  const old = inst.read.get(pc) ?? 0n;
  if ((old | m) !== old) {
    inst.read.set(pc, old | m);
    inst.dirty = true;
  }
}

/** bpf_mark_stack_write: only a direct write of whole slots kills them. */
export function markStackWrite(env: Env, frameno: number, off: number, size: number): void {
  const st = env.cur;
  if (frameno !== st.frames.length - 1 || size !== 8 || off % 8 !== 0) return;
  const inst = instance(env, st, frameno);
  const m = slotMask(off, size);
  const old = inst.write.get(env.insnIdx) ?? 0n;
  if ((old | m) !== old) {
    inst.write.set(env.insnIdx, old | m);
    inst.dirty = true;
  }
}

/** bpf_update_live_stack: recompute the instances whose accesses changed. */
export function updateLiveStack(env: Env): void {
  for (const inst of env.stackLive.values()) {
    if (!inst.dirty) continue;
    inst.dirty = false;
    const sub = env.subprogs[inst.subprog]!;
    const live = new Map<number, bigint>();
    let changed = true;
    while (changed) {
      changed = false;
      for (let pc = sub.endPc - 1; pc >= sub.startPc; pc--) {
        const insn = insnAtPc(env, pc);
        if (!insn) continue;
        let out = 0n;
        for (const s of successors(insn, pc, env.profile, env.instrumented)) out |= live.get(s) ?? 0n;
        const v = (inst.read.get(pc) ?? 0n) | (out & ~(inst.write.get(pc) ?? 0n));
        if (v !== (live.get(pc) ?? 0n)) {
          live.set(pc, v);
          changed = true;
        }
      }
    }
    inst.live = live;
  }
}

/** bpf_stack_slot_alive for an explored state's frame at its instruction. */
export function slotAlive(env: Env, st: VState, fr: number, insn: number, spi: number): boolean {
  const inst = env.stackLive.get(instanceKey(st, fr));
  if (!inst?.live) return true;
  return (((inst.live.get(insn) ?? 0n) >> BigInt(spi)) & 1n) === 1n;
}
