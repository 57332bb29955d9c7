/**
 * Comparisons involving a pointer run as the kernel runs them: on the pointer's address. Results that hold
 * for every kernel address are decided; results that depend on the actual address mark the outcome
 * indeterminate (pointer-compare.ts). corpus/runtime/rt-pointer-compare.s is the same against the live kernel.
 */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/bpf/text/parse.js';
import type { RunOutcome } from '../../src/bpf/result.js';
import { runOnce, type RunOptions } from '../../src/runtime/run.js';

function run(text: string, options: Partial<RunOptions> = {}): RunOutcome {
  return runOnce(parseProgram(`.ctx 8\n${text}`, 'test.s'), new Uint8Array(8), options);
}

/** `r6` = a fresh cpumask (or NULL); `r7` = 1 when `cond` (a jump to `yes`) is taken; released on every path. */
const withMask = (cond: string): string => `call bpf_cpumask_create
  r6 = r0
  r7 = 0
  ${cond}
  goto test
yes:
  r7 = 1
test:
  if r6 == 0x0 goto out
  r1 = r6
  call bpf_cpumask_release
out:
  r0 = r7
  exit`;

describe('a referenced pointer compared with a constant', () => {
  const cases: [string, string][] = [
    ['if r6 == 0x5 goto yes', '0'],
    ['if r6 != 0x5 goto yes', '1'],
    ['if r6 > 0x1000 goto yes', '1'],
    ['if r6 < 0x1000 goto yes', '0'],
    ['if r6 s< 0x0 goto yes', '1'],
    ['if r6 s> 0x7 goto yes', '0'],
    ['if r6 & 0x100 goto yes', '__indeterminate'],
    ['if r6 & 0x80000000 goto yes', '1'], // the immediate is sign-extended: bits 63..31
    ['if r6 == 0x0 goto yes', '0'],
  ];
  for (const [cond, want] of cases) {
    it(`${cond}: ${want === '__indeterminate' ? 'depends on the address' : `r7 = ${want}`}`, () => {
      const o = run(withMask(cond));
      expect(o.fault).toBeNull();
      expect(o.held.refs).toEqual([]);
      if (want === '__indeterminate') expect(o.indeterminate).toBe(true);
      else expect(o).toMatchObject({ retval: want, indeterminate: false });
    });
  }

  it('before the NULL test, when bpf_cpumask_create returned NULL, compares the scalar 0', () => {
    const o = run(withMask('if r6 != 0x5 goto yes'), { nullCreates: [1] });
    expect(o).toMatchObject({ retval: '1', fault: null, indeterminate: false });
  });

  it('a constant inside the range of kernel addresses is indeterminate, the stand-in address decides', () => {
    const o = run(withMask('r8 = 0xffff888100000100 ll\n  if r6 == r8 goto yes'));
    expect(o).toMatchObject({ retval: '1', fault: null, indeterminate: true });
    const ordered = run(withMask('r8 = 0xffff000000000000 ll\n  if r6 > r8 goto yes'));
    expect(ordered).toMatchObject({ fault: null, indeterminate: true });
  });
});

describe('a pointer compared with a pointer', () => {
  it('the same object is equal to itself; two live objects are not equal', () => {
    const same = run(withMask('r8 = r6\n  if r6 == r8 goto yes'));
    expect(same).toMatchObject({ retval: '1', indeterminate: false });
    const two = run(`call bpf_cpumask_create
      if r0 == 0x0 goto none
      r6 = r0
      call bpf_cpumask_create
      r7 = 5
      if r0 == 0x0 goto one
      r8 = r0
      r7 = 0
      if r6 != r8 goto differ
      r7 = 1
    differ:
      r1 = r8
      call bpf_cpumask_release
    one:
      r1 = r6
      call bpf_cpumask_release
      r0 = r7
      exit
    none:
      r0 = 9
      exit`);
    expect(two).toMatchObject({ retval: '0', fault: null, indeterminate: false });
  });

  it('an object against a stack pointer: never equal, order unknown', () => {
    expect(run(withMask('r8 = r10\n  if r6 == r8 goto yes'))).toMatchObject({
      retval: '0',
      indeterminate: false,
    });
    expect(run(withMask('r8 = r10\n  if r6 > r8 goto yes'))).toMatchObject({
      fault: null,
      indeterminate: true,
    });
  });

  it('two stack pointers of one frame compare by offset, unsigned and signed alike', () => {
    const o = run(`r2 = r10
      r2 += -8
      r3 = r10
      r3 += 8
      r3 += -16
      r0 = 0
      if r2 < r10 goto lt
      r0 = 1
    lt:
      if r2 s< r10 goto slt
      r0 += 2
    slt:
      if r3 != r2 goto ne
      r0 += 4
    ne:
      exit`);
    expect(o).toMatchObject({ retval: '4', fault: null, indeterminate: false });
  });

  it('a 32-bit comparison of a pointer depends on its low half: indeterminate', () => {
    const o = run(withMask('if w6 == 0x5 goto yes'));
    expect(o).toMatchObject({ fault: null, indeterminate: true });
  });

  it('an uninitialised operand is still a fault', () => {
    expect(run(withMask('if r6 == r9 goto yes')).fault?.kind).toBe('uninit-register');
  });
});
