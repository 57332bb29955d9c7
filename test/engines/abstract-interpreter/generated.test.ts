/**
 * abstract-interpreter against path-explorer on generated programs (a fixed seed, both profiles):
 * verdict, class, message (ids normalised) and facts. The disagreements must stay within the list below.
 */
import { describe, expect, it } from 'vitest';
import { generateCase } from '../../../generators/case.js';
import type { Profile } from '../../../src/bpf/profile.js';
import { modelEngine } from '../../../src/engines/index.js';
import { verdictLine } from './corpus-files.js';

const SEED = 'engb';
const COUNT = 1000;

/**
 * Cases where the engines differ today, exactly (a listed case that starts agreeing fails the test, so the
 * list stays honest). Mostly facts: the stack depth or the marks recorded for a global subprogram, and a
 * few rfc callbacks where the order of the region check and the return-range check differs.
 */
const KNOWN: ReadonlySet<string> = new Set(
  (
    'mainline:69 mainline:73 mainline:127 mainline:128 mainline:240 mainline:258 mainline:297 mainline:322 ' +
    'mainline:392 mainline:398 mainline:570 mainline:626 mainline:713 mainline:792 mainline:915 mainline:952 ' +
    'rfc:69 rfc:73 rfc:127 rfc:200 rfc:202 rfc:208 rfc:282 rfc:356 rfc:792 rfc:915 rfc:927 ' +
    'rfc:952 rfc:964 rfc:990'
  ).split(' '),
);

describe('abstract-interpreter agrees with path-explorer on generated programs', () => {
  for (const profile of ['mainline', 'rfc'] as Profile[]) {
    it(`${COUNT} ${profile} programs of seed ${SEED}`, () => {
      const ai = modelEngine('abstract-interpreter');
      const pe = modelEngine('path-explorer');
      const disagree: string[] = [];
      for (let i = 0; i < COUNT; i++) {
        const { program } = generateCase(SEED, i, { profile, beyond: 0, corpus: [] });
        const a = ai.verify(program, { profile, quirks: [] }).result;
        const b = pe.verify(program, { profile, quirks: [] }).result;
        const same =
          verdictLine(a.verdict) === verdictLine(b.verdict) &&
          JSON.stringify(a.facts) === JSON.stringify(b.facts);
        if (!same) disagree.push(`${profile}:${i}`);
      }
      expect(disagree).toEqual([...KNOWN].filter((k) => k.startsWith(`${profile}:`)));
      expect(COUNT - disagree.length).toBeGreaterThan(COUNT * 0.9);
    }, 120_000);
  }
});
