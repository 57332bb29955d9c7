/**
 * A copy of a released reference is an unknown scalar to the verifier (release_reference ->
 * mark_reg_invalid): the kernel accepts it as bpf_throw's cookie, and the runtime must run it, not fault.
 * Found by the campaign (soundness: kernel and path-explorer accepted, the reference run faulted).
 */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { verify } from '../../src/engines/path-explorer/index.js';
import { runProgram } from '../../src/runtime/index.js';

const program = parseProgram(`
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    r1 = r6
    call bpf_cpumask_release
    r1 = r6
    call bpf_throw
out:
    r0 = 0
    exit
`);

describe('a released reference thrown as the cookie', () => {
  it('is accepted by path-explorer, as by the kernel', () => {
    expect(verify(program, { profile: 'mainline', quirks: [] }).verdict).toEqual({ accepted: true });
  });

  it('throws with the object address as the cookie: no fault, the value indeterminate', () => {
    const [o] = runProgram(program, { mode: 'reference' });
    expect(o!.fault).toBeNull();
    expect(o!.thrown).toBe(true);
    expect(o!.indeterminate).toBe(true);
    expect(BigInt(o!.cookie!)).toBeGreaterThan(0xff00000000000000n);
  });
});

describe('a released reference returned from main', () => {
  // Found by the campaign: the kernel accepts it (R0 is an unknown scalar to the verifier).
  const returned = parseProgram(`
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    r6 = r0
    r8 = r0
    r8 += 16
    r1 = r6
    call bpf_cpumask_release
    r0 = r8
    exit
out:
    r0 = 0
    exit
`);

  it('returns the address: no fault, indeterminate', () => {
    const [o] = runProgram(returned, { mode: 'reference' });
    expect(o!.fault).toBeNull();
    expect(o!.indeterminate).toBe(true);
    expect(BigInt(o!.retval!)).toBeGreaterThan(0xff00000000000000n);
  });
});
