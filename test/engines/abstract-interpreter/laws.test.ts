/**
 * Soundness of the value domain against concrete 64-bit arithmetic: for concrete values inside abstract
 * scalars, the concrete result of each ALU operation lies in the abstract result, and branch refinement
 * keeps every concrete pair that takes the branch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  concreteAlu,
  scalarAlu,
  scalarNeg,
  type ScalarOp,
} from '../../../src/engines/abstract-interpreter/alu.js';
import {
  branchTaken,
  negate,
  refine,
  type CondOp,
} from '../../../src/engines/abstract-interpreter/branch.js';
import {
  coerceToSize,
  contains,
  isEmpty,
  scalarConst,
  sync,
  SCALAR_UNKNOWN,
  type Scalar,
} from '../../../src/engines/abstract-interpreter/scalar.js';
import { tnumRange } from '../../../src/engines/abstract-interpreter/tnum.js';

const u64 = (x: bigint): bigint => BigInt.asUintN(64, x);

/** Interesting 64-bit values: small, near the sign and 32-bit boundaries, and random. */
const value = fc.oneof(
  fc.bigInt({ min: 0n, max: 300n }),
  fc.bigInt({ min: -300n, max: -1n }).map(u64),
  fc.bigInt({ min: (1n << 31n) - 3n, max: (1n << 32n) + 3n }),
  fc.bigInt({ min: (1n << 63n) - 3n, max: (1n << 63n) + 3n }),
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
);

/**
 * An abstract scalar holding a given concrete value: built the way the verifier builds them (a range, a
 * mask of unknown bits, or a constant), so the law is checked on reachable abstract values.
 */
const scalarAround = (v: bigint): fc.Arbitrary<Scalar> =>
  fc.oneof(
    fc.constant(scalarConst(v)),
    fc.constant(SCALAR_UNKNOWN),
    fc.tuple(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 1000n })).map(([a, b]) => {
      const lo = v - a < 0n ? 0n : v - a;
      const hi = v + b > (1n << 64n) - 1n ? (1n << 64n) - 1n : v + b;
      return sync({ ...SCALAR_UNKNOWN, umin: lo, umax: hi, t: tnumRange(lo, hi) });
    }),
    fc
      .bigInt({ min: 0n, max: (1n << 64n) - 1n })
      .map((mask) => sync({ ...SCALAR_UNKNOWN, t: { value: v & ~mask & ((1n << 64n) - 1n), mask } })),
  );

const pair = value.chain((v) => scalarAround(v).map((s) => ({ v, s })));
const OPS: ScalarOp[] = ['add', 'sub', 'and', 'or', 'xor', 'lsh', 'rsh', 'arsh'];
const CONDS: CondOp[] = [
  'jeq',
  'jne',
  'jgt',
  'jge',
  'jlt',
  'jle',
  'jsgt',
  'jsge',
  'jslt',
  'jsle',
  'jset',
  'jnset',
];

function holds(op: CondOp, a: bigint, b: bigint): boolean {
  const sa = BigInt.asIntN(64, a);
  const sb = BigInt.asIntN(64, b);
  switch (op) {
    case 'jeq':
      return a === b;
    case 'jne':
      return a !== b;
    case 'jgt':
      return a > b;
    case 'jge':
      return a >= b;
    case 'jlt':
      return a < b;
    case 'jle':
      return a <= b;
    case 'jsgt':
      return sa > sb;
    case 'jsge':
      return sa >= sb;
    case 'jslt':
      return sa < sb;
    case 'jsle':
      return sa <= sb;
    case 'jset':
      return (a & b) !== 0n;
    case 'jnset':
      return (a & b) === 0n;
    default: {
      const never: never = op;
      throw new Error(String(never));
    }
  }
}

describe('the scalar domain is sound', () => {
  it('the generators make abstract values that hold their concrete value', () => {
    fc.assert(fc.property(pair, ({ v, s }) => contains(s, v) && !isEmpty(s)));
  });

  it('each ALU operation: the concrete result lies in the abstract result', () => {
    fc.assert(
      fc.property(pair, pair, fc.constantFrom(...OPS), (a, b, op) => {
        // Shifts take a constant amount (is_safe_to_compute_dst_reg_range); others any operand.
        const shift = op === 'lsh' || op === 'rsh' || op === 'arsh';
        const bv = shift ? b.v & 63n : b.v;
        const bs = shift ? scalarConst(bv) : b.s;
        const r = scalarAlu(op, a.s, bs);
        expect(contains(r, concreteAlu(op, a.v, bv))).toBe(true);
      }),
    );
  });

  it('a narrow load or fill: the low bytes of the value lie in coerceToSize, a constant stays one', () => {
    fc.assert(
      fc.property(pair, fc.constantFrom(1, 2, 4, 8), ({ v, s }, size) => {
        const low = size === 8 ? v : v & ((1n << BigInt(size * 8)) - 1n);
        const r = coerceToSize(s, size);
        expect(contains(r, low)).toBe(true);
        expect(isEmpty(r)).toBe(false);
        if (s.t.mask === 0n) expect(r.t).toEqual({ value: low, mask: 0n });
      }),
    );
  });

  it('neg: the concrete negation lies in the abstract result', () => {
    fc.assert(fc.property(pair, ({ v, s }) => contains(scalarNeg(s), u64(-v))));
  });

  it('branch feasibility never rules out a side some concrete pair takes', () => {
    fc.assert(
      fc.property(pair, pair, fc.constantFrom(...CONDS), (a, b, op) => {
        const taken = branchTaken(a.s, b.s, op);
        if (holds(op, a.v, b.v)) expect(taken).not.toBe(0);
        else expect(taken).not.toBe(1);
      }),
    );
  });

  it('refinement keeps every concrete pair that takes the branch', () => {
    fc.assert(
      fc.property(pair, pair, fc.constantFrom(...CONDS), (a, b, op) => {
        const side = holds(op, a.v, b.v) ? op : negate(op);
        const [x, y] = refine(a.s, b.s, side);
        expect(contains(x, a.v)).toBe(true);
        expect(contains(y, b.v)).toBe(true);
      }),
    );
  });
});

/** Bounds the live kernel (Linux 6.18) logs for these operations (corpus/kernel/*-wraps-*, arsh-sign-*). */
describe('the scalar domain is as precise as the kernel', () => {
  const range = (lo: bigint, hi: bigint): Scalar =>
    refine(refine(SCALAR_UNKNOWN, scalarConst(lo), 'jge')[0], scalarConst(hi), 'jle')[0];
  it('add and sub keep a range when every result wraps (scalar_min_max_add/sub, Linux 6.17+)', () => {
    const plus = scalarAlu('add', range(1n, 5n), scalarConst(u64(-1n)));
    expect([plus.umin, plus.umax, plus.u32min, plus.u32max]).toEqual([0n, 4n, 0n, 4n]);
    const minus = scalarAlu('sub', range(1n, 5n), scalarConst(6n));
    expect([minus.umin, minus.umax, minus.u32min, minus.u32max]).toEqual([
      u64(-5n),
      u64(-1n),
      0xfffffffbn,
      0xffffffffn,
    ]);
    const nonNeg = refine(SCALAR_UNKNOWN, scalarConst(0n), 'jsge')[0];
    const big = scalarAlu('sub', nonNeg, scalarConst(u64(-883245433n)));
    expect([big.umin, big.umax]).toEqual([0x34a54179n, 0x8000000034a54178n]);
  });
  it('some results wrapping, others not: the unsigned range is lost', () => {
    const r = scalarAlu('sub', range(1n, 0xffffffffn), scalarConst(0x7fffffffn));
    expect([r.umin, r.umax]).toEqual([0n, u64(-1n)]);
  });
  it('s64 [-1, 0] gives s32 [-1, 0] (__reg32_deduce_bounds, upper halves wrap as u32)', () => {
    const r = scalarAlu('arsh', SCALAR_UNKNOWN, scalarConst(63n));
    expect([r.smin, r.smax, r.s32min, r.s32max]).toEqual([-1n, 0n, -1n, 0n]);
  });
});
