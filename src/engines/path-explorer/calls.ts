/**
 * Calls: static subprograms (setup_func_entry), globals (not explored; SPEC §4), helpers
 * (check_helper_call incl. bpf_loop's push_callback_call) and kfuncs (check_kfunc_call).
 */
import { BPF_LOOP_ID, helperById, kernelFnByName } from '../../bpf/kernel-functions.js';
import { Reject, unsupported, type Env } from './env.js';
import { markChainPrecision } from './precision.js';
import { checkInstrumentationHelper } from './instrumentation.js';
import { checkRead, regOf, regTypeStr } from './regs.js';
import { pushStack } from './stack.js';
import { curFrame, newFrame, NOT_INIT, unknownScalar, type RegState, type VState } from './state.js';
import { checkThrowResources, markChainThrow } from './throw.js';
import { tnumIsConst } from './tnum.js';

const MAX_CALL_FRAMES = 8;

/** clear_caller_saved_regs / mark_reg_not_init of R0-R5. */
function clearCallerSaved(regs: RegState[]): void {
  for (let r = 0; r <= 5; r++) regs[r] = NOT_INIT;
}

/** setup_func_entry: a new frame in `st` for `subprog`, called from `callsite`. */
function setupFuncEntry(env: Env, st: VState, subprog: number, callsite: number, inCallback: boolean): void {
  if (st.frames.length >= MAX_CALL_FRAMES)
    throw new Reject(
      'call-depth',
      `the call stack of ${st.frames.length + 1} frames is too deep`,
      env.insnIdx,
    );
  const caller = st.frames[st.frames.length - 1]!;
  const callee = newFrame(callsite, st.frames.length, subprog, inCallback);
  if (inCallback) {
    // set_loop_callback_state: (index, ctx)
    callee.regs[1] = unknownScalar();
    callee.regs[2] = caller.regs[3]!;
  } else {
    // set_callee_state
    for (let r = 1; r <= 5; r++) callee.regs[r] = caller.regs[r]!;
  }
  st.frames.push(callee);
}

/** A pseudo call. Returns the pc to continue at. */
export function checkFuncCall(env: Env, pc: number, off: number): number {
  const target = pc + off + 1;
  const subprog = env.subprogs.findIndex((s) => s.startPc === target);
  const sub = env.subprogs[subprog]!;
  if (sub.linkage === 'global') {
    const caller = curFrame(env.cur);
    // btf_check_subprog_call: scalar arguments only
    for (let r = 1; r <= sub.args; r++) {
      if (caller.regs[r]!.kind !== 'scalar')
        throw new Reject('bad-arg', `Caller passes invalid args into func#${subprog} ('${sub.name}')`, pc, [
          `R${r} is not a scalar`,
        ]);
    }
    env.called[subprog] = true;
    clearCallerSaved(caller.regs);
    caller.regs[0] = unknownScalar();
    if (env.globalCanThrow(subprog)) {
      // Checked like a throw, and marks only when it passes (SPEC §4 "Otherwise").
      if (!env.quirks.has('seed-global-resources')) checkThrowResources(env, pc);
      markChainThrow(env, pc);
    }
    return pc + 1;
  }
  setupFuncEntry(env, env.cur, subprog, pc, false);
  clearCallerSaved(env.cur.frames[env.cur.frames.length - 2]!.regs);
  return target;
}

/** A helper call (bpf_loop, bpf_get_prandom_u32, bpf_ktime_get_ns). */
export function checkHelperCall(env: Env, pc: number, id: number): number {
  const fn = helperById(id);
  if (!fn || (fn.modelOnly && !env.instrumented)) throw unsupported(`helper #${id}`, pc);
  if (fn.modelOnly) return checkInstrumentationHelper(env, pc, fn);
  const regs = curFrame(env.cur).regs;
  if (id === BPF_LOOP_ID) {
    // check_func_arg for each argument, in order
    checkRead(env, 1);
    const cb = checkRead(env, 2);
    if (cb.kind !== 'func') throw new Reject('bad-arg', `R2 type=${regTypeStr(cb)} expected=func`, pc);
    const ctx = checkRead(env, 3);
    const isNull = ctx.kind === 'scalar' && tnumIsConst(ctx.var) && ctx.var.value === 0n;
    if (!isNull && ctx.kind !== 'stack')
      throw new Reject('bad-arg', `R3 type=${regTypeStr(ctx)} expected=fp`, pc);
    checkRead(env, 4);
    const nr = regOf(env, 1);
    if (nr.kind !== 'scalar') throw unsupported('bpf_loop with a pointer count', pc);
    // update_loop_inline_state: a zero flags argument is made precise while the call can be inlined
    const inline = env.loopInline.get(pc);
    const flags = regOf(env, 4);
    const flagsZero = flags.kind === 'scalar' && tnumIsConst(flags.var) && flags.var.value === 0n;
    if (!inline) {
      if (flagsZero) markChainPrecision(env, 4);
      env.loopInline.set(pc, { fit: flagsZero, subprog: cb.subprog });
    } else if (inline.fit) {
      if (flagsZero) markChainPrecision(env, 4);
      inline.fit = flagsZero && inline.subprog === cb.subprog;
    }
    markChainPrecision(env, 1);
    const caller = curFrame(env.cur);
    if (BigInt(caller.callbackDepth) < nr.umax) {
      // push_callback_call: the callback is explored later, from its own pushed state
      env.isCb[cb.subprog] = true;
      const cbState = pushStack(env, env.subprogs[cb.subprog]!.startPc, pc);
      setupFuncEntry(env, cbState, cb.subprog, pc, true);
      cbState.frames[cbState.frames.length - 2]!.callbackDepth++;
      caller.callbackDepth = 0;
    } else {
      caller.callbackDepth = 0;
    }
  }
  clearCallerSaved(regs);
  regs[0] = unknownScalar();
  return pc + 1;
}

/** A kfunc call. Returns the next pc, or 'throw' for bpf_throw (the path ends there). */
export function checkKfuncCall(env: Env, pc: number, name: string): number | 'throw' {
  const fn = kernelFnByName(name);
  if (fn?.kind !== 'kfunc') throw unsupported(`kfunc ${name}`, pc);
  const s = env.cur;
  const regs = curFrame(s).regs;
  let release: Extract<RegState, { kind: 'obj' }> | null = null;
  switch (fn.effect) {
    case 'throw':
      if (env.profile === 'mainline') {
        // check_kfunc_args: u64 cookie; then check_return_code(env, BPF_REG_1, "R1")
        if (regs[1]!.kind !== 'scalar') throw new Reject('bad-arg', 'R1 is not a scalar', pc);
      }
      break;
    case 'release':
      release = checkReleaseArg(regs[1]!, name, pc);
      break;
    case 'rcu-lock':
      if (s.rcu > 0) throw new Reject('region-misuse', `nested rcu read lock (kernel function ${name})`, pc);
      s.rcu = 1;
      break;
    case 'rcu-unlock':
      if (s.rcu === 0)
        throw new Reject('region-misuse', `unmatched rcu read unlock (kernel function ${name})`, pc);
      s.rcu = 0;
      break;
    case 'preempt-disable':
      s.preempt++;
      break;
    case 'preempt-enable':
      if (s.preempt === 0)
        throw new Reject(
          'region-misuse',
          `unmatched attempt to enable preemption (kernel function ${name})`,
          pc,
        );
      s.preempt--;
      break;
    case 'acquire':
      break;
    case 'loop':
    case 'random-u32':
    case 'time-u64':
    case 'get-exception':
    case 'reset-exception':
      throw unsupported(`kfunc ${name}`, pc);
    default: {
      const never: never = fn.effect;
      throw new Error(String(never));
    }
  }
  if (release !== null) releaseReference(s, release.refObjId);
  clearCallerSaved(regs);
  if (fn.effect === 'acquire') {
    // ret_null: a fresh id for the null test, then acquire_reference; the object takes the reference's id
    ++env.idGen;
    const id = ++env.idGen;
    const top = curFrame(s);
    s.refs.push({ id, insn: pc, callbackRef: top.inCallback ? top.frameno : 0 });
    regs[0] = { kind: 'obj', id, refObjId: id, maybeNull: true };
  }
  // In a rewrite's verification bpf_throw only records the exception and returns (RFC v1 3/9).
  if (fn.effect === 'throw' && !env.instrumented) {
    // A throw the resource check rejects marks nothing (SPEC §4 "Otherwise"): a global whose every throw is
    // rejected is not can_throw, so main's own first violation is reported (the kernel's order, 6.8+).
    checkThrowResources(env, pc);
    markChainThrow(env, pc);
    return 'throw';
  }
  return pc + 1;
}

/** sizeof(struct bpf_cpumask) on this kernel (its cpumask_t depends on NR_CPUS): the bytes a stack argument must cover. */
const CPUMASK_SIZE = 40;
const MAX_BPF_STACK = 512;

/**
 * check_kfunc_args for the release kfunc's one argument, in the kernel's order: kfunc arguments get no
 * check_reg_arg, so an uninitialised R1 (NOT_INIT, var_off unknown) first fails __check_ptr_off_reg; NULL
 * (a zero scalar or a maybe-NULL object); then, for anything but an object (a KF_ARG_PTR_TO_MEM argument),
 * check_func_arg_reg_off and check_mem_reg's helper access of the struct's size; the last word is the
 * release check (`expects refcounted`).
 */
function checkReleaseArg(r1: RegState, name: string, pc: number): Extract<RegState, { kind: 'obj' }> {
  const refcounted = (): Reject =>
    new Reject('bad-arg', `release kernel function ${name} expects refcounted PTR_TO_BTF_ID`, pc);
  if (r1.kind === 'none')
    throw new Reject('bad-access', 'variable ? access var_off=(0x0; 0xffffffffffffffff) disallowed', pc);
  const isZero = r1.kind === 'scalar' && tnumIsConst(r1.var) && r1.var.value === 0n;
  if (isZero || (r1.kind === 'obj' && r1.maybeNull))
    throw new Reject('bad-arg', 'Possibly NULL pointer passed to trusted arg0', pc);
  switch (r1.kind) {
    case 'obj':
      return r1;
    case 'scalar':
    case 'func':
      // check_helper_mem_access: neither is memory
      throw new Reject('bad-arg', `R1 type=${regTypeStr(r1)} expected=fp`, pc);
    case 'ctx':
      // __check_ptr_off_reg(fixed_off_ok = false); a SYSCALL ctx is memory to a helper
      if (r1.off < 0)
        throw new Reject('bad-access', `negative offset ctx ptr R1 off=${r1.off} disallowed`, pc);
      if (r1.off > 0)
        throw new Reject('bad-access', `dereference of modified ctx ptr R1 off=${r1.off} disallowed`, pc);
      throw refcounted();
    case 'stack':
      // check_stack_access_within_bounds for the struct's bytes
      if (r1.off < -MAX_BPF_STACK || r1.off + CPUMASK_SIZE > 0)
        throw new Reject(
          r1.off < -MAX_BPF_STACK ? 'stack' : 'bad-access',
          `invalid read from stack R1 off=${r1.off} size=${CPUMASK_SIZE}`,
          pc,
        );
      throw refcounted();
    default: {
      const never: never = r1;
      throw new Error(String(never));
    }
  }
}

/** release_reference: drop the reference; every register holding the object becomes an unknown scalar. */
function releaseReference(s: VState, refObjId: number): void {
  s.refs = s.refs.filter((r) => r.id !== refObjId);
  for (const f of s.frames) {
    f.regs.forEach((v, i) => {
      if (v.kind === 'obj' && v.refObjId === refObjId) f.regs[i] = unknownScalar();
    });
    f.stack.forEach((slot, spi) => {
      if (slot.spilled.kind === 'obj' && slot.spilled.refObjId === refObjId) {
        f.stack = f.stack.slice();
        f.stack[spi] = { ...slot, spilled: unknownScalar() };
      }
    });
  }
}
