/**
 * Soundness laws of the value tracking (fast-check): every concrete value a tnum or a bounds object admits
 * stays admitted by the result of each operation, and a branch refinement keeps every value that takes
 * that branch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundsContain,
  knownBounds,
  regBoundsSync,
  unknownBounds,
  type Bounds,
} from '../../../src/engines/path-explorer/bounds.js';
import { concreteAlu, scalarAlu, type ScalarAluOp } from '../../../src/engines/path-explorer/alu.js';
import { boundsSane, refineBranch, scalarBranchTaken } from '../../../src/engines/path-explorer/branch.js';
import {
  tnumAdd,
  tnumAnd,
  tnumArshift,
  tnumConst,
  tnumIn,
  tnumLshift,
  tnumNeg,
  tnumOr,
  tnumPick,
  tnumRange,
  tnumRshift,
  tnumSub,
  tnumXor,
  type Tnum,
} from '../../../src/engines/path-explorer/tnum.js';
import type { JmpOp } from '../../../src/bpf/insn.js';

const M = (1n << 64n) - 1n;
const u64 = fc.bigInt({ min: 0n, max: M });
/** Interesting 64-bit values: small, near the sign boundary, near the top. */
const val = fc.oneof(
  u64,
  fc.bigInt({ min: 0n, max: 300n }),
  fc.bigInt({ min: M - 300n, max: M }),
  fc.bigInt({ min: (1n << 63n) - 300n, max: (1n << 63n) + 300n }),
  fc.bigInt({ min: (1n << 32n) - 300n, max: (1n << 32n) + 300n }),
);

/** A tnum together with one of its members. */
const tnumAndMember = fc.tuple(val, u64, u64).map(([v, mask, pick]): [Tnum, bigint] => {
  const t = { value: v & ~mask & M, mask };
  return [t, tnumPick(t, pick)];
});

/** A bounds object built the way the verifier builds them (range of two members, synced), with a member. */
const boundsAndMember = fc.tuple(val, val, fc.boolean()).map(([a, b, known]): [Bounds, bigint] => {
  if (known) return [knownBounds(a), a];
  const lo = a < b ? a : b;
  const hi = a < b ? b : a;
  const bd = unknownBounds();
  bd.umin = lo;
  bd.umax = hi;
  regBoundsSync(bd);
  return [bd, a];
});

describe('tnum operations are sound', () => {
  const binary: [string, (a: Tnum, b: Tnum) => Tnum, (x: bigint, y: bigint) => bigint][] = [
    ['add', tnumAdd, (x, y) => (x + y) & M],
    ['sub', tnumSub, (x, y) => (x - y) & M],
    ['and', tnumAnd, (x, y) => x & y],
    ['or', tnumOr, (x, y) => x | y],
    ['xor', tnumXor, (x, y) => x ^ y],
  ];
  for (const [name, op, concrete] of binary) {
    it(name, () => {
      fc.assert(
        fc.property(tnumAndMember, tnumAndMember, ([a, x], [b, y]) => {
          expect(tnumIn(op(a, b), tnumConst(concrete(x, y)))).toBe(true);
        }),
      );
    });
  }
  it('neg, shifts', () => {
    fc.assert(
      fc.property(tnumAndMember, fc.integer({ min: 0, max: 63 }), ([a, x], sh) => {
        expect(tnumIn(tnumNeg(a), tnumConst(-x & M))).toBe(true);
        expect(tnumIn(tnumLshift(a, sh), tnumConst((x << BigInt(sh)) & M))).toBe(true);
        expect(tnumIn(tnumRshift(a, sh), tnumConst(x >> BigInt(sh)))).toBe(true);
        expect(
          tnumIn(tnumArshift(a, sh, 64), tnumConst(BigInt.asUintN(64, BigInt.asIntN(64, x) >> BigInt(sh)))),
        ).toBe(true);
      }),
    );
  });
  it('range contains its ends', () => {
    fc.assert(
      fc.property(val, val, (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const t = tnumRange(lo, hi);
        expect(tnumIn(t, tnumConst(lo)) && tnumIn(t, tnumConst(hi))).toBe(true);
      }),
    );
  });
});

const OPS: ScalarAluOp[] = ['add', 'sub', 'and', 'or', 'xor', 'lsh', 'rsh', 'arsh', 'neg'];

describe('scalar ALU bounds are sound (adjust_scalar_min_max_vals)', () => {
  for (const op of OPS) {
    it(op, () => {
      fc.assert(
        fc.property(
          boundsAndMember,
          boundsAndMember,
          fc.integer({ min: 0, max: 63 }),
          ([d, x], [s, y], sh) => {
            const shift = op === 'lsh' || op === 'rsh' || op === 'arsh';
            const src = shift ? knownBounds(BigInt(sh)) : s;
            const yy = shift ? BigInt(sh) : y;
            const r = scalarAlu(op, d, src);
            expect(boundsContain(r, concreteAlu(op, x, yy))).toBe(true);
          },
        ),
      );
    });
  }
});

const JMPS: JmpOp[] = ['jeq', 'jne', 'jgt', 'jge', 'jlt', 'jle', 'jsgt', 'jsge', 'jslt', 'jsle', 'jset'];

function holds(op: JmpOp, a: bigint, b: bigint): boolean {
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
  }
}

describe('branches (is_branch_taken, regs_refine_cond_op)', () => {
  it('a decided branch is the one concrete values take', () => {
    fc.assert(
      fc.property(boundsAndMember, boundsAndMember, fc.constantFrom(...JMPS), ([a, x], [b, y], op) => {
        const pred = scalarBranchTaken(a, b, op);
        if (pred >= 0) expect(holds(op, x, y)).toBe(pred === 1);
      }),
    );
  });
  it('each refined branch keeps the values that take it', () => {
    fc.assert(
      fc.property(boundsAndMember, boundsAndMember, fc.constantFrom(...JMPS), ([a, x], [b, y], op) => {
        const { taken, fall } = refineBranch(a, b, op);
        const [r1, r2] = holds(op, x, y) ? taken : fall;
        // A refinement may produce invalid bounds on a dead branch; the kernel then resets the ranges.
        if (boundsSane(r1) && boundsSane(r2)) {
          expect(boundsContain(r1, x)).toBe(true);
          expect(boundsContain(r2, y)).toBe(true);
        }
      }),
    );
  });
});
