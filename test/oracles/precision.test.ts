/**
 * The precision oracle is a pure function of an Observation: a join-mode answer against the same engine's
 * exact answer. Here the "joined" answers are real path-explorer answers on another corpus program (or one
 * with its verdict or marks edited), so every outcome, the unsound ones included, is reached on purpose;
 * engine B's real join mode through the campaign's pipeline is tested in
 * test/engines/abstract-interpreter/join.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ModelAnswer } from '../../src/engines/contract.js';
import { engineFaultOracle } from '../../oracles/engine-fault.js';
import { judge } from '../../oracles/index.js';
import { precisionOracle } from '../../oracles/precision.js';
import { answer, load, observe } from './observe.js';

const kernel = (name: string) => load(`corpus/kernel/${name}.s`);
const quiet = kernel('ref-across-quiet-global'); // accepted, marks nothing
const throwing = kernel('throw-main-cookie'); // accepted, marks its bpf_throw outer
const leak = kernel('ref-held-at-throw'); // rejected, ref-leak

const withVerdict = (a: ModelAnswer, verdict: ModelAnswer['result']['verdict']): ModelAnswer => ({
  ...a,
  result: { ...a.result, verdict, facts: null, rewrite: null },
  rewriteVerdict: null,
});
const leakSaying = (message: string): ModelAnswer =>
  withVerdict(answer(leak), { accepted: false, class: 'ref-leak', message, insn: 4 });

const judged = (program = quiet, exact: ModelAnswer, joined: ModelAnswer) =>
  precisionOracle(observe(program, { models: [exact], joined: [joined] })).map((f) => ({
    signature: f.signature,
    severity: f.severity,
  }));

describe('precision oracle', () => {
  it('nothing when join mode is off, or the joined answer is the exact one', () => {
    expect(precisionOracle(observe(quiet))).toEqual([]);
    for (const p of [quiet, throwing, leak]) expect(judged(p, answer(p), answer(p))).toEqual([]);
  });

  it('joined rejects what exact accepts: a precision finding', () => {
    expect(judged(quiet, answer(quiet), answer(leak))).toEqual([
      { signature: 'precision:path-explorer+join=ref-leak:extra-reject:none', severity: 'precision' },
    ]);
  });

  it('joined accepts what exact rejects for a safety class: high; for too-complex: precision', () => {
    expect(judged(leak, answer(leak), answer(quiet))).toEqual([
      {
        signature: 'precision:path-explorer+join=accept,path-explorer=ref-leak:lost-reject:none',
        severity: 'high',
      },
    ]);
    const complex = withVerdict(answer(leak), {
      accepted: false,
      class: 'too-complex',
      message: 'BPF program is too large. Processed 1000001 insn',
      insn: 3,
    });
    expect(judged(leak, complex, answer(quiet))).toEqual([
      {
        signature: 'precision:path-explorer+join=accept,path-explorer=too-complex:lost-reject:none',
        severity: 'precision',
      },
    ]);
  });

  it('both reject: another message is precision; only another reference id is none', () => {
    const exact = leakSaying('Unreleased reference id=2 alloc_insn=0');
    expect(judged(leak, exact, leakSaying('Unreleased reference id=5 alloc_insn=0'))).toEqual([]);
    expect(judged(leak, exact, leakSaying('Unreleased reference id=2 alloc_insn=3'))).toEqual([
      {
        signature: 'precision:path-explorer+join=ref-leak,path-explorer=ref-leak:message:none',
        severity: 'precision',
      },
    ]);
    const uninit = withVerdict(answer(leak), {
      accepted: false,
      class: 'uninit',
      message: 'R2 !read_ok',
      insn: 1,
    });
    expect(judged(leak, exact, uninit)).toEqual([
      {
        signature: 'precision:path-explorer+join=uninit,path-explorer=ref-leak:class:none',
        severity: 'precision',
      },
    ]);
  });

  it('marks: an extra mark is precision, a lost mark is high, another mark type is precision', () => {
    expect(judged(throwing, answer(quiet), answer(throwing))).toEqual([
      { signature: 'precision:path-explorer+join=accept:extra-mark:throw-in-main', severity: 'precision' },
    ]);
    expect(judged(throwing, answer(throwing), answer(quiet))).toEqual([
      { signature: 'precision:path-explorer+join=accept:lost-mark:throw-in-main', severity: 'high' },
    ]);
    const exact = answer(throwing);
    const facts = exact.result.facts!;
    const inner: ModelAnswer = {
      ...exact,
      result: {
        ...exact.result,
        facts: {
          ...facts,
          marks: facts.marks.map((m) => (m.mark === 'outer' ? { ...m, mark: 'inner' } : m)),
        },
      },
    };
    expect(judged(throwing, exact, inner)).toEqual([
      { signature: 'precision:path-explorer+join=accept:mark-type:throw-in-main', severity: 'precision' },
    ]);
  });

  it('a joined answer is paired only with the same engine (and profile, quirks)', () => {
    const other = { ...answer(leak), engine: 'abstract-interpreter' } as unknown as ModelAnswer;
    expect(judged(quiet, answer(quiet), other)).toEqual([]);
    expect(judged(quiet, answer(quiet, ['seed-global-order']), answer(leak))).toEqual([]);
  });

  it('judge runs it; a joined internal error is an engine fault, not a precision finding', () => {
    const obs = observe(quiet, { joined: [answer(leak)] });
    expect(judge(obs).map((f) => f.oracle)).toContain('precision');
    const broken = withVerdict(answer(quiet), { accepted: null, status: 'internal-error', reason: 'boom' });
    const faulty = observe(quiet, { joined: [broken] });
    expect(precisionOracle(faulty)).toEqual([]);
    expect(engineFaultOracle(faulty).map((f) => f.signature)).toEqual([
      'engine-fault:path-explorer+join:internal-error/boom:-',
    ]);
  });
});
