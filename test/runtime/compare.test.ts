/** Outcome comparison as data, and its rendering. */
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/bpf/result.js';
import { compareOutcomes } from '../../src/runtime/compare.js';
import { renderDiffs } from '../../src/runtime/render-diff.js';

const base: RunOutcome = {
  input: '00',
  retval: '7',
  ctx: '0000',
  thrown: true,
  cookie: '7',
  unwound: ['f', 'main'],
  events: ['bpf_rcu_read_lock()', 'bpf_rcu_read_unlock()'],
  held: { refs: [], rcu: 0, preempt: 0 },
  slotAfter: { thrown: false, cookie: '0' },
  fault: null,
  indeterminate: false,
};

describe('compareOutcomes', () => {
  it('equal outcomes have no diffs', () => {
    expect(compareOutcomes(base, { ...base, held: { refs: [], rcu: 0, preempt: 0 } })).toEqual([]);
  });

  it('names every differing field, in order, with both values', () => {
    const actual: RunOutcome = {
      ...base,
      ctx: '0001',
      held: { refs: [2], rcu: 0, preempt: 0 },
      indeterminate: true,
    };
    expect(compareOutcomes(base, actual)).toEqual([
      { field: 'ctx', expected: '0000', actual: '0001' },
      { field: 'held', expected: base.held, actual: actual.held },
      { field: 'indeterminate', expected: false, actual: true },
    ]);
  });

  it('compares thrown, cookie and unwound only when both outcomes observed them', () => {
    const instrumented: RunOutcome = { ...base, thrown: null, cookie: null, unwound: null };
    expect(compareOutcomes(base, instrumented)).toEqual([]);
    expect(compareOutcomes(base, { ...base, unwound: ['main'] }).map((d) => d.field)).toEqual(['unwound']);
  });

  it('renders one line per field, pointing at the first difference', () => {
    const actual: RunOutcome = {
      ...base,
      retval: null,
      events: ['bpf_rcu_read_lock()'],
      fault: { kind: 'fuel-exhausted', pc: 3, message: 'the fuel budget ran out' },
    };
    expect(renderDiffs(compareOutcomes(base, actual))).toBe(
      [
        'retval: expected 7, actual null',
        'events: first difference at #1: expected bpf_rcu_read_unlock(), actual (none) (2 vs 1 events)',
        'fault: expected null, actual {"kind":"fuel-exhausted","pc":3,"message":"the fuel budget ran out"}',
      ].join('\n'),
    );
  });
});
