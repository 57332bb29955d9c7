/**
 * Merging the reports of one run's shards (or of runs that share seed, options and generator) into one:
 * counts and times summed, findings de-duplicated by signature (counts summed, the first case the smallest:
 * corpus replay before generated, then by index), timelines summed per time step. Pure.
 */
import { sharesOf } from './build.js';
import { REPORT_FORMAT, type ReportFinding, type RunReport } from './model.js';
import { caseOrder, findingOrder } from './order.js';

export interface NamedReport {
  readonly path: string;
  readonly report: RunReport;
}

export type MergeResult =
  { readonly ok: true; readonly report: RunReport } | { readonly ok: false; readonly message: string };

type Counts = Record<string, number>;

function addInto(into: Counts, more: Readonly<Counts>): void {
  for (const [k, n] of Object.entries(more)) into[k] = (into[k] ?? 0) + n;
}

/** The options that must agree: every one but the shard and the worker count. */
function sharedOptions(r: RunReport): string {
  return JSON.stringify({ ...r.options, shard: null, workers: 1 });
}

const shardName = (r: RunReport): string =>
  `shard ${r.options.shard?.index ?? 1}/${r.options.shard?.count ?? 1}`;

/** Why these reports cannot be merged, or null. */
function refusal(inputs: readonly NamedReport[]): string | null {
  const [a, ...rest] = inputs;
  if (a === undefined) return 'nothing to merge';
  const seen = new Map<string, string>();
  for (const { path, report } of inputs) {
    if (report.shards.length > 0) return `${path}: a merged report; merge the shards' own reports`;
    const shard = shardName(report);
    const twice = seen.get(shard);
    if (twice !== undefined) return `${path}: ${shard} again (also ${twice})`;
    seen.set(shard, path);
  }
  for (const { path, report } of rest) {
    if (report.runSeed !== a.report.runSeed)
      return `${path}: run seed ${report.runSeed}, but ${a.path} has ${a.report.runSeed}`;
    if (report.generator !== a.report.generator)
      return `${path}: generator ${report.generator}, but ${a.path} has ${a.report.generator}`;
    if (sharedOptions(report) !== sharedOptions(a.report))
      return `${path}: options differ from ${a.path} (only --shard and the worker count may)`;
    const counts = [report, a.report].map((r) => r.options.shard?.count ?? 1);
    if (counts[0] !== counts[1])
      return `${path}: ${shardName(report)}, but ${a.path} is ${shardName(a.report)}`;
  }
  return null;
}

/** Cumulative cases at every time any shard recorded: each shard's count then (its last before), summed. */
function mergeTimelines(reports: readonly RunReport[]): RunReport['timeline'] {
  const times = [...new Set(reports.flatMap((r) => r.timeline.map((p) => p.ms)))].sort((x, y) => x - y);
  const next = reports.map(() => 0);
  const current = reports.map(() => 0);
  return times.map((ms) => {
    let cases = 0;
    reports.forEach((r, i) => {
      while (next[i]! < r.timeline.length && r.timeline[next[i]!]!.ms <= ms)
        current[i] = r.timeline[next[i]!++]!.cases;
      cases += current[i]!;
    });
    return { ms, cases };
  });
}

function mergeFindings(reports: readonly RunReport[]): ReportFinding[] {
  const bySignature = new Map<string, ReportFinding>();
  for (const r of reports)
    for (const f of r.findings) {
      const had = bySignature.get(f.signature);
      if (had === undefined) bySignature.set(f.signature, { ...f });
      else {
        const first = caseOrder(f, had) < 0 ? f : had;
        bySignature.set(f.signature, { ...first, count: had.count + f.count });
      }
    }
  return [...bySignature.values()].sort(findingOrder);
}

function mergeKernel(reports: readonly RunReport[]): RunReport['kernel'] {
  const releases = [...new Set(reports.flatMap((r) => (r.kernel.asked ? [r.kernel.release] : [])))];
  return releases.length > 0 ? { asked: true, release: releases.join(', ') } : reports[0]!.kernel;
}

export function mergeReports(inputs: readonly NamedReport[]): MergeResult {
  const why = refusal(inputs);
  if (why !== null) return { ok: false, message: why };
  const reports = inputs.map((i) => i.report);
  const first = [...reports].sort((x, y) => x.startedAt.localeCompare(y.startedAt))[0]!;
  const verdicts: Record<string, Counts> = {};
  const features: Counts = {};
  const strategies: Counts = {};
  const times: Counts = {};
  for (const r of reports) {
    for (const [e, m] of Object.entries(r.verdicts)) addInto((verdicts[e] ??= {}), m);
    addInto(features, r.features);
    addInto(strategies, r.strategies);
    addInto(times, r.times);
  }
  const cases = reports.reduce((s, r) => s + r.cases, 0);
  // Shards run side by side: the merged run took as long as its slowest shard.
  const elapsedMs = Math.max(...reports.map((r) => r.elapsedMs));
  const count = reports[0]!.options.shard?.count ?? 1;
  const covered = new Set(reports.map((r) => r.options.shard?.index ?? 1));
  const everyShard = Array.from({ length: count }, (_, i) => i + 1).every((i) => covered.has(i));
  const findings = mergeFindings(reports);
  const known = findings.filter((f) => f.status === 'known').length;
  const runIds = reports.map((r) => r.runId);
  return {
    ok: true,
    report: {
      format: REPORT_FORMAT,
      runId: `${first.runId}-merged`,
      runSeed: first.runSeed,
      options: { ...first.options, shard: null, workers: reports.reduce((s, r) => s + r.options.workers, 0) },
      kernel: mergeKernel(reports),
      machine: first.machine,
      engines: first.engines,
      generator: first.generator,
      startedAt: first.startedAt,
      elapsedMs,
      complete: everyShard && reports.every((r) => r.complete),
      cases,
      casesPerSecond: elapsedMs > 0 ? (cases * 1000) / elapsedMs : 0,
      timeline: mergeTimelines(reports),
      strategies,
      verdicts,
      features,
      times,
      timeShare: sharesOf(times),
      findings,
      summary: { signatures: findings.length, new: findings.length - known, known },
      shards: runIds,
    },
  };
}
