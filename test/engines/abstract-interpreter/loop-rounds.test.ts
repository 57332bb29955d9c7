/**
 * bpf_loop rounds and fuel: a callback that opens one more preempt region every round never brings the
 * callsite to a fixpoint (widening touches scalars only). check_helper_call bounds the rounds by the
 * count's umax (callback_depth); where the count is unknown the engine's round limit and fuel end the
 * work. Either way the answer is the kernel's, after a bounded number of instructions, never a hang.
 * Pinned on the live kernel by corpus/kernel/bpf-loop-count-one-preempt-round.s and
 * corpus/kernel/bpf-loop-preempt-region-per-round.s (campaign seed 401 case 14885).
 */
import { describe, expect, it } from 'vitest';
import { LOOP_ROUND_LIMIT } from '../../../src/engines/abstract-interpreter/analyze.js';
import { abstractInterpreter } from '../../../src/engines/abstract-interpreter/index.js';
import { parseProgram } from '../../../src/bpf/text/parse.js';

const REGION = 'BPF_EXIT instruction in main prog cannot be used inside bpf_preempt_disable-ed region';

/** main: bpf_loop(count, cb, NULL, 0); cb: bpf_preempt_disable() and return 0. */
const program = (count: string, callbackBody: string[] = ['    call bpf_preempt_disable']) =>
  parseProgram(
    [
      '.ctx 8',
      count,
      '    r2 = cb ll',
      '    r3 = 0',
      '    r4 = 0',
      '    call bpf_loop#181',
      '    r0 = 0',
      '    exit',
      '.func cb static args=2',
      ...callbackBody,
      '    r0 = 0',
      '    exit',
    ].join('\n'),
    'loop.s',
  );

const verify = (count: string, body?: string[]) =>
  abstractInterpreter.verify(program(count, body), { profile: 'mainline', quirks: [] }).result;

describe('bpf_loop rounds', () => {
  it('a count of 1 runs the callback once (callback_depth below umax), as the kernel: 13 insns', () => {
    const r = verify('    r1 = 1');
    expect(r.verdict).toMatchObject({ accepted: false, class: 'region-open', message: REGION });
    // main's 6 up to the call, the callback's 3, then past the call twice (with and without the region).
    expect(r.stats.insnsProcessed).toBe(13);
  });
  it('a count of 3 runs it three times: one state per round continues past the call', () => {
    const r = verify('    r1 = 3', ['    r6 = 0']);
    expect(r.verdict).toMatchObject({ accepted: true });
    const r3 = verify('    r1 = 3');
    expect(r3.verdict).toMatchObject({ accepted: false, class: 'region-open', message: REGION });
    // More rounds than a count of 1, fewer than the round limit an unknown count runs into.
    expect(r3.stats.insnsProcessed).toBeGreaterThan(verify('    r1 = 1').stats.insnsProcessed);
    expect(r3.stats.insnsProcessed).toBeLessThan(verify('    r1 = *(u32 *)(r1 +0)').stats.insnsProcessed);
  });
  it('an unknown count stops at the round limit and still reports the first violation', () => {
    const r = verify('    r1 = *(u32 *)(r1 +0)');
    expect(r.verdict).toMatchObject({ accepted: false, class: 'region-open', message: REGION });
    expect(r.stats.insnsProcessed).toBeLessThanOrEqual(5 + (LOOP_ROUND_LIMIT + 1) * 6);
  });
});
