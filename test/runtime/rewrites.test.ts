/**
 * Hand-written SPEC §5 rewrites (corpus/runtime/NAME.rewrite.s) run instrumented give the outcome their
 * original gives in reference mode, on every input and under every slot model; a rewrite that misses a
 * callsite check does not, and the diff says where.
 */
import { describe, expect, it } from 'vitest';
import { compareOutcomes } from '../../src/runtime/compare.js';
import { renderDiffs } from '../../src/runtime/render-diff.js';
import { runProgram } from '../../src/runtime/run.js';
import { SLOT_MODELS } from '../../src/runtime/slots.js';
import { loadRuntimeProgram } from './corpus.js';

const PAIRS = [
  'throw-in-main',
  'nested-throw',
  'nested-throw-rfc',
  'global-throw',
  'loop-throw-rfc',
  'ref-transfer',
];

describe('a rewrite run instrumented behaves like its original run with real unwinding', () => {
  for (const name of PAIRS) {
    for (const slots of SLOT_MODELS) {
      it(`${name} (${slots})`, () => {
        const reference = runProgram(loadRuntimeProgram(name), { mode: 'reference', slots });
        const instrumented = runProgram(loadRuntimeProgram(`${name}.rewrite`), {
          mode: 'instrumented',
          slots,
        });
        expect(reference.length).toBeGreaterThan(1);
        // Not vacuous: some input throws, and nothing faults.
        expect(reference.some((o) => o.thrown)).toBe(true);
        for (const o of [...reference, ...instrumented]) expect(o.fault).toBeNull();
        reference.forEach((expected, i) => {
          expect(renderDiffs(compareOutcomes(expected, instrumented[i]!))).toBe('outcomes agree');
          // SPEC §7: nothing held at the end, and the slot clear after main exits.
          expect(instrumented[i]!.slotAfter).toEqual({ thrown: false, cookie: '0' });
        });
      });
    }
  }

  it('also when a ref-transfer create returns NULL', () => {
    const reference = runProgram(loadRuntimeProgram('ref-transfer'), { nullCreates: [1] });
    const instrumented = runProgram(loadRuntimeProgram('ref-transfer.rewrite'), {
      mode: 'instrumented',
      nullCreates: [1],
    });
    expect(reference[0]!.retval).toBe('0');
    expect(reference.map((e, i) => compareOutcomes(e, instrumented[i]!))).toEqual([[], []]);
  });
});

describe('a wrong rewrite', () => {
  it('missing the callsite check after a throwing call gives another outcome, and the diff names the fields', () => {
    const reference = runProgram(loadRuntimeProgram('nested-throw'));
    const wrong = runProgram(loadRuntimeProgram('nested-throw.no-callsite-check'), { mode: 'instrumented' });
    // Input 0 does not throw: the missing check is invisible there.
    expect(compareOutcomes(reference[0]!, wrong[0]!)).toEqual([]);
    // Input 1 throws in inner: main carries on after outer returned with the exception pending.
    const diffs = compareOutcomes(reference[1]!, wrong[1]!);
    expect(diffs.map((d) => d.field)).toEqual(['retval', 'ctx', 'slotAfter']);
    expect(diffs[0]).toEqual({ field: 'retval', expected: '11', actual: '1' });
    expect(diffs[2]).toEqual({
      field: 'slotAfter',
      expected: { thrown: false, cookie: '0' },
      actual: { thrown: true, cookie: '11' },
    });
    expect(renderDiffs(diffs)).toBe(
      [
        'retval: expected 11, actual 1',
        'ctx: first difference at byte 8: expected 0000000000000000..., actual 0100000000000000...',
        'slotAfter: expected {"thrown":false,"cookie":"0"}, actual {"thrown":true,"cookie":"11"}',
      ].join('\n'),
    );
  });

  it('running the original itself instrumented is wrong too: bpf_throw returns into code never meant to run', () => {
    const reference = runProgram(loadRuntimeProgram('throw-in-main'));
    const unrewritten = runProgram(loadRuntimeProgram('throw-in-main'), { mode: 'instrumented' });
    expect(compareOutcomes(reference[1]!, unrewritten[1]!).map((d) => d.field)).toEqual([
      'retval',
      'slotAfter',
    ]);
  });
});
