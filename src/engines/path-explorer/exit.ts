/** `exit` (process_bpf_exit_full, prepare_func_exit, check_return_code for SYSCALL programs). */
import { Reject, type Env } from './env.js';
import { markChainPrecision } from './precision.js';
import { findPrevEntry, widenImpreciseScalars } from './prune.js';
import { regTypeStr } from './regs.js';
import { curFrame, type ScalarReg } from './state.js';
import { checkExitResources } from './throw.js';
import { updateLiveStack } from './stack-liveness.js';
import { S64_MAX, S64_MIN } from './u64.js';

/** What an exit does: end the path, or return into the caller at `pc`. */
export type ExitResult = { readonly kind: 'end' } | { readonly kind: 'return'; readonly pc: number };

/** verbose_invalid_scalar for the callback return range [0, 1]. */
function invalidCallbackReturn(r0: ScalarReg): string {
  let s = 'At callback return the register R0 has';
  let unknown = true;
  if (r0.smin > S64_MIN) {
    s += ` smin=${r0.smin}`;
    unknown = false;
  }
  if (r0.smax < S64_MAX) {
    s += ` smax=${r0.smax}`;
    unknown = false;
  }
  if (unknown) s += ' unknown scalar value';
  return `${s} should have been in [0, 1]`;
}

export function checkExit(env: Env, pc: number): ExitResult {
  checkExitResources(env, pc);
  const st = env.cur;
  if (st.frames.length > 1) return prepareFuncExit(env, pc);
  // check_return_code(env, BPF_REG_0, "R0")
  const f0 = st.frames[0]!;
  const r0 = f0.regs[0]!;
  if (r0.kind === 'none') throw new Reject('uninit', 'R0 !read_ok', pc);
  if (f0.subprog !== 0 && r0.kind !== 'scalar')
    throw new Reject(
      'bad-return',
      `At subprogram exit the register R0 is not a scalar value (${regTypeStr(r0)})`,
      pc,
    );
  return { kind: 'end' };
}

/** prepare_func_exit */
function prepareFuncExit(env: Env, pc: number): ExitResult {
  const st = env.cur;
  const callee = curFrame(st);
  const r0 = callee.regs[0]!;
  if (r0.kind === 'stack') throw new Reject('bad-return', 'cannot return stack pointer to the caller', pc);
  const caller = st.frames[st.frames.length - 2]!;
  if (callee.inCallback) {
    if (r0.kind !== 'scalar') throw new Reject('bad-return', 'R0 not a scalar value', pc);
    markChainPrecision(env, 0);
    if (!(r0.smin >= 0n && r0.smax <= 1n)) throw new Reject('bad-return', invalidCallbackReturn(r0), pc);
  } else {
    caller.regs[0] = r0;
  }
  const next = callee.inCallback ? callee.callsite : callee.callsite + 1;
  updateLiveStack(env);
  st.frames.pop();
  if (callee.inCallback) {
    const prev = findPrevEntry(env, next);
    if (prev) widenImpreciseScalars(prev, st);
  }
  return { kind: 'return', pc: next };
}
