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
 * check_resource_leak at a throw (`bpf_throw`) or at main's exit (`BPF_EXIT instruction in main prog`):
 * references first, then RCU, then preemption. Under rfc the RFC's words (check_reference_leak's last line).
 */
export function resourceLeak(
  profile: Profile,
  where: 'bpf_throw' | 'BPF_EXIT instruction in main prog',
  refs: readonly Ref[],
  rcu: boolean,
  preempt: number,
): Rejection | null {
  if (refs.length > 0) {
    if (profile === 'rfc') {
      const last = refs[refs.length - 1]!;
      return reject('ref-leak', `Unreleased reference id=${last.id} alloc_insn=${last.insn}`);
    }
    return reject('ref-leak', `${where} would lead to reference leak`);
  }
  if (rcu)
    return reject(
      'region-open',
      profile === 'rfc'
        ? 'bpf_rcu_read_unlock is missing'
        : `${where} cannot be used inside bpf_rcu_read_lock-ed region`,
    );
  if (preempt > 0)
    return reject(
      'region-open',
      profile === 'rfc'
        ? 'bpf_preempt_enable is missing'
        : `${where} cannot be used inside bpf_preempt_disable-ed region`,
    );
  return null;
}
