/**
 * The pure comparison of replay (src/corpus/replay.ts) on answers no committed case gives: a kernel that
 * stops answering, a failed test-run on another release, a kernel class the classifier has no rule for,
 * a pinned throws_exception, and which engines a case's expectations ask.
 */
import { describe, expect, it } from 'vitest';
import type { Case, KernelExpectation, ModelExpectation } from '../../src/corpus/case.js';
import { compareKernel, compareModel, replayChecks, checkLabel, type ReplayCheck } from '../../src/corpus/replay.js';
import type { KernelResult } from '../../src/engines/contract.js';
import { project, projectVerdict } from '../../src/engines/projection.js';
import { pathExplorer } from '../../src/engines/path-explorer/index.js';
import { loadCases } from './cases.js';

const accepted: KernelExpectation = {
  engine: 'kernel',
  release: 'R1',
  accepted: true,
  class: null,
  message: null,
  outcomes: [{ input: '00', retval: 0, ctx: '00' }],
};
const kernel = (result: KernelResult) => project({ engine: 'kernel', result });

describe('replay comparison', () => {
  it('a kernel that gives no verdict is a verdict mismatch saying why', () => {
    const r = compareKernel(accepted, kernel({ status: 'not-applicable', reason: 'not syscall' }), 'R1');
    expect(r.mismatches).toEqual([{ field: 'verdict', expected: 'accepted', actual: 'not-applicable: not syscall' }]);
  });

  it('on another release only verdict and class, but a failed test-run is still a mismatch', () => {
    const ran = kernel({ status: 'accepted', insnsProcessed: 3, run: { status: 'ran', outcomes: [] } });
    expect(compareKernel(accepted, ran, 'R2')).toMatchObject({
      fields: ['verdict', 'class'],
      otherRelease: { recorded: 'R1', running: 'R2' },
      mismatches: [],
    });
    expect(compareKernel(accepted, ran, 'R1').mismatches).toEqual([
      { field: 'outcomes', expected: '1 runs', actual: '0 runs' },
    ]);
    const failed = kernel({
      status: 'accepted',
      insnsProcessed: 3,
      run: { status: 'failed', input: '00', errno: 'EINVAL', outcomes: [] },
    });
    expect(compareKernel(accepted, failed, 'R2').mismatches).toEqual([{ field: 'run', expected: 'ran', actual: 'failed' }]);
  });

  it('a model engine against a kernel class without a rule: the verdict only', () => {
    const c = loadCases('kernel').find((k) => k.name === 'kernel/ref-held-at-throw')!.case;
    const unclassified: KernelExpectation = { ...accepted, accepted: false, class: 'unclassified', message: 'x', outcomes: [] };
    const [check] = replayChecks({ ...c, expectations: [unclassified] }, ['path-explorer']) as [
      Extract<ReplayCheck, { kind: 'model' }>,
    ];
    expect(checkLabel(check)).toBe('path-explorer@mainline+seed-global-resources');
    const answer = pathExplorer.verify(c.program, check.options);
    const r = compareModel(check, projectVerdict({ engine: 'path-explorer', result: answer }), null);
    expect(r.fields).toEqual(['verdict']);
    expect(r.mismatches).toEqual([]);
  });

  it('a pinned throws_exception is compared', () => {
    const c = loadCases('selftests').find((k) => k.name === 'selftests/reject-global-subprog-throw-with-reference')!.case;
    const pinned = c.expectations.find((e): e is ModelExpectation => e.engine === 'path-explorer' && e.quirks.length > 0)!;
    expect(pinned.throwsException).toBe(true);
    const check: Extract<ReplayCheck, { kind: 'model' }> = {
      kind: 'model',
      engine: 'path-explorer',
      options: { profile: 'mainline', quirks: pinned.quirks },
      expect: pinned,
    };
    const p = projectVerdict({ engine: 'path-explorer', result: pathExplorer.verify(c.program, check.options) });
    expect(compareModel(check, p, true).mismatches).toEqual([]);
    expect(compareModel(check, p, false).mismatches).toEqual([{ field: 'throwsException', expected: true, actual: false }]);
  });

  it('asks each engine what it can: the kernel and runtime only kernel expectations, quirks only where applicable', () => {
    const c: Case = loadCases('selftests').find((k) => k.name === 'selftests/reject-global-subprog-throw-with-reference')!.case;
    const labels = replayChecks(c, ['kernel', 'path-explorer', 'abstract-interpreter', 'runtime']).map(
      (k) => `${checkLabel(k)} <- ${k.kind === 'kernel' || k.kind === 'runtime' ? 'kernel' : k.expect.engine}`,
    );
    // declined by the safety check: no runtime comparison (nothing ran to compare with)
    expect(labels).toEqual([
      'kernel <- kernel',
      'path-explorer@mainline+seed-global-resources <- kernel',
      'abstract-interpreter@mainline+seed-global-resources <- kernel',
      'path-explorer@mainline <- path-explorer',
      'abstract-interpreter@mainline <- path-explorer',
      'path-explorer@mainline+seed-global-resources <- path-explorer',
      'abstract-interpreter@mainline+seed-global-resources <- path-explorer',
    ]);
  });
});
