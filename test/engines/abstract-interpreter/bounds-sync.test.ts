/**
 * reg_bounds_sync runs __reg_deduce_bounds three times (Linux 6.18): what __reg64_deduce_bounds learns
 * in one pass reaches the 32-bit bounds only in the next. Pinned on the live kernel by
 * corpus/kernel/neg-u16-nonzero-u32-bounds.s (campaign seed 401 case 49599).
 */
import { describe, expect, it } from 'vitest';
import { refine } from '../../../src/engines/abstract-interpreter/branch.js';
import { scalarNeg } from '../../../src/engines/abstract-interpreter/alu.js';
import { scalarConst, scalarURange } from '../../../src/engines/abstract-interpreter/scalar.js';

const U64 = (1n << 64n) - 1n;

describe('reg_bounds_sync', () => {
  it('-(u16 value) known above 0: every view is [-65535, -1] and the tnum has bits 16..63 set', () => {
    const neg = scalarNeg(scalarURange(0n, 0xffffn));
    expect([neg.smin, neg.smax, neg.umin, neg.umax]).toEqual([-65535n, 0n, 0n, U64]);
    const [, r] = refine(scalarConst(0n), neg, 'jlt');
    expect([r.umin, r.umax, r.smin, r.smax]).toEqual([U64 - 65534n, U64, -65535n, -1n]);
    // The kernel's log: smin32=umin32=0xffff0001, smax32=-1, var_off=(0xffffffffffff0000; 0xffff).
    expect([r.u32min, r.u32max, r.s32min, r.s32max]).toEqual([0xffff0001n, 0xffffffffn, -65535n, -1n]);
    expect(r.t).toEqual({ value: U64 - 0xffffn, mask: 0xffffn });
  });
});
