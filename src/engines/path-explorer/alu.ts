/**
 * Scalar ALU on bounds (adjust_scalar_min_max_vals and the scalar*_min_max_* helpers), 64-bit operations
 * only: the fragment has no ALU32. Each function updates `dst` in place from `src`.
 */
import {
  copyBounds,
  mark32Unbounded,
  markKnown,
  markKnown32,
  regBoundsSync,
  unknownBounds,
  updateRegBounds,
  type Bounds,
} from './bounds.js';
import {
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
import {
  addS32,
  addS64,
  addU32,
  addU64,
  min,
  max,
  S32_MAX,
  S32_MIN,
  s32,
  S64_MAX,
  S64_MIN,
  s64,
  subS32,
  subS64,
  subU32,
  subU64,
  U32_MAX,
  u32,
  U64_MAX,
  u64,
} from './u64.js';

export type ScalarAluOp = 'add' | 'sub' | 'and' | 'or' | 'xor' | 'lsh' | 'rsh' | 'arsh' | 'neg';

/** scalar32_min_max_add */
function add32(d: Bounds, s: Bounds): void {
  const [a, o1] = addS32(d.s32min, s.s32min);
  const [b, o2] = o1 ? [0n, true] : addS32(d.s32max, s.s32max);
  if (o1 || o2) {
    d.s32min = S32_MIN;
    d.s32max = S32_MAX;
  } else {
    d.s32min = a;
    d.s32max = b;
  }
  const [umin, minOv] = addU32(d.u32min, s.u32min);
  const [umax, maxOv] = addU32(d.u32max, s.u32max);
  d.u32min = umin;
  d.u32max = umax;
  if (!minOv && maxOv) {
    d.u32min = 0n;
    d.u32max = U32_MAX;
  }
}

/** scalar_min_max_add */
function add64(d: Bounds, s: Bounds): void {
  const [a, o1] = addS64(d.smin, s.smin);
  const [b, o2] = o1 ? [0n, true] : addS64(d.smax, s.smax);
  if (o1 || o2) {
    d.smin = S64_MIN;
    d.smax = S64_MAX;
  } else {
    d.smin = a;
    d.smax = b;
  }
  const [umin, minOv] = addU64(d.umin, s.umin);
  const [umax, maxOv] = addU64(d.umax, s.umax);
  d.umin = umin;
  d.umax = umax;
  if (!minOv && maxOv) {
    d.umin = 0n;
    d.umax = U64_MAX;
  }
}

/** scalar32_min_max_sub */
function sub32(d: Bounds, s: Bounds): void {
  const [a, o1] = subS32(d.s32min, s.s32max);
  const [b, o2] = o1 ? [0n, true] : subS32(d.s32max, s.s32min);
  if (o1 || o2) {
    d.s32min = S32_MIN;
    d.s32max = S32_MAX;
  } else {
    d.s32min = a;
    d.s32max = b;
  }
  const [umin, minUn] = subU32(d.u32min, s.u32max);
  const [umax, maxUn] = subU32(d.u32max, s.u32min);
  d.u32min = umin;
  d.u32max = umax;
  if (minUn && !maxUn) {
    d.u32min = 0n;
    d.u32max = U32_MAX;
  }
}

/** scalar_min_max_sub */
function sub64(d: Bounds, s: Bounds): void {
  const [a, o1] = subS64(d.smin, s.smax);
  const [b, o2] = o1 ? [0n, true] : subS64(d.smax, s.smin);
  if (o1 || o2) {
    d.smin = S64_MIN;
    d.smax = S64_MAX;
  } else {
    d.smin = a;
    d.smax = b;
  }
  const [umin, minUn] = subU64(d.umin, s.umax);
  const [umax, maxUn] = subU64(d.umax, s.umin);
  d.umin = umin;
  d.umax = umax;
  if (minUn && !maxUn) {
    d.umin = 0n;
    d.umax = U64_MAX;
  }
}

/** s32 bounds from u32 ones when they do not cross the sign boundary, else unbounded. */
function s32FromU32(d: Bounds): void {
  if (s32(d.u32min) <= s32(d.u32max)) {
    d.s32min = s32(d.u32min);
    d.s32max = s32(d.u32max);
  } else {
    d.s32min = S32_MIN;
    d.s32max = S32_MAX;
  }
}
function s64FromU64(d: Bounds): void {
  if (s64(d.umin) <= s64(d.umax)) {
    d.smin = s64(d.umin);
    d.smax = s64(d.umax);
  } else {
    d.smin = S64_MIN;
    d.smax = S64_MAX;
  }
}

/** scalar32_min_max_and / _or / _xor (var_off already updated) */
function bitwise32(
  d: Bounds,
  s: Bounds,
  op: 'and' | 'or' | 'xor',
  srcKnown: boolean,
  dstKnown: boolean,
): void {
  const v = tnumSubreg(d.var);
  if (srcKnown && dstKnown) {
    markKnown32(d, v.value);
    return;
  }
  switch (op) {
    case 'and':
      d.u32min = v.value;
      d.u32max = min(d.u32max, s.u32max);
      break;
    case 'or':
      d.u32min = max(d.u32min, s.u32min);
      d.u32max = v.value | v.mask;
      break;
    case 'xor':
      d.u32min = v.value;
      d.u32max = v.value | v.mask;
      break;
    default: {
      const never: never = op;
      throw new Error(`bad op ${String(never)}`);
    }
  }
  s32FromU32(d);
}

/** scalar_min_max_and / _or / _xor (var_off already updated) */
function bitwise64(
  d: Bounds,
  s: Bounds,
  op: 'and' | 'or' | 'xor',
  srcKnown: boolean,
  dstKnown: boolean,
): void {
  if (srcKnown && dstKnown) {
    markKnown(d, d.var.value);
    return;
  }
  switch (op) {
    case 'and':
      d.umin = d.var.value;
      d.umax = min(d.umax, s.umax);
      break;
    case 'or':
      d.umin = max(d.umin, s.umin);
      d.umax = d.var.value | d.var.mask;
      break;
    case 'xor':
      d.umin = d.var.value;
      d.umax = d.var.value | d.var.mask;
      break;
    default: {
      const never: never = op;
      throw new Error(`bad op ${String(never)}`);
    }
  }
  s64FromU64(d);
  updateRegBounds(d);
}

/** scalar_min_max_lsh (64-bit) with __scalar64_min_max_lsh and __scalar32_min_max_lsh */
function lsh64(d: Bounds, s: Bounds): void {
  const uminVal = s.umin;
  const umaxVal = s.umax;
  // __scalar64_min_max_lsh
  d.smax = uminVal === 32n && umaxVal === 32n && d.s32max >= 0n ? d.s32max << 32n : S64_MAX;
  d.smin = uminVal === 32n && umaxVal === 32n && d.s32min >= 0n ? d.s32min << 32n : S64_MIN;
  if (d.umax > 1n << (63n - umaxVal)) {
    d.umin = 0n;
    d.umax = U64_MAX;
  } else {
    d.umin = u64(d.umin << uminVal);
    d.umax = u64(d.umax << umaxVal);
  }
  // __scalar32_min_max_lsh
  d.s32min = S32_MIN;
  d.s32max = S32_MAX;
  if (umaxVal > 31n || d.u32max > 1n << (31n - umaxVal)) {
    d.u32min = 0n;
    d.u32max = U32_MAX;
  } else {
    d.u32min = u32(d.u32min << uminVal);
    d.u32max = u32(d.u32max << umaxVal);
  }
  d.var = tnumLshift(d.var, Number(uminVal));
  updateRegBounds(d);
}

/** scalar_min_max_rsh (64-bit) */
function rsh64(d: Bounds, s: Bounds): void {
  d.smin = S64_MIN;
  d.smax = S64_MAX;
  d.var = tnumRshift(d.var, Number(s.umin));
  d.umin = d.umin >> s.umax;
  d.umax = d.umax >> s.umin;
  mark32Unbounded(d);
  updateRegBounds(d);
}

/** scalar_min_max_arsh (64-bit) */
function arsh64(d: Bounds, s: Bounds): void {
  const sh = s.umin;
  d.smin = d.smin >> sh;
  d.smax = d.smax >> sh;
  d.var = tnumArshift(d.var, Number(sh), 64);
  d.umin = 0n;
  d.umax = U64_MAX;
  mark32Unbounded(d);
  updateRegBounds(d);
}

/** scalar32_min_max_add + scalar_min_max_add + tnum_add, without reg_bounds_sync (sync_linked_regs). */
export function addWithoutSync(dst: Readonly<Bounds>, src: Readonly<Bounds>): Bounds {
  const d = copyBounds(dst);
  add32(d, src);
  add64(d, src);
  d.var = tnumAdd(d.var, src.var);
  return d;
}

/** is_safe_to_compute_dst_reg_range for ALU64 */
function safeToCompute(op: ScalarAluOp, s: Bounds): boolean {
  switch (op) {
    case 'add':
    case 'sub':
    case 'neg':
    case 'and':
    case 'or':
    case 'xor':
      return true;
    case 'lsh':
    case 'rsh':
    case 'arsh':
      return tnumIsConst(s.var) && s.smin === s.smax && s.umin === s.umax && s.umax < 64n;
    default: {
      const never: never = op;
      throw new Error(`bad op ${String(never)}`);
    }
  }
}

/** adjust_scalar_min_max_vals for ALU64: the new bounds of `dst op src`. */
export function scalarAlu(op: ScalarAluOp, dst: Readonly<Bounds>, src: Readonly<Bounds>): Bounds {
  if (!safeToCompute(op, src)) return unknownBounds();
  const d = copyBounds(dst);
  const s = src as Bounds;
  switch (op) {
    case 'add':
      add32(d, s);
      add64(d, s);
      d.var = tnumAdd(d.var, s.var);
      break;
    case 'sub':
      sub32(d, s);
      sub64(d, s);
      d.var = tnumSub(d.var, s.var);
      break;
    case 'neg': {
      const fake = copyBounds(d);
      markKnown(d, 0n);
      sub32(d, fake);
      sub64(d, fake);
      d.var = tnumNeg(fake.var);
      break;
    }
    case 'and':
    case 'or':
    case 'xor': {
      // The kernel updates var_off first, then asks whether the (new) dst is constant.
      d.var =
        op === 'and' ? tnumAnd(d.var, s.var) : op === 'or' ? tnumOr(d.var, s.var) : tnumXor(d.var, s.var);
      const srcKnown32 = tnumIsConst(tnumSubreg(s.var));
      const dstKnown32 = tnumIsConst(tnumSubreg(d.var));
      const srcKnown = tnumIsConst(s.var);
      const dstKnown = tnumIsConst(d.var);
      bitwise32(d, s, op, srcKnown32, dstKnown32);
      bitwise64(d, s, op, srcKnown, dstKnown);
      break;
    }
    case 'lsh':
      lsh64(d, s);
      break;
    case 'rsh':
      rsh64(d, s);
      break;
    case 'arsh':
      arsh64(d, s);
      break;
    default: {
      const never: never = op;
      throw new Error(`bad op ${String(never)}`);
    }
  }
  regBoundsSync(d);
  return d;
}

/** Concrete semantics of the same operations (for tests and constant folding checks). */
export function concreteAlu(op: ScalarAluOp, a: bigint, b: bigint): bigint {
  switch (op) {
    case 'add':
      return u64(a + b);
    case 'sub':
      return u64(a - b);
    case 'neg':
      return u64(-a);
    case 'and':
      return u64(a & b);
    case 'or':
      return u64(a | b);
    case 'xor':
      return u64(a ^ b);
    case 'lsh':
      return u64(a << (b & 63n));
    case 'rsh':
      return u64(a) >> (b & 63n);
    case 'arsh':
      return u64(s64(a) >> (b & 63n));
    default: {
      const never: never = op;
      throw new Error(`bad op ${String(never)}`);
    }
  }
}
