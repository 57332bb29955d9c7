/**
 * Generated fragment programs (generators/) against the live kernel (mainline): the same accept/reject, class and message,
 * the same `Unreleased reference id=%d alloc_insn=%d` lines (the kernel's id numbering), and almost always
 * the same processed-instruction count (pruning as the kernel prunes). Linux 6.18's missing resource check
 * at calls to throwing globals is reproduced with its quirk.
 */
import { describe, expect, it } from 'vitest';
import { checkWithKernel } from '../../../src/engines/kernel/index.js';
import { pathExplorer } from '../../../src/engines/path-explorer/index.js';
import { projectVerdict, type VerdictProjection } from '../../../src/engines/projection.js';
import { liveKernel } from '../kernel/live.js';
import { generateCase } from '../../../generators/index.js';

const live = await liveKernel('path-explorer kernel-diff');

describe.skipIf(live.skipReason)('path-explorer and the live kernel on generated programs', () => {
  it('agree on 2,000 generated programs', async () => {
    const mismatches: string[] = [];
    let counted = 0;
    let sameCount = 0;
    let kernelBugs = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      // kernelSafe (the default): nothing that trips a known kernel WARN is loaded.
      const p = generateCase('kernel-diff', seed).program;
      const answer = pathExplorer.verify(p, {
        profile: 'mainline',
        quirks: ['seed-global-resources'],
        log: true,
      });
      const mine = answer.result;
      const k = await checkWithKernel(p, live.session!);
      const m = projectVerdict({ engine: 'path-explorer', result: answer });
      const kp = projectVerdict({ engine: 'kernel', result: k });
      // An engine crash is a mismatch, never skipped; only a program outside the fragment is.
      if (m.status === 'not-applicable') continue;
      if (kp.class === 'verifier-bug') {
        // e.g. "No program to jit at insn N": the kernel's own bug after do_check accepted the program
        kernelBugs++;
        continue;
      }
      // The exact message: the engine follows the kernel's numbering (ids, pcs) on this fragment.
      const key = (v: VerdictProjection): string =>
        v.status === 'rejected' ? `${v.class}: ${v.message}` : `${v.status}${v.reason ? ` ${v.reason}` : ''}`;
      const [kv, mv] = [key(kp), key(m)];
      const kRefs = k.status === 'rejected' ? k.logTail.filter((l) => l.startsWith('Unreleased')) : [];
      const mRefs = m.status === 'rejected' ? (mine.log ?? []).filter((l) => l.startsWith('Unreleased')) : [];
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
