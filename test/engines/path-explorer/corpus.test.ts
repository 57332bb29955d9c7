/**
 * corpus/kernel and corpus/selftests: the path explorer against the live kernel (mainline) and against the
 * recorded expectations, and the selftests' model expectations (both profiles). The kernel here is Linux
 * 6.18, which does not check resources at a call to a throwing global: the comparison with the kernel uses
 * the quirk that reproduces it (`seed-global-resources`); the model expectations use the corrected semantics.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Program } from '../../../src/bpf/program.js';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { checkWithKernel } from '../../../src/engines/kernel/index.js';
import { verify } from '../../../src/engines/path-explorer/index.js';
import { liveKernel } from '../kernel/live.js';

const root = join(import.meta.dirname, '../../../corpus');

const kernelSide = z.object({
  accepted: z.boolean(),
  class: z.string().nullable(),
  message: z.string().nullable(),
  run: z.enum(['ran', 'declined']).optional(),
  outcomes: z.array(z.object({ input: z.string(), retval: z.number(), ctx: z.string() })),
});
const modelSide = z.object({
  accepted: z.boolean(),
  class: z.string().nullable(),
  message: z.string().nullable(),
  throwsException: z.boolean().optional(),
  withSeedGlobalResources: z
    .object({
      accepted: z.boolean(),
      class: z.string().nullable(),
      message: z.string().nullable(),
      throwsException: z.boolean().optional(),
    })
    .optional(),
});
/** corpus/kernel's sidecar, and corpus/selftests' (the same `kernel` part, null for rfc programs, plus `model`). */
const sidecar = z.object({
  release: z.string(),
  kernel: kernelSide.nullable(),
  model: modelSide.optional(),
  note: z.string().optional(),
});

interface Case {
  readonly name: string;
  readonly program: Program;
  readonly expect: z.infer<typeof sidecar>;
}

function load(dir: string): Case[] {
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.s'))
    .sort()
    .map((f) => {
      const name = `${dir}/${f.slice(0, -2)}`;
      return {
        name,
        program: parseProgram(readFileSync(join(root, `${name}.s`), 'utf8'), `corpus/${name}.s`),
        expect: sidecar.parse(JSON.parse(readFileSync(join(root, `${name}.expect.json`), 'utf8'))),
      };
    });
}

const kernelCases = load('kernel');
const selftests = load('selftests');
const all = [...kernelCases, ...selftests];
const KERNEL_QUIRKS = ['seed-global-resources'] as const;

/** Classes the kernel engine's classifier has no rule for yet: compared on accept/reject only. */
const comparableClass = (c: string | null): boolean => c !== 'unclassified' && c !== 'verifier-bug';

describe('path-explorer on the corpus, against the recorded kernel verdicts', () => {
  it('has the selftest translations', () => {
    expect(selftests.length).toBeGreaterThanOrEqual(40);
  });
  for (const c of all.filter((c) => c.expect.kernel !== null)) {
    it(c.name, () => {
      const k = c.expect.kernel!;
      const r = verify(c.program, { profile: 'mainline', quirks: KERNEL_QUIRKS });
      expect(r.verdict.accepted).toBe(k.accepted);
      if (r.verdict.accepted === false && comparableClass(k.class)) {
        expect({ class: r.verdict.class, message: r.verdict.message }).toEqual({
          class: k.class,
          message: k.message,
        });
      }
    });
  }
});

describe('the selftests translations, model expectations (SPEC semantics, both profiles)', () => {
  for (const c of selftests) {
    it(c.name, () => {
      const m = c.expect.model!;
      const r = verify(c.program, { profile: c.program.profile, quirks: [] });
      const v = r.verdict;
      expect({
        accepted: v.accepted,
        class: v.accepted === false ? v.class : null,
        message: v.accepted === false ? v.message : null,
      }).toEqual({
        accepted: m.accepted,
        class: m.class,
        message: m.message,
      });
      if (m.throwsException !== undefined) expect(r.facts?.throwsException).toBe(m.throwsException);
      if (m.withSeedGlobalResources) {
        const q = verify(c.program, { profile: c.program.profile, quirks: ['seed-global-resources'] });
        expect(q.verdict.accepted).toBe(m.withSeedGlobalResources.accepted);
      }
    });
  }
});

const live = await liveKernel('path-explorer corpus');

describe.skipIf(live.skipReason)('path-explorer on the corpus, against the live kernel', () => {
  for (const c of all.filter((c) => c.program.profile === 'mainline')) {
    it(c.name, async () => {
      const k = await checkWithKernel(c.program, live.session!);
      const r = verify(c.program, { profile: 'mainline', quirks: KERNEL_QUIRKS });
      if (k.status === 'accepted') expect(r.verdict).toEqual({ accepted: true });
      else if (k.status === 'rejected') {
        expect(r.verdict.accepted).toBe(false);
        if (r.verdict.accepted === false && comparableClass(k.class)) {
          expect({ class: r.verdict.class, message: r.verdict.message }).toEqual({
            class: k.class,
            message: k.message,
          });
          // The references the kernel lists (their ids and allocating instructions) are the engine's too.
          const mine = (
            verify(c.program, { profile: 'mainline', quirks: KERNEL_QUIRKS, log: true }).log ?? []
          ).filter((l) => l.startsWith('Unreleased reference'));
          expect(mine).toEqual(k.logTail.filter((l) => l.startsWith('Unreleased reference')));
        }
      } else expect.fail(`kernel gave no verdict: ${JSON.stringify(k)}`);
    });
  }
});
