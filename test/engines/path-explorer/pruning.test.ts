/**
 * Pruning is what makes 2^40 feasible paths verifiable: the processed-instruction count stays linear in
 * the number of branches (the kernel, on the same program, processes the same count).
 */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { verify } from '../../../src/engines/path-explorer/index.js';
import { fortyBranches } from '../../../bench/verify.js';

const opts = { profile: 'mainline' as const, quirks: [] };

describe('pruning', () => {
  it('verifies 40 independent branches with a static call in each arm in linear work', () => {
    const counts = [10, 20, 40].map((n) => {
      const r = verify(parseProgram(fortyBranches(n)), opts);
      expect(r.verdict).toEqual({ accepted: true });
      return r.stats.insnsProcessed;
    });
    // Doubling the branches roughly doubles the work; without pruning it would square 2^n.
    expect(counts[1]! / counts[0]!).toBeLessThan(3);
    expect(counts[2]! / counts[1]!).toBeLessThan(3);
    expect(counts[2]!).toBeLessThan(5_000);
  });
});
