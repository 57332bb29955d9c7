/**
 * Throws (SPEC §4): marking the call chain (mark_chain_throw, set_throw_state_type) and the resource
 * checks at a throw or an exit (check_resource_leak in mainline, process_bpf_exit_full of RFC v1).
 */
import type { Mark } from '../../bpf/result.js';
import { Reject, type Env } from './env.js';

/** set_throw_state_type */
function setThrowStateType(env: Env, pc: number, frame: number, subprog: number): void {
  const type: Exclude<Mark, 'none'> = frame === 0 && subprog === 0 && env.kind !== 'ext' ? 'outer' : 'inner';
  const old = env.marks.get(pc);
  if (old !== undefined && old !== type) {
    const num = (m: Exclude<Mark, 'none'>): number => (m === 'outer' ? 1 : 2);
    throw new Reject(
      'structure',
      `conflicting rewrite type for throwing call insn ${pc}: ${num(old)} and ${num(type)}`,
      pc,
    );
  }
  env.marks.set(pc, type);
}

/** mark_chain_throw: every callsite on the current frame chain, and the throwing instruction itself. */
export function markChainThrow(env: Env, pc: number): void {
  const frames = env.cur.frames;
  for (let i = 1; i < frames.length; i++) {
    const sub = frames[i - 1]!.subprog;
    env.canThrow[sub] = true;
    setThrowStateType(env, frames[i]!.callsite, i - 1, sub);
  }
  const top = frames[frames.length - 1]!.subprog;
  env.canThrow[top] = true;
  setThrowStateType(env, pc, frames.length - 1, top);
}

/** `Unreleased reference id=%d alloc_insn=%d`, one line per reference held (check_reference_leak). */
function refLines(env: Env): string[] {
  return env.cur.refs.map((r) => `Unreleased reference id=${r.id} alloc_insn=${r.insn}`);
}

/**
 * The resource check of a throw (an exception exit), also applied to a call of a throwing global in the
 * corrected semantics: every reference of the state, and both regions.
 */
export function checkThrowResources(env: Env, pc: number): void {
  const s = env.cur;
  if (env.profile === 'mainline') {
    // check_resource_leak(env, true, true, "bpf_throw")
    if (s.refs.length > 0) {
      const lines = refLines(env);
      throw new Reject('ref-leak', 'bpf_throw would lead to reference leak', pc, lines);
    }
    if (s.rcu > 0)
      throw new Reject('region-open', 'bpf_throw cannot be used inside bpf_rcu_read_lock-ed region', pc);
    if (s.preempt > 0)
      throw new Reject('region-open', 'bpf_throw cannot be used inside bpf_preempt_disable-ed region', pc);
    return;
  }
  // RFC v1 process_bpf_exit_full: regions first, then check_reference_leak(env, true)
  checkRfcRegions(env, pc);
  if (s.refs.length > 0) {
    const lines = refLines(env);
    throw new Reject('ref-leak', lines[lines.length - 1]!, pc, lines.slice(0, -1));
  }
}

function checkRfcRegions(env: Env, pc: number): void {
  if (env.cur.rcu > 0) throw new Reject('region-open', 'bpf_rcu_read_unlock is missing', pc);
  if (env.cur.preempt > 0) throw new Reject('region-open', 'bpf_preempt_enable is missing', pc);
}

/** The resource check of a normal `exit` (before prepare_func_exit or check_return_code). */
export function checkExitResources(env: Env, pc: number): void {
  const s = env.cur;
  const frames = s.frames;
  const top = frames[frames.length - 1]!;
  if (env.profile === 'mainline') {
    // check_resource_leak(env, false, !curframe, "BPF_EXIT instruction in main prog")
    if (frames.length > 1) return;
    if (s.refs.length > 0) {
      const lines = refLines(env);
      throw new Reject(
        'ref-leak',
        'BPF_EXIT instruction in main prog would lead to reference leak',
        pc,
        lines,
      );
    }
    if (s.rcu > 0)
      throw new Reject(
        'region-open',
        'BPF_EXIT instruction in main prog cannot be used inside bpf_rcu_read_lock-ed region',
        pc,
      );
    if (s.preempt > 0)
      throw new Reject(
        'region-open',
        'BPF_EXIT instruction in main prog cannot be used inside bpf_preempt_disable-ed region',
        pc,
      );
    return;
  }
  // RFC v1: region checks at every exit; references at main's exit and, for what it acquired, a callback's
  checkRfcRegions(env, pc);
  let refs = s.refs;
  if (frames.length > 1) {
    if (!top.inCallback) return;
    refs = refs.filter((r) => r.callbackRef === top.frameno);
  }
  if (refs.length > 0) {
    const lines = refs.map((r) => `Unreleased reference id=${r.id} alloc_insn=${r.insn}`);
    throw new Reject('ref-leak', lines[lines.length - 1]!, pc, lines.slice(0, -1));
  }
}
