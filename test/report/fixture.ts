/** A report from a real small campaign (path-explorer with a quirk, the kernel unavailable), for the writers' tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCampaign, type CampaignResult, type FindingBucket } from '../../src/fuzz/campaign.js';
import { runCase } from '../../src/fuzz/pipeline.js';
import { countCase, emptyTally } from '../../src/fuzz/tally.js';
import type { CampaignSettings } from '../../src/fuzz/settings.js';
import { buildReport, type ReportContext } from '../../src/report/build.js';
import type { RunReport } from '../../src/report/model.js';
import { parseTriage } from '../../oracles/triage.js';

const root = join(import.meta.dirname, '../..');

export const fixtureSettings = (runSeed: string): CampaignSettings => ({
  runSeed,
  models: ['path-explorer'],
  kernel: false,
  profile: 'mainline',
  quirks: { 'path-explorer': ['seed-global-order'] },
  slots: ['task-ctx', 'prog-global', 'per-cpu'],
  beyond: 0.03,
  join: false,
});

/**
 * The committed triage file, plus one signature of the quirk's taken as known (with a note the writers must
 * escape): so the report has new, known and (seed 1) precision findings.
 */
export const KNOWN_NOTE = 'per-cpu slot shared by two tasks: <&> "quoted"';
function knownNotes(): (signature: string) => string | null {
  const path = join(root, 'corpus/triage.json');
  const triage = parseTriage(readFileSync(path, 'utf8'), path);
  if (!triage.ok) throw new Error(triage.message);
  const notes = new Map(triage.triage.known.map((k) => [k.signature, k.note]));
  return (s) => notes.get(s) ?? (s.includes(':scheduled/per-cpu:') ? KNOWN_NOTE : null);
}

/** Cases `count`; a counter clock (the times are then case-proportional and the run repeatable). */
export async function fixtureCampaign(runSeed: string, count: number): Promise<CampaignResult> {
  let t = 0;
  return runCampaign(
    fixtureSettings(runSeed),
    { kind: 'cases', count },
    { kernel: { unavailable: 'not asked' }, corpus: [], clock: () => t++, known: knownNotes() },
  );
}

/**
 * Shard `index` of `count` of the same run by hand (runCase on the indices i = index-1 mod count, as the
 * campaign's buckets do it): what the worker pool's shards produce.
 */
export async function fixtureShard(
  runSeed: string,
  cases: number,
  index: number,
  count: number,
): Promise<CampaignResult> {
  const settings = fixtureSettings(runSeed);
  let t = 0;
  const deps = { kernel: { unavailable: 'not asked' }, corpus: [], clock: () => t++ };
  const known = knownNotes();
  const tally = emptyTally();
  const buckets = new Map<string, FindingBucket>();
  const timeline: { ms: number; cases: number }[] = [];
  for (let i = index - 1; i < cases; i += count) {
    const record = await runCase({ kind: 'generated', index: i }, settings, deps);
    countCase(tally, record);
    timeline.push({ ms: tally.cases * 10, cases: tally.cases });
    for (const finding of record.findings) {
      const had = buckets.get(finding.signature);
      if (had) had.count++;
      else
        buckets.set(finding.signature, {
          signature: finding.signature,
          first: finding,
          origin: record.origin,
          program: record.program!,
          count: 1,
          known: known(finding.signature),
        });
    }
  }
  return {
    ...tally,
    settings,
    shard: { index, count },
    workers: 1,
    elapsedMs: tally.cases * 10,
    buckets: [...buckets.values()],
    timeline,
  };
}

export const fixtureContext = (over: Partial<ReportContext> = {}): ReportContext => ({
  runId: '20260101-000000-seed11',
  startedAt: '2026-01-01T00:00:00.000Z',
  stop: { kind: 'cases', count: 200 },
  kernel: { asked: false, reason: 'not asked (--engines)' },
  complete: true,
  machine: {
    hostname: 'box',
    platform: 'linux 6.18',
    cpus: 4,
    cpuModel: 'cpu',
    memoryMiB: 8192,
    node: 'v20',
  },
  version: '0.1.0',
  minimize: null,
  ...over,
});

export async function fixtureReport(runSeed = '1', count = 200): Promise<RunReport> {
  return buildReport(await fixtureCampaign(runSeed, count), fixtureContext());
}
