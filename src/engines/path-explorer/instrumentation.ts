/**
 * The instrumentation helpers of SPEC §2 (`bpf_get_exception`, `bpf_reset_exception`), which only a rewrite
 * calls, as the verification of a rewrite (verify's `instrumented` option) sees them: kfunc-like calls
 * that read no argument, clobber R1-R5 and return a scalar. No kernel has them; they are modelled on the
 * RFC v1 3/9 definitions (`notrace u64 bpf_get_exception(void)` returns the thrown flag;
 * bpf_reset_exception clears it and, in the mainline variant of SPEC §5, returns the cookie).
 */
import type { KernelFn } from '../../bpf/kernel-functions.js';
import { regBoundsSync, unknownBounds } from './bounds.js';
import { unsupported, type Env } from './env.js';
import { curFrame, knownScalar, NOT_INIT, scalar, unknownScalar, type ScalarReg } from './state.js';
import { tnumRange } from './tnum.js';

/** A scalar in [0, 1]: the thrown flag. */
function flag(): ScalarReg {
  const b = unknownBounds();
  b.var = tnumRange(0n, 1n);
  b.umin = 0n;
  b.umax = 1n;
  regBoundsSync(b);
  return scalar(b);
}

/** A call of an instrumentation helper at `pc`; returns the next pc. */
export function checkInstrumentationHelper(env: Env, pc: number, fn: KernelFn): number {
  const regs = curFrame(env.cur).regs;
  for (let r = 0; r <= 5; r++) regs[r] = NOT_INIT;
  switch (fn.effect) {
    case 'get-exception':
      regs[0] = flag();
      return pc + 1;
    case 'reset-exception':
      // mainline: the cookie it cleared (any u64); rfc: 0
      regs[0] = env.profile === 'mainline' ? unknownScalar() : knownScalar(0n);
      return pc + 1;
    case 'throw':
    case 'acquire':
    case 'release':
    case 'rcu-lock':
    case 'rcu-unlock':
    case 'preempt-disable':
    case 'preempt-enable':
    case 'loop':
    case 'random-u32':
    case 'time-u64':
      throw unsupported(`${fn.name} as an instrumentation helper`, pc);
    default: {
      const never: never = fn.effect;
      throw new Error(String(never));
    }
  }
}
