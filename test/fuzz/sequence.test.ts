/**
 * The run's sequence: the corpus replay first, then generated cases; shards partition it exactly, so n
 * machines together run one unsharded run's cases, each once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseAt,
  caseOrder,
  parseShard,
  sequenceLength,
  type CaseRef,
  type SequencePlan,
} from '../../src/fuzz/sequence.js';

const all = (plan: SequencePlan): CaseRef[] => {
  const out: CaseRef[] = [];
  for (let p = 0; ; p++) {
    const ref = caseAt(plan, p);
    if (ref === null) return out;
    out.push(ref);
  }
};
const key = (r: CaseRef): string => `${r.kind}:${r.index}`;

describe('the sequence of a run', () => {
  it('replays the corpus first, then generates case 0, 1, 2, ...', () => {
    const refs = all({ shard: null, replay: 3, generated: 4 });
    expect(refs.map(key)).toEqual([
      'corpus:0',
      'corpus:1',
      'corpus:2',
      'generated:0',
      'generated:1',
      'generated:2',
      'generated:3',
    ]);
    expect(sequenceLength({ shard: null, replay: 3, generated: 4 })).toBe(7);
    expect(sequenceLength({ shard: null, replay: 3, generated: null })).toBeNull();
    expect(caseAt({ shard: null, replay: 3, generated: null }, 1_000_003)).toEqual({
      kind: 'generated',
      index: 1_000_000,
    });
  });

  it('shards partition it: each case in exactly one shard, each shard in case order', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(300), fc.integer({ min: 1, max: 9 }), (replay, generated, count) => {
        const whole = all({ shard: null, replay, generated });
        const parts = Array.from({ length: count }, (_, i) =>
          all({ shard: { index: i + 1, count }, replay, generated }),
        );
        for (const part of parts)
          for (let i = 1; i < part.length; i++) expect(caseOrder(part[i - 1]!, part[i]!)).toBeLessThan(0);
        const union = parts.flat().sort(caseOrder).map(key);
        expect(union).toEqual(whole.map(key));
        for (const [i, part] of parts.entries())
          expect(sequenceLength({ shard: { index: i + 1, count }, replay, generated })).toBe(part.length);
      }),
    );
  });

  it('reads --shard i/n, 1-based, and says what is wrong otherwise', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShard('0/3')).toBe("'0/3': the shard index must be 1 to 3");
    expect(parseShard('4/3')).toBe("'4/3': the shard index must be 1 to 3");
    expect(parseShard('1/0')).toBe("'1/0': the shard count must be 1 to 10000");
    expect(parseShard('two/3')).toBe("'two/3' is not a shard: write i/n, e.g. 1/3");
  });
});
