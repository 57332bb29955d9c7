/**
 * The committed corpus replayed (src/corpus/replay-run.ts, what `throwfuzz replay` runs): every case file
 * under corpus/ with both model engines, the runtime and, where it is available, the live kernel, against
 * every `; case expect` line. Zero regressions; a regression's diff is the failure message.
 */
import { describe, expect, it } from 'vitest';
import { checkWithKernel } from '../../src/engines/kernel/index.js';
import type { CheckResult } from '../../src/corpus/replay.js';
import { replayCase, type ReplayKernel } from '../../src/corpus/replay-run.js';
import { liveKernel } from '../engines/kernel/live.js';
import { loadAllCases } from './cases.js';

const cases = loadAllCases();
const live = await liveKernel('corpus replay (kernel side)');
const kernel: ReplayKernel | null =
  live.session === null
    ? null
    : { release: live.session.release, check: (program) => checkWithKernel(program, live.session) };

describe('the corpus replays without a regression', () => {
  it('reads every case file under corpus/', () => {
    expect(cases.length).toBeGreaterThan(200);
    expect(new Set(cases.map((c) => c.name.split('/')[0]))).toEqual(
      new Set(['examples', 'kernel', 'runtime', 'selftests']),
    );
  });

  it('every check of every case agrees with what the case recorded', async () => {
    const results: { file: string; r: CheckResult }[] = [];
    for (const c of cases)
      for (const r of await replayCase(c.case, {
        engines: ['kernel', 'path-explorer', 'abstract-interpreter', 'runtime'],
        kernel,
      }))
        results.push({ file: c.name, r });
    const regressions = results.filter(({ r }) => r.mismatches.length > 0);
    expect(regressions.map(({ file, r }) => `${file}: ${r.engine} vs ${r.against}: ${JSON.stringify(r.mismatches)}`)).toEqual([]);
    // Each engine answered something: a rule that silently asked nothing would pass too.
    const asked = new Set(results.map(({ r }) => r.engine.split('@')[0]));
    expect(asked).toEqual(
      new Set(['path-explorer', 'abstract-interpreter', 'runtime', ...(kernel ? ['kernel'] : [])]),
    );
    expect(results.reduce((n, { r }) => n + r.fields.length, 0)).toBeGreaterThan(1000);
  });
});
