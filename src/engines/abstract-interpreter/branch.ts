/**
 * 64-bit conditional jumps on scalars: is_scalar_branch_taken (feasibility) and regs_refine_cond_op
 * (both registers refined on each side), followed by reg_bounds_sync.
 */
import type { JmpOp } from '../../bpf/insn.js';
import { SCALAR_UNKNOWN, isEmpty, sync, type Scalar } from './scalar.js';
import { U64, tnumAnd, tnumConst, tnumIntersect, tnumIsConst, tnumOr } from './tnum.js';

type Mut = { -readonly [K in keyof Scalar]: Scalar[K] };

/** The op that holds on the other branch (rev_opcode); `jset` reverses to its own negation. */
export type CondOp = JmpOp | 'jnset';

export function negate(op: CondOp): CondOp {
  switch (op) {
    case 'jeq':
      return 'jne';
    case 'jne':
      return 'jeq';
    case 'jgt':
      return 'jle';
    case 'jge':
      return 'jlt';
    case 'jlt':
      return 'jge';
    case 'jle':
      return 'jgt';
    case 'jsgt':
      return 'jsle';
    case 'jsge':
      return 'jslt';
    case 'jslt':
      return 'jsge';
    case 'jsle':
      return 'jsgt';
    case 'jset':
      return 'jnset';
    case 'jnset':
      return 'jset';
    default: {
      const never: never = op;
      throw new Error(`unknown op ${String(never)}`);
    }
  }
}

/** a op b  <=>  b flip(op) a (flip_opcode) */
function flip(op: CondOp): CondOp {
  switch (op) {
    case 'jgt':
      return 'jlt';
    case 'jge':
      return 'jle';
    case 'jlt':
      return 'jgt';
    case 'jle':
      return 'jge';
    case 'jsgt':
      return 'jslt';
    case 'jsge':
      return 'jsle';
    case 'jslt':
      return 'jsgt';
    case 'jsle':
      return 'jsge';
    case 'jeq':
    case 'jne':
    case 'jset':
    case 'jnset':
      return op;
    default: {
      const never: never = op;
      throw new Error(`unknown op ${String(never)}`);
    }
  }
}

/** is_scalar_branch_taken: 1 always, 0 never, -1 unknown. */
export function branchTaken(a: Scalar, b: Scalar, op: CondOp): 1 | 0 | -1 {
  switch (op) {
    case 'jeq':
    case 'jne': {
      const r = eqTaken(a, b);
      if (r === -1) return -1;
      return op === 'jeq' ? r : r === 1 ? 0 : 1;
    }
    case 'jset':
    case 'jnset': {
      let x = a;
      let y = b;
      if (!tnumIsConst(y.t)) [x, y] = [y, x];
      if (!tnumIsConst(y.t)) return -1;
      const v = y.t.value;
      let r: 1 | 0 | -1 = -1;
      if ((x.t.value & ~x.t.mask & v) !== 0n) r = 1;
      else if (((x.t.mask | x.t.value) & v) === 0n) r = 0;
      if (r === -1 || op === 'jset') return r;
      return r === 1 ? 0 : 1;
    }
    case 'jgt':
      return a.umin > b.umax ? 1 : a.umax <= b.umin ? 0 : -1;
    case 'jge':
      return a.umin >= b.umax ? 1 : a.umax < b.umin ? 0 : -1;
    case 'jlt':
      return a.umax < b.umin ? 1 : a.umin >= b.umax ? 0 : -1;
    case 'jle':
      return a.umax <= b.umin ? 1 : a.umin > b.umax ? 0 : -1;
    case 'jsgt':
      return a.smin > b.smax ? 1 : a.smax <= b.smin ? 0 : -1;
    case 'jsge':
      return a.smin >= b.smax ? 1 : a.smax < b.smin ? 0 : -1;
    case 'jslt':
      return a.smax < b.smin ? 1 : a.smin >= b.smax ? 0 : -1;
    case 'jsle':
      return a.smax <= b.smin ? 1 : a.smin > b.smax ? 0 : -1;
    default: {
      const never: never = op;
      throw new Error(`unknown op ${String(never)}`);
    }
  }
}

function eqTaken(a: Scalar, b: Scalar): 1 | 0 | -1 {
  if (tnumIsConst(a.t) && tnumIsConst(b.t)) return a.t.value === b.t.value ? 1 : 0;
  if (a.umin > b.umax || a.umax < b.umin) return 0;
  if (a.smin > b.smax || a.smax < b.smin) return 0;
  if (a.u32min > b.u32max || a.u32max < b.u32min) return 0;
  if (a.s32min > b.s32max || a.s32max < b.s32min) return 0;
  // tnum_overlap: a bit known in both with different values.
  const mu = a.t.mask | b.t.mask;
  if ((a.t.value & ~mu & U64) !== (b.t.value & ~mu & U64)) return 0;
  return -1;
}

const max = (x: bigint, y: bigint): bigint => (x > y ? x : y);
const min = (x: bigint, y: bigint): bigint => (x < y ? x : y);

/** regs_refine_cond_op: both operands on the side where `a op b` holds. */
export function refine(a: Scalar, b: Scalar, op: CondOp): [Scalar, Scalar] {
  const x: Mut = { ...a };
  const y: Mut = { ...b };
  switch (op) {
    case 'jeq': {
      x.umin = y.umin = max(x.umin, y.umin);
      x.umax = y.umax = min(x.umax, y.umax);
      x.smin = y.smin = max(x.smin, y.smin);
      x.smax = y.smax = min(x.smax, y.smax);
      x.t = y.t = tnumIntersect(x.t, y.t);
      break;
    }
    case 'jne': {
      let p = x;
      let q = y;
      if (!tnumIsConst(q.t)) [p, q] = [q, p];
      if (!tnumIsConst(q.t)) break;
      const v = q.t.value;
      const sv = BigInt.asIntN(64, v);
      if (p.umin === v) p.umin++;
      if (p.umax === v) p.umax--;
      if (p.smin === sv) p.smin++;
      if (p.smax === sv) p.smax--;
      break;
    }
    case 'jset':
    case 'jnset': {
      let p = x;
      let q = y;
      if (!tnumIsConst(q.t)) [p, q] = [q, p];
      if (!tnumIsConst(q.t)) break;
      const v = q.t.value;
      if (op === 'jset') {
        if (v !== 0n && (v & (v - 1n)) === 0n) p.t = tnumOr(p.t, tnumConst(v));
      } else {
        // regs_refine_cond_op (Linux 6.18): the negated JSET first forgets p's bounds (__mark_reg_unbounded,
        // so a dead branch cannot break the invariants), then narrows the tnum; reg_bounds_sync rebuilds the
        // bounds from the tnum alone. So `r >= 181` is lost on `r & 0x6 == 0`, as the live kernel shows.
        const { umin, umax, smin, smax, u32min, u32max, s32min, s32max } = SCALAR_UNKNOWN;
        Object.assign(p, { umin, umax, smin, smax, u32min, u32max, s32min, s32max });
        p.t = tnumAnd(p.t, tnumConst(~v & U64));
      }
      break;
    }
    case 'jle':
      x.umax = min(x.umax, y.umax);
      y.umin = max(y.umin, x.umin);
      break;
    case 'jlt':
      x.umax = min(x.umax, y.umax - 1n);
      y.umin = max(y.umin, x.umin + 1n);
      break;
    case 'jsle':
      x.smax = min(x.smax, y.smax);
      y.smin = max(y.smin, x.smin);
      break;
    case 'jslt':
      x.smax = min(x.smax, y.smax - 1n);
      y.smin = max(y.smin, x.smin + 1n);
      break;
    case 'jge':
    case 'jgt':
    case 'jsge':
    case 'jsgt': {
      const [rb, ra] = refine(b, a, flip(op));
      return [ra, rb];
    }
    default: {
      const never: never = op;
      throw new Error(`unknown op ${String(never)}`);
    }
  }
  return [sync(x), sync(y)];
}

export { isEmpty };
