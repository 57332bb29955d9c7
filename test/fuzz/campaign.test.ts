/**
 * The campaign in one process: one seed rules every case and finding; each quirk path-explorer reproduces is
 * found under its own signature; the report and the findings' case files are what the README says.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Profile, Quirk } from '../../src/bpf/profile.js';
import { readCase } from '../../src/corpus/read.js';
import { MODEL_ENGINES } from '../../src/engines/index.js';
import { runCampaign, type CampaignResult } from '../../src/fuzz/campaign.js';
import { mutationSeeds } from '../../src/fuzz/mutation-seeds.js';
import { askModels } from '../../src/fuzz/observe.js';
import { timeKeys } from '../../src/fuzz/pipeline.js';
import { isQuirkFinding } from '../../src/fuzz/quirk-finding.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import type { CampaignSettings } from '../../src/fuzz/settings.js';
import { runReportSchema } from '../../src/report/model.js';
import { runCli } from '../cli/helpers.js';

const settings = (runSeed: string, over: Partial<CampaignSettings> = {}): CampaignSettings => ({
  runSeed,
  models: ['path-explorer'],
  kernel: false,
  profile: 'mainline',
  quirks: {},
  slots: ['task-ctx', 'prog-global', 'per-cpu'],
  beyond: 0.03,
  join: false,
  ...over,
});

// The clock feeds only the time shares: a counter keeps the runs comparable.
const campaign = (s: CampaignSettings, cases: number): Promise<CampaignResult> => {
  let t = 0;
  return runCampaign(
    s,
    { kind: 'cases', count: cases },
    {
      kernel: { unavailable: 'not asked' },
      corpus: [],
      clock: () => t++,
      known: () => null,
    },
  );
};

/** What a run found, without timings: signature, first case, count, in the order found. */
const found = (r: CampaignResult) => r.buckets.map((b) => `${b.signature} @${b.origin.index} x${b.count}`);

describe('the campaign', () => {
  it('is a function of the seed: the same seed and case count give the same cases and findings', async () => {
    const a = await campaign(settings('3'), 120);
    const b = await campaign(settings('3'), 120);
    expect(a.cases).toBe(120);
    expect(found(b)).toEqual(found(a));
    expect(b.verdicts).toEqual(a.verdicts);
    expect(b.features).toEqual(a.features);
    const other = await campaign(settings('4'), 120);
    expect(other.verdicts).not.toEqual(a.verdicts);
  });

  // Each quirk is found, under a signature the same cases without the quirk do not give, from 5 seeds out
  // of 5 within 2,000 cases (a few seconds: npm run bench -- bugs times it). Deterministic: no clock decides.
  const quirks: readonly [Quirk, Profile][] = [
    ['seed-global-order', 'mainline'],
    ['seed-global-resources', 'mainline'],
    ['seed-loop-inline', 'rfc'],
  ];
  // Switched on in each model engine that reproduces it, that engine asked alone. With every model engine
  // asked, an engine's own unsettled disagreements (issue #12) can hide the quirk's re-run check.
  const cases = MODEL_ENGINES.flatMap((e) =>
    quirks.filter(([q]) => e.quirks[q] === null).map(([q, p]) => [e.name, q, p] as const),
  );
  for (const [engine, quirk, profile] of cases) {
    it(`finds ${quirk}@${engine} (${profile}) under a signature of its own, from 5 seeds of 5`, async () => {
      const signatures = new Set<string>();
      for (const seed of ['1', '2', '3', '4', '5']) {
        const s = settings(seed, {
          models: [engine],
          profile,
          quirks: { [engine]: [quirk] },
          beyond: 0,
        });
        const deps = { kernel: { unavailable: 'not asked' }, corpus: [], clock: () => 0 };
        let found: string | null = null;
        const r = await runCampaign(
          s,
          { kind: 'cases', count: 2000 },
          {
            ...deps,
            known: () => null,
            interrupted: () => found !== null,
            onBucket: async (b) => {
              if (found === null && (await isQuirkFinding(b, quirk, s, deps))) found = b.signature;
            },
          },
        );
        expect(found, `seed ${seed}: not found in ${r.cases} cases`).not.toBeNull();
        signatures.add(found!);
      }
      // One defect, one signature (a wrong rewrite can also disturb a scheduled run: the same defect).
      const own = [...signatures].filter((x) => !x.endsWith(':shared-slot'));
      expect(own, own.join(' | ')).toHaveLength(1);
    });
  }
});

describe('throwfuzz fuzz', () => {
  it('writes report.json (valid against its schema) and a case file per signature', async () => {
    const out = mkdtempSync(join(tmpdir(), 'throwfuzz-fuzz-'));
    const run = await runCli(
      'fuzz',
      '--max-cases',
      '150',
      '--seed',
      '5',
      '--engines',
      'path-explorer',
      '--quirks',
      'seed-global-order',
      '--no-replay',
      '--out',
      out,
    );
    expect(run.stderr).toBe('');
    const report = runReportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    expect(report).toMatchObject({ runSeed: '5', cases: 150, complete: true });
    expect(report.options.quirks).toEqual({ 'path-explorer': ['seed-global-order'] });
    // exit 1: the quirk is a new finding
    expect(run.code).toBe(
      report.findings.some((f) => f.status === 'new' && f.severity !== 'precision') ? 1 : 0,
    );
    expect(run.code).toBe(1);
    const files = readdirSync(join(out, 'findings')).sort();
    // Each finding's case file, and each new one that is not precision minimized next to it (NAME.min.s).
    const named = report.findings.flatMap((f) => [
      f.caseFile,
      ...(f.minimized?.status === 'minimized' ? [f.minimized.caseFile] : []),
    ]);
    expect(files).toEqual(named.map((f) => f.replace('findings/', '')).sort());
    expect(report.findings.filter((f) => f.minimized !== null)).toEqual(
      report.findings.filter((f) => f.status === 'new' && f.severity !== 'precision'),
    );
    for (const f of report.findings) {
      const path = join(out, f.caseFile);
      const c = readCase(readFileSync(path, 'utf8'), path);
      expect(c.provenance).toMatchObject({ runSeed: '5', index: f.firstCase });
      expect(c.note).toContain(`signature: ${f.signature}`);
      expect(c.options?.quirks).toEqual({ 'path-explorer': ['seed-global-order'] });
    }
    expect(run.stdout).toContain(`report: ${join(out, 'report.json')}`);
  });

  it('refuses bad arguments with one line and exit 2', async () => {
    const cases: [string[], string][] = [
      [
        ['--time', 'soon'],
        "error: option '--time <duration>' argument 'soon' is invalid. 'soon' is not a duration",
      ],
      [['--engines', 'kernal'], "throwfuzz: unknown engine 'kernal'"],
      [
        ['--quirks', 'seed-entry-clobber', '--engines', 'path-explorer'],
        'throwfuzz: --quirks seed-entry-clobber',
      ],
      [['--seed', 'x1'], "throwfuzz: --seed 'x1': an unsigned decimal integer"],
      [['--beyond', '2'], "'2' is not a share from 0 to 1"],
      [['--slots', 'per-task'], "throwfuzz: unknown slot model 'per-task'"],
      [['--engines', 'kernel', '--join'], 'throwfuzz: --join: no engine asked supports join mode'],
      // Every model engine without join mode, alone: nothing to ask again.
      ...MODEL_ENGINES.filter((e) => e.join !== null).map((e): [string[], string] => [
        ['--engines', e.name, '--join'],
        `throwfuzz: --join: no engine asked supports join mode (${e.name}: ${e.join ?? ''})`,
      ]),
    ];
    for (const [args, start] of cases) {
      const run = await runCli('fuzz', '--max-cases', '1', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr, args.join(' ')).toContain(start);
    }
  });
});

describe('join mode (settings.join)', () => {
  it('asks again, with join: true, exactly the model engines that support it; nothing when off', () => {
    const p = parseProgram('    r1 = 7\n    call bpf_throw\n    r0 = 0\n    exit\n');
    const all = settings('1', { models: MODEL_ENGINES.map((e) => e.name) });
    expect(askModels(p, all).joined).toEqual([]);
    const on = askModels(p, { ...all, join: true });
    const supporting = MODEL_ENGINES.filter((e) => e.join === null).map((e) => e.name);
    expect(on.joined.map((a) => a.engine)).toEqual(supporting);
    expect(Object.keys(on.times)).toEqual([...all.models, ...supporting.map((n) => `${n}+join`)]);
    expect(timeKeys({ ...all, join: true })).toEqual([
      'generate',
      ...all.models,
      ...supporting.map((n) => `${n}+join`),
      'kernel',
      'runtime',
      'oracles',
    ]);
  });
});

describe('mutation seeds', () => {
  it('keep the corpus programs every model engine answers, and drop the others', () => {
    const inside = parseProgram('    r0 = 0\n    exit\n');
    const helperCall = parseProgram('    call bpf_get_exception\n    exit\n');
    const alu32 = parseProgram('    w0 = 1\n    exit\n');
    expect(mutationSeeds([inside, helperCall, alu32], settings('1'))).toEqual([inside]);
  });
});
