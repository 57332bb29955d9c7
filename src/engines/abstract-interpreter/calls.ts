/**
 * Calls: kfuncs and helpers (check_kfunc_call, check_helper_call), static subprograms and callbacks
 * (check_func_call, push_callback_call: answered through summaries by the interpreter), globals
 * (verified on their own: R1-R5 cleared, R0 unknown), and bpf_throw (process_bpf_exit_full at a throw,
 * mark_chain_throw).
 */
import type { Insn } from '../../bpf/insn.js';
import {
  BPF_LOOP_ID,
  GET_EXCEPTION_ID,
  RESET_EXCEPTION_ID,
  helperById,
  kernelFnByName,
} from '../../bpf/kernel-functions.js';
import type { Outcome } from './analyze.js';
import { stackBoundsClass } from './memory.js';
import { resourceLeak } from './messages.js';
import { SCALAR_UNKNOWN, scalarURange } from './scalar.js';
import { NONE, top, typeName, type Frame, type State, type Val } from './state.js';
import { rejectAt, unsupportedAt, type StepEnv } from './step.js';

/** MAX_CALL_FRAMES */
const MAX_FRAMES = 8;
/** sizeof(struct bpf_cpumask), what a stack pointer passed to the release kfunc must cover. */
const CPUMASK_SIZE = 40;

const SCALAR = (s = SCALAR_UNKNOWN): Val => ({ k: 'scalar', s });

/** register_is_null: a scalar whose tnum is the constant 0. */
function isKnownZero(v: Val): boolean {
  return v.k === 'scalar' && v.s.t.mask === 0n && v.s.t.value === 0n;
}

/** R0 = result, R1-R5 cleared. */
function afterCall(s: State, r0: Val): State {
  const f = top(s);
  const regs = f.regs.slice();
  regs[0] = r0;
  for (let r = 1; r <= 5; r++) regs[r] = NONE;
  const frames = s.frames.slice();
  frames[frames.length - 1] = { ...f, regs };
  return { ...s, frames };
}

/** Every copy of a released object becomes an unknown scalar (release_reference, allow_ptr_leaks). */
function dropRef(s: State, ref: number): State {
  const conv = (v: Val): Val => (v.k === 'obj' && v.ref === ref ? SCALAR() : v);
  const frames = s.frames.map((f) => ({
    ...f,
    regs: f.regs.map(conv),
    stack: f.stack.map((slot) => (slot?.spill ? { ...slot, spill: conv(slot.spill) } : slot)),
  }));
  return { ...s, frames, refs: s.refs.filter((r) => r.id !== ref) };
}

/** Mark the whole frame chain of a throw (mark_chain_throw) and the throwing insn itself. */
function markChain(env: StepEnv, s: State, pc: number): void {
  const d = s.frames.length - 1;
  env.mark(pc, d, top(s).subprog);
  env.canThrow[top(s).subprog] = true;
}

export function callKernelFn(
  env: StepEnv,
  s: State,
  pc: number,
  insn: Extract<Insn, { kind: 'helper' } | { kind: 'kfunc' }>,
): Outcome[] {
  const f = top(s);
  const fn = insn.kind === 'kfunc' ? kernelFnByName(insn.name) : helperById(insn.id);
  if (fn === undefined || (fn.modelOnly && !env.instrumented))
    return [unsupportedAt(s, pc, insn.kind === 'kfunc' ? `kfunc ${insn.name}` : `helper #${insn.id}`)];
  const next = (st: State): Outcome => ({ to: 'pc', pc: pc + 1, s: st });
  const reg = (r: number): Val => f.regs[r]!;
  switch (fn.effect) {
    case 'throw': {
      // The cookie is the program's return value (mainline); the RFC's bpf_throw() takes none.
      const cookie = reg(1);
      if (env.profile === 'mainline' && cookie.k !== 'scalar')
        return [
          rejectAt(s, pc, {
            class: 'bad-arg',
            message: 'R1 is not a scalar',
          }),
        ];
      // Instrumented (SPEC §6, verifying a rewrite): bpf_throw only records the exception in the slot and
      // returns, a void kfunc (R0 not set, R1-R5 clobbered). The checks that belong to the throw's unwinding
      // (resources held, a throw inside a callback: process_bpf_exit_full, check_max_stack_depth_subprog) do not apply;
      // what the path still holds is checked where it exits. The following instruction runs: it may be the
      // next subprogram's first (an unmarked throw that ends a subprogram under rfc) or none at all.
      if (env.instrumented) {
        if (pc + 1 >= env.shape.slotCount)
          return [unsupportedAt(s, pc + 1, `no instruction at pc ${pc + 1}`)];
        return [next(afterCall(s, NONE))];
      }
      const leak = resourceLeak(env.profile, 'bpf_throw', s.refs, s.rcu, s.preempt);
      if (leak !== null) return [rejectAt(s, pc, leak)];
      // A throw inside a callback is not do_check's business: the path ends here like any throw, and
      // check_max_stack_depth_subprog rejects it after do_check, by a static scan (stack-depth.ts).
      markChain(env, s, pc);
      return [{ to: 'throw', s }];
    }
    case 'acquire': {
      const id = s.idGen + 1;
      // acquire_reference_state in the RFC's kernel: a callback's own references are tagged with its frame.
      const cb = env.profile === 'rfc' && f.callback ? s.frames.length - 1 : 0;
      const st: State = { ...s, idGen: id, refs: [...s.refs, { id, insn: pc, cb }] };
      return [next(afterCall(st, { k: 'obj', id, ref: id, maybeNull: true }))];
    }
    case 'release': {
      const p = reg(1);
      switch (p.k) {
        case 'none':
          return [
            rejectAt(s, pc, {
              class: 'bad-access',
              message: 'variable ? access var_off=(0x0; 0xffffffffffffffff) disallowed',
            }),
          ];
        case 'ctx':
          // check_func_arg_reg_off speaks first about a moved ctx pointer.
          if (p.off < 0)
            return [
              rejectAt(s, pc, {
                class: 'bad-access',
                message: `negative offset ctx ptr R1 off=${p.off} disallowed`,
              }),
            ];
          if (p.off !== 0)
            return [
              rejectAt(s, pc, {
                class: 'bad-access',
                message: `dereference of modified ctx ptr R1 off=${p.off} disallowed`,
              }),
            ];
          // A syscall program's ctx passes check_mem_reg for the struct (check_helper_mem_access lets a
          // helper or kfunc touch it), so only the loop's end speaks: no reference was released.
          return [
            rejectAt(s, pc, {
              class: 'bad-arg',
              message: 'release kernel function bpf_cpumask_release expects refcounted PTR_TO_BTF_ID',
            }),
          ];
        case 'scalar':
          // check_kfunc_args: a trusted argument that register_is_null (a known 0) is `Possibly NULL`
          // before get_kfunc_ptr_arg_type looks at its type.
          if (isKnownZero(p))
            return [
              rejectAt(s, pc, { class: 'bad-arg', message: 'Possibly NULL pointer passed to trusted arg0' }),
            ];
          return [rejectAt(s, pc, { class: 'bad-arg', message: `R1 type=${typeName(p)} expected=fp` })];
        case 'func':
          return [rejectAt(s, pc, { class: 'bad-arg', message: `R1 type=${typeName(p)} expected=fp` })];
        case 'fp':
          if (p.off + CPUMASK_SIZE > 0 || p.off < -512)
            return [
              rejectAt(s, pc, {
                // check_stack_access_within_bounds (via check_helper_mem_access): same classes as a load
                class: stackBoundsClass(p.off),
                message: `invalid read from stack R1 off=${p.off} size=${CPUMASK_SIZE}`,
              }),
            ];
          return [
            rejectAt(s, pc, {
              class: 'bad-arg',
              message: 'release kernel function bpf_cpumask_release expects refcounted PTR_TO_BTF_ID',
            }),
          ];
        case 'obj':
          if (p.maybeNull)
            return [
              rejectAt(s, pc, { class: 'bad-arg', message: 'Possibly NULL pointer passed to trusted arg0' }),
            ];
          return [next(afterCall(dropRef(s, p.ref), NONE))];
        default: {
          const never: never = p;
          throw new Error(`unknown value ${String(never)}`);
        }
      }
    }
    case 'rcu-lock':
      if (s.rcu)
        return [
          rejectAt(s, pc, {
            class: 'region-misuse',
            message: 'nested rcu read lock (kernel function bpf_rcu_read_lock)',
          }),
        ];
      return [next(afterCall({ ...s, rcu: true }, NONE))];
    case 'rcu-unlock':
      if (!s.rcu)
        return [
          rejectAt(s, pc, {
            class: 'region-misuse',
            message: 'unmatched rcu read unlock (kernel function bpf_rcu_read_unlock)',
          }),
        ];
      return [next(afterCall({ ...s, rcu: false }, NONE))];
    case 'preempt-disable':
      return [next(afterCall({ ...s, preempt: s.preempt + 1 }, NONE))];
    case 'preempt-enable':
      if (s.preempt === 0)
        return [
          rejectAt(s, pc, {
            class: 'region-misuse',
            message: 'unmatched attempt to enable preemption (kernel function bpf_preempt_enable)',
          }),
        ];
      return [next(afterCall({ ...s, preempt: s.preempt - 1 }, NONE))];
    case 'random-u32':
      // RET_INTEGER: the verifier knows nothing of the u32 (no retval refinement for this helper).
      return [next(afterCall(s, SCALAR()))];
    case 'time-u64':
      return [next(afterCall(s, SCALAR()))];
    case 'get-exception':
      return [next(afterCall(s, SCALAR(scalarURange(0n, 1n))))];
    case 'reset-exception':
      return [next(afterCall(s, SCALAR()))];
    case 'loop':
      return loop(env, s, pc);
    default: {
      const never: never = fn.effect;
      throw new Error(`unknown effect ${String(never)}`);
    }
  }
}

/** bpf_loop: the state continues past the call first; the callback is entered after (push_callback_call). */
function loop(env: StepEnv, s: State, pc: number): Outcome[] {
  const f = top(s);
  // check_helper_call runs check_func_arg argument by argument: each register is read (check_reg_arg,
  // `!read_ok`) and then its type checked (check_reg_type) before the next one is looked at.
  const uninit = (r: number): Outcome | null =>
    f.regs[r]!.k === 'none' ? rejectAt(s, pc, { class: 'uninit', message: `R${r} !read_ok` }) : null;
  const bad1 = uninit(1); // ARG_ANYTHING: any value (root may pass a pointer)
  if (bad1 !== null) return [bad1];
  const bad2 = uninit(2);
  if (bad2 !== null) return [bad2];
  const cb = f.regs[2]!;
  if (cb.k !== 'func')
    return [rejectAt(s, pc, { class: 'bad-arg', message: `R2 type=${typeName(cb)} expected=func` })];
  const bad3 = uninit(3);
  if (bad3 !== null) return [bad3];
  const ctx = f.regs[3]!; // ARG_PTR_TO_STACK_OR_NULL
  if (!isKnownZero(ctx) && ctx.k !== 'fp')
    return [rejectAt(s, pc, { class: 'bad-arg', message: `R3 type=${typeName(ctx)} expected=fp` })];
  const bad4 = uninit(4); // ARG_ANYTHING
  if (bad4 !== null) return [bad4];
  // Every argument passed: the kernel would now use a pointer count's bounds (a WARN on this kernel).
  const nr = f.regs[1]!;
  if (nr.k !== 'scalar') return [unsupportedAt(s, pc, 'a pointer as bpf_loop count')];
  const skip: Outcome = { to: 'pc', pc: pc + 1, s: { ...afterCall(s, SCALAR()), key: s.key + '0' } };
  // check_helper_call for bpf_loop pushes the callback only while the frame's callback_depth (the rounds
  // already run, each callback exit back to this call adds one) is below the count's umax: a count that
  // is surely 0 never enters it (nor marks it is_cb, nor checks frames), a count of 1 runs one round.
  if (BigInt(env.callbackDepth) >= nr.s.umax) return [skip];
  // push_callback_call: the subprogram is a callback from now on (subprog_info is_cb), whatever the
  // callback's own paths do; check_max_stack_depth_subprog reads the flag after do_check. It is set
  // before setup_func_entry checks the frames.
  env.isCallback[cb.subprog] = true;
  if (s.frames.length >= MAX_FRAMES)
    return [
      rejectAt(s, pc, {
        class: 'call-depth',
        message: `the call stack of ${s.frames.length + 1} frames is too deep`,
      }),
    ];
  const regs: Val[] = Array.from({ length: 11 }, () => NONE);
  regs[1] = SCALAR(); // set_loop_callback_state: the index is an unknown scalar
  regs[2] = ctx;
  regs[10] = { k: 'fp', frame: s.frames.length, off: 0 };
  const frame: Frame = { subprog: cb.subprog, callsite: pc, callback: true, regs, stack: [] };
  const entry: State = { ...s, frames: [...s.frames, frame], key: s.key + '1' };
  return [skip, { to: 'call', s: entry, callee: cb.subprog, callback: true }];
}

export function callSubprog(env: StepEnv, s: State, pc: number, target: number): Outcome[] {
  const f = top(s);
  const callee = env.shape.owner[target]!;
  const sp = env.shape.subprogs[callee]!;
  if (sp.linkage === 'global') {
    // btf_check_func_arg_match: each argument must be a scalar (`R1 is not a scalar`; NOT_INIT is not one,
    // there is no `!read_ok` check first), then check_func_call's own line.
    for (let r = 1; r <= sp.args; r++) {
      const v = f.regs[r]!;
      if (v.k !== 'scalar')
        return [
          rejectAt(s, pc, {
            class: 'bad-arg',
            message: `Caller passes invalid args into func#${callee} ('${sp.name}')`,
          }),
        ];
    }
    // check_func_call: a global whose call passed the argument check is verified after main.
    env.called[callee] = true;
    if (env.globalThrows[callee] === true) {
      if (!env.quirks.includes('seed-global-resources')) {
        const leak = resourceLeak(env.profile, 'bpf_throw', s.refs, s.rcu, s.preempt);
        if (leak !== null) return [rejectAt(s, pc, leak)];
      }
      markChain(env, s, pc);
    }
    const out: Outcome[] = [{ to: 'pc', pc: pc + 1, s: afterCall(s, SCALAR()) }];
    if (env.globalThrows[callee] === true) out.push({ to: 'throw', s });
    return out;
  }
  if (s.frames.length >= MAX_FRAMES)
    return [
      rejectAt(s, pc, {
        class: 'call-depth',
        message: `the call stack of ${s.frames.length + 1} frames is too deep`,
      }),
    ];
  const regs: Val[] = Array.from({ length: 11 }, () => NONE);
  for (let r = 1; r <= 5; r++) regs[r] = f.regs[r]!;
  regs[10] = { k: 'fp', frame: s.frames.length, off: 0 };
  const frame: Frame = { subprog: callee, callsite: pc, callback: false, regs, stack: [] };
  return [{ to: 'call', s: { ...s, frames: [...s.frames, frame] }, callee, callback: false }];
}

export { BPF_LOOP_ID, GET_EXCEPTION_ID, RESET_EXCEPTION_ID };
