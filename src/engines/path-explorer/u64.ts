/** 64- and 32-bit integer helpers on bigint, with the kernel's wrap-around (u64/s64/u32/s32) semantics. */

export const U64_MAX = 0xffff_ffff_ffff_ffffn;
export const S64_MAX = 0x7fff_ffff_ffff_ffffn;
export const S64_MIN = -0x8000_0000_0000_0000n;
export const U32_MAX = 0xffff_ffffn;
export const S32_MAX = 0x7fff_ffffn;
export const S32_MIN = -0x8000_0000n;

/** (u64)x */
export const u64 = (x: bigint): bigint => BigInt.asUintN(64, x);
/** (s64)x */
export const s64 = (x: bigint): bigint => BigInt.asIntN(64, x);
/** (u32)x */
export const u32 = (x: bigint): bigint => BigInt.asUintN(32, x);
/** (s32)x */
export const s32 = (x: bigint): bigint => BigInt.asIntN(32, x);

export const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);
export const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** fls64: position of the most significant set bit, 1-based; 0 for 0. */
export function fls64(x: bigint): number {
  const v = u64(x);
  // the halves as numbers: one shift instead of a bigint per bit
  if (v <= 0xffff_ffffn) return 32 - Math.clz32(Number(v));
  return 64 - Math.clz32(Number(v >> 32n));
}

/** check_add_overflow for u64: the wrapped sum and whether it wrapped. */
export function addU64(a: bigint, b: bigint): [bigint, boolean] {
  const r = a + b;
  return r > U64_MAX ? [r - (U64_MAX + 1n), true] : [r, false];
}
/** check_sub_overflow for u64. */
export function subU64(a: bigint, b: bigint): [bigint, boolean] {
  const r = a - b;
  return r < 0n ? [r + (U64_MAX + 1n), true] : [r, false];
}
/** check_add_overflow for s64. */
export function addS64(a: bigint, b: bigint): [bigint, boolean] {
  const r = a + b;
  return [s64(r), r > S64_MAX || r < S64_MIN];
}
/** check_sub_overflow for s64. */
export function subS64(a: bigint, b: bigint): [bigint, boolean] {
  const r = a - b;
  return [s64(r), r > S64_MAX || r < S64_MIN];
}
export function addU32(a: bigint, b: bigint): [bigint, boolean] {
  const r = a + b;
  return r > U32_MAX ? [r - (U32_MAX + 1n), true] : [r, false];
}
export function subU32(a: bigint, b: bigint): [bigint, boolean] {
  const r = a - b;
  return r < 0n ? [r + (U32_MAX + 1n), true] : [r, false];
}
export function addS32(a: bigint, b: bigint): [bigint, boolean] {
  const r = a + b;
  return [s32(r), r > S32_MAX || r < S32_MIN];
}
export function subS32(a: bigint, b: bigint): [bigint, boolean] {
  const r = a - b;
  return [s32(r), r > S32_MAX || r < S32_MIN];
}
