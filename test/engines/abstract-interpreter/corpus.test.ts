/**
 * abstract-interpreter against the live kernel's recorded answers: every corpus case with a kernel
 * expectation, verified as the kernel here verifies (mainline, with the seed-global-resources hole);
 * and against the SPEC answers cases record for a model engine (the rfc cases the kernel cannot answer).
 */
import { describe, expect, it } from 'vitest';
import { abstractInterpreter } from '../../../src/engines/abstract-interpreter/index.js';
import { corpusCases, normId, verdictLine } from './corpus-files.js';

/** Cases this engine does not answer as the kernel does yet, each with the reason. */
const KNOWN_DIFFERENCES: Record<string, string> = {
  'kernel/too-complex-jump-sequence.s':
    "the kernel's pending-state limit (push_stack) is not modelled; the bpf_loop widening accepts (docs: Documented choices)",
};

describe('abstract-interpreter agrees with the kernel on the corpus', () => {
  const cases = corpusCases().filter(({ c }) => c.expectations.some((e) => e.engine === 'kernel'));
  it('reads the kernel cases', () => {
    expect(cases.length).toBeGreaterThan(100);
  });
  for (const { file, c } of cases) {
    const kernel = c.expectations.find((e) => e.engine === 'kernel')!;
    const expected = kernel.accepted ? 'accepted' : `${kernel.class}: ${normId(kernel.message)}`;
    const known = KNOWN_DIFFERENCES[file];
    it(`${file}${known ? ' (known difference)' : ''}`, () => {
      const answer = abstractInterpreter.verify(c.program, {
        profile: 'mainline',
        quirks: ['seed-global-resources'],
      });
      const actual = verdictLine(answer.result.verdict);
      if (known === undefined) expect(actual).toBe(expected);
      else expect(actual).not.toBe(expected); // a fixed difference must leave the list
    });
  }
});

describe('abstract-interpreter gives the model answers the corpus records', () => {
  // A model expectation is SPEC's answer under its profile and quirks, whichever engine it was written for.
  const cases = corpusCases().flatMap(({ file, c }) =>
    c.expectations.flatMap((e) => (e.engine === 'kernel' ? [] : [{ file, c, e }])),
  );
  it('reads the model expectations', () => {
    expect(cases.some(({ e }) => e.profile === 'rfc')).toBe(true);
  });
  for (const { file, c, e } of cases) {
    it(`${file} (${e.profile}${e.quirks.length > 0 ? `+${e.quirks.join(',')}` : ''})`, () => {
      const answer = abstractInterpreter.verify(c.program, { profile: e.profile, quirks: e.quirks });
      const expected = e.accepted ? 'accepted' : `${e.class}: ${normId(e.message)}`;
      expect(verdictLine(answer.result.verdict)).toBe(expected);
    });
  }
});
