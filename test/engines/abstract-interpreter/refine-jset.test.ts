/**
 * The negated JSET as Linux 6.18's regs_refine_cond_op does it: the non-constant operand's bounds are
 * forgotten (__mark_reg_unbounded) before its tnum is narrowed, so only what the tnum says is left. The
 * JSET branch itself keeps the bounds. Pinned by corpus/kernel/branch-jset-false-*.s on the live kernel.
 */
import { describe, expect, it } from 'vitest';
import { refine } from '../../../src/engines/abstract-interpreter/branch.js';
import { SCALAR_UNKNOWN, scalarConst, sync } from '../../../src/engines/abstract-interpreter/scalar.js';

const atLeast = (min: bigint) => sync({ ...SCALAR_UNKNOWN, umin: min });

describe('refine on jset / jnset', () => {
  it('forgets the bounds on the fall-through of `r & K` (jnset)', () => {
    const [r, k] = refine(atLeast(0x100n), scalarConst(6n), 'jnset');
    expect(r.umin).toBe(0n);
    expect(r.t).toEqual({ value: 0n, mask: ~6n & ((1n << 64n) - 1n) });
    expect(k).toEqual(scalarConst(6n));
  });
  it('forgets them with the constant on the left too', () => {
    const [k, r] = refine(scalarConst(0x7ffffn), atLeast(0xb5n), 'jnset');
    expect(r.umin).toBe(0n);
    expect(k).toEqual(scalarConst(0x7ffffn));
  });
  it('keeps them on the taken branch (jset with a single bit)', () => {
    const [r] = refine(atLeast(0x100n), scalarConst(8n), 'jset');
    expect(r.umin).toBe(0x100n);
    expect(r.t.value).toBe(8n);
  });
  it('keeps them when neither side is constant', () => {
    const [r] = refine(atLeast(0x100n), atLeast(1n), 'jnset');
    expect(r.umin).toBe(0x100n);
  });
});
