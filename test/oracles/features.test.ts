/** Static program features (src/bpf/features.ts) on committed programs that have them, and ones that do not. */
import { describe, expect, it } from 'vitest';
import { programFeatures, type Feature } from '../../src/bpf/features.js';
import { load } from './observe.js';

const has = (path: string, f: Feature) => programFeatures(load(path)).has(f);

describe('program features', () => {
  const cases: readonly [Feature, string, string][] = [
    [
      'ref-across-global-call',
      'corpus/kernel/ref-across-throwing-global.s',
      'corpus/kernel/ref-across-quiet-global.s',
    ],
    [
      'ref-across-global-call',
      'corpus/selftests/reject-global-subprog-throw-with-reference.s',
      'corpus/kernel/ref-held-at-throw.s',
    ],
    [
      'throw-in-callback',
      'corpus/selftests/rfc-exception-throw-cb1.s',
      'corpus/kernel/throw-static-subprog.s',
    ],
    ['loop-callback-throws', 'corpus/kernel/throw-in-loop-callback.s', 'corpus/kernel/loop-callback-count.s'],
    [
      'loop-count-zero',
      'test/engines/kernel/fixtures/programs/loop-zero-in-static.s',
      'corpus/kernel/loop-callback-count.s',
    ],
    [
      'loop-in-static',
      'test/engines/kernel/fixtures/programs/loop-zero-in-static.s',
      'corpus/kernel/loop-callback-count.s',
    ],
    [
      'loop-count-pointer',
      'test/engines/kernel/fixtures/programs/loop-ctx-as-count.s',
      'corpus/kernel/loop-callback-count.s',
    ],
    ['stack-512', 'corpus/kernel/rewrite-stack-512-main.s', 'corpus/kernel/rewrite-stack-504-main.s'],
    ['throw-in-static', 'corpus/kernel/throw-static-subprog.s', 'corpus/kernel/throw-main-cookie.s'],
    ['throw-in-global', 'corpus/kernel/throw-global-subprog.s', 'corpus/kernel/throw-static-subprog.s'],
    ['recursion', 'corpus/kernel/recursion.s', 'corpus/kernel/eight-frames.s'],
    ['deep-calls', 'corpus/kernel/too-many-frames.s', 'corpus/kernel/throw-static-subprog.s'],
    [
      'region-across-call',
      'corpus/selftests/reject-subprog-with-rcu-read-lock.s',
      'corpus/kernel/rcu-closed-before-throw.s',
    ],
  ];
  for (const [feature, yes, no] of cases) {
    it(`${feature}: ${yes.split('/').pop()} has it, ${no.split('/').pop()} not`, () => {
      expect(has(yes, feature)).toBe(true);
      expect(has(no, feature)).toBe(false);
    });
  }
});
