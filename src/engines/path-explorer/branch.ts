/**
 * Conditional jumps on scalars: feasibility (is_scalar_branch_taken) and the refinement of both operands on
 * each branch (regs_refine_cond_op + reg_bounds_sync), 64-bit compares only.
 */
import type { JmpOp } from '../../bpf/insn.js';
import { copyBounds, regBoundsSync, mark64Unbounded, mark32Unbounded, type Bounds } from './bounds.js';
import { tnumAnd, tnumConst, tnumIsConst, tnumOr, tnumIntersect, tnumOverlap, tnumSubreg } from './tnum.js';
import { max, min, s32, s64, u64 } from './u64.js';

/** A refined comparison: JSET's negation has no opcode, the kernel spells it `JSET | X`. */
export type CondOp = JmpOp | 'jnset';

/** flip_opcode: `a op b` as `b op' a`. */
export function flipOp(op: CondOp): CondOp {
  switch (op) {
    case 'jeq':
    case 'jne':
    case 'jset':
    case 'jnset':
      return op;
    case 'jge':
      return 'jle';
    case 'jgt':
      return 'jlt';
    case 'jle':
      return 'jge';
    case 'jlt':
      return 'jgt';
    case 'jsge':
      return 'jsle';
    case 'jsgt':
      return 'jslt';
    case 'jsle':
      return 'jsge';
    case 'jslt':
      return 'jsgt';
    default: {
      const never: never = op;
      throw new Error(`bad op ${String(never)}`);
    }
  }
}

/** rev_opcode: the condition of the fall-through branch. */
export function revOp(op: CondOp): CondOp {
  switch (op) {
    case 'jeq':
      return 'jne';
    case 'jne':
      return 'jeq';
    case 'jset':
      return 'jnset';
    case 'jnset':
      return 'jset';
    case 'jge':
      return 'jlt';
    case 'jgt':
      return 'jle';
    case 'jle':
      return 'jgt';
    case 'jlt':
      return 'jge';
    case 'jsge':
      return 'jslt';
    case 'jsgt':
      return 'jsle';
    case 'jsle':
      return 'jsgt';
    case 'jslt':
      return 'jsge';
    default: {
      const never: never = op;
      throw new Error(`bad op ${String(never)}`);
    }
  }
}

/** is_scalar_branch_taken (64-bit): 1 taken, 0 not taken, -1 unknown. */
export function scalarBranchTaken(r1: Readonly<Bounds>, r2: Readonly<Bounds>, op: JmpOp): -1 | 0 | 1 {
  let t1 = r1.var;
  let t2 = r2.var;
  const { umin: umin1, umax: umax1, smin: smin1, smax: smax1 } = r1;
  const { umin: umin2, umax: umax2, smin: smin2, smax: smax2 } = r2;
  switch (op) {
    case 'jeq':
      if (tnumIsConst(t1) && tnumIsConst(t2)) return t1.value === t2.value ? 1 : 0;
      // a bit known in both operands differs: they are never equal (6.18's tnum_overlap test)
      if (!tnumOverlap(t1, t2)) return 0;
      if (umin1 > umax2 || umax1 < umin2) return 0;
      if (smin1 > smax2 || smax1 < smin2) return 0;
      if (r1.u32min > r2.u32max || r1.u32max < r2.u32min) return 0;
      if (r1.s32min > r2.s32max || r1.s32max < r2.s32min) return 0;
      break;
    case 'jne':
      if (tnumIsConst(t1) && tnumIsConst(t2)) return t1.value !== t2.value ? 1 : 0;
      if (!tnumOverlap(t1, t2)) return 1;
      if (umin1 > umax2 || umax1 < umin2) return 1;
      if (smin1 > smax2 || smax1 < smin2) return 1;
      if (r1.u32min > r2.u32max || r1.u32max < r2.u32min) return 1;
      if (r1.s32min > r2.s32max || r1.s32max < r2.s32min) return 1;
      break;
    case 'jset':
      if (!tnumIsConst(t2)) [t1, t2] = [t2, t1];
      if (!tnumIsConst(t2)) return -1;
      if (~t1.mask & t1.value & t2.value) return 1;
      if (!((t1.mask | t1.value) & t2.value)) return 0;
      break;
    case 'jgt':
      if (umin1 > umax2) return 1;
      if (umax1 <= umin2) return 0;
      break;
    case 'jsgt':
      if (smin1 > smax2) return 1;
      if (smax1 <= smin2) return 0;
      break;
    case 'jlt':
      if (umax1 < umin2) return 1;
      if (umin1 >= umax2) return 0;
      break;
    case 'jslt':
      if (smax1 < smin2) return 1;
      if (smin1 >= smax2) return 0;
      break;
    case 'jge':
      if (umin1 >= umax2) return 1;
      if (umax1 < umin2) return 0;
      break;
    case 'jsge':
      if (smin1 >= smax2) return 1;
      if (smax1 < smin2) return 0;
      break;
    case 'jle':
      if (umax1 <= umin2) return 1;
      if (umin1 > umax2) return 0;
      break;
    case 'jsle':
      if (smax1 <= smin2) return 1;
      if (smin1 > smax2) return 0;
      break;
    default: {
      const never: never = op;
      throw new Error(`bad op ${String(never)}`);
    }
  }
  return -1;
}

const isPow2 = (v: bigint): boolean => v !== 0n && (v & (v - 1n)) === 0n;

/** regs_refine_cond_op (64-bit), in place on r1 and r2. */
function refineCondOp(a: Bounds, b: Bounds, opIn: CondOp): void {
  let op = opIn;
  let r1 = a;
  let r2 = b;
  switch (op) {
    case 'jge':
    case 'jgt':
    case 'jsge':
    case 'jsgt':
      op = flipOp(op);
      [r1, r2] = [r2, r1];
      break;
    default:
      break;
  }
  switch (op) {
    case 'jeq':
      r1.umin = max(r1.umin, r2.umin);
      r1.umax = min(r1.umax, r2.umax);
      r1.smin = max(r1.smin, r2.smin);
      r1.smax = min(r1.smax, r2.smax);
      r2.umin = r1.umin;
      r2.umax = r1.umax;
      r2.smin = r1.smin;
      r2.smax = r1.smax;
      r1.var = tnumIntersect(r1.var, r2.var);
      r2.var = r1.var;
      break;
    case 'jne': {
      if (!tnumIsConst(r2.var)) [r1, r2] = [r2, r1];
      if (!tnumIsConst(r2.var)) break;
      const val = r2.var.value;
      if (r1.umin === val) r1.umin = u64(r1.umin + 1n);
      if (r1.umax === val) r1.umax = u64(r1.umax - 1n);
      if (r1.smin === s64(val)) r1.smin = s64(r1.smin + 1n);
      if (r1.smax === s64(val)) r1.smax = s64(r1.smax - 1n);
      break;
    }
    case 'jset': {
      if (!tnumIsConst(r2.var)) [r1, r2] = [r2, r1];
      if (!tnumIsConst(r2.var)) break;
      const val = r2.var.value;
      if (!isPow2(val)) break;
      r1.var = tnumOr(r1.var, tnumConst(val));
      break;
    }
    case 'jnset': {
      if (!tnumIsConst(r2.var)) [r1, r2] = [r2, r1];
      if (!tnumIsConst(r2.var)) break;
      const val = r2.var.value;
      mark64Unbounded(r1);
      mark32Unbounded(r1);
      r1.var = tnumAnd(r1.var, tnumConst(~val));
      break;
    }
    case 'jle':
      r1.umax = min(r1.umax, r2.umax);
      r2.umin = max(r1.umin, r2.umin);
      break;
    case 'jlt':
      r1.umax = min(r1.umax, u64(r2.umax - 1n));
      r2.umin = max(u64(r1.umin + 1n), r2.umin);
      break;
    case 'jsle':
      r1.smax = min(r1.smax, r2.smax);
      r2.smin = max(r1.smin, r2.smin);
      break;
    case 'jslt':
      r1.smax = min(r1.smax, s64(r2.smax - 1n));
      r2.smin = max(s64(r1.smin + 1n), r2.smin);
      break;
    default:
      break;
  }
}

/** Whether bounds are self-consistent (reg_bounds_sanity_check). */
export function boundsSane(b: Readonly<Bounds>): boolean {
  if (b.umin > b.umax || b.smin > b.smax || b.u32min > b.u32max || b.s32min > b.s32max) return false;
  if (tnumIsConst(b.var)) {
    const v = b.var.value;
    if (b.umin !== v || b.umax !== v || b.smin !== s64(v) || b.smax !== s64(v)) return false;
  }
  if (tnumIsConst(tnumSubreg(b.var))) {
    const v = tnumSubreg(b.var).value;
    if (b.u32min !== v || b.u32max !== v || b.s32min !== s32(v) || b.s32max !== s32(v)) return false;
  }
  return true;
}

/**
 * reg_set_min_max for two scalars: the operands refined on the taken branch (`cond` holds) and on the
 * fall-through (it does not). Inputs are not modified.
 */
export function refineBranch(
  dst: Readonly<Bounds>,
  src: Readonly<Bounds>,
  op: JmpOp,
  alias = false,
): { taken: [Bounds, Bounds]; fall: [Bounds, Bounds] } {
  // `if rX op rX`: both operands are the same register, refined in place one after the other
  const f1 = copyBounds(dst);
  const f2 = alias ? f1 : copyBounds(src);
  refineCondOp(f1, f2, revOp(op));
  regBoundsSync(f1);
  regBoundsSync(f2);
  const t1 = copyBounds(dst);
  const t2 = alias ? t1 : copyBounds(src);
  refineCondOp(t1, t2, op);
  regBoundsSync(t1);
  regBoundsSync(t2);
  return { taken: [t1, t2], fall: [f1, f2] };
}
