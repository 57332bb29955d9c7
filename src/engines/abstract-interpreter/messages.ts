/** The kernel's words for the rejections this engine reports (SPEC §4 table and verifier.c). */
import type { Profile } from '../../bpf/profile.js';
import type { RejectClass } from '../../bpf/result.js';
import type { Ref } from './state.js';

export interface Rejection {
  readonly class: RejectClass;
  readonly message: string;
}

export const reject = (cls: RejectClass, message: string): Rejection => ({ class: cls, message });

/**
 * The resources still held at a throw (`bpf_throw`, also a call to a throwing global) or at main's exit
 * (`BPF_EXIT instruction in main prog`). Under mainline check_resource_leak: references first, then RCU,
 * then preemption. Under rfc the RFC's process_bpf_exit_full: the RCU region first
 * (`bpf_rcu_read_unlock is missing`; the preempt region, which the RFC's kernel lacked, right after it),
 * then check_reference_leak, whose last line names the last reference held.
 */
export function resourceLeak(
  profile: Profile,
  where: 'bpf_throw' | 'BPF_EXIT instruction in main prog',
  refs: readonly Ref[],
  rcu: boolean,
  preempt: number,
): Rejection | null {
  if (profile === 'rfc') return regionLeakRfc(rcu, preempt) ?? unreleased(refs);
  if (refs.length > 0) return reject('ref-leak', `${where} would lead to reference leak`);
  if (rcu) return reject('region-open', `${where} cannot be used inside bpf_rcu_read_lock-ed region`);
  if (preempt > 0)
    return reject('region-open', `${where} cannot be used inside bpf_preempt_disable-ed region`);
  return null;
}

/** rfc: the RFC's do_check checks the regions at every BPF_EXIT and throw, in any frame. */
export function regionLeakRfc(rcu: boolean, preempt: number): Rejection | null {
  if (rcu) return reject('region-open', 'bpf_rcu_read_unlock is missing');
  if (preempt > 0) return reject('region-open', 'bpf_preempt_enable is missing');
  return null;
}

/** check_reference_leak's last line: the last reference of those held. */
export function unreleased(refs: readonly Ref[]): Rejection | null {
  const last = refs[refs.length - 1];
  return last === undefined
    ? null
    : reject('ref-leak', `Unreleased reference id=${last.id} alloc_insn=${last.insn}`);
}
