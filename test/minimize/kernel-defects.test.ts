/**
 * The two kernel defects reach 1-minimal cases. These programs WARN the live kernel, so they are never loaded
 * here: the kernel is a stand-in port that answers as Linux 6.18 does on each defect (a `verifier bug`
 * rejection, the kernel-health oracle's finding) where the model engines say the program has it, and
 * `not-applicable` on everything else. The predicate is the real pipeline around it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Program } from '../../src/bpf/program.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { printProgram } from '../../src/bpf/text/print.js';
import type { KernelResult } from '../../src/engines/contract.js';
import { modelEngine } from '../../src/engines/index.js';
import { findingPredicate, originOfProvenance, signaturesOf } from '../../src/fuzz/finding-predicate.js';
import type { KernelPort } from '../../src/fuzz/pipeline.js';
import type { CampaignSettings } from '../../src/fuzz/settings.js';
import { minimize } from '../../src/minimize/reduce.js';
import { kernelUnsafe } from '../../generators/index.js';
import { oneRemovalsThatKeep } from './helpers.js';

const fixture = (name: string): Program =>
  parseProgram(
    readFileSync(join(import.meta.dirname, '../engines/kernel/fixtures/programs', name), 'utf8'),
    name,
  );

const bug = (message: string): KernelResult => ({
  status: 'rejected',
  class: 'verifier-bug',
  message,
  errno: 'EFAULT',
  insnsProcessed: null,
  logTail: [message],
});

/** Linux 6.18 on the two defects, as path-explorer and the generators' kernelUnsafe recognise them. */
const standIn: KernelPort = {
  release: 'stand-in',
  check: (program) => {
    const v = modelEngine('path-explorer').verify(program, { profile: 'mainline', quirks: [] }).result
      .verdict;
    // check_loop_count... backtrack_insn: a pointer as bpf_loop's count
    if (v.accepted === null && /pointer count/.test(v.reason))
      return Promise.resolve(bug('verifier bug: backtracking misuse'));
    // jit_subprogs: a callback never explored because a static subprogram's bpf_loop runs 0 times
    if (v.accepted === true && kernelUnsafe(program) === 'bpf_loop with count 0 outside main')
      return Promise.resolve(bug('verifier bug: No program to jit at insn 5 (subprog < 0)'));
    return Promise.resolve({ status: 'not-applicable', reason: 'the stand-in knows only the two defects' });
  },
};

const settings: CampaignSettings = {
  runSeed: '0',
  models: ['path-explorer'],
  kernel: true,
  profile: 'mainline',
  quirks: {},
  slots: ['task-ctx'],
  beyond: 0,
  join: false,
};

const deps = { kernel: standIn, clock: () => 0 };
const origin = originOfProvenance(null);

describe('minimizing the kernel defects (a stand-in kernel: these WARN the real one)', () => {
  for (const [file, symptom] of [
    ['loop-ctx-as-count.s', 'backtracking-misuse'],
    ['loop-zero-in-static.s', 'no-program-to-jit-at-insn'],
  ] as const) {
    it(`${file}: a 1-minimal case with the kernel-health signature`, async () => {
      const program = fixture(file);
      const signature = (await signaturesOf(program, origin, settings, deps)).find((s) =>
        s.startsWith('kernel-health:'),
      );
      expect(signature).toContain(symptom);
      const keeps = findingPredicate(signature!, origin, settings, deps);
      const { program: small, stats } = await minimize(program, keeps);
      expect(stats.stop).toBe('fixpoint');
      expect(await keeps(small)).toBe(true);
      expect(await oneRemovalsThatKeep(small, keeps), printProgram(small)).toEqual([]);
    });
  }
});
