/** The five plots of the HTML report, from the run report. Pure. */
import type { RunReport } from './model.js';
import { barChart, lineChart, PALETTE, type BarRow, type LinePoint } from './svg.js';

/**
 * Cumulative cases at `ms`, interpolated between the timeline points around it (0 at 0 ms): points come when
 * batches merge, not at fixed times, so reading the last point before `ms` would draw a window without one
 * as 0 and the next as a spike.
 */
function casesAt(timeline: RunReport['timeline'], ms: number): number {
  let prev = { ms: 0, cases: 0 };
  for (const p of timeline) {
    if (p.ms >= ms)
      return p.ms === prev.ms
        ? p.cases
        : prev.cases + ((p.cases - prev.cases) * (ms - prev.ms)) / (p.ms - prev.ms);
    prev = p;
  }
  return prev.cases;
}

/**
 * Cases per second over `steps` equal windows of the run, at each window's end (seconds): windows rather
 * than raw points, so one slow case does not draw a spike.
 */
export function throughput(r: RunReport, steps = 40): LinePoint[] {
  const end = r.timeline[r.timeline.length - 1]?.ms ?? 0;
  if (r.timeline.length < 2 || end <= 0) return [];
  const out: LinePoint[] = [];
  steps = Math.min(steps, r.timeline.length);
  for (let i = 1; i <= steps; i++) {
    const a = (end * (i - 1)) / steps;
    const b = (end * i) / steps;
    out.push({ x: b / 1000, y: ((casesAt(r.timeline, b) - casesAt(r.timeline, a)) * 1000) / (b - a) });
  }
  return out;
}

export function throughputPlot(r: RunReport): string {
  return lineChart('cases per second over time', throughput(r), 'seconds into the run', 'cases/s');
}

export function findingsPlot(r: RunReport): string {
  const rows: BarRow[] = r.findings.map((f) => ({ label: f.signature, values: { [f.status]: f.count } }));
  return barChart(
    'findings by signature',
    rows,
    [
      { key: 'new', color: PALETTE[2] },
      { key: 'known', color: PALETTE[9] },
    ],
    { labelWidth: 300 },
  );
}

export function coveragePlot(r: RunReport): string {
  const rows: BarRow[] = Object.entries(r.features)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([f, n]) => ({ label: f, values: { cases: n } }));
  return barChart('feature coverage (cases per feature)', rows, [{ key: 'cases', color: PALETTE[4] }], {
    maxRows: 40,
  });
}

/** `accepted` first, then the classes by how often they occur over every engine. */
export function verdictPlot(r: RunReport): string {
  const totals = new Map<string, number>();
  for (const m of Object.values(r.verdicts))
    for (const [l, n] of Object.entries(m)) totals.set(l, (totals.get(l) ?? 0) + n);
  const labels = [...totals.keys()].sort(
    (a, b) =>
      Number(b === 'accepted') - Number(a === 'accepted') ||
      totals.get(b)! - totals.get(a)! ||
      a.localeCompare(b),
  );
  const series = labels.map((key, i) => ({ key, color: PALETTE[i % PALETTE.length]! }));
  const rows: BarRow[] = Object.entries(r.verdicts).map(([e, m]) => ({ label: e, values: m }));
  return barChart('verdict classes per engine', rows, series, { labelWidth: 120 });
}

export function timeSharePlot(r: RunReport): string {
  const rows: BarRow[] = Object.entries(r.timeShare)
    .sort((a, b) => b[1] - a[1])
    .map(([p, s]) => ({ label: p, values: { share: s } }));
  return barChart('time share per part of the pipeline', rows, [{ key: 'share', color: PALETTE[0] }], {
    labelWidth: 120,
    asShare: true,
  });
}
