/**
 * Main may return a pointer when the loader is privileged: check_return_code asks is_pointer_value, which is
 * false with allow_ptr_leaks, and the kernel returns the address (its test-run reports the low 32 bits, a
 * value that changes from run to run). The runtime returns the stand-in address and marks the outcome
 * indeterminate, as for every other value computed from an address. Found by the campaign (run seed 7,
 * case 1186, outcome:path-explorer:solo:throw-in-main): a released cpumask thrown as the cookie is returned
 * by the rewrite's outer throw (`r0 = r1; exit`), and the instrumented run faulted where the reference run
 * returned the cookie.
 */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { verify } from '../../src/engines/path-explorer/index.js';
import { runProgram } from '../../src/runtime/index.js';
import { outcomeOracle } from '../../oracles/outcome.js';
import { observe } from '../oracles/observe.js';

const run = (text: string) => runProgram(parseProgram(text), { mode: 'reference' })[0]!;

describe('main returns a pointer', () => {
  it('ctx, stack and a released object: the stand-in address, indeterminate, no fault', () => {
    for (const text of [
      'r0 = r1\nexit',
      'r0 = r10\nexit',
      `call bpf_cpumask_create
      if r0 == 0x0 goto out
      r6 = r0
      r1 = r0
      call bpf_cpumask_release
      r0 = r6
      exit
    out:
      r0 = 0
      exit`,
    ]) {
      const o = run(text);
      expect(o.fault, text).toBeNull();
      expect(o.indeterminate, text).toBe(true);
      expect(BigInt(o.retval!), text).toBeGreaterThan(0xff00000000000000n);
    }
  });

  it('a released reference thrown from main: the rewrite returns the cookie as the reference run does', () => {
    const program = parseProgram(`
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    r1 = r6
    call bpf_cpumask_release
    r1 = r6
    call bpf_throw
    call bpf_cpumask_release
out:
    r0 = 0
    exit
`);
    const rewrite = verify(program, { profile: 'mainline', quirks: [] }).rewrite!;
    const [reference] = runProgram(program, { mode: 'reference' });
    const [instrumented] = runProgram(rewrite, { mode: 'instrumented' });
    expect(instrumented!.fault).toBeNull();
    expect(instrumented!.retval).toBe(reference!.retval);
    expect(outcomeOracle(observe(program, { slots: ['task-ctx'] }))).toEqual([]);
  });
});
