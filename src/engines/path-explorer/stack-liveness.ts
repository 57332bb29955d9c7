/**
 * Stack slot liveness (kernel/bpf/liveness.c, callchain-sensitive): per function instance (its chain of
 * callsites) the slots each instruction may read and must write are recorded as paths are explored; at
 * every exit the live-before sets are recomputed backwards over the subprogram's CFG. An explored state's
 * dead slots do not take part in its comparison with the current state.
 */
import type { Env } from './env.js';
import { addSlot, hasSlot, type SlotWords } from './slot-set.js';
import type { VState } from './state.js';

/** One function instance: slot sets per pc of its subprogram (index `pc - base`, see slot-set.ts). */
export interface InstanceLiveness {
  readonly subprog: number;
  /** The subprogram's first pc and its number of pcs. */
  readonly base: number;
  readonly len: number;
  readonly read: SlotWords;
  readonly write: SlotWords;
  live: SlotWords | null;
  dirty: boolean;
}

export function instanceKey(st: VState, fr: number): string {
  let key = String(st.frames[0]!.callsite);
  for (let i = 1; i <= fr; i++) key += `,${st.frames[i]!.callsite}`;
  return key;
}

function instance(env: Env, st: VState, fr: number): InstanceLiveness {
  const key = instanceKey(st, fr);
  let inst = env.stackLive.get(key);
  if (!inst) {
    const subprog = st.frames[fr]!.subprog;
    const sub = env.subprogs[subprog]!;
    const len = sub.endPc - sub.startPc;
    const [read, write] = [new Uint32Array(2 * len), new Uint32Array(2 * len)];
    inst = { subprog, base: sub.startPc, len, read, write, live: null, dirty: false };
    env.stackLive.set(key, inst);
  }
  return inst;
}

/** The instruction of frame fr's subprogram an access by the current path is attributed to. */
const insnOfFrame = (env: Env, st: VState, fr: number): number =>
  fr === st.frames.length - 1 ? env.insnIdx : st.frames[fr + 1]!.callsite;

/** Adds the slots of bytes [off, off + size) to set `pc` of `words`; whether anything was new. */
function addBytes(inst: InstanceLiveness, words: SlotWords, pc: number, off: number, size: number): boolean {
  const i = pc - inst.base;
  if (i < 0 || i >= inst.len) return false;
  let added = false;
  for (let a = off; a < off + size; a++) if (addSlot(words, i, Math.floor((-a - 1) / 8))) added = true;
  return added;
}

/** bpf_mark_stack_read */
export function markStackRead(env: Env, frameno: number, off: number, size: number): void {
  const st = env.cur;
  const inst = instance(env, st, frameno);
  if (addBytes(inst, inst.read, insnOfFrame(env, st, frameno), off, size)) inst.dirty = true;
}

/** bpf_mark_stack_write: only a direct write of whole slots kills them. */
export function markStackWrite(env: Env, frameno: number, off: number, size: number): void {
  const st = env.cur;
  if (frameno !== st.frames.length - 1 || size !== 8 || off % 8 !== 0) return;
  const inst = instance(env, st, frameno);
  if (addBytes(inst, inst.write, env.insnIdx, off, size)) inst.dirty = true;
}

/** bpf_update_live_stack: recompute the instances whose accesses changed. */
export function updateLiveStack(env: Env): void {
  for (const inst of env.stackLive.values()) {
    if (!inst.dirty) continue;
    inst.dirty = false;
    const { base, len, read, write } = inst;
    const live = new Uint32Array(2 * len);
    let changed = true;
    while (changed) {
      changed = false;
      for (let i = len - 1; i >= 0; i--) {
        const succ = env.pcs.successors[base + i];
        if (!succ) continue;
        let lo = 0;
        let hi = 0;
        for (let k = 0; k < succ.length; k++) {
          // a successor outside the subprogram (none in a valid program) contributes nothing
          const j = succ[k]! - base;
          if (j < 0 || j >= len) continue;
          lo |= live[2 * j]!;
          hi |= live[2 * j + 1]!;
        }
        lo = (read[2 * i]! | (lo & ~write[2 * i]!)) >>> 0;
        hi = (read[2 * i + 1]! | (hi & ~write[2 * i + 1]!)) >>> 0;
        if (lo !== live[2 * i] || hi !== live[2 * i + 1]) {
          live[2 * i] = lo;
          live[2 * i + 1] = hi;
          changed = true;
        }
      }
    }
    inst.live = live;
  }
}

/** The live slots of an explored state's frame at its instruction (bpf_stack_slot_alive for each). */
export interface LiveSlots {
  /** Nothing recorded yet: every slot counts as alive. */
  readonly all: boolean;
  readonly words: ArrayLike<number>;
  readonly index: number;
}

const ALL: LiveSlots = { all: true, words: [], index: 0 };
const NONE: LiveSlots = { all: false, words: [0, 0], index: 0 };

export function liveSlots(env: Env, st: VState, fr: number, insn: number): LiveSlots {
  const inst = env.stackLive.get(instanceKey(st, fr));
  if (!inst?.live) return ALL;
  const i = insn - inst.base;
  return i < 0 || i >= inst.len ? NONE : { all: false, words: inst.live, index: i };
}

export const slotLive = (l: LiveSlots, spi: number): boolean => l.all || hasSlot(l.words, l.index, spi);
