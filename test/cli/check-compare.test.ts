/** How check compares engine answers (accept/reject, class, message with ids normalised; no verdict never disagrees). */
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/bpf/result.js';
import { answerOf, compareAnswers, comparisonText, type Answer } from '../../src/cli/check-compare.js';
import type { EngineResult } from '../../src/engines/contract.js';

const accepted: Answer = { kind: 'verdict', accepted: true, class: null, message: null, facts: null };
const acceptedWith = (facts: string): Answer => ({
  kind: 'verdict',
  accepted: true,
  class: null,
  message: null,
  facts,
});
const leak: Answer = {
  kind: 'verdict',
  accepted: false,
  class: 'ref-leak',
  message: 'bpf_throw would lead to reference leak',
  facts: null,
};
const uninit: Answer = {
  kind: 'verdict',
  accepted: false,
  class: 'uninit',
  message: 'R2 !read_ok',
  facts: null,
};
const unreleased = (message: string): Answer => ({
  kind: 'verdict',
  accepted: false,
  class: 'ref-leak',
  message,
  facts: null,
});

describe('compareAnswers', () => {
  it('two model engines accepting with other facts differ, and the line shows both; the kernel has none', () => {
    const a = acceptedWith('marks 8:outer 22:outer; can_throw main; stack main=24');
    const b = acceptedWith('marks 8:outer; can_throw main; stack main=24');
    const c = compareAnswers([
      { engine: 'kernel', answer: accepted },
      { engine: 'path-explorer', answer: a },
      { engine: 'abstract-interpreter', answer: b },
    ]);
    expect(comparisonText(c)).toBe(
      'differ: kernel accepted, path-explorer accepted (marks 8:outer 22:outer; can_throw main; stack main=24), ' +
        'abstract-interpreter accepted (marks 8:outer; can_throw main; stack main=24)',
    );
    expect(
      compareAnswers([
        { engine: 'kernel', answer: accepted },
        { engine: 'path-explorer', answer: a },
      ]).kind,
    ).toBe('agree');
    expect(
      compareAnswers([
        { engine: 'path-explorer', answer: a },
        {
          engine: 'abstract-interpreter',
          answer: acceptedWith('marks 8:outer 22:outer; can_throw main; stack main=24'),
        },
      ]).kind,
    ).toBe('agree');
  });

  it('agree when every engine with a verdict has the same verdict and class', () => {
    const c = compareAnswers([
      { engine: 'kernel', answer: leak },
      { engine: 'path-explorer', answer: leak },
    ]);
    expect(c).toEqual({ kind: 'agree', verdict: leak });
    expect(comparisonText(c)).toBe('agree: rejected (ref-leak)');
  });

  it('differ on accept/reject, and on the class of two rejections', () => {
    const c = compareAnswers([
      { engine: 'kernel', answer: accepted },
      { engine: 'path-explorer', answer: leak },
    ]);
    expect(c.kind).toBe('differ');
    expect(comparisonText(c)).toBe('differ: kernel accepted, path-explorer rejected (ref-leak)');
    expect(
      compareAnswers([
        { engine: 'kernel', answer: uninit },
        { engine: 'path-explorer', answer: leak },
      ]).kind,
    ).toBe('differ');
  });

  it('two rejections differing only in a reference id agree; in alloc_insn they differ', () => {
    const c = compareAnswers([
      { engine: 'kernel', answer: unreleased('Unreleased reference id=3 alloc_insn=5') },
      { engine: 'path-explorer', answer: unreleased('Unreleased reference id=7 alloc_insn=5') },
    ]);
    expect(c.kind).toBe('agree');
    const d = compareAnswers([
      { engine: 'kernel', answer: unreleased('Unreleased reference id=3 alloc_insn=5') },
      { engine: 'path-explorer', answer: unreleased('Unreleased reference id=3 alloc_insn=6') },
    ]);
    expect(d.kind).toBe('differ');
    expect(comparisonText(d)).toBe(
      'differ: kernel rejected (ref-leak) "Unreleased reference id=3 alloc_insn=5", path-explorer rejected (ref-leak) "Unreleased reference id=3 alloc_insn=6"',
    );
  });

  it('an engine without a verdict (not applicable, skipped, fault) never disagrees', () => {
    for (const none of [
      { kind: 'not-applicable', reason: 'unsupported: ALU mul' },
      { kind: 'skipped' },
      { kind: 'fault', reason: 'executor died' },
    ] as const) {
      const c = compareAnswers([
        { engine: 'kernel', answer: accepted },
        { engine: 'path-explorer', answer: none },
      ]);
      expect(c).toEqual({ kind: 'not-compared', answered: ['kernel'] });
      expect(comparisonText(c)).toBe('not compared: only kernel gave a verdict');
    }
  });
});

describe('answerOf', () => {
  const pe = (verdict: Verdict): EngineResult => ({
    engine: 'path-explorer',
    result: {
      engine: 'path-explorer',
      profile: 'mainline',
      quirks: [],
      result: { verdict, facts: null, rewrite: null, stats: { insnsProcessed: 0, states: 0 }, log: null },
      rewriteVerdict: null,
    },
  });

  it('a model engine outside its fragment is not applicable; an internal error is a fault', () => {
    expect(
      answerOf(pe({ accepted: null, status: 'unsupported', reason: 'unsupported: x', insn: 1 })),
    ).toEqual({
      kind: 'not-applicable',
      reason: 'unsupported: x',
    });
    expect(answerOf(pe({ accepted: null, status: 'internal-error', reason: 'boom' }))).toEqual({
      kind: 'fault',
      reason: 'boom',
    });
    expect(answerOf(pe({ accepted: false, class: 'uninit', message: 'R2 !read_ok', insn: 0 }))).toEqual(
      uninit,
    );
  });

  it('the kernel: verdicts, not-applicable, and faults', () => {
    expect(
      answerOf({ engine: 'kernel', result: { status: 'not-applicable', reason: 'rfc profile' } }),
    ).toEqual({ kind: 'not-applicable', reason: 'rfc profile' });
    expect(
      answerOf({
        engine: 'kernel',
        result: {
          status: 'fault',
          stage: 'check',
          fault: { kind: 'crash', op: 'check', exitCode: 3, signal: null, stderr: '' },
        },
      }),
    ).toEqual({
      kind: 'fault',
      reason: 'executor fault during check: executor died during check (exit code 3)',
    });
  });
});
