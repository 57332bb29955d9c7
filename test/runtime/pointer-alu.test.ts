/**
 * ALU on pointers runs as the kernel runs it: on the pointer's address. What is the same for every kernel
 * address (a moved pointer, the difference of two pointers into one memory) is exact; what depends on the
 * address (a negated pointer, a difference across memories, the low half of an address) is computed from the
 * stand-in addresses and marks the outcome indeterminate (pointer-alu.ts). The exact cases are in
 * corpus/kernel as rt-ptr-*.s, checked against the live kernel by kernel-agreement.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/bpf/result.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { runOnce } from '../../src/runtime/run.js';

function run(text: string): RunOutcome {
  return runOnce(parseProgram(`.ctx 16\n${text}`, 'test.s'), new Uint8Array(16));
}

const hex = (v: bigint): string => String(BigInt.asUintN(64, v));

describe('pointer ALU the kernel accepts (test/engines/path-explorer/pointer-alu.test.ts) runs', () => {
  // The four programs the path explorer accepts as the kernel does; the kernel returns these values.
  const cases: [name: string, text: string, retval: string][] = [
    ['neg of the frame pointer', 'r1 = r10\nr1 = -r1\nr0 = 0\nexit', '0'],
    ['stack pointer minus ctx', 'r2 = r10\nr2 -= r1\nr0 = 0\nexit', '0'],
    ['32-bit subtraction on the ctx', 'w1 -= 8\nr0 = 0\nexit', '0'],
    ['branch on a negated ctx', 'r1 = -r1\nif r1 == 0x0 goto +1\nr0 = 0\nr0 = 1\nexit', '1'],
  ];
  for (const [name, text, retval] of cases) {
    it(`${name}: no fault, the value depends on the address`, () => {
      expect(run(text)).toMatchObject({ fault: null, retval, indeterminate: true });
    });
  }
});

describe('results the same for every address are exact', () => {
  it('ctx minus ctx is the difference of the offsets, either way round', () => {
    expect(run('r2 = r1\nr2 += 8\nr0 = r2\nr0 -= r1\nexit')).toMatchObject({
      retval: '8',
      indeterminate: false,
    });
    expect(run('r2 = r1\nr2 += 8\nr0 = r1\nr0 -= r2\nexit')).toMatchObject({
      retval: hex(-8n),
      indeterminate: false,
    });
  });

  it('a 32-bit difference of two ctx pointers is the low half of the offsets difference, zero-extended', () => {
    expect(run('r2 = r1\nr2 += 8\nw1 -= w2\nr0 = r1\nexit')).toMatchObject({
      retval: String(0xfffffff8),
      indeterminate: false,
    });
  });

  it('two stack pointers of one frame', () => {
    expect(run('r2 = r10\nr2 += -16\nr0 = r10\nr0 -= r2\nexit')).toMatchObject({
      retval: '16',
      indeterminate: false,
    });
  });

  it('scalar += stack pointer is a stack pointer with that offset', () => {
    const o = run('r2 = -8\nr2 += r10\n*(u64 *)(r2 +0) = 7\nr0 = *(u64 *)(r10 -8)\nexit');
    expect(o).toMatchObject({ retval: '7', fault: null, indeterminate: false });
  });

  it('an object pointer moves and comes back (bpf_cpumask_release needs offset 0)', () => {
    // The committed case the live kernel runs (kernel-agreement.test.ts compares it there).
    const file = join(import.meta.dirname, '../../corpus/runtime/rt-ptr-object-move.s');
    const program = parseProgram(readFileSync(file, 'utf8'), file);
    const o = runOnce(program, new Uint8Array(program.ctxSize));
    expect(o).toMatchObject({ retval: '16', fault: null, indeterminate: false, held: { refs: [] } });
  });

  it('a callback pointer moves; bpf_loop takes it only at offset 0 (check_func_arg_reg_off)', () => {
    const program = (move: string): string => `r1 = 2
      r2 = count ll
      ${move}
      r3 = 0
      r4 = 0
      call bpf_loop#181
      exit
    .func count static args=2
      r0 = 0
      exit`;
    expect(run(program('r2 += 8\nr2 -= 8'))).toMatchObject({ retval: '2', fault: null });
    expect(run(program('r2 += 8')).fault).toMatchObject({ kind: 'bad-call', pc: 6 });
  });
});

describe('results that depend on the address use the stand-ins and are indeterminate', () => {
  // The ctx's stand-in address is 0xffff888200000000 (pointer-address.ts).
  const CTX = 0xffff888200000000n;
  const cases: [name: string, text: string, value: bigint][] = [
    ['neg of the ctx', 'r1 = -r1\nr0 = r1\nexit', -CTX],
    ['32-bit neg of the ctx', 'r1 += 4\nw1 = -w1\nr0 = r1\nexit', BigInt.asUintN(32, -(CTX + 4n))],
    ['32-bit copy of the ctx', 'r1 += 4\nw0 = w1\nexit', 4n],
    ['32-bit ctx minus a constant', 'w1 -= 8\nr0 = r1\nexit', BigInt.asUintN(32, CTX - 8n)],
    ['32-bit scalar minus the ctx', 'w0 = 5\nw0 -= w1\nexit', BigInt.asUintN(32, 5n - CTX)],
  ];
  for (const [name, text, value] of cases) {
    it(name, () => {
      expect(run(text)).toMatchObject({ retval: hex(value), fault: null, indeterminate: true });
    });
  }

  it('a difference across memories', () => {
    expect(run('r0 = r10\nr0 -= r1\nexit')).toMatchObject({ fault: null, indeterminate: true });
  });
});

describe('pointer ALU the kernel rejects faults', () => {
  const cases: [text: string, message: string][] = [
    ['r2 = 5\nr2 -= r1', 'r2 tried to subtract pointer from scalar'],
    ['r2 = r1\nr2 += r1', 'r2 pointer += pointer prohibited'],
    ['r1 &= 1', 'r1 pointer arithmetic with &= prohibited'],
    ['w1 += 8', 'r1 32-bit pointer arithmetic prohibited'],
  ];
  for (const [text, message] of cases) {
    it(text.replace('\n', '; '), () => {
      expect(run(`${text}\nr0 = 0\nexit`).fault).toMatchObject({ kind: 'bad-pointer', message });
    });
  }

  it('an uninitialised operand is still a fault', () => {
    expect(run('r2 -= r1\nr0 = 0\nexit').fault?.kind).toBe('uninit-register');
    expect(run('r1 -= r3\nr0 = 0\nexit').fault?.kind).toBe('uninit-register');
    expect(run('w0 = w3\nexit').fault?.kind).toBe('uninit-register');
    expect(run('r3 = -r3\nr0 = 0\nexit').fault?.kind).toBe('uninit-register');
  });
});
