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
 * list stays honest). None today.
 */
const KNOWN: ReadonlySet<string> = new Set<string>([]);

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
