/**
 * Scalar bounds as the kernel tracks them (struct bpf_reg_state): a tnum plus s64/u64 and s32/u32 ranges,
 * kept consistent by reg_bounds_sync. Functions here work on a mutable `Bounds` in place, like the kernel's
 * helpers do on a register; callers copy first.
 */
import {
  TNUM_UNKNOWN,
  tnumCast,
  tnumClearSubreg,
  tnumConst,
  tnumConstSubreg,
  tnumIntersect,
  tnumIsConst,
  tnumOr,
  tnumRange,
  tnumStep,
  tnumSubreg,
  type Tnum,
} from './tnum.js';
import { max, min, S32_MAX, S32_MIN, s32, S64_MAX, S64_MIN, s64, U32_MAX, u32, U64_MAX, u64 } from './u64.js';

export interface Bounds {
  var: Tnum;
  smin: bigint;
  smax: bigint;
  umin: bigint;
  umax: bigint;
  s32min: bigint;
  s32max: bigint;
  u32min: bigint;
  u32max: bigint;
}

export const copyBounds = (b: Readonly<Bounds>): Bounds => ({
  var: b.var,
  smin: b.smin,
  smax: b.smax,
  umin: b.umin,
  umax: b.umax,
  s32min: b.s32min,
  s32max: b.s32max,
  u32min: b.u32min,
  u32max: b.u32max,
});

export function unknownBounds(): Bounds {
  return {
    var: TNUM_UNKNOWN,
    smin: S64_MIN,
    smax: S64_MAX,
    umin: 0n,
    umax: U64_MAX,
    s32min: S32_MIN,
    s32max: S32_MAX,
    u32min: 0n,
    u32max: U32_MAX,
  };
}

/** __mark_reg_known */
export function knownBounds(v: bigint): Bounds {
  const b = unknownBounds();
  markKnown(b, v);
  return b;
}

export function markKnown(b: Bounds, v: bigint): void {
  b.var = tnumConst(v);
  b.smin = b.smax = s64(v);
  b.umin = b.umax = u64(v);
  b.s32min = b.s32max = s32(v);
  b.u32min = b.u32max = u32(v);
}

/** __mark_reg32_known */
export function markKnown32(b: Bounds, v: bigint): void {
  b.var = tnumConstSubreg(b.var, v);
  b.s32min = b.s32max = s32(v);
  b.u32min = b.u32max = u32(v);
}

/** __mark_reg32_unbounded */
export function mark32Unbounded(b: Bounds): void {
  b.s32min = S32_MIN;
  b.s32max = S32_MAX;
  b.u32min = 0n;
  b.u32max = U32_MAX;
}

/** __mark_reg64_unbounded */
export function mark64Unbounded(b: Bounds): void {
  b.smin = S64_MIN;
  b.smax = S64_MAX;
  b.umin = 0n;
  b.umax = U64_MAX;
}

/** is_reg_const(reg, false) as used by the ALU code (tnum and both ranges agree). */
export const isConst64 = (b: Readonly<Bounds>): boolean =>
  tnumIsConst(b.var) && b.smin === b.smax && b.umin === b.umax;

/** __update_reg32_bounds */
function updateReg32Bounds(b: Bounds): void {
  const v = tnumSubreg(b.var);
  b.s32min = max(b.s32min, s32(v.value | (v.mask & 0x8000_0000n)));
  b.s32max = min(b.s32max, s32(v.value | (v.mask & 0x7fff_ffffn)));
  b.u32min = max(b.u32min, v.value);
  b.u32max = min(b.u32max, v.value | v.mask);
}

/**
 * __update_reg64_bounds, with the check (6.18 stable, upstream efc11a667878 "bpf: Improve bounds when tnum
 * has a single possible value") that the u64 range and the tnum share a single value: then the register
 * is that constant (___mark_reg_known: the scalar's id is kept). The three cases: only umin; umin not a
 * member and the next member is the tnum's largest; umin not a member and only the next member is in range.
 */
function updateReg64Bounds(b: Bounds): void {
  b.smin = max(b.smin, s64(b.var.value | (b.var.mask & 0x8000_0000_0000_0000n)));
  b.smax = min(b.smax, s64(b.var.value | (b.var.mask & S64_MAX)));
  b.umin = max(b.umin, b.var.value);
  b.umax = min(b.umax, b.var.value | b.var.mask);
  const next = tnumStep(b.var, b.umin);
  const uminIn = (b.umin & ~b.var.mask & U64_MAX) === b.var.value;
  const tmax = b.var.value | b.var.mask;
  if (uminIn && next > b.umax) markKnown(b, b.umin);
  else if (!uminIn && next === tmax) markKnown(b, tmax);
  else if (!uminIn && next <= b.umax && tnumStep(b.var, next) > b.umax) markKnown(b, next);
}

/** __update_reg_bounds */
export function updateRegBounds(b: Bounds): void {
  updateReg32Bounds(b);
  updateReg64Bounds(b);
}

/** __reg32_deduce_bounds */
function reg32DeduceBounds(b: Bounds): void {
  if (b.umin >> 32n === b.umax >> 32n) {
    b.u32min = max(b.u32min, u32(b.umin));
    b.u32max = min(b.u32max, u32(b.umax));
    if (s32(b.umin) <= s32(b.umax)) {
      b.s32min = max(b.s32min, s32(b.umin));
      b.s32max = min(b.s32max, s32(b.umax));
    }
  }
  if (b.smin >> 32n === b.smax >> 32n) {
    if (u32(b.smin) <= u32(b.smax)) {
      b.u32min = max(b.u32min, u32(b.smin));
      b.u32max = min(b.u32max, u32(b.smax));
    }
    if (s32(b.smin) <= s32(b.smax)) {
      b.s32min = max(b.s32min, s32(b.smin));
      b.s32max = min(b.s32max, s32(b.smax));
    }
  }
  if (u32(u32(b.umin >> 32n) + 1n) === u32(b.umax >> 32n) && s32(b.umin) < 0n && s32(b.umax) >= 0n) {
    b.s32min = max(b.s32min, s32(b.umin));
    b.s32max = min(b.s32max, s32(b.umax));
  }
  if (u32(u32(b.smin >> 32n) + 1n) === u32(b.smax >> 32n) && s32(b.smin) < 0n && s32(b.smax) >= 0n) {
    b.s32min = max(b.s32min, s32(b.smin));
    b.s32max = min(b.s32max, s32(b.smax));
  }
  if (s32(b.u32min) <= s32(b.u32max)) {
    b.s32min = max(b.s32min, s32(b.u32min));
    b.s32max = min(b.s32max, s32(b.u32max));
  }
  if (u32(b.s32min) <= u32(b.s32max)) {
    b.u32min = max(u32(b.s32min), b.u32min);
    b.u32max = min(u32(b.s32max), b.u32max);
  }
}

/** __reg64_deduce_bounds */
function reg64DeduceBounds(b: Bounds): void {
  if (s64(b.umin) <= s64(b.umax)) {
    b.smin = max(b.smin, s64(b.umin));
    b.smax = min(b.smax, s64(b.umax));
  }
  if (u64(b.smin) <= u64(b.smax)) {
    b.umin = max(u64(b.smin), b.umin);
    b.umax = min(u64(b.smax), b.umax);
  } else if (b.umax < u64(b.smin)) {
    b.smin = s64(b.umin);
    b.umax = min(b.umax, u64(b.smax));
  } else if (u64(b.smax) < b.umin) {
    b.smax = s64(b.umax);
    b.umin = max(b.umin, u64(b.smin));
  }
}

/** __reg_deduce_mixed_bounds */
function regDeduceMixedBounds(b: Bounds): void {
  const hi = ~0xffff_ffffn;
  const newUmin = u64((b.umin & hi) | b.u32min);
  const newUmax = u64((b.umax & hi) | b.u32max);
  b.umin = max(b.umin, newUmin);
  b.umax = min(b.umax, newUmax);
  const newSmin = s64((b.smin & hi) | b.u32min);
  const newSmax = s64((b.smax & hi) | b.u32max);
  b.smin = max(b.smin, newSmin);
  b.smax = min(b.smax, newSmax);
  if (b.s32min >= 0n && b.smin >= S32_MIN && b.smax <= S32_MAX) {
    b.smin = b.s32min;
    b.smax = b.s32max;
    b.umin = u64(b.s32min);
    b.umax = u64(b.s32max);
    b.var = tnumIntersect(b.var, tnumRange(u64(b.smin), u64(b.smax)));
  }
}

/** __reg_deduce_bounds */
function regDeduceBounds(b: Bounds): void {
  reg32DeduceBounds(b);
  reg64DeduceBounds(b);
  regDeduceMixedBounds(b);
}

/** __reg_bound_offset */
function regBoundOffset(b: Bounds): void {
  const var64 = tnumIntersect(b.var, tnumRange(b.umin, b.umax));
  const var32 = tnumIntersect(tnumSubreg(var64), tnumRange(b.u32min, b.u32max));
  b.var = tnumOr(tnumClearSubreg(var64), var32);
}

const sameBounds = (a: Readonly<Bounds>, b: Readonly<Bounds>): boolean =>
  a.var.value === b.var.value &&
  a.var.mask === b.var.mask &&
  a.smin === b.smin &&
  a.smax === b.smax &&
  a.umin === b.umin &&
  a.umax === b.umax &&
  a.s32min === b.s32min &&
  a.s32max === b.s32max &&
  a.u32min === b.u32min &&
  a.u32max === b.u32max;

/** Whether the bounds are one constant in every view (what markKnown makes). */
function isKnownEverywhere(b: Readonly<Bounds>): boolean {
  const v = b.var.value;
  return (
    b.var.mask === 0n &&
    b.umin === v &&
    b.umax === v &&
    b.smin === b.smax &&
    b.u32min === b.u32max &&
    b.s32min === b.s32max &&
    b.smin === s64(v) &&
    b.u32min === u32(v) &&
    b.s32min === s32(v)
  );
}

/** reg_bounds_sync */
export function regBoundsSync(b: Bounds): void {
  // A constant is already synced: every step below leaves it as it is (and it is the most common case).
  if (isKnownEverywhere(b)) return;
  updateRegBounds(b);
  // The kernel runs __reg_deduce_bounds three times. A pass is a function of the bounds alone, so once one
  // changes nothing the passes left would not either.
  for (let pass = 0; pass < 3; pass++) {
    const before = copyBounds(b);
    regDeduceBounds(b);
    if (sameBounds(before, b)) break;
  }
  regBoundOffset(b);
  updateRegBounds(b);
}

/** coerce_reg_to_size (zero-extending narrow loads) */
export function coerceToSize(b: Bounds, size: number): void {
  b.var = tnumCast(b.var, size);
  const mask = (1n << BigInt(size * 8)) - 1n;
  if ((b.umin & ~mask) === (b.umax & ~mask)) {
    b.umin &= mask;
    b.umax &= mask;
  } else {
    b.umin = 0n;
    b.umax = mask;
  }
  b.smin = b.umin;
  b.smax = b.umax;
  if (size < 4) mark32Unbounded(b);
  regBoundsSync(b);
}

/** Whether a concrete u64 value is admitted by the bounds (for tests). */
export function boundsContain(b: Readonly<Bounds>, v: bigint): boolean {
  const x = u64(v);
  return (
    (x & ~b.var.mask & U64_MAX) === b.var.value &&
    x >= b.umin &&
    x <= b.umax &&
    s64(x) >= b.smin &&
    s64(x) <= b.smax &&
    u32(x) >= b.u32min &&
    u32(x) <= b.u32max &&
    s32(x) >= b.s32min &&
    s32(x) <= b.s32max
  );
}

/** range_within: every value of `cur` is within `old`'s ranges. */
export function rangeWithin(old: Readonly<Bounds>, cur: Readonly<Bounds>): boolean {
  return (
    old.umin <= cur.umin &&
    old.umax >= cur.umax &&
    old.smin <= cur.smin &&
    old.smax >= cur.smax &&
    old.u32min <= cur.u32min &&
    old.u32max >= cur.u32max &&
    old.s32min <= cur.s32min &&
    old.s32max >= cur.s32max
  );
}
