/** The throughput plot reads a timeline whose points come when batches merge, at uneven times. */
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/report/model.js';
import { throughput } from '../../src/report/plots.js';

const withTimeline = (timeline: RunReport['timeline']) => ({ timeline }) as RunReport;

describe('cases per second over time', () => {
  it('draws a steady run as steady, however unevenly its batches merged', () => {
    // 100 cases per second, merged at 0.9 s, 3.1 s and 4 s: no window is empty or doubled.
    const points = throughput(
      withTimeline([
        { ms: 900, cases: 90 },
        { ms: 3100, cases: 310 },
        { ms: 4000, cases: 400 },
      ]),
      4,
    );
    expect(points).toHaveLength(3);
    for (const p of points) expect(p.y).toBeCloseTo(100, 6);
  });

  it('shows a stall as a dip', () => {
    const points = throughput(
      withTimeline([
        { ms: 1000, cases: 100 },
        { ms: 2000, cases: 100 },
        { ms: 3000, cases: 200 },
      ]),
      3,
    );
    expect(points.map((p) => Math.round(p.y))).toEqual([100, 0, 100]);
  });
});
