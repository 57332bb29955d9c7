/**
 * An R0 a static subprogram never wrote is a fault only where it is read (the verifier's `!read_ok` is per
 * register and lazy): prepare_func_exit hands the callee's R0 to the caller as it is, and only
 * check_return_code (main's exit, a global's exit) and a callback's return read it. Linux 6.18 accepts and
 * runs the programs that do not read it (corpus/kernel/rt-static-exit-no-r0.s).
 */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/bpf/text/parse.js';
import type { RunOutcome } from '../../src/bpf/result.js';
import { runOnce } from '../../src/runtime/run.js';

function run(text: string): RunOutcome {
  return runOnce(parseProgram(`.ctx 8\n${text}`, 'test.s'), new Uint8Array(8));
}

describe('an R0 a static subprogram did not write', () => {
  it('is no fault when the caller overwrites it', () => {
    const o = run(`call quiet
      r0 = 3
      exit
      .func quiet static
      r1 = 1
      exit`);
    expect(o).toMatchObject({ retval: '3', fault: null, indeterminate: false });
  });

  it('passes through nested static exits unread', () => {
    const o = run(`call outer
      r0 = 4
      exit
      .func outer static
      call quiet
      exit
      .func quiet static
      exit`);
    expect(o).toMatchObject({ retval: '4', fault: null });
  });

  it('faults where the caller reads it: an ALU operation, a store, main exit', () => {
    const alu = run(`call quiet
      r0 += 1
      exit
      .func quiet static
      exit`);
    expect(alu.fault).toMatchObject({ kind: 'uninit-register', pc: 1 });
    const spill = run(`call quiet
      *(u64 *)(r10 -8) = r0
      r0 = 0
      exit
      .func quiet static
      exit`);
    expect(spill.fault).toMatchObject({ kind: 'uninit-register', pc: 1 });
    const atMainExit = run(`call quiet
      exit
      .func quiet static
      r1 = 1
      exit`);
    expect(atMainExit.fault).toMatchObject({ kind: 'uninit-register', pc: 1 });
  });

  it('is a fault at the exit of a global (check_return_code reads it) and of a callback', () => {
    const global = run(`call quiet
      r0 = 3
      exit
      .func quiet global
      r1 = 1
      exit`);
    expect(global.fault).toMatchObject({ kind: 'uninit-register', pc: 4 });
    const callback = run(`r1 = 1
      r2 = cb ll
      r3 = 0
      r4 = 0
      call bpf_loop
      r0 = 0
      exit
      .func cb static
      exit`);
    expect(callback.fault).toMatchObject({ kind: 'uninit-register', pc: 8 });
  });
});
