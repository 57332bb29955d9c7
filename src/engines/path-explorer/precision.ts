/**
 * Precision tracking (__mark_chain_precision, backtrack_insn): when a scalar's exact value decides
 * something (a branch taken one way, bpf_loop's count, a callback's return value), the registers and stack
 * slots it was computed from are marked precise in the checkpoints of the current path. Pruning
 * (regsafe) compares precise scalars by range and ignores imprecise ones, as the kernel does.
 */
import type { Env } from './env.js';
import { insnAtPc } from './env.js';
import { addSlot, emptySlots, hasSlot, removeSlot, SLOTS, type SlotWords } from './slot-set.js';
import { SlotType, withPrecise, type HistEntry, type VState } from './state.js';

const ARGS_MASK = 0b111110; // R1-R5

/** backtrack_state: per-frame register and stack-slot masks. */
interface Bt {
  frame: number;
  regs: number[];
  /** Slot sets of frames 0-7 (slot-set.ts). */
  stack: SlotWords;
}

const newBt = (frame: number): Bt => ({
  frame,
  regs: new Array<number>(8).fill(0),
  stack: new Uint32Array(16),
});
const noSlots = (bt: Bt): boolean => bt.stack.every((m) => m === 0);
const btEmpty = (bt: Bt): boolean => bt.regs.every((m) => m === 0) && noSlots(bt);
const isReg = (bt: Bt, r: number, fr = bt.frame): boolean => ((bt.regs[fr]! >> r) & 1) === 1;
const setReg = (bt: Bt, r: number, fr = bt.frame): void => {
  bt.regs[fr]! |= 1 << r;
};
const clearReg = (bt: Bt, r: number, fr = bt.frame): void => {
  bt.regs[fr]! &= ~(1 << r);
};
const isSlot = (bt: Bt, spi: number, fr: number): boolean => hasSlot(bt.stack, fr, spi);
const setSlot = (bt: Bt, spi: number, fr: number): void => {
  addSlot(bt.stack, fr, spi);
};
const clearSlot = (bt: Bt, spi: number, fr: number): void => {
  removeSlot(bt.stack, fr, spi);
};

/** backtracking gave up (-ENOTSUPP): one shared instance, thrown often, never inspected. */
class NotSupp extends Error {}
const NOT_SUPP = new NotSupp('backtracking not supported');

/** bt_sync_linked_regs */
function syncLinked(bt: Bt, hist: HistEntry | null): void {
  if (!hist?.linked) return;
  const some = hist.linked.some((e) =>
    e.isReg ? isReg(bt, e.index, e.frameno) : isSlot(bt, e.index, e.frameno),
  );
  if (!some) return;
  for (const e of hist.linked) {
    if (e.isReg) setReg(bt, e.index, e.frameno);
    else setSlot(bt, e.index, e.frameno);
  }
}

/** backtrack_insn: walk one instruction backwards, moving precision demands to its inputs. */
function backtrackInsn(env: Env, idx: number, subseq: number, hist: HistEntry | null, bt: Bt): void {
  const insn = insnAtPc(env, idx);
  if (!insn) return;
  syncLinked(bt, hist);
  switch (insn.kind) {
    case 'alu':
    case 'neg': {
      if (!isReg(bt, insn.dst)) break;
      if (insn.kind === 'neg') break;
      if (insn.op === 'mov') {
        clearReg(bt, insn.dst);
        if (insn.src.kind === 'reg' && insn.src.reg !== 10) setReg(bt, insn.src.reg);
      } else if (insn.src.kind === 'reg' && insn.src.reg !== 10) {
        setReg(bt, insn.src.reg);
      }
      break;
    }
    case 'ldx': {
      if (!isReg(bt, insn.dst)) break;
      clearReg(bt, insn.dst);
      if (!hist?.stackAccess) break;
      setSlot(bt, hist.stackAccess.spi, hist.stackAccess.frameno);
      break;
    }
    case 'stx':
    case 'st': {
      if (isReg(bt, insn.dst)) throw NOT_SUPP;
      if (!hist?.stackAccess) break;
      const { spi, frameno } = hist.stackAccess;
      if (!isSlot(bt, spi, frameno)) break;
      clearSlot(bt, spi, frameno);
      if (insn.kind === 'stx') setReg(bt, insn.src);
      break;
    }
    case 'lddw':
    case 'ldfunc':
      clearReg(bt, insn.dst);
      break;
    case 'call': {
      const target = idx + insn.off + 1;
      const sub = env.subprogs.find((s) => s.startPc === target);
      if (sub?.linkage === 'global') {
        if (bt.regs[bt.frame]! & ARGS_MASK) throw NOT_SUPP;
        clearReg(bt, 0);
        break;
      }
      // Leaving the callee backwards: only R1-R5 may still be wanted, and they are the caller's.
      if (bt.regs[bt.frame]! & ~ARGS_MASK || !emptySlots(bt.stack, bt.frame)) throw NOT_SUPP;
      for (let r = 1; r <= 5; r++) {
        if (isReg(bt, r)) {
          clearReg(bt, r);
          setReg(bt, r, bt.frame - 1);
        }
      }
      if (bt.frame === 0) throw NOT_SUPP;
      bt.frame--;
      break;
    }
    case 'helper':
    case 'kfunc': {
      if (env.pcs.callsCallback[idx] && idx !== subseq - 1) {
        // Leaving a callback backwards (its entry came from the helper call).
        if (bt.regs[bt.frame]! & ~ARGS_MASK || !emptySlots(bt.stack, bt.frame)) throw NOT_SUPP;
        for (let r = 1; r <= 5; r++) clearReg(bt, r);
        if (bt.frame === 0) throw NOT_SUPP;
        bt.frame--;
        break;
      }
      clearReg(bt, 0);
      if (bt.regs[bt.frame]! & ARGS_MASK) throw NOT_SUPP;
      break;
    }
    case 'exit': {
      if (subseq >= 0 && env.pcs.callsCallback[subseq]) for (let r = 1; r <= 5; r++) clearReg(bt, r);
      if (bt.regs[bt.frame]! & ARGS_MASK) throw NOT_SUPP;
      const before = subseq - 1 >= 0 ? insnAtPc(env, subseq - 1) : undefined;
      const r0 = before?.kind === 'call' && isReg(bt, 0);
      clearReg(bt, 0);
      bt.frame++;
      if (bt.frame >= 8) throw NOT_SUPP;
      if (r0) setReg(bt, 0);
      break;
    }
    case 'jmp': {
      if (insn.src.kind === 'reg') {
        if (!isReg(bt, insn.dst) && !isReg(bt, insn.src.reg)) break;
        if (!hist?.srcIsStackPtr) setReg(bt, insn.src.reg);
        if (!hist?.dstIsStackPtr) setReg(bt, insn.dst);
      }
      break;
    }
    case 'ja':
      break;
    default: {
      const never: never = insn;
      throw new Error(`backtrack: ${String(never)}`);
    }
  }
  syncLinked(bt, hist);
}

/** get_jmp_hist_entry */
function histEntry(st: VState, cnt: number, idx: number): HistEntry | null {
  const h = cnt > 0 ? st.history[cnt - 1] : undefined;
  return h && h.idx === idx ? h : null;
}

/** mark_all_scalars_precise: the big hammer, on every checkpoint above `st`. */
export function markAllScalarsPrecise(st: VState): void {
  for (let s = st.parent; s; s = s.parent) {
    for (const f of s.frames) {
      f.regs.forEach((r, i) => {
        if (r.kind === 'scalar' && !r.precise) f.regs[i] = withPrecise(r, true);
      });
      f.stack = f.stack.map((slot) =>
        slot.types[7] === SlotType.Spill && slot.spilled.kind === 'scalar' && !slot.spilled.precise
          ? { ...slot, spilled: withPrecise(slot.spilled, true) }
          : slot,
      );
    }
  }
}

/** mark_all_scalars_imprecise: a new checkpoint forgets the precision it inherited. */
export function markAllScalarsImprecise(st: VState): void {
  for (const f of st.frames) {
    f.regs.forEach((r, i) => {
      if (r.kind === 'scalar' && r.precise) f.regs[i] = withPrecise(r, false);
    });
    // a new array only when a slot changes: checkpoints are made often and most stacks hold no precise spill
    if (!f.stack.some((slot) => slot.spilled.kind === 'scalar' && slot.spilled.precise)) continue;
    f.stack = f.stack.map((slot) =>
      slot.spilled.kind === 'scalar' && slot.spilled.precise
        ? { ...slot, spilled: withPrecise(slot.spilled, false) }
        : slot,
    );
  }
}

/**
 * __mark_chain_precision from `start` (whose next instruction is start.insnIdx), with the demand given
 * as register and slot masks per frame.
 */
function markChain(env: Env, start: VState, bt: Bt): void {
  let st: VState | null = start;
  let firstIdx = st.firstInsn;
  let lastIdx = st.insnIdx;
  let subseq = -1;
  let skipFirst = true;
  if (btEmpty(bt)) return;
  try {
    for (;;) {
      if (lastIdx < 0) {
        // Entry of a global subprogram: its arguments R1-R5 are where precision ends.
        const f0 = st.frames[0]!;
        if (st.frames.length === 1 && f0.subprog > 0 && f0.callsite === -1 && noSlots(bt)) {
          for (let r = 1; r <= 5; r++) {
            const v = f0.regs[r]!;
            if (isReg(bt, r, 0) && v.kind === 'scalar') f0.regs[r] = withPrecise(v, true);
          }
          return;
        }
        throw NOT_SUPP;
      }
      let history = st.history.length;
      for (let i = lastIdx; ;) {
        if (skipFirst) skipFirst = false;
        else backtrackInsn(env, i, subseq, histEntry(st, history, i), bt);
        if (btEmpty(bt)) return;
        subseq = i;
        // get_prev_insn_idx
        if (i === st.firstInsn) {
          if (history === 0) break;
          if (history === 1 && st.history[0]!.idx === i) break;
        }
        const h = history > 0 ? st.history[history - 1] : undefined;
        if (h && h.idx === i) {
          i = h.prevIdx;
          history--;
        } else {
          i = prevPc(env, i);
        }
        if (i < 0) throw NOT_SUPP;
      }
      st = st.parent;
      if (!st) break;
      for (let fr = bt.frame; fr >= 0; fr--) {
        const f = st.frames[fr];
        if (!f) continue;
        for (let r = 0; r <= 10; r++) {
          if (!isReg(bt, r, fr)) continue;
          const v = f.regs[r]!;
          if (v.kind !== 'scalar' || v.precise) clearReg(bt, r, fr);
          else f.regs[r] = withPrecise(v, true);
        }
        for (let spi = 0; spi < SLOTS && !emptySlots(bt.stack, fr); spi++) {
          if (!isSlot(bt, spi, fr)) continue;
          const slot = f.stack[spi];
          if (!slot || slot.types[7] !== SlotType.Spill || slot.spilled.kind !== 'scalar') {
            clearSlot(bt, spi, fr);
            continue;
          }
          if (slot.spilled.precise) clearSlot(bt, spi, fr);
          else {
            f.stack = f.stack.slice();
            f.stack[spi] = { ...slot, spilled: withPrecise(slot.spilled, true) };
          }
        }
      }
      if (btEmpty(bt)) return;
      subseq = firstIdx;
      lastIdx = st.lastInsn;
      firstIdx = st.firstInsn;
    }
  } catch (e) {
    if (!(e instanceof NotSupp)) throw e;
  }
  if (!btEmpty(bt)) markAllScalarsPrecise(start);
}

/** The pc of the instruction before `pc` in straight-line order (ld_imm64 takes two slots). */
function prevPc(env: Env, pc: number): number {
  const p = pc - 1;
  if (p >= 0 && env.layout.insnAt[p] === -1) return p - 1;
  return p;
}

/** mark_chain_precision(env, regno) on the current state. */
export function markChainPrecision(env: Env, regno: number): void {
  const st = env.cur;
  const reg = st.frames[st.frames.length - 1]!.regs[regno];
  if (reg?.kind !== 'scalar') return;
  const bt = newBt(st.frames.length - 1);
  setReg(bt, regno);
  markChain(env, st, bt);
}

/** propagate_precision: what was precise in the explored state becomes precise along the current path. */
export function propagatePrecision(
  env: Env,
  old: VState,
  cur: VState,
  live: (fr: number) => { reg: (r: number) => boolean; slot: (spi: number) => boolean },
): void {
  const bt = newBt(cur.frames.length - 1);
  old.frames.forEach((f, fr) => {
    const l = live(fr);
    f.regs.forEach((r, i) => {
      if (i < 10 && r.kind === 'scalar' && r.precise && l.reg(i)) setReg(bt, i, fr);
    });
    f.stack.forEach((slot, spi) => {
      if (
        slot.types[7] === SlotType.Spill &&
        slot.spilled.kind === 'scalar' &&
        slot.spilled.precise &&
        l.slot(spi)
      )
        setSlot(bt, spi, fr);
    });
  });
  markChain(env, cur, bt);
}
