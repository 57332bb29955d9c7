/**
 * State pruning (is_state_visited, states_equal): at prune points the current state is compared with the
 * explored states of the same instruction and call chain; one that is subsumed is not explored again.
 * Registers not live at the point are ignored (compute_live_registers), imprecise scalars match any
 * scalar, precise ones must be contained (range_within, tnum_in), ids must map one to one (check_ids).
 */
import { rangeWithin } from './bounds.js';
import type { Env, Explored } from './env.js';
import { markAllScalarsImprecise, propagatePrecision } from './precision.js';
import {
  copyState,
  curFrame,
  frameInsnIdx,
  SlotType,
  type Frame,
  type RegState,
  type StackSlot,
  type VState,
} from './state.js';
import { tnumIn, tnumEquals } from './tnum.js';
import { unknownScalar } from './state.js';
import { liveSlots, slotLive, type LiveSlots } from './stack-liveness.js';

type Exact = 'not-exact' | 'range-within' | 'exact';

/** bpf_idmap */
class IdMap {
  /** old, cur, old, cur, ... */
  private readonly pairs: number[] = [];
  private tmp = 0;
  /** Empty again (the kernel clears env->idmap_scratch before each states_equal). */
  reset(): this {
    this.pairs.length = 0;
    this.tmp = 0;
    return this;
  }
  /** check_ids */
  check(oldId: number, curId: number): boolean {
    if ((oldId === 0) !== (curId === 0)) return false;
    if (oldId === 0) return true;
    const p = this.pairs;
    for (let k = 0; k < p.length; k += 2) {
      if (p[k] === oldId) return p[k + 1] === curId;
      if (p[k + 1] === curId) return false;
    }
    p.push(oldId, curId);
    return true;
  }
  /** check_scalar_ids */
  checkScalar(oldId: number, curId: number): boolean {
    if (!oldId) return true;
    return this.check(oldId, curId || 0x4000_0000 + ++this.tmp);
  }
}

const scalarIdWord = (r: { id: number; addConst: boolean }): number =>
  r.addConst ? r.id | 0x8000_0000 : r.id;

/** regs_exact */
function regsExact(a: RegState, b: RegState, ids: IdMap): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'none':
      return true;
    case 'scalar': {
      const c = b as typeof a;
      return (
        tnumEquals(a.var, c.var) &&
        a.smin === c.smin &&
        a.smax === c.smax &&
        a.umin === c.umin &&
        a.umax === c.umax &&
        a.s32min === c.s32min &&
        a.s32max === c.s32max &&
        a.u32min === c.u32min &&
        a.u32max === c.u32max &&
        a.off === c.off &&
        ids.check(scalarIdWord(a), scalarIdWord(c))
      );
    }
    case 'ctx':
      return a.off === (b as typeof a).off;
    case 'stack':
      return a.off === (b as typeof a).off && a.frameno === (b as typeof a).frameno;
    case 'func':
      return a.subprog === (b as typeof a).subprog;
    case 'obj': {
      const c = b as typeof a;
      return a.maybeNull === c.maybeNull && ids.check(a.id, c.id) && ids.check(a.refObjId, c.refObjId);
    }
    default: {
      const never: never = a;
      return never;
    }
  }
}

/** A register value check_ids never looks at: comparing it with itself records no id pair. */
const idFree = (r: RegState): boolean =>
  r.kind !== 'obj' && (r.kind !== 'scalar' || (r.id === 0 && !r.addConst));

/** regsafe */
function regsafe(old: RegState, cur: RegState, ids: IdMap, exact: Exact): boolean {
  // The same (immutable) register value without ids is safe in every mode and records no id pair.
  if (old === cur && idFree(old)) return true;
  if (exact === 'exact') return regsExact(old, cur, ids);
  if (old.kind === 'none' && (exact === 'not-exact' || cur.kind === 'none')) return true;
  if (old.kind !== cur.kind) return false;
  if (old.kind === 'scalar' && cur.kind === 'scalar') {
    if (!old.precise && exact === 'not-exact') return true;
    if (old.id && old.addConst !== cur.addConst) return false;
    if (old.addConst && old.off !== cur.off) return false;
    return (
      rangeWithin(old, cur) &&
      tnumIn(old.var, cur.var) &&
      ids.checkScalar(scalarIdWord(old), scalarIdWord(cur))
    );
  }
  return regsExact(old, cur, ids);
}

const UNBOUND = unknownScalar();

function isSpilled(s: StackSlot): boolean {
  return s.types[7] === SlotType.Spill;
}

/** scalar_reg_for_stack: a 64-bit scalar spill, or all-misc bytes as an unbound scalar. */
function scalarForStack(s: StackSlot): RegState | null {
  let spill = true;
  // allow_uninit_stack (root): STACK_INVALID counts as misc
  let misc = true;
  for (let j = 0; j < 8; j++) {
    const t = s.types[j];
    if (t !== SlotType.Spill) spill = false;
    if (t !== SlotType.Misc && t !== SlotType.Invalid) misc = false;
  }
  if (spill && s.spilled.kind === 'scalar') return s.spilled;
  return misc ? UNBOUND : null;
}

/** stacksafe */
function stacksafe(old: Frame, cur: Frame, ids: IdMap, exact: Exact, live: LiveSlots): boolean {
  const curSlots = cur.stack.length;
  for (let spi = 0; spi < old.stack.length; spi++) {
    if (exact !== 'exact' && !slotLive(live, spi)) continue;
    const os = old.stack[spi]!;
    const cs = spi < curSlots ? cur.stack[spi] : undefined;
    // Slots are immutable and shared between copies of a state: the same slot with an id-free spill is
    // safe in every mode (each byte below would compare equal, each regsafe be of a value with itself).
    if (os === cs && idFree(os.spilled)) continue;
    // scalar_reg_for_stack of both slots, computed once per slot when first needed
    let known = false;
    let oreg: RegState | null = null;
    let creg: RegState | null = null;
    for (let j = 0; j < 8; j++) {
      if (exact === 'exact' && (!cs || os.types[j] !== cs.types[j])) return false;
      if (os.types[j] === SlotType.Invalid) continue;
      if (os.types[j] === SlotType.Misc) continue;
      if (!cs) return false;
      if (!known) {
        oreg = scalarForStack(os);
        creg = scalarForStack(cs);
        known = true;
      }
      if (oreg && creg) {
        if (!regsafe(oreg, creg, ids, exact)) return false;
        break;
      }
      if (os.types[j] !== cs.types[j]) return false;
      if (j !== 7) continue;
      if (os.types[7] === SlotType.Spill && !regsafe(os.spilled, cs.spilled, ids, exact)) return false;
    }
  }
  return true;
}

/** refsafe */
function refsafe(old: VState, cur: VState, ids: IdMap): boolean {
  if (old.refs.length !== cur.refs.length) return false;
  if (old.preempt !== cur.preempt || old.rcu !== cur.rcu) return false;
  for (let i = 0; i < old.refs.length; i++) if (!ids.check(old.refs[i]!.id, cur.refs[i]!.id)) return false;
  return true;
}

/** func_states_equal */
function funcStatesEqual(
  env: Env,
  oldSt: VState,
  fr: number,
  cur: Frame,
  insn: number,
  ids: IdMap,
  exact: Exact,
): boolean {
  const old = oldSt.frames[fr]!;
  const live = env.pcs.liveRegs[insn] ?? 0x7ff;
  if (old.callbackDepth > cur.callbackDepth) return false;
  for (let r = 0; r <= 10; r++) {
    if ((live >> r) & 1 && !regsafe(old.regs[r]!, cur.regs[r]!, ids, exact)) return false;
  }
  return stacksafe(old, cur, ids, exact, liveSlots(env, oldSt, fr, insn));
}

/** env->idmap_scratch: states_equal never nests, so one map serves every comparison. */
const scratchIds = new IdMap();

/** states_equal */
export function statesEqual(env: Env, old: VState, cur: VState, exact: Exact): boolean {
  if (old.frames.length !== cur.frames.length) return false;
  const ids = scratchIds.reset();
  if (!refsafe(old, cur, ids)) return false;
  for (let i = 0; i < old.frames.length; i++) {
    if (old.frames[i]!.callsite !== cur.frames[i]!.callsite) return false;
    if (!funcStatesEqual(env, old, i, cur.frames[i]!, frameInsnIdx(old, i), ids, exact)) return false;
  }
  return true;
}

/**
 * Whether register r of an explored state's frame is live (clean_live_states: an explored state whose
 * paths all ended has its dead registers and slots cleared, so they neither match nor carry precision).
 */
export function exploredLive(
  env: Env,
  st: VState,
  fr: number,
): { reg: (r: number) => boolean; slot: (spi: number) => boolean } {
  const insn = frameInsnIdx(st, fr);
  const live = env.pcs.liveRegs[insn] ?? 0x7ff;
  const slots = liveSlots(env, st, fr, insn);
  return { reg: (r) => ((live >> r) & 1) === 1, slot: (spi) => slotLive(slots, spi) };
}

/** explored_state: the kernel hashes (insn ^ callsite) into a table of program-length buckets. */
function bucketOf(env: Env, idx: number): Explored[] {
  const key = (idx ^ curFrame(env.cur).callsite) % Math.max(1, env.layout.slotCount);
  const k = key < 0 ? key + env.layout.slotCount : key;
  let list = env.explored.get(k);
  if (!list) {
    list = [];
    env.explored.set(k, list);
  }
  return list;
}

/**
 * is_state_visited: true when the current state is subsumed by an explored one (the path ends here);
 * otherwise it may become a checkpoint.
 */
export function isStateVisited(env: Env, idx: number): boolean {
  const cur = env.cur;
  const force = env.pcs.forceCheckpoint[idx] === 1 || cur.history.length > 40;
  let addNew = force;
  if (env.jmpsProcessed - env.prevJmpsProcessed >= 2 && env.insnProcessed - env.prevInsnProcessed >= 8)
    addNew = true;

  const list = bucketOf(env, idx);
  for (let k = 0; k < list.length; k++) {
    const sl = list[k]!;
    if (sl.state.insnIdx !== idx) continue;
    let hit = false;
    if (sl.state.branches > 0) {
      if (env.pcs.callsCallback[idx] && statesEqual(env, sl.state, cur, 'range-within')) hit = true;
      else {
        if (
          !force &&
          env.jmpsProcessed - env.prevJmpsProcessed < 20 &&
          env.insnProcessed - env.prevInsnProcessed < 100
        )
          addNew = false;
      }
    } else if (statesEqual(env, sl.state, cur, 'not-exact')) hit = true;
    if (hit) {
      sl.hits++;
      if (env.pcs.jmp[idx]) pushHistory(env, null);
      propagatePrecision(env, sl.state, cur, (fr) => exploredLive(env, sl.state, fr));
      return true;
    }
    if (addNew) sl.misses++;
    const n = env.pcs.forceCheckpoint[idx] && sl.state.branches > 0 ? 64 : 3;
    if (sl.misses > sl.hits * n + n) {
      list.splice(k, 1);
      k--;
    }
  }
  if (!addNew) return false;

  env.totalStates++;
  env.prevJmpsProcessed = env.jmpsProcessed;
  env.prevInsnProcessed = env.insnProcessed;
  markAllScalarsImprecise(cur);
  const checkpoint = copyState(cur);
  checkpoint.insnIdx = idx;
  list.unshift({ state: checkpoint, hits: 0, misses: 0 });
  cur.parent = checkpoint;
  cur.firstInsn = idx;
  cur.dfsDepth = checkpoint.dfsDepth + 1;
  cur.history = [];
  return false;
}

/** push_jmp_history: one entry per instruction (flags of a second push merge into it). */
export function pushHistory(env: Env, set: ((h: import('./state.js').HistEntry) => void) | null): void {
  let h = env.curHist;
  if (!h) {
    h = {
      idx: env.insnIdx,
      prevIdx: env.prevInsnIdx,
      stackAccess: null,
      linked: null,
      srcIsStackPtr: false,
      dstIsStackPtr: false,
    };
    env.cur.history.push(h);
    env.curHist = h;
  }
  set?.(h);
}

/** find_prev_entry: the checkpoint of the previous callback iteration at the same call. */
export function findPrevEntry(env: Env, idx: number): VState | null {
  const list = bucketOf(env, idx);
  const cur = env.cur;
  for (const sl of list) {
    const st = sl.state;
    if (st.insnIdx === idx && st.branches > 0 && sameCallsites(st, cur) && st.dfsDepth < cur.dfsDepth)
      return st;
  }
  return null;
}

const sameCallsites = (a: VState, b: VState): boolean =>
  a.frames.length === b.frames.length && a.frames.every((f, i) => f.callsite === b.frames[i]!.callsite);

/** widen_imprecise_scalars: after a callback iteration, imprecise scalars that changed become unknown. */
export function widenImpreciseScalars(old: VState, cur: VState): void {
  const ids = new IdMap();
  for (let fr = old.frames.length - 1; fr >= 0; fr--) {
    const fo = old.frames[fr]!;
    const fc = cur.frames[fr];
    if (!fc) continue;
    for (let r = 0; r < 11; r++) {
      const w = maybeWiden(fo.regs[r]!, fc.regs[r]!, ids);
      if (w) fc.regs[r] = w;
    }
    const n = Math.min(fo.stack.length, fc.stack.length);
    for (let spi = 0; spi < n; spi++) {
      const so = fo.stack[spi]!;
      const sc = fc.stack[spi]!;
      if (!isSpilled(so) || !isSpilled(sc)) continue;
      const w = maybeWiden(so.spilled, sc.spilled, ids);
      if (w) {
        fc.stack = fc.stack.slice();
        fc.stack[spi] = { ...sc, spilled: w };
      }
    }
  }
}

/** maybe_widen_reg */
function maybeWiden(old: RegState, cur: RegState, ids: IdMap): RegState | null {
  if (old.kind !== 'scalar' || cur.kind !== 'scalar') return null;
  if (old.precise || cur.precise || regsExact(old, cur, ids)) return null;
  return unknownScalar();
}
