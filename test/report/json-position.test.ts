/** Where a JSON text goes wrong: null for valid JSON, the offset V8 names where it names one. */
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, positionAt } from '../../src/report/json-position.js';

const valid = JSON.stringify(
  { a: [1, -2.5e3, true, null, 'x\\"\u00e9'], b: { c: {}, d: [] }, e: '\\u0041', f: [[[]]] },
  null,
  2,
);

describe('jsonErrorOffset', () => {
  it('accepts valid JSON', () => {
    for (const t of [valid, '0', '"s"', ' [ ] ', '{"k":{"k":[{}]}}'])
      expect(jsonErrorOffset(t), t).toBeNull();
  });

  it('finds the end of every cut-off text', () => {
    for (let n = 0; n < valid.length; n++) expect(jsonErrorOffset(valid.slice(0, n)), String(n)).toBe(n);
  });

  it('agrees with the position V8 names', () => {
    const bad = [
      '{"a": 1 "b": 2}',
      '[1, 2,, 3]',
      '{"a": tru}',
      '{"a" 1}',
      '[1] 2',
      '{"a": 01}',
      '["\t"]',
      '{,}',
    ];
    for (const t of bad) {
      let v8: number | null = null;
      try {
        JSON.parse(t);
      } catch (e) {
        const m = /at position (\d+)/.exec((e as Error).message);
        if (m) v8 = Number(m[1]);
      }
      const ours = jsonErrorOffset(t);
      expect(ours, t).not.toBeNull();
      if (v8 !== null) expect(ours, t).toBe(v8);
    }
  });

  it('turns an offset into line and column', () => {
    expect(positionAt('ab\ncd\n', 4)).toEqual({ line: 2, col: 2 });
    expect(positionAt('ab', 0)).toEqual({ line: 1, col: 1 });
  });
});
