/**
 * 64-bit ALU on scalars (adjust_scalar_min_max_vals): each operation updates the tnum and both the 32-bit
 * and 64-bit bounds the way the kernel's scalar32_min_max_* / scalar_min_max_* do, then reg_bounds_sync.
 */
import type { AluOp } from '../../bpf/insn.js';
import {
  S32_MAX,
  S32_MIN,
  S64_MAX,
  S64_MIN,
  SCALAR_UNKNOWN,
  isEmpty,
  scalarConst,
  sync,
  type Scalar,
} from './scalar.js';
import {
  U32,
  U64,
  s64,
  tnumAdd,
  tnumAnd,
  tnumArshift,
  tnumIsConst,
  tnumLshift,
  tnumNeg,
  tnumOr,
  tnumRshift,
  tnumSub,
  tnumSubreg,
  tnumXor,
} from './tnum.js';

type Mut = { -readonly [K in keyof Scalar]: Scalar[K] };

const s32 = (x: bigint): bigint => BigInt.asIntN(32, x);
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/** The binary operations of the fragment (SPEC §3). */
export type ScalarOp = 'add' | 'sub' | 'and' | 'or' | 'xor' | 'lsh' | 'rsh' | 'arsh';

export const isScalarOp = (op: AluOp): op is ScalarOp =>
  op === 'add' ||
  op === 'sub' ||
  op === 'and' ||
  op === 'or' ||
  op === 'xor' ||
  op === 'lsh' ||
  op === 'rsh' ||
  op === 'arsh';

function add(d: Mut, s: Scalar): void {
  // scalar32_min_max_add
  const s32lo = d.s32min + s.s32min;
  const s32hi = d.s32max + s.s32max;
  if (s32lo < S32_MIN || s32hi > S32_MAX || s32lo > S32_MAX || s32hi < S32_MIN) {
    d.s32min = S32_MIN;
    d.s32max = S32_MAX;
  } else {
    d.s32min = s32lo;
    d.s32max = s32hi;
  }
  // Linux 6.17+ ("Improve precision for BPF_ADD and BPF_SUB"): when every sum wraps, or none does, the
  // wrapped bounds stay a range; only some wrapping loses them.
  const u32lo = d.u32min + s.u32min;
  const u32hi = d.u32max + s.u32max;
  if (u32lo <= U32 && u32hi > U32) {
    d.u32min = 0n;
    d.u32max = U32;
  } else {
    d.u32min = u32lo & U32;
    d.u32max = u32hi & U32;
  }
  // scalar_min_max_add
  const slo = d.smin + s.smin;
  const shi = d.smax + s.smax;
  if (slo < S64_MIN || slo > S64_MAX || shi < S64_MIN || shi > S64_MAX) {
    d.smin = S64_MIN;
    d.smax = S64_MAX;
  } else {
    d.smin = slo;
    d.smax = shi;
  }
  const ulo = d.umin + s.umin;
  const uhi = d.umax + s.umax;
  if (ulo <= U64 && uhi > U64) {
    d.umin = 0n;
    d.umax = U64;
  } else {
    d.umin = ulo & U64;
    d.umax = uhi & U64;
  }
  d.t = tnumAdd(d.t, s.t);
}

function sub(d: Mut, s: Scalar): void {
  // scalar32_min_max_sub
  const s32lo = d.s32min - s.s32max;
  const s32hi = d.s32max - s.s32min;
  if (s32lo < S32_MIN || s32lo > S32_MAX || s32hi < S32_MIN || s32hi > S32_MAX) {
    d.s32min = S32_MIN;
    d.s32max = S32_MAX;
  } else {
    d.s32min = s32lo;
    d.s32max = s32hi;
  }
  // As for add (Linux 6.17+): all differences wrapping below 0, or none, keep a range.
  if (d.u32min < s.u32max && d.u32max >= s.u32min) {
    d.u32min = 0n;
    d.u32max = U32;
  } else {
    d.u32min = (d.u32min - s.u32max) & U32;
    d.u32max = (d.u32max - s.u32min) & U32;
  }
  // scalar_min_max_sub
  const slo = d.smin - s.smax;
  const shi = d.smax - s.smin;
  if (slo < S64_MIN || slo > S64_MAX || shi < S64_MIN || shi > S64_MAX) {
    d.smin = S64_MIN;
    d.smax = S64_MAX;
  } else {
    d.smin = slo;
    d.smax = shi;
  }
  if (d.umin < s.umax && d.umax >= s.umin) {
    d.umin = 0n;
    d.umax = U64;
  } else {
    d.umin = (d.umin - s.umax) & U64;
    d.umax = (d.umax - s.umin) & U64;
  }
}

/** Signed bounds from unsigned ones when they do not cross the sign bit, else unbounded. */
function signedFromUnsigned(d: Mut): void {
  if (s32(d.u32min) <= s32(d.u32max)) {
    d.s32min = s32(d.u32min);
    d.s32max = s32(d.u32max);
  } else {
    d.s32min = S32_MIN;
    d.s32max = S32_MAX;
  }
  if (s64(d.umin) <= s64(d.umax)) {
    d.smin = s64(d.umin);
    d.smax = s64(d.umax);
  } else {
    d.smin = S64_MIN;
    d.smax = S64_MAX;
  }
}

/** scalar(32)_min_max_and / _or / _xor, after the tnum was computed. */
function bitwise(
  d: Mut,
  s: Scalar,
  op: 'and' | 'or' | 'xor',
  dstKnown: boolean,
  srcKnown: boolean,
  dst32Known: boolean,
  src32Known: boolean,
): void {
  const t32 = tnumSubreg(d.t);
  if (src32Known && dst32Known) {
    d.u32min = d.u32max = t32.value;
  } else if (op === 'and') {
    d.u32min = t32.value;
    d.u32max = min(d.u32max, s.u32max);
  } else if (op === 'or') {
    d.u32min = max(d.u32min, s.u32min);
    d.u32max = t32.value | t32.mask;
  } else {
    d.u32min = t32.value;
    d.u32max = t32.value | t32.mask;
  }
  if (srcKnown && dstKnown) {
    d.umin = d.umax = d.t.value;
  } else if (op === 'and') {
    d.umin = d.t.value;
    d.umax = min(d.umax, s.umax);
  } else if (op === 'or') {
    d.umin = max(d.umin, s.umin);
    d.umax = d.t.value | d.t.mask;
  } else {
    d.umin = d.t.value;
    d.umax = d.t.value | d.t.mask;
  }
  signedFromUnsigned(d);
}

function lsh(d: Mut, lo: bigint, hi: bigint): void {
  // __scalar64_min_max_lsh uses the unshifted 32-bit bounds, so it goes first.
  d.smax = lo === 32n && hi === 32n && d.s32max >= 0n ? d.s32max << 32n : S64_MAX;
  d.smin = lo === 32n && hi === 32n && d.s32min >= 0n ? d.s32min << 32n : S64_MIN;
  if (d.umax > 1n << (63n - hi)) {
    d.umin = 0n;
    d.umax = U64;
  } else {
    d.umin <<= lo;
    d.umax <<= hi;
  }
  // __scalar32_min_max_lsh
  d.s32min = S32_MIN;
  d.s32max = S32_MAX;
  if (hi > 31n || d.u32max > 1n << (31n - hi)) {
    d.u32min = 0n;
    d.u32max = U32;
  } else {
    d.u32min <<= lo;
    d.u32max <<= hi;
  }
  d.t = tnumLshift(d.t, Number(lo));
}

function unbound32(d: Mut): void {
  d.s32min = S32_MIN;
  d.s32max = S32_MAX;
  d.u32min = 0n;
  d.u32max = U32;
}

/** Fields of the 64-bit bounds recomputed from the tnum (__update_reg_bounds). */
function fromTnum(d: Mut): Scalar {
  return sync(d);
}

/**
 * `dst op= src` on scalars (ALU64). The result carries no link id; the caller handles BPF_ADD_CONST.
 */
export function scalarAlu(op: ScalarOp, dst: Scalar, src: Scalar): Scalar {
  if (isEmpty(src)) return SCALAR_UNKNOWN;
  const srcKnown = tnumIsConst(src.t);
  if (srcKnown && (src.smin !== src.smax || src.umin !== src.umax)) return SCALAR_UNKNOWN;
  // is_safe_to_compute_dst_reg_range: shifts need a constant amount below 64.
  if ((op === 'lsh' || op === 'rsh' || op === 'arsh') && !(srcKnown && src.umax < 64n)) return SCALAR_UNKNOWN;
  const d: Mut = { ...dst, id: 0, delta: 0 };
  switch (op) {
    case 'add':
      add(d, src);
      break;
    case 'sub':
      sub(d, src);
      d.t = tnumSub(dst.t, src.t);
      break;
    case 'and':
    case 'or':
    case 'xor': {
      const dstKnown = tnumIsConst(dst.t);
      const dst32Known = tnumSubreg(dst.t).mask === 0n;
      const src32Known = tnumSubreg(src.t).mask === 0n;
      d.t = op === 'and' ? tnumAnd(dst.t, src.t) : op === 'or' ? tnumOr(dst.t, src.t) : tnumXor(dst.t, src.t);
      bitwise(d, src, op, dstKnown, srcKnown, dst32Known, src32Known);
      break;
    }
    case 'lsh':
      lsh(d, src.umin, src.umax);
      break;
    case 'rsh':
      d.smin = S64_MIN;
      d.smax = S64_MAX;
      d.t = tnumRshift(d.t, Number(src.umin));
      d.umin >>= src.umax;
      d.umax >>= src.umin;
      unbound32(d);
      break;
    case 'arsh':
      d.smin >>= src.umin;
      d.smax >>= src.umin;
      d.t = tnumArshift(d.t, Number(src.umin), 64);
      d.umin = 0n;
      d.umax = U64;
      unbound32(d);
      break;
    default: {
      const never: never = op;
      throw new Error(`unknown op ${String(never)}`);
    }
  }
  return fromTnum(d);
}

/** `dst = -dst` (BPF_NEG through adjust_scalar_min_max_vals: 0 - dst). */
export function scalarNeg(dst: Scalar): Scalar {
  const d: Mut = { ...scalarConst(0n) };
  sub(d, dst);
  d.t = tnumNeg(dst.t);
  return fromTnum(d);
}

/** Concrete 64-bit semantics of the same operations (for the laws and for constant folding checks). */
export function concreteAlu(op: ScalarOp, a: bigint, b: bigint): bigint {
  const ua = BigInt.asUintN(64, a);
  const ub = BigInt.asUintN(64, b);
  switch (op) {
    case 'add':
      return BigInt.asUintN(64, ua + ub);
    case 'sub':
      return BigInt.asUintN(64, ua - ub);
    case 'and':
      return ua & ub;
    case 'or':
      return ua | ub;
    case 'xor':
      return ua ^ ub;
    case 'lsh':
      return BigInt.asUintN(64, ua << (ub & 63n));
    case 'rsh':
      return ua >> (ub & 63n);
    case 'arsh':
      return BigInt.asUintN(64, BigInt.asIntN(64, ua) >> (ub & 63n));
    default: {
      const never: never = op;
      throw new Error(`unknown op ${String(never)}`);
    }
  }
}
