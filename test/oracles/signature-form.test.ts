/** The form `triage add` checks a signature against: every signature the oracles write has it; typos do not. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Quirk } from '../../src/bpf/profile.js';
import { judge, parseTriage, type Triage } from '../../oracles/index.js';
import { caseFault } from '../../oracles/engine-fault.js';
import { regressionOracle } from '../../oracles/regression.js';
import { signatureProblem } from '../../oracles/signature-form.js';
import { load, observe, recordedKernel } from './observe.js';

const MODELS = ['path-explorer', 'abstract-interpreter'] as const;
const problem = (s: string) => signatureProblem(s, MODELS);

describe('signature form', () => {
  it('every signature of the committed triage file has it', () => {
    const triage = (
      parseTriage(readFileSync(join(import.meta.dirname, '../../corpus/triage.json'), 'utf8')) as {
        ok: true;
        triage: Triage;
      }
    ).triage;
    for (const k of triage.known) expect(problem(k.signature), k.signature).toBeNull();
  });

  it('every signature the oracles write on real cases has it (quirks, rfc, the kernel, faults)', () => {
    const signatures: string[] = [];
    const programs: [string, string | null][] = [
      ['corpus/kernel/ref-across-throwing-global.s', 'ref-across-throwing-global'],
      ['corpus/kernel/rcu-across-throwing-global-open.s', 'rcu-across-throwing-global-open'],
      ['corpus/selftests/rfc-reject-with-reference.s', null],
      ['corpus/examples/global-subprog.s', null],
      ['corpus/examples/loop-callback.s', null],
    ];
    const quirkSets: Quirk[][] = [[], ['seed-global-order'], ['seed-global-resources', 'seed-loop-inline']];
    for (const [file, kernel] of programs)
      for (const quirks of quirkSets) {
        const obs = observe(load(file), {
          quirks,
          scheduleSeed: 1,
          ...(kernel === null ? {} : { kernel: recordedKernel(kernel) }),
        });
        signatures.push(...judge(obs).map((f) => f.signature));
      }
    // A corpus case replayed against its expectations: every kind of side, an awkward path and field.
    const base = observe(load('corpus/examples/global-subprog.s'), { scheduleSeed: 1 });
    const check = (engine: string, side: string, against: string, field: string) => ({
      engine,
      side,
      against,
      otherRelease: null,
      mismatches: [{ field, expected: 1, actual: 2 }],
    });
    const regressions = regressionOracle({
      ...base,
      replayed: {
        file: 'Sub Dir/case_One.s',
        checks: [
          check('kernel', 'kernel', 'kernel', 'verdict'),
          check(
            'path-explorer@rfc+seed-loop-inline',
            'path-explorer@rfc~seed-loop-inline',
            'path-explorer@rfc',
            'throwsException',
          ),
          check('runtime@reference', 'runtime', 'kernel', 'outcome[0]'),
        ],
      },
    });
    expect(regressions).toHaveLength(3);
    signatures.push(...regressions.map((f) => f.signature));
    signatures.push(caseFault('path-explorer+join', 'hang', 'no answer within 30000 ms').signature);
    signatures.push(caseFault('runtime', 'crash', 'Worker terminated: heap 2048 MiB').signature);
    expect(new Set(signatures).size).toBeGreaterThan(4);
    for (const s of signatures) expect(problem(s), s).toBeNull();
  });

  it('refuses what no oracle writes, with one line saying what', () => {
    expect(problem('verdict:kernel=accept')).toBe(
      'a signature is ORACLE:SIDES:SYMPTOM:CAUSE (four parts separated by colons)',
    );
    expect(problem('verdicts:kernel=accept:class:none')).toMatch(/^unknown oracle 'verdicts'/);
    expect(problem('verdict::class:none')).toMatch(/^no sides/);
    expect(problem('verdict:kernal=accept:class:none')).toMatch(
      /^side 'kernal=accept': unknown engine or part 'kernal'/,
    );
    expect(problem('verdict:path-explorer@mainline=accept:class:none')).toMatch(/no @mainline/);
    expect(problem('verdict:path-explorer@rfcx=accept:class:none')).toMatch(/unknown profile 'rfcx'/);
    expect(problem('verdict:path-explorer~seed-nope=accept:class:none')).toMatch(/unknown quirk 'seed-nope'/);
    expect(problem('verdict:path-explorer~seed-loop-inline~seed-global-order=accept:class:none')).toMatch(
      /quirks are written sorted/,
    );
    expect(problem('verdict:kernel=Accept:class:none')).toMatch(/what it said is not a word/);
    expect(problem('verdict:kernel=accept:Class X:none')).toMatch(/^symptom 'Class X'/);
    expect(problem('verdict:kernel=accept:class:ref-accross-global-call')).toMatch(
      /^unknown cause 'ref-accross-global-call'/,
    );
  });
});
