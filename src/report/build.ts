/** From a campaign's result to the run report every writer renders. Pure. */
import type { CampaignResult, FindingBucket, StopRule } from '../fuzz/campaign.js';
import type { ReportFinding, RunReport } from './model.js';

/** A file name for a signature: readable, unique (a short hash of the whole signature). */
export function findingFileName(signature: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < signature.length; i++) h = Math.imul(h ^ signature.charCodeAt(i), 0x01000193) >>> 0;
  const readable = signature
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${readable}-${h.toString(16).padStart(8, '0')}.s`;
}

function reportFinding(b: FindingBucket): ReportFinding {
  return {
    signature: b.signature,
    oracle: b.first.oracle,
    severity: b.first.severity,
    title: b.first.title,
    engines: [...b.first.engines],
    status: b.known === null ? 'new' : 'known',
    note: b.known,
    count: b.count,
    firstCase: b.origin.index,
    strategy: b.origin.strategy,
    caseFile: `findings/${findingFileName(b.signature)}`,
    diffs: b.first.diffs.map((d) => ({ ...d })),
    input: b.first.input,
  };
}

export interface ReportContext {
  readonly runId: string;
  readonly startedAt: string;
  readonly stop: StopRule;
  readonly kernel: RunReport['kernel'];
  readonly complete: boolean;
}

export function buildReport(result: CampaignResult, ctx: ReportContext): RunReport {
  const s = result.settings;
  const total = Object.values(result.times).reduce((sum, ms) => sum + ms, 0);
  const timeShare: Record<string, number> = {};
  for (const [part, ms] of Object.entries(result.times)) timeShare[part] = total > 0 ? ms / total : 0;
  // New findings first, then known; each group by first case (the order a person triages in).
  const findings = result.buckets
    .map(reportFinding)
    .sort((a, b) => (a.status === b.status ? a.firstCase - b.firstCase : a.status === 'new' ? -1 : 1));
  const known = findings.filter((f) => f.status === 'known').length;
  return {
    format: 'throwfuzz-report/1',
    runId: ctx.runId,
    runSeed: s.runSeed,
    options: {
      models: [...s.models],
      kernel: s.kernel,
      profile: s.profile,
      quirks: Object.fromEntries(Object.entries(s.quirks).map(([e, q]) => [e, [...(q ?? [])]])),
      slots: [...s.slots],
      beyond: s.beyond,
      stop: ctx.stop,
    },
    kernel: ctx.kernel,
    startedAt: ctx.startedAt,
    elapsedMs: result.elapsedMs,
    complete: ctx.complete,
    cases: result.cases,
    casesPerSecond: result.elapsedMs > 0 ? (result.cases * 1000) / result.elapsedMs : 0,
    strategies: { ...result.strategies },
    verdicts: Object.fromEntries(Object.entries(result.verdicts).map(([e, m]) => [e, { ...m }])),
    features: { ...result.features },
    timeShare,
    findings,
    summary: { signatures: findings.length, new: findings.length - known, known },
  };
}
