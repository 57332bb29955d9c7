/**
 * The SPEC §5 callsite spill `*(u64 *)(r10 -(S+8)) = r0` after a marked call reads R0, which a static callee
 * need not have written on its quiet path (prepare_func_exit hands it back as it is). The RFC patches after
 * verifying and never verifies the result (docs/path-explorer.md, Rewrite validity), so the JIT copies
 * whatever R0 holds and the fill hands the caller an R0 it never reads. Instrumented runs carry it as an
 * uninitialised spill; reference runs keep the verifier's rule (`R0 !read_ok` at the store). Found by the
 * campaign (run seed 7, case 253, outcome:path-explorer:solo:throw-in-static); the program, with the
 * kernel's recorded test-run, is corpus/kernel/rt-throwing-static-exit-no-r0.s.
 */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { verify } from '../../src/engines/path-explorer/index.js';
import { runProgram } from '../../src/runtime/index.js';
import { outcomeOracle } from '../../oracles/outcome.js';
import { load, observe } from '../oracles/observe.js';

const program = load('corpus/kernel/rt-throwing-static-exit-no-r0.s');

const run = (text: string, mode: 'reference' | 'instrumented') =>
  runProgram(parseProgram(`.ctx 8\n${text}`), { mode })[0]!;

describe("the rewrite's R0 spill after a static that left R0 unwritten", () => {
  it('runs instrumented as the original runs, on both inputs', () => {
    const rewrite = verify(program, { profile: 'mainline', quirks: [] }).rewrite!;
    const reference = runProgram(program, { mode: 'reference' });
    const instrumented = runProgram(rewrite, { mode: 'instrumented' });
    expect(instrumented.map((o) => [o.fault, o.retval, o.ctx])).toEqual(
      reference.map((o) => [null, o.retval, o.ctx]),
    );
    expect(outcomeOracle(observe(program, { slots: ['task-ctx'] }))).toEqual([]);
  });

  it('the fill gives back an uninitialised R0: reading it is still the fault', () => {
    const spill = 'call quiet\n*(u64 *)(r10 -8) = r0\nr0 = *(u64 *)(r10 -8)\n';
    const quiet = '.func quiet static\nexit';
    expect(run(`${spill}r0 = 3\nexit\n${quiet}`, 'instrumented').retval).toBe('3');
    expect(run(`${spill}exit\n${quiet}`, 'instrumented').fault).toMatchObject({ kind: 'uninit-register' });
    const part = 'call quiet\n*(u64 *)(r10 -8) = r0\nr0 = *(u32 *)(r10 -8)\nexit\n';
    expect(run(`${part}${quiet}`, 'instrumented').fault).toMatchObject({ kind: 'uninit-register' });
  });

  it('reference runs, and narrower or non-stack stores, keep the verifier rule (R0 !read_ok)', () => {
    const quiet = '.func quiet static\nexit';
    for (const store of ['*(u64 *)(r10 -8) = r0', '*(u32 *)(r10 -8) = r0', '*(u64 *)(r10 -12) = r0']) {
      const text = `call quiet\n${store}\nr0 = 0\nexit\n${quiet}`;
      expect(run(text, 'reference').fault, store).toMatchObject({ kind: 'uninit-register' });
    }
    expect(
      run(`call quiet\n*(u32 *)(r10 -8) = r0\nr0 = 0\nexit\n${quiet}`, 'instrumented').fault,
    ).toMatchObject({ kind: 'uninit-register' });
    expect(
      run(`call quiet\n*(u64 *)(r10 -12) = r0\nr0 = 0\nexit\n${quiet}`, 'instrumented').fault,
    ).toMatchObject({ kind: 'uninit-register' });
  });
});
