/**
 * corpus/kernel and corpus/selftests: the path explorer against the live kernel (mainline) and against the
 * recorded expectations, and the selftests' model expectations (both profiles). The kernel here is Linux
 * 6.18, which does not check resources at a call to a throwing global: the comparison with the kernel uses
 * the quirk that reproduces it (`seed-global-resources`); the model expectations use the corrected semantics.
 */
import { describe, expect, it } from 'vitest';
import { checkWithKernel } from '../../../src/engines/kernel/index.js';
import { pathExplorer } from '../../../src/engines/path-explorer/index.js';
import { projectVerdict, type VerdictProjection } from '../../../src/engines/projection.js';
import { kernelExpectation, loadCases, modelExpectation, type CorpusCase } from '../../corpus/cases.js';
import { liveKernel } from '../kernel/live.js';

const kernelCases = loadCases('kernel');
const selftests = loadCases('selftests');
const all = [...kernelCases, ...selftests];
const KERNEL_QUIRKS = ['seed-global-resources'] as const;

/** path-explorer's answer on a case, through the one projection (and the answer itself, for its log). */
function pe(c: CorpusCase, options: Parameters<typeof pathExplorer.verify>[1]) {
  const answer = pathExplorer.verify(c.case.program, options);
  return { answer, p: projectVerdict({ engine: 'path-explorer', result: answer }) };
}

/** The verdict triple a case records. */
const triple = (p: VerdictProjection) => ({
  accepted: p.status === 'accepted' ? true : p.status === 'rejected' ? false : p.status,
  class: p.class,
  message: p.message,
});

/** Classes the kernel engine's classifier has no rule for yet: compared on accept/reject only. */
const comparableClass = (c: string | null): boolean => c !== 'unclassified' && c !== 'verifier-bug';

describe('path-explorer on the corpus, against the recorded kernel verdicts', () => {
  it('has the selftest translations', () => {
    expect(selftests.length).toBeGreaterThanOrEqual(40);
  });
  for (const c of all.filter((c) => kernelExpectation(c.case) !== null)) {
    it(c.name, () => {
      const k = kernelExpectation(c.case)!;
      const { p } = pe(c, { profile: 'mainline', quirks: KERNEL_QUIRKS });
      expect(triple(p).accepted).toBe(k.accepted);
      if (p.status === 'rejected' && comparableClass(k.class)) {
        expect({ class: p.class, message: p.message }).toEqual({ class: k.class, message: k.message });
      }
    });
  }
});

describe('the selftests translations, model expectations (SPEC semantics, both profiles)', () => {
  it('every selftest has its model expectation under its own profile', () => {
    for (const c of selftests)
      expect(modelExpectation(c.case, 'path-explorer', c.case.program.profile), c.name).not.toBeNull();
  });
  // Every case that records a model expectation (the selftests, and kernel cases that pin one).
  for (const c of all) {
    const profile = c.case.program.profile;
    // Every path-explorer expectation the case records: its own profile, and any quirks it pins.
    for (const m of c.case.expectations.filter((e) => e.engine === 'path-explorer')) {
      const label = m.quirks.length > 0 ? `${c.name} (${m.quirks.join(',')})` : c.name;
      it(label, () => {
        expect(m.profile).toBe(profile);
        const { answer, p } = pe(c, { profile: m.profile, quirks: m.quirks });
        expect(triple(p)).toEqual({ accepted: m.accepted, class: m.class, message: m.message });
        if (m.throwsException !== undefined)
          expect(answer.result.facts?.throwsException).toBe(m.throwsException);
      });
    }
  }
});

const live = await liveKernel('path-explorer corpus');

describe.skipIf(live.skipReason)('path-explorer on the corpus, against the live kernel', () => {
  for (const c of all.filter((c) => c.case.program.profile === 'mainline')) {
    it(c.name, async () => {
      const k = await checkWithKernel(c.case.program, live.session!);
      const kp = projectVerdict({ engine: 'kernel', result: k });
      const { answer, p } = pe(c, { profile: 'mainline', quirks: KERNEL_QUIRKS, log: true });
      if (kp.status === 'accepted') expect(p.status).toBe('accepted');
      else if (kp.status === 'rejected' && k.status === 'rejected') {
        expect(p.status).toBe('rejected');
        if (comparableClass(kp.class)) {
          expect({ class: p.class, message: p.message }).toEqual({ class: kp.class, message: kp.message });
          // The references the kernel lists (their ids and allocating instructions) are the engine's too.
          const mine = (answer.result.log ?? []).filter((l) => l.startsWith('Unreleased reference'));
          expect(mine).toEqual(k.logTail.filter((l) => l.startsWith('Unreleased reference')));
        }
      } else expect.fail(`kernel gave no verdict: ${JSON.stringify(k)}`);
    });
  }
});
