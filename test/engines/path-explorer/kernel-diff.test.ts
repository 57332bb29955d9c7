/**
 * Generated fragment programs (generators/) against the live kernel (mainline): the same accept/reject, class and message,
 * the same `Unreleased reference id=%d alloc_insn=%d` lines (the kernel's id numbering), and almost always
 * the same processed-instruction count (pruning as the kernel prunes). Linux 6.18's missing resource check
 * at calls to throwing globals is reproduced with its quirk.
 */
import { describe, expect, it } from 'vitest';
import { checkWithKernel } from '../../../src/engines/kernel/index.js';
import { verify } from '../../../src/engines/path-explorer/index.js';
import { liveKernel } from '../kernel/live.js';
import { generateCase } from '../../../generators/index.js';

const live = await liveKernel('path-explorer kernel-diff');

describe.skipIf(live.skipReason)('path-explorer and the live kernel on generated programs', () => {
  it('agree on 400 programs', async () => {
    const mismatches: string[] = [];
    let counted = 0;
    let sameCount = 0;
    let kernelBugs = 0;
    for (let seed = 1; seed <= 400; seed++) {
      // kernelSafe (the default): nothing that trips a known kernel WARN is loaded.
      const p = generateCase('kernel-diff', seed).program;
      const mine = verify(p, { profile: 'mainline', quirks: ['seed-global-resources'], log: true });
      const k = await checkWithKernel(p, live.session!);
      const v = mine.verdict;
      if (v.accepted === null) continue; // outside the fragment (or an engine failure the laws test catches)
      if (k.status === 'rejected' && k.class === 'verifier-bug') {
        // e.g. "No program to jit at insn N": the kernel's own bug after do_check accepted the program
        kernelBugs++;
        continue;
      }
      const kv =
        k.status === 'accepted'
          ? 'accepted'
          : k.status === 'rejected'
            ? `${k.class}: ${k.message}`
            : `no verdict ${k.status}`;
      const mv = v.accepted ? 'accepted' : `${v.class}: ${v.message}`;
      const kRefs = k.status === 'rejected' ? k.logTail.filter((l) => l.startsWith('Unreleased')) : [];
      const mRefs = v.accepted ? [] : (mine.log ?? []).filter((l) => l.startsWith('Unreleased'));
      if (kv !== mv || kRefs.join('|') !== mRefs.join('|'))
        mismatches.push(`seed ${seed}: kernel ${kv} ${kRefs.join(' ')} / engine ${mv} ${mRefs.join(' ')}`);
      if (k.status === 'accepted' || (k.status === 'rejected' && k.insnsProcessed !== null)) {
        counted++;
        if (k.insnsProcessed === mine.stats.insnsProcessed) sameCount++;
      }
    }
    console.log(
      `[kernel-diff] ${counted} compared, ${sameCount} with the same processed count, ${kernelBugs} kernel verifier bugs skipped`,
    );
    expect(mismatches).toEqual([]);
    expect(sameCount / counted).toBeGreaterThan(0.97);
  });
});
