/**
 * Tristate numbers (kernel/bpf/tnum.c): a 64-bit value whose bits are known (`mask` bit 0, the bit is in
 * `value`) or unknown (`mask` bit 1). Unsigned 64-bit bigints throughout.
 */

export const U64 = (1n << 64n) - 1n;
export const U32 = (1n << 32n) - 1n;

export interface Tnum {
  readonly value: bigint;
  readonly mask: bigint;
}

export const u64 = (x: bigint): bigint => BigInt.asUintN(64, x);
export const s64 = (x: bigint): bigint => BigInt.asIntN(64, x);

export const tnumConst = (v: bigint): Tnum => ({ value: u64(v), mask: 0n });
export const TNUM_UNKNOWN: Tnum = { value: 0n, mask: U64 };

/** tnum_range: the tnum of every value in [min, max]. */
export function tnumRange(min: bigint, max: bigint): Tnum {
  const chi = min ^ max;
  if (chi === 0n) return tnumConst(min);
  const bits = BigInt(chi.toString(2).length);
  if (bits > 63n) return TNUM_UNKNOWN;
  const delta = (1n << bits) - 1n;
  return { value: min & ~delta & U64, mask: delta };
}

export const tnumIsConst = (t: Tnum): boolean => t.mask === 0n;

export function tnumAdd(a: Tnum, b: Tnum): Tnum {
  const sm = u64(a.mask + b.mask);
  const sv = u64(a.value + b.value);
  const sigma = u64(sm + sv);
  const chi = sigma ^ sv;
  const mu = chi | a.mask | b.mask;
  return { value: sv & ~mu & U64, mask: mu };
}

export function tnumSub(a: Tnum, b: Tnum): Tnum {
  const dv = u64(a.value - b.value);
  const alpha = u64(dv + a.mask);
  const beta = u64(dv - b.mask);
  const chi = alpha ^ beta;
  const mu = chi | a.mask | b.mask;
  return { value: dv & ~mu & U64, mask: mu };
}

export const tnumNeg = (a: Tnum): Tnum => tnumSub(tnumConst(0n), a);

export function tnumAnd(a: Tnum, b: Tnum): Tnum {
  const alpha = a.value | a.mask;
  const beta = b.value | b.mask;
  const v = a.value & b.value;
  return { value: v, mask: alpha & beta & ~v & U64 };
}

export function tnumOr(a: Tnum, b: Tnum): Tnum {
  const v = a.value | b.value;
  const mu = a.mask | b.mask;
  return { value: v, mask: mu & ~v & U64 };
}

export function tnumXor(a: Tnum, b: Tnum): Tnum {
  const v = a.value ^ b.value;
  const mu = a.mask | b.mask;
  return { value: v & ~mu & U64, mask: mu };
}

export const tnumLshift = (a: Tnum, s: number): Tnum => ({
  value: u64(a.value << BigInt(s)),
  mask: u64(a.mask << BigInt(s)),
});
export const tnumRshift = (a: Tnum, s: number): Tnum => ({
  value: a.value >> BigInt(s),
  mask: a.mask >> BigInt(s),
});

/** tnum_arshift: sign bits shifted in from bit `width - 1`. */
export function tnumArshift(a: Tnum, s: number, width: 32 | 64): Tnum {
  const w = BigInt(width);
  const sh = BigInt(s);
  const value = BigInt.asUintN(width, BigInt.asIntN(width, a.value) >> sh);
  const mask = BigInt.asUintN(width, BigInt.asIntN(width, a.mask) >> sh);
  return w === 64n ? { value, mask } : { value, mask };
}

export function tnumIntersect(a: Tnum, b: Tnum): Tnum {
  const v = a.value | b.value;
  const mu = a.mask & b.mask;
  return { value: v & ~mu & U64, mask: mu };
}

/** tnum_in: every value of `b` is a value of `a`. */
export function tnumIn(a: Tnum, b: Tnum): boolean {
  if ((b.mask & ~a.mask & U64) !== 0n) return false;
  return (b.value & ~a.mask & U64) === a.value;
}

/** tnum_cast: the low `size` bytes. */
export function tnumCast(a: Tnum, size: number): Tnum {
  const m = size >= 8 ? U64 : (1n << BigInt(size * 8)) - 1n;
  return { value: a.value & m, mask: a.mask & m };
}

export const tnumSubreg = (a: Tnum): Tnum => tnumCast(a, 4);
export const tnumClearSubreg = (a: Tnum): Tnum => ({
  value: a.value & ~U32 & U64,
  mask: a.mask & ~U32 & U64,
});
export const tnumEq = (a: Tnum, b: Tnum): boolean => a.value === b.value && a.mask === b.mask;

/** The kernel's `(0x..; 0x..)` print of a var_off. */
export const tnumText = (a: Tnum): string => `(0x${a.value.toString(16)}; 0x${a.mask.toString(16)})`;

const low = (bits: bigint): bigint => (1n << bits) - 1n;

/** The smallest member of `t` at or above `c`, or null when there is none. */
export function tnumNextAtLeast(t: Tnum, c: bigint): bigint | null {
  if (c > U64) return null;
  const d = (c & ~t.mask & U64) ^ t.value;
  if (d === 0n) return c;
  const h = BigInt(d.toString(2).length - 1);
  if (((t.value >> h) & 1n) === 1n) return (c & ~low(h + 1n) & U64) | (t.value & low(h + 1n));
  for (let p = h + 1n; p < 64n; p++) {
    if (((t.mask >> p) & 1n) === 1n && ((c >> p) & 1n) === 0n)
      return ((c >> (p + 1n)) << (p + 1n)) | (1n << p) | (t.value & low(p));
  }
  return null;
}

/**
 * tnum_step: the smallest member of `t` above `z`; at or past the largest member it answers that member
 * (tmax), below the smallest it answers the smallest, as the kernel's does.
 */
export function tnumStep(t: Tnum, z: bigint): bigint {
  const tmax = t.value | t.mask;
  if (z >= tmax) return tmax;
  if (z < t.value) return t.value;
  return tnumNextAtLeast(t, z + 1n) ?? tmax;
}
