/**
 * The 6.18 rules behind the corpus cases `tnum-*`, `branch-single-value-*`, `linked-*` and `nullcmp-*`,
 * one level down: tnum_overlap and tnum_step against brute force, is_scalar_branch_taken deciding `==`/`!=`
 * from known bits, __update_reg64_bounds turning a range that holds one tnum member into that constant,
 * and the pointer NULL tests is_branch_taken leaves open (reg_not_null).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import {
  boundsContain,
  knownBounds,
  regBoundsSync,
  unknownBounds,
} from '../../../src/engines/path-explorer/bounds.js';
import { refineBranch, scalarBranchTaken } from '../../../src/engines/path-explorer/branch.js';
import { verify } from '../../../src/engines/path-explorer/index.js';
import { tnumIsConst, tnumOverlap, tnumStep, type Tnum } from '../../../src/engines/path-explorer/tnum.js';

const M = (1n << 64n) - 1n;

/** Every member of a tnum with few unknown bits, ascending. */
function members(t: Tnum): bigint[] {
  const bits: bigint[] = [];
  for (let i = 0n; i < 64n; i++) if ((t.mask >> i) & 1n) bits.push(1n << i);
  const out: bigint[] = [];
  for (let k = 0; k < 1 << bits.length; k++) {
    let v = t.value;
    bits.forEach((b, i) => {
      if ((k >> i) & 1) v |= b;
    });
    out.push(v);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A tnum with at most 8 unknown bits anywhere in 64, so its members can be listed. */
const smallTnum = fc
  .tuple(fc.bigInt({ min: 0n, max: M }), fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { maxLength: 8 }))
  .map(([v, pos]): Tnum => {
    const mask = pos.reduce((m, p) => m | (1n << BigInt(p)), 0n);
    return { value: v & ~mask & M, mask };
  });

describe('tnum_step', () => {
  it('is the least member above z (the largest member at or past it, the least below it)', () => {
    fc.assert(
      fc.property(smallTnum, fc.bigInt({ min: 0n, max: M }), fc.nat(), (t, z0, pick) => {
        const ms = members(t);
        // half of the time z is next to a member, where the carries are
        const z = pick % 2 === 0 ? z0 : (ms[pick % ms.length]! + BigInt((pick % 3) - 1)) & M;
        const tmax = ms[ms.length - 1]!;
        const expected = z >= tmax ? tmax : (ms.find((m) => m > z) ?? tmax);
        expect(tnumStep(t, z)).toBe(expected);
      }),
    );
  });
  it("the kernel's example: x11100x0 after 241 is 242", () => {
    expect(tnumStep({ value: 0b0111_0000n, mask: 0b1000_0010n }, 241n)).toBe(242n);
  });
});

describe('tnum_overlap', () => {
  it('holds exactly when the two tnums share a member', () => {
    fc.assert(
      fc.property(smallTnum, smallTnum, (a, b) => {
        const bs = new Set(members(b));
        expect(tnumOverlap(a, b)).toBe(members(a).some((m) => bs.has(m)));
      }),
    );
  });
});

/** A u8 load: [0, 255], known bits (0x0; 0xff). */
function byte(): ReturnType<typeof unknownBounds> {
  const b = unknownBounds();
  b.umin = 0n;
  b.umax = 255n;
  regBoundsSync(b);
  return b;
}

describe('is_scalar_branch_taken decides == and != from known bits', () => {
  // r2 = byte | 1: [1, 255] with bit 0 known 1
  const odd = { ...byte(), var: { value: 1n, mask: 0xfen }, umin: 1n, smin: 1n, u32min: 1n, s32min: 1n };
  // r3 = byte & 0xfe: [0, 254] with bit 0 known 0
  const even = {
    ...byte(),
    var: { value: 0n, mask: 0xfen },
    umax: 254n,
    smax: 254n,
    u32max: 254n,
    s32max: 254n,
  };
  it('against a constant inside the range', () => {
    expect(scalarBranchTaken(odd, knownBounds(4n), 'jeq')).toBe(0);
    expect(scalarBranchTaken(odd, knownBounds(4n), 'jne')).toBe(1);
    expect(scalarBranchTaken(odd, knownBounds(5n), 'jeq')).toBe(-1);
  });
  it('between two registers, either order', () => {
    expect(scalarBranchTaken(odd, even, 'jeq')).toBe(0);
    expect(scalarBranchTaken(even, odd, 'jne')).toBe(1);
    expect(scalarBranchTaken(odd, odd, 'jeq')).toBe(-1);
  });
});

describe('__update_reg64_bounds: a range that holds one member of the tnum is that constant', () => {
  /** r2 = byte & mask, then refined by `r2 op k` (taken when `taken`). */
  function refined(mask: bigint, steps: [Parameters<typeof refineBranch>[2], bigint, boolean][]) {
    let r = { ...byte(), var: { value: 0n, mask } };
    r.umax = r.smax = r.u32max = r.s32max = mask;
    for (const [op, k, taken] of steps) {
      const b = refineBranch(r, knownBounds(k), op);
      r = (taken ? b.taken : b.fall)[0];
    }
    return r;
  }
  it('only the largest member (tmax) is in range: 0xf0 in [225, 240]', () => {
    const r = refined(0xf0n, [['jgt', 0xe0n, true]]);
    expect(tnumIsConst(r.var)).toBe(true);
    expect([r.umin, r.umax, r.var.value]).toEqual([240n, 240n, 240n]);
  });
  it('only umin is in range: 16 of {0, 16, 128, 144} in [16, 100]', () => {
    const r = refined(0x90n, [
      ['jlt', 0x10n, false],
      ['jgt', 0x64n, false],
    ]);
    expect([tnumIsConst(r.var), r.var.value, r.umin, r.umax]).toEqual([true, 16n, 16n, 16n]);
  });
  it('only a member strictly between: 32 of the multiples of 16 in [17, 40]', () => {
    const r = refined(0xf0n, [
      ['jle', 0x10n, false],
      ['jgt', 0x28n, false],
    ]);
    expect([tnumIsConst(r.var), r.var.value, r.s32min, r.s32max]).toEqual([true, 32n, 32n, 32n]);
  });
  it('two members in range stay a range', () => {
    const r = refined(0xf0n, [['jgt', 0xc0n, true]]);
    expect(tnumIsConst(r.var)).toBe(false);
    expect(boundsContain(r, 0xd0n) && boundsContain(r, 0xf0n)).toBe(true);
  });
});

describe('pointer NULL tests (is_branch_taken, reg_not_null)', () => {
  const opts = { profile: 'mainline' as const, quirks: [] };
  const body = (setup: string, test: string): string =>
    `${setup}\n    ${test} goto t\n    r0 = r9\n    exit\nt:\n    r0 = 0\n    exit\n`;
  it.each([
    ['ctx', '    r2 = r1', 'if r2 != 0x0'],
    ['fp', '    r2 = r10', 'if r2 != 0x0'],
    ['fp-8', '    r2 = r10\n    r2 += -8', 'if r2 != 0x0'],
    ['ctx vs a zero register', '    r2 = r1\n    r3 = 0', 'if r2 != r3'],
    ['zero register vs ctx', '    r2 = r1\n    r3 = 0', 'if r3 != r2'],
  ])('%s: not decided, the other branch is explored', (_name, setup, test) => {
    const r = verify(parseProgram(body(setup, test)), opts);
    expect(r.verdict).toMatchObject({ accepted: false, message: 'R9 !read_ok' });
  });
  it('a referenced object after its NULL test is decided (trusted, so reg_not_null)', () => {
    const text = [
      '    call bpf_cpumask_create',
      '    if r0 == 0x0 goto out',
      '    r6 = r0',
      '    r3 = 0',
      '    if r6 != r3 goto rel',
      '    r0 = r9',
      '    exit',
      'rel:',
      '    r1 = r6',
      '    call bpf_cpumask_release',
      'out:',
      '    r0 = 0',
      '    exit',
    ].join('\n');
    expect(verify(parseProgram(text), opts).verdict).toEqual({ accepted: true });
  });
});
