/**
 * The scalar domain (SPEC §3): a tnum plus unsigned/signed 64-bit and 32-bit bounds, kept consistent as
 * the kernel's reg_bounds_sync does, and a link id (with a constant delta) shared by copies.
 * Values are bigints: unsigned fields in [0, 2^64) / [0, 2^32), signed fields in their signed range.
 */
import {
  TNUM_UNKNOWN,
  U32,
  U64,
  s64,
  tnumClearSubreg,
  tnumCast,
  tnumConst,
  tnumIntersect,
  tnumIsConst,
  tnumOr,
  tnumRange,
  tnumStep,
  tnumSubreg,
  u64,
  type Tnum,
} from './tnum.js';

export const S64_MIN = -(1n << 63n);
export const S64_MAX = (1n << 63n) - 1n;
export const S32_MIN = -(1n << 31n);
export const S32_MAX = (1n << 31n) - 1n;

export interface Scalar {
  readonly t: Tnum;
  readonly umin: bigint;
  readonly umax: bigint;
  readonly smin: bigint;
  readonly smax: bigint;
  readonly u32min: bigint;
  readonly u32max: bigint;
  readonly s32min: bigint;
  readonly s32max: bigint;
  /** Link id (0: none): registers copied with `rX = rY` share it (find_equal_scalars / sync_linked_regs). */
  readonly id: number;
  /**
   * The constant added since the copy (the kernel keeps it in `off`), or null when the link never went
   * through `rX += K` (the BPF_ADD_CONST flag is clear). `rX += 0` sets the flag with a delta of 0, and a
   * flagged link cannot take another constant (adjust_reg_min_max_vals).
   */
  readonly delta: number | null;
}

type Mut = { -readonly [K in keyof Scalar]: Scalar[K] };

const s32 = (x: bigint): bigint => BigInt.asIntN(32, x);
const u32 = (x: bigint): bigint => BigInt.asUintN(32, x);
const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

export function scalarConst(v: bigint): Scalar {
  const u = u64(v);
  return {
    t: tnumConst(u),
    umin: u,
    umax: u,
    smin: s64(u),
    smax: s64(u),
    u32min: u32(u),
    u32max: u32(u),
    s32min: s32(u),
    s32max: s32(u),
    id: 0,
    delta: null,
  };
}

export const SCALAR_UNKNOWN: Scalar = {
  t: TNUM_UNKNOWN,
  umin: 0n,
  umax: U64,
  smin: S64_MIN,
  smax: S64_MAX,
  u32min: 0n,
  u32max: U32,
  s32min: S32_MIN,
  s32max: S32_MAX,
  id: 0,
  delta: null,
};

/** An unknown value of `size` bytes, zero-extended (coerce_reg_to_size after a narrow load). */
export function scalarOfSize(size: number): Scalar {
  if (size >= 8) return SCALAR_UNKNOWN;
  const m = (1n << BigInt(size * 8)) - 1n;
  return sync({ ...SCALAR_UNKNOWN, t: { value: 0n, mask: m } });
}

/**
 * coerce_reg_to_size: the low `size` bytes of a value, zero-extended (a narrow load or fill). The u64
 * bounds survive when they agree above the cut; the 32-bit bounds survive a 4-byte cut only.
 */
export function coerceToSize(s: Scalar, size: number): Scalar {
  if (size >= 8) return s;
  const mask = (1n << BigInt(size * 8)) - 1n;
  const same = (s.umin & ~mask) === (s.umax & ~mask);
  const umin = same ? s.umin & mask : 0n;
  const umax = same ? s.umax & mask : mask;
  const r: Mut = { ...s, t: tnumCast(s.t, size), umin, umax, smin: umin, smax: umax };
  if (size < 4) Object.assign(r, { u32min: 0n, u32max: U32, s32min: S32_MIN, s32max: S32_MAX });
  return sync(r);
}

/** get_reg_width: the bits the value's unsigned maximum needs (fls64(umax)). */
export const regWidth = (s: Scalar): number => (s.umax === 0n ? 0 : s.umax.toString(2).length);

/** A scalar's unsigned range [lo, hi] (for helper results). */
export const scalarURange = (lo: bigint, hi: bigint): Scalar =>
  sync({ ...SCALAR_UNKNOWN, umin: lo, umax: hi, t: tnumRange(lo, hi) });

export const isConst = (s: Scalar): boolean => tnumIsConst(s.t);

// ---- reg_bounds_sync ----

/** __update_reg32_bounds + __update_reg64_bounds: bounds from the tnum. */
function updateBounds(r: Mut): void {
  const t32 = tnumSubreg(r.t);
  r.s32min = max(r.s32min, s32(t32.value | (t32.mask & (1n << 31n))));
  r.s32max = min(r.s32max, s32(t32.value | (t32.mask & S32_MAX)));
  r.u32min = max(r.u32min, t32.value);
  r.u32max = min(r.u32max, t32.value | t32.mask);
  r.smin = max(r.smin, s64(r.t.value | (r.t.mask & (1n << 63n))));
  r.smax = min(r.smax, s64(r.t.value | (r.t.mask & S64_MAX)));
  r.umin = max(r.umin, r.t.value);
  r.umax = min(r.umax, r.t.value | r.t.mask);
  // The u64 range and the tnum may share a single value (__update_reg64_bounds). The kernel applies the
  // rule unconditionally: also to a constant tnum and to bounds that already contradict it (a dead branch
  // then leaves a known value, not an empty range).
  const next = tnumStep(r.t, r.umin);
  const uminIn = (r.umin & ~r.t.mask & U64) === r.t.value;
  const tmax = r.t.value | r.t.mask;
  let known: bigint | null = null;
  if (uminIn && next > r.umax) known = r.umin;
  else if (!uminIn && next === tmax) known = tmax;
  else if (!uminIn && next <= r.umax && tnumStep(r.t, next) > r.umax) known = next;
  if (known !== null) Object.assign(r, { ...scalarConst(known), id: r.id, delta: r.delta });
}

/** __reg32_deduce_bounds */
function deduce32(r: Mut): void {
  if (r.umin >> 32n === r.umax >> 32n) {
    r.u32min = max(r.u32min, u32(r.umin));
    r.u32max = min(r.u32max, u32(r.umax));
    if (s32(r.umin) <= s32(r.umax)) {
      r.s32min = max(r.s32min, s32(r.umin));
      r.s32max = min(r.s32max, s32(r.umax));
    }
  }
  if (r.smin >> 32n === r.smax >> 32n) {
    r.u32min = max(r.u32min, u32(r.smin));
    r.u32max = min(r.u32max, u32(r.smax));
    if (s32(r.smin) <= s32(r.smax)) {
      r.s32min = max(r.s32min, s32(r.smin));
      r.s32max = min(r.s32max, s32(r.smax));
    }
  }
  // The u64 range crosses one 2^32 boundary and the s32 view of it does not wrap. The kernel adds 1 to the
  // upper half in u32 arithmetic, so an s64 range from [-2^32, 0) into [0, 2^32) (upper halves 0xffffffff
  // and 0) counts as crossing one boundary too: [-1, 0] has the s32 view [-1, 0].
  if (u32(u32(r.umin >> 32n) + 1n) === u32(r.umax >> 32n) && s32(r.umin) < 0n && s32(r.umax) >= 0n) {
    r.s32min = max(r.s32min, s32(r.umin));
    r.s32max = min(r.s32max, s32(r.umax));
  }
  if (u32(u32(r.smin >> 32n) + 1n) === u32(r.smax >> 32n) && s32(r.smin) < 0n && s32(r.smax) >= 0n) {
    r.s32min = max(r.s32min, s32(r.smin));
    r.s32max = min(r.s32max, s32(r.smax));
  }
  if (s32(r.u32min) <= s32(r.u32max)) {
    r.s32min = max(r.s32min, s32(r.u32min));
    r.s32max = min(r.s32max, s32(r.u32max));
  }
  if (u32(r.s32min) <= u32(r.s32max)) {
    r.u32min = max(r.u32min, u32(r.s32min));
    r.u32max = min(r.u32max, u32(r.s32max));
  }
}

/** __reg64_deduce_bounds */
function deduce64(r: Mut): void {
  if (s64(r.umin) <= s64(r.umax)) {
    r.smin = max(r.smin, s64(r.umin));
    r.smax = min(r.smax, s64(r.umax));
  }
  if (u64(r.smin) <= u64(r.smax)) {
    r.umin = max(r.umin, u64(r.smin));
    r.umax = min(r.umax, u64(r.smax));
  } else if (r.umax < u64(r.smin)) {
    r.smin = s64(r.umin);
    r.umax = min(r.umax, u64(r.smax));
  } else if (u64(r.smax) < r.umin) {
    r.smax = s64(r.umax);
    r.umin = max(r.umin, u64(r.smin));
  }
}

/** __reg_deduce_mixed_bounds: 64-bit bounds from the 32-bit ones. */
function deduceMixed(r: Mut): void {
  const hi = ~U32 & U64;
  r.umin = max(r.umin, (r.umin & hi) | r.u32min);
  r.umax = min(r.umax, (r.umax & hi) | r.u32max);
  r.smin = max(r.smin, s64((u64(r.smin) & hi) | r.u32min));
  r.smax = min(r.smax, s64((u64(r.smax) & hi) | r.u32max));
  if (r.s32min >= 0n && r.smin >= S32_MIN && r.smax <= S32_MAX) {
    r.smin = r.s32min;
    r.smax = r.s32max;
    r.umin = r.s32min;
    r.umax = r.s32max;
    r.t = tnumIntersect(r.t, tnumRange(r.smin, r.smax));
  }
}

/** __reg_bound_offset: the tnum from the bounds. */
function boundOffset(r: Mut): void {
  const t64 = tnumIntersect(r.t, tnumRange(r.umin, r.umax));
  const t32 = tnumIntersect(tnumSubreg(r.t), tnumRange(r.u32min, r.u32max));
  r.t = tnumOr(tnumClearSubreg(t64), t32);
}

/** reg_bounds_sync */
export function sync(s: Scalar): Scalar {
  const r: Mut = { ...s };
  updateBounds(r);
  // __reg_deduce_bounds three times (Linux 6.18): what one pass's __reg64_deduce_bounds learns (a u64
  // range from an s64 one that crosses the sign boundary) only reaches the 32-bit bounds in the next
  // pass's __reg32_deduce_bounds, e.g. r = -(u16 value) known nonzero: the u32 view [0xffff0001, U32_MAX].
  for (let pass = 0; pass < 3; pass++) {
    deduce32(r);
    deduce64(r);
    deduceMixed(r);
  }
  boundOffset(r);
  updateBounds(r);
  return r;
}

/**
 * reg_bounds_sanity_check after a branch's refinement: contradicting bounds (or bounds out of sync with a
 * constant tnum) are a "REG INVARIANTS VIOLATION" the kernel reports as a verifier bug; without the test
 * flag it then forgets the bounds (__mark_reg_unbounded, the tnum and link stay) and explores the branch
 * anyway. The kernel never prunes a branch for empty bounds (only is_branch_taken decides).
 */
export function sanityChecked(s: Scalar): Scalar {
  const t32 = tnumSubreg(s.t);
  const bad =
    s.umin > s.umax ||
    s.smin > s.smax ||
    s.u32min > s.u32max ||
    s.s32min > s.s32max ||
    (s.t.mask === 0n &&
      (s.umin !== s.t.value ||
        s.umax !== s.t.value ||
        s.smin !== s64(s.t.value) ||
        s.smax !== s64(s.t.value))) ||
    (t32.mask === 0n &&
      (s.u32min !== t32.value ||
        s.u32max !== t32.value ||
        s.s32min !== s32(t32.value) ||
        s.s32max !== s32(t32.value)));
  if (!bad) return s;
  return { ...SCALAR_UNKNOWN, t: s.t, id: s.id, delta: s.delta };
}

/** The bounds contradict each other (a dead branch: reg_bounds_sanity_check would fail). */
export function isEmpty(s: Scalar): boolean {
  return (
    s.umin > s.umax ||
    s.smin > s.smax ||
    s.u32min > s.u32max ||
    s.s32min > s.s32max ||
    (s.t.value & s.t.mask) !== 0n ||
    s.umin > (s.t.value | s.t.mask) ||
    s.umax < s.t.value
  );
}

/** Every concrete value of `inner` is one of `outer` (range_within + tnum_in, for state subsumption). */
export function scalarWithin(outer: Scalar, inner: Scalar): boolean {
  return (
    outer.umin <= inner.umin &&
    outer.umax >= inner.umax &&
    outer.smin <= inner.smin &&
    outer.smax >= inner.smax &&
    outer.u32min <= inner.u32min &&
    outer.u32max >= inner.u32max &&
    outer.s32min <= inner.s32min &&
    outer.s32max >= inner.s32max &&
    (inner.t.mask & ~outer.t.mask & U64) === 0n &&
    (inner.t.value & ~outer.t.mask & U64) === outer.t.value
  );
}

/** Does the concrete 64-bit value lie in the scalar (for the laws)? */
export function contains(s: Scalar, v: bigint): boolean {
  const u = u64(v);
  const sv = s64(u);
  return (
    u >= s.umin &&
    u <= s.umax &&
    sv >= s.smin &&
    sv <= s.smax &&
    u32(u) >= s.u32min &&
    u32(u) <= s.u32max &&
    s32(u) >= s.s32min &&
    s32(u) <= s.s32max &&
    (u & ~s.t.mask & U64) === s.t.value
  );
}

export const scalarKey = (s: Scalar): string =>
  `${s.t.value.toString(16)}/${s.t.mask.toString(16)}/${s.umin}/${s.umax}/${s.smin}/${s.smax}/${s.u32min}/${s.u32max}/${s.s32min}/${s.s32max}`;
