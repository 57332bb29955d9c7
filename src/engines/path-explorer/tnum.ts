/**
 * Tristate numbers (kernel/bpf/tnum.c): `value` holds the known bits, `mask` the unknown ones; a bit set in
 * mask is 0 in value. All operations are on u64 bigints.
 */
import { fls64, s32, s64, u32, u64, U64_MAX } from './u64.js';

export interface Tnum {
  readonly value: bigint;
  readonly mask: bigint;
}

export const tnumConst = (value: bigint): Tnum => ({ value: u64(value), mask: 0n });
export const TNUM_UNKNOWN: Tnum = { value: 0n, mask: U64_MAX };

/** tnum_range */
export function tnumRange(min: bigint, max: bigint): Tnum {
  const chi = min ^ max;
  const bits = fls64(chi);
  if (bits > 63) return TNUM_UNKNOWN;
  const delta = (1n << BigInt(bits)) - 1n;
  return { value: min & ~delta & U64_MAX, mask: delta };
}

export const tnumLshift = (a: Tnum, shift: number): Tnum => ({
  value: u64(a.value << BigInt(shift)),
  mask: u64(a.mask << BigInt(shift)),
});
export const tnumRshift = (a: Tnum, shift: number): Tnum => ({
  value: a.value >> BigInt(shift),
  mask: a.mask >> BigInt(shift),
});

/** tnum_arshift */
export function tnumArshift(a: Tnum, shift: number, bitness: 32 | 64): Tnum {
  const sh = BigInt(shift);
  if (bitness === 32) return { value: u32(s32(a.value) >> sh), mask: u32(s32(a.mask) >> sh) };
  return { value: u64(s64(a.value) >> sh), mask: u64(s64(a.mask) >> sh) };
}

/** tnum_add */
export function tnumAdd(a: Tnum, b: Tnum): Tnum {
  const sm = u64(a.mask + b.mask);
  const sv = u64(a.value + b.value);
  const sigma = u64(sm + sv);
  const chi = sigma ^ sv;
  const mu = chi | a.mask | b.mask;
  return { value: sv & ~mu & U64_MAX, mask: mu };
}

/** tnum_sub */
export function tnumSub(a: Tnum, b: Tnum): Tnum {
  const dv = u64(a.value - b.value);
  const alpha = u64(dv + a.mask);
  const beta = u64(dv - b.mask);
  const chi = alpha ^ beta;
  const mu = chi | a.mask | b.mask;
  return { value: dv & ~mu & U64_MAX, mask: mu };
}

/** tnum_neg */
export const tnumNeg = (a: Tnum): Tnum => tnumSub(tnumConst(0n), a);

/** tnum_and */
export function tnumAnd(a: Tnum, b: Tnum): Tnum {
  const alpha = a.value | a.mask;
  const beta = b.value | b.mask;
  const v = a.value & b.value;
  return { value: v, mask: alpha & beta & ~v & U64_MAX };
}

/** tnum_or */
export function tnumOr(a: Tnum, b: Tnum): Tnum {
  const v = a.value | b.value;
  const mu = a.mask | b.mask;
  return { value: v, mask: mu & ~v & U64_MAX };
}

/** tnum_xor */
export function tnumXor(a: Tnum, b: Tnum): Tnum {
  const v = a.value ^ b.value;
  const mu = a.mask | b.mask;
  return { value: v & ~mu & U64_MAX, mask: mu };
}

/** tnum_intersect */
export function tnumIntersect(a: Tnum, b: Tnum): Tnum {
  const v = a.value | b.value;
  const mu = a.mask & b.mask;
  return { value: v & ~mu & U64_MAX, mask: mu };
}

/** tnum_cast: keep the low `size` bytes. */
export function tnumCast(a: Tnum, size: number): Tnum {
  const m = (1n << BigInt(size * 8)) - 1n;
  return { value: a.value & m, mask: a.mask & m };
}

/** tnum_in: every value of b is a value of a. */
export function tnumIn(a: Tnum, b: Tnum): boolean {
  // the common cases without intermediate bigints: equal tnums, a constant, the unknown tnum
  if (a.mask === b.mask) return a.value === b.value;
  if (a.mask === 0n) return false;
  if (a.mask === U64_MAX) return a.value === 0n;
  if (b.mask & ~a.mask & U64_MAX) return false;
  return a.value === (b.value & ~a.mask & U64_MAX);
}

/**
 * tnum_overlap: whether some value is admitted by both, i.e. the bits known in both agree. When they do not,
 * is_scalar_branch_taken knows `==` is false and `!=` true whatever the ranges say.
 */
export function tnumOverlap(a: Tnum, b: Tnum): boolean {
  const known = ~a.mask & ~b.mask & U64_MAX;
  return (a.value & known) === (b.value & known);
}

/**
 * tnum_step: the smallest member of `t` strictly above `z`; `t`'s largest member when `z` is at or past it, its
 * smallest when `z` is below it. __update_reg64_bounds uses it to see that a range holds one member only.
 */
export function tnumStep(t: Tnum, z: bigint): bigint {
  const tmax = t.value | t.mask;
  if (z >= tmax) return tmax;
  if (z < t.value) return t.value;
  // Members are t.value + s for the submasks s of t.mask, so the answer is t.value + (the least submask
  // above d): count upwards from d inside the mask. Unknown positions carry, known ones are filled with 1s
  // so the carry passes them, and every position below d's highest known-position 1 is filled too (such a
  // 1 cannot be matched by a submask, so the least submask above d exceeds it there).
  const d = z - t.value;
  const below = (1n << BigInt(fls64(d & ~t.mask & U64_MAX))) - 1n;
  const filled = (d | below | ~t.mask) & U64_MAX;
  return t.value | (u64(filled + 1n) & t.mask);
}

export const tnumIsConst = (a: Tnum): boolean => a.mask === 0n;
export const tnumIsUnknown = (a: Tnum): boolean => a.mask === U64_MAX;
export const tnumEquals = (a: Tnum, b: Tnum): boolean => a.value === b.value && a.mask === b.mask;

export const tnumSubreg = (a: Tnum): Tnum => tnumCast(a, 4);
export const tnumClearSubreg = (a: Tnum): Tnum => tnumLshift(tnumRshift(a, 32), 32);
/** tnum_with_subreg */
export const tnumWithSubreg = (reg: Tnum, subreg: Tnum): Tnum =>
  tnumOr(tnumClearSubreg(reg), tnumSubreg(subreg));
/** tnum_const_subreg */
export const tnumConstSubreg = (a: Tnum, value: bigint): Tnum => tnumWithSubreg(a, tnumConst(value));

/** A value a tnum admits (for tests): picks each unknown bit from `bits`. */
export function tnumPick(a: Tnum, bits: bigint): bigint {
  return a.value | (bits & a.mask);
}

/** tnum_strn: `(0x..; 0x..)` */
export const tnumStr = (a: Tnum): string => `(0x${a.value.toString(16)}; 0x${a.mask.toString(16)})`;
