/**
 * Pointer ALU that Linux 6.18 accepts from a privileged loader and whose result is a value made from an
 * address (the runtime runs them, but its outcome is `indeterminate`, so they stay out of corpus/kernel;
 * test/runtime/pointer-alu.test.ts runs them): the path explorer accepts them as the kernel does. With the
 * live kernel available, the kernel's verdict is checked too.
 */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { checkWithKernel } from '../../../src/engines/kernel/index.js';
import { verify } from '../../../src/engines/path-explorer/index.js';
import { liveKernel } from '../kernel/live.js';

const ACCEPTED: readonly [name: string, text: string][] = [
  // check_alu_op: with allow_ptr_leaks a negated pointer is an unknown scalar
  ['neg of the frame pointer', 'r1 = r10\nr1 = -r1\nr0 = 0\nexit\n'],
  // adjust_reg_min_max_vals: pointer minus pointer is an unknown scalar
  ['stack pointer minus ctx', 'r2 = r10\nr2 -= r1\nr0 = 0\nexit\n'],
  // adjust_ptr_min_max_vals: a 32-bit subtraction on a pointer is an unknown scalar
  ['32-bit subtraction on the ctx', 'w1 -= 8\nr0 = 0\nexit\n'],
  // the unknown scalar can be tested like any other: both branches are explored
  ['branch on a negated ctx', 'r1 = -r1\nif r1 == 0x0 goto +1\nr0 = 0\nr0 = 1\nexit\n'],
];

const live = await liveKernel('path-explorer pointer-alu');

describe('pointer ALU the kernel accepts', () => {
  for (const [name, text] of ACCEPTED) {
    it(name, async () => {
      const p = parseProgram(text, `${name}.s`);
      expect(verify(p, { profile: 'mainline', quirks: [] }).verdict).toEqual({ accepted: true });
      if (live.skipReason === null) expect((await checkWithKernel(p, live.session)).status).toBe('accepted');
    });
  }
});
