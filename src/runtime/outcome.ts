/** The outcome of a finished invocation, as plain JSON (RunOutcome, SPEC §6). */
import { toHex } from '../bpf/codec.js';
import type { RunOutcome } from '../bpf/result.js';
import type { Machine } from './machine.js';
import { u64String } from './u64.js';

export function outcomeOf(m: Machine): RunOutcome {
  if (!m.finished) throw new Error('outcomeOf: the invocation has not finished');
  const refs: number[] = [];
  m.objects.forEach((state, ordinal) => {
    if (state === 1) refs.push(ordinal);
  });
  // Only the reference mode sees a throw as such; a rewrite turns an outer throw into a plain return.
  const observesThrow = m.mode === 'reference';
  return {
    input: toHex(m.input),
    retval: m.fault ? null : u64String(m.retLo, m.retHi),
    ctx: toHex(m.ctx),
    thrown: observesThrow ? m.thrown : null,
    cookie: observesThrow && m.thrown ? u64String(m.cookieLo, m.cookieHi) : null,
    unwound: observesThrow ? (m.unwound ?? []) : null,
    events: [...m.events],
    held: { refs, rcu: m.rcu, preempt: m.preempt },
    slotAfter: m.slot.state(),
    fault: m.fault,
    indeterminate: m.indeterminate,
  };
}
