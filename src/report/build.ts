/** From a campaign's result to the run report every writer renders. Pure. */
import type { CampaignResult, FindingBucket, StopRule } from '../fuzz/campaign.js';
import type { CampaignSettings } from '../fuzz/settings.js';
import { GENERATOR_VERSION } from '../../generators/version.js';
import { findingCaseText, minimizedCaseText } from './finding-case.js';
import {
  REPORT_FORMAT,
  type ReportFinding,
  type ReportMachine,
  type ReportMinimized,
  type RunReport,
} from './model.js';
import { findingOrder } from './order.js';
import { reproduceCommand } from './reproduce.js';

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

/** The minimized case file's name: the finding's, `.min.s`. */
export const minimizedFileName = (caseFile: string): string => caseFile.replace(/\.s$/, '.min.s');

function minimizedOf(b: FindingBucket, caseFile: string, settings: CampaignSettings): ReportMinimized | null {
  const m = b.minimized ?? null;
  if (m === null) return null;
  switch (m.status) {
    case 'failed':
      return { status: 'failed', reason: m.reason };
    case 'minimized': {
      const s = m.stats;
      return {
        status: 'minimized',
        caseFile: minimizedFileName(caseFile),
        caseText: minimizedCaseText(b, settings, m.program, s),
        insnsBefore: s.insnsBefore,
        insnsAfter: s.insnsAfter,
        functionsBefore: s.subprogsBefore,
        functionsAfter: s.subprogsAfter,
        inputsBefore: s.inputsBefore,
        inputsAfter: s.inputsAfter,
        checks: s.calls,
        stop: s.stop === 'calls' ? 'checks' : s.stop,
        ms: m.ms,
      };
    }
    default: {
      const never: never = m;
      return never;
    }
  }
}

function reportFinding(b: FindingBucket, settings: CampaignSettings): ReportFinding {
  const caseFile = `findings/${findingFileName(b.signature)}`;
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
    caseFile,
    caseText: findingCaseText(b, settings),
    reproduce: reproduceCommand(caseFile, b.first.engines, settings),
    diffs: b.first.diffs.map((d) => ({ ...d })),
    input: b.first.input,
    minimized: minimizedOf(b, caseFile, settings),
  };
}

/** What the CLI knows about a run that the campaign's result does not carry. */
export interface ReportContext {
  readonly runId: string;
  /** ISO time the run started. */
  readonly startedAt: string;
  readonly stop: StopRule;
  readonly kernel: RunReport['kernel'];
  /** False when the run was interrupted before its stop rule held. */
  readonly complete: boolean;
  /** `collectMachine()` (src/report/machine.ts). */
  readonly machine: ReportMachine;
  /** throwfuzz's own version (package.json): the version of every model engine. */
  readonly version: string;
  /** The minimization cap per new finding, or null (`--no-minimize`). */
  readonly minimize: { readonly checks: number; readonly timeMs: number } | null;
}

/** Milliseconds per part as shares of their sum. */
export function sharesOf(times: Readonly<Record<string, number>>): Record<string, number> {
  const total = Object.values(times).reduce((sum, ms) => sum + ms, 0);
  const share: Record<string, number> = {};
  for (const [part, ms] of Object.entries(times)) share[part] = total > 0 ? Math.min(1, ms / total) : 0;
  return share;
}

export function buildReport(result: CampaignResult, ctx: ReportContext): RunReport {
  const s = result.settings;
  const findings = result.buckets.map((b) => reportFinding(b, s)).sort(findingOrder);
  const known = findings.filter((f) => f.status === 'known').length;
  return {
    format: REPORT_FORMAT,
    runId: ctx.runId,
    runSeed: s.runSeed,
    options: {
      models: [...s.models],
      kernel: s.kernel,
      profile: s.profile,
      quirks: Object.fromEntries(Object.entries(s.quirks).map(([e, q]) => [e, [...(q ?? [])]])),
      slots: [...s.slots],
      beyond: s.beyond,
      join: s.join,
      stop: ctx.stop,
      shard: result.shard === null ? null : { index: result.shard.index, count: result.shard.count },
      workers: result.workers,
      minimize: ctx.minimize === null ? null : { ...ctx.minimize },
    },
    kernel: ctx.kernel,
    machine: ctx.machine,
    engines: [
      ...s.models.map((name) => ({ name, version: ctx.version })),
      { name: 'kernel', version: ctx.kernel.asked ? ctx.kernel.release : null },
    ],
    generator: GENERATOR_VERSION,
    startedAt: ctx.startedAt,
    elapsedMs: result.elapsedMs,
    complete: ctx.complete,
    cases: result.cases,
    casesPerSecond: result.elapsedMs > 0 ? (result.cases * 1000) / result.elapsedMs : 0,
    timeline: result.timeline.map(({ ms, cases }) => ({ ms, cases })),
    strategies: { ...result.strategies },
    verdicts: Object.fromEntries(Object.entries(result.verdicts).map(([e, m]) => [e, { ...m }])),
    features: { ...result.features },
    times: { ...result.times },
    timeShare: sharesOf(result.times),
    findings,
    summary: { signatures: findings.length, new: findings.length - known, known },
    shards: [],
  };
}
