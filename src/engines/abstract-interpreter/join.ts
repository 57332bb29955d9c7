/**
 * Join mode (ModelOptions.join): at a pc, states of the same shape are merged into one that covers them
 * all, trading precision for fewer states (the precision oracle, oracles/precision.ts, measures the cost).
 *
 * Two states have the same shape when they agree on everything but scalars: the frames (subprogram,
 * callsite, callback), the kind of every live register and, for pointers, their kind, frame, offset and
 * object/reference ids, the pointers spilled to the stack, the references held and the regions open. The
 * merged state joins each scalar (tnum union, hull of the u64/s64/u32/s32 bounds, then reg_bounds_sync),
 * keeps a scalar's link id only where both agree, joins stack slots the way the kernel's stacksafe would
 * call the weaker of the two (a spilled scalar against bytes, or zero against misc, is misc), and keeps
 * the smaller path key. A merged state over-approximates every state it replaces, so a joined analysis
 * may reject more and mark more but never accepts a program the exact one rejects for a safety reason.
 *
 * At a bpf_loop callsite the callback's exits come back to the same pc; there the merged state is joined
 * with each round's returns, and after JOIN_WIDEN_AFTER rounds every bound that still grows is widened to
 * its extreme (the tnum can only lose known bits, at most 64 times), so the fixpoint converges.
 */
import { S32_MAX, S32_MIN, S64_MAX, S64_MIN, sync, type Scalar } from './scalar.js';
import type { Frame, Slot, State, Val } from './state.js';
import { NONE } from './state.js';
import { stateKey, type KeyCache } from './state-key.js';
import { U32, U64, type Tnum } from './tnum.js';

/** Rounds of one bpf_loop callsite joined plainly before growing bounds are widened. */
export const JOIN_WIDEN_AFTER = 3;

/** tnum_union: the bits known and equal in both stay known. */
export function tnumUnion(a: Tnum, b: Tnum): Tnum {
  const mu = a.mask | b.mask | (a.value ^ b.value);
  return { value: a.value & b.value & ~mu & U64, mask: mu & U64 };
}

const lo = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const hi = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/**
 * The least scalar (of this domain, up to reg_bounds_sync) holding every value of `a` and of `b`. With
 * `from` (the state joined in the previous round), a bound that moved past `from`'s goes to its extreme.
 */
export function joinScalar(a: Scalar, b: Scalar, from: Scalar | null = null): Scalar {
  const linked = a.id === b.id && a.delta === b.delta;
  if (from === null && sameBounds(a, b)) return linked ? a : { ...a, id: 0, delta: null };
  let r: Scalar = {
    t: tnumUnion(a.t, b.t),
    umin: lo(a.umin, b.umin),
    umax: hi(a.umax, b.umax),
    smin: lo(a.smin, b.smin),
    smax: hi(a.smax, b.smax),
    u32min: lo(a.u32min, b.u32min),
    u32max: hi(a.u32max, b.u32max),
    s32min: lo(a.s32min, b.s32min),
    s32max: hi(a.s32max, b.s32max),
    id: linked ? a.id : 0,
    delta: linked ? a.delta : null,
  };
  if (from !== null)
    r = {
      ...r,
      umin: r.umin < from.umin ? 0n : r.umin,
      umax: r.umax > from.umax ? U64 : r.umax,
      smin: r.smin < from.smin ? S64_MIN : r.smin,
      smax: r.smax > from.smax ? S64_MAX : r.smax,
      u32min: r.u32min < from.u32min ? 0n : r.u32min,
      u32max: r.u32max > from.u32max ? U32 : r.u32max,
      s32min: r.s32min < from.s32min ? S32_MIN : r.s32min,
      s32max: r.s32max > from.s32max ? S32_MAX : r.s32max,
    };
  return sync(r);
}

/** Equal tnum and bounds: the join is either one (no reg_bounds_sync needed). */
const sameBounds = (a: Scalar, b: Scalar): boolean =>
  a.t.value === b.t.value &&
  a.t.mask === b.t.mask &&
  a.umin === b.umin &&
  a.umax === b.umax &&
  a.smin === b.smin &&
  a.smax === b.smax &&
  a.u32min === b.u32min &&
  a.u32max === b.u32max &&
  a.s32min === b.s32min &&
  a.s32max === b.s32max;

/** A non-scalar value's identity (scalars are joined, so only their kind counts). */
function pointerKey(v: Val): string {
  switch (v.k) {
    case 'none':
      return '-';
    case 'scalar':
      return 's';
    case 'ctx':
      return `c${v.off}`;
    case 'fp':
      return `f${v.frame}:${v.off}`;
    case 'obj':
      return `o${v.id}r${v.ref}${v.maybeNull ? '?' : ''}`;
    case 'func':
      return `F${v.subprog}`;
    default: {
      const never: never = v;
      throw new Error(`unknown value ${String(never)}`);
    }
  }
}

/** The shape of a state: equal shapes merge. `live(i)` are the registers of frame i read later. */
export function shapeKey(s: State, live: (frame: number) => number): string {
  const parts: string[] = [];
  s.frames.forEach((f, i) => {
    const mask = live(i);
    parts.push(`|${f.subprog},${f.callsite},${f.callback ? 1 : 0}:`);
    for (let r = 0; r < 10; r++) parts.push((mask >> r) & 1 ? pointerKey(f.regs[r]!) : '.', ',');
    // A spilled pointer is read back as that pointer: it cannot be merged with anything else.
    f.stack.forEach((slot, j) => {
      if (slot?.spill && slot.spill.k !== 'scalar') parts.push(`[${j}${pointerKey(slot.spill)}]`);
    });
  });
  parts.push(`R${s.refs.map((r) => `${r.id}@${r.insn}`).join(',')}`, `L${s.rcu ? 1 : 0}${s.preempt}`);
  return parts.join('');
}

/** Two registers of same-shaped states; a dead register whose kinds differ is left NOT_INIT. */
function joinVal(a: Val, b: Val, from: Val | null): Val {
  if (a.k === 'scalar' && b.k === 'scalar')
    return { k: 'scalar', s: joinScalar(a.s, b.s, from?.k === 'scalar' ? from.s : null) };
  return pointerKey(a) === pointerKey(b) ? a : NONE;
}

const NEVER_WRITTEN: Slot = { spill: null, bytes: 'iiiiiiii' };

/**
 * Two stack slots (stacksafe's view of the weaker): spilled scalars join; a spill against bytes is misc
 * where the bytes differ (a fill of misc bytes reads an unknown scalar, which covers the spilled one);
 * zero against misc is misc. Spilled pointers are equal here (the shape says so).
 */
function joinSlot(a: Slot | undefined, b: Slot | undefined, from: Slot | undefined): Slot | undefined {
  if (a === undefined && b === undefined) return undefined;
  const x = a ?? NEVER_WRITTEN;
  const y = b ?? NEVER_WRITTEN;
  if (x.spill !== null && y.spill !== null) {
    if (x.spill.k !== 'scalar' || y.spill.k !== 'scalar') return x;
    return { spill: joinVal(x.spill, y.spill, from?.spill ?? null), bytes: x.bytes };
  }
  let bytes = '';
  for (let i = 0; i < 8; i++) bytes += x.bytes[i] === y.bytes[i] ? x.bytes[i]! : 'm';
  return { spill: null, bytes };
}

/** Two frames of same-shaped states. */
function joinFrame(a: Frame, b: Frame, from: Frame | null): Frame {
  const regs = a.regs.map((v, r) => (r === 10 ? v : joinVal(v, b.regs[r]!, from?.regs[r] ?? null)));
  const n = Math.max(a.stack.length, b.stack.length);
  const stack: (Slot | undefined)[] = [];
  for (let j = 0; j < n; j++) stack.push(joinSlot(a.stack[j], b.stack[j], from?.stack[j]));
  return { ...a, regs, stack };
}

/** Two states of one shape (`from`: the previous round's merged state, to widen against). */
export function joinStates(a: State, b: State, from: State | null = null): State {
  return {
    ...a,
    frames: a.frames.map((f, i) => joinFrame(f, b.frames[i]!, from?.frames[i] ?? null)),
    idGen: Math.max(a.idGen, b.idGen),
    key: a.key < b.key ? a.key : b.key,
  };
}

/**
 * Merge the states waiting at one pc (`at`, by state key in the interpreter's `keys`; `seen`: the keys
 * already processed there), one state per shape. `round` counts the rounds at this pc (more than one only
 * at a bpf_loop callsite).
 */
export function joinAt(
  at: Map<string, State>,
  seen: ReadonlySet<string>,
  round: number,
  live: (s: State) => (frame: number) => number,
  keys: KeyCache,
): void {
  if (at.size < 2) return;
  const groups = new Map<string, { old: State | null; states: State[] }>();
  for (const [k, s] of at) {
    const shape = shapeKey(s, live(s));
    let g = groups.get(shape);
    if (g === undefined) groups.set(shape, (g = { old: null, states: [] }));
    if (seen.has(k) && g.old === null) g.old = s;
    g.states.push(s);
  }
  if (groups.size === at.size) return;
  at.clear();
  for (const { old, states } of groups.values()) {
    let merged = states[0]!;
    for (let i = 1; i < states.length; i++) merged = joinStates(merged, states[i]!);
    if (old !== null && round > JOIN_WIDEN_AFTER && states.length > 1) merged = joinStates(merged, old, old);
    at.set(stateKey(merged, live(merged), keys), merged);
  }
}

/**
 * `wide` covers `narrow`: the same shape, and joining them changes nothing in `wide` (every scalar of
 * `narrow` within `wide`'s, every stack slot no stronger). Everything `narrow` can do, `wide` can.
 */
export function covers(
  wide: State,
  narrow: State,
  live: (s: State) => (frame: number) => number,
  keys: KeyCache,
): boolean {
  if (shapeKey(wide, live(wide)) !== shapeKey(narrow, live(narrow))) return false;
  const joined = joinStates(wide, narrow);
  return stateKey(joined, live(joined), keys) === stateKey(wide, live(wide), keys);
}
