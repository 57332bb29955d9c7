/**
 * Every quirk's finding reaches a 1-minimal case: the reducer, with the finding predicate (the pipeline run
 * again, same signature), keeps the signature, and removing any single instruction, subprogram or input of
 * the result loses it. Model engines only: the kernel is not asked.
 */
import { describe, expect, it } from 'vitest';
import type { Profile, Quirk } from '../../src/bpf/profile.js';
import { printProgram } from '../../src/bpf/text/print.js';
import { MODEL_ENGINES } from '../../src/engines/index.js';
import { findingPredicate } from '../../src/fuzz/finding-predicate.js';
import { minimize } from '../../src/minimize/reduce.js';
import { NO_KERNEL, oneRemovalsThatKeep, quirkFinding, quirkSettings } from './helpers.js';

const QUIRKS: readonly [Quirk, Profile][] = [
  ['seed-global-order', 'mainline'],
  ['seed-global-resources', 'mainline'],
  ['seed-loop-inline', 'rfc'],
];

const cases = MODEL_ENGINES.flatMap((e) =>
  QUIRKS.filter(([q]) => e.quirks[q] === null).map(([q, p]) => [e.name, q, p] as const),
);

describe('minimizing quirk findings', () => {
  for (const [engine, quirk, profile] of cases) {
    it(`${quirk}@${engine} (${profile}): a 1-minimal case with the same signature`, async () => {
      const settings = quirkSettings(engine, quirk, profile, '1');
      const bucket = await quirkFinding(settings, quirk);
      const keeps = findingPredicate(bucket.signature, bucket.origin, settings, NO_KERNEL);
      expect(await keeps(bucket.program)).toBe(true);
      const { program, stats } = await minimize(bucket.program, keeps);
      expect(stats.stop).toBe('fixpoint');
      expect(await keeps(program)).toBe(true);
      expect(program.insns.length).toBeLessThanOrEqual(bucket.program.insns.length);
      expect(await oneRemovalsThatKeep(program, keeps), printProgram(program)).toEqual([]);
    });
  }
});
