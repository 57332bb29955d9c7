/**
 * Merging shards' reports: two disjoint halves of one run add up to the whole run; `report merge` and
 * `report show` on the command line, and what they refuse (one line, exit 2, nothing written).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { renderJson, writeReportFiles } from '../../src/report/files.js';
import { mergeReports } from '../../src/report/merge.js';
import type { ReportFinding, RunReport } from '../../src/report/model.js';
import { runCli } from '../cli/helpers.js';
import { fixtureCampaign, fixtureContext, fixtureShard } from './fixture.js';
import { GENERATOR_VERSION } from '../../generators/index.js';

const CASES = 120;
let whole: RunReport;
let half1: RunReport;
let half2: RunReport;
beforeAll(async () => {
  whole = buildReport(await fixtureCampaign('1', CASES), fixtureContext());
  half1 = buildReport(await fixtureShard('1', CASES, 1, 2), fixtureContext({ runId: 'run-a' }));
  half2 = buildReport(await fixtureShard('1', CASES, 2, 2), fixtureContext({ runId: 'run-b' }));
}, 60_000);

const merged = (...reports: RunReport[]): RunReport => {
  const m = mergeReports(reports.map((report, i) => ({ path: `r${i}/report.json`, report })));
  if (!m.ok) throw new Error(m.message);
  return m.report;
};

const dirWith = (report: RunReport | string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'throwfuzz-report-'));
  writeFileSync(join(dir, 'report.json'), typeof report === 'string' ? report : renderJson(report));
  return dir;
};

describe('mergeReports', () => {
  it('two disjoint halves of a run add up to the whole run', () => {
    expect(half1.cases + half2.cases).toBe(CASES);
    const m = merged(half2, half1);
    expect(m.cases).toBe(whole.cases);
    expect(m.verdicts).toEqual(whole.verdicts);
    expect(m.features).toEqual(whole.features);
    expect(m.strategies).toEqual(whole.strategies);
    for (const [part, ms] of Object.entries(m.times))
      expect(ms).toBe(half1.times[part]! + half2.times[part]!);
    // one finding per signature, counted over both halves, first case the whole run's
    const key = (f: ReportFinding) => `${f.signature} @${f.firstCase} x${f.count} ${f.status}`;
    expect(m.findings.map(key)).toEqual(whole.findings.map(key));
    expect(
      m.findings.some((f) => half1.findings.some((g) => g.signature === f.signature && g.count < f.count)),
    );
    expect(m.summary).toEqual(whole.summary);
    expect(m.shards).toEqual(['run-b', 'run-a']);
    expect(m.complete).toBe(true);
    expect(m.options.shard).toBeNull();
    // the timelines summed per time step: the last point is every case
    expect(m.timeline[m.timeline.length - 1]!.cases).toBe(CASES);
  });

  it('takes the smallest first case of a signature, corpus replay before generated', () => {
    const f = half1.findings[0]!;
    const later = { ...half1, findings: [{ ...f, firstCase: 50, count: 2 }] };
    const earlier = { ...half2, findings: [{ ...f, firstCase: 7, count: 3, caseText: 'the earlier one' }] };
    expect(merged(later, earlier).findings).toEqual([
      { ...f, firstCase: 7, count: 5, caseText: 'the earlier one' },
    ]);
    const replay = { ...half1, findings: [{ ...f, firstCase: 90, strategy: 'corpus', count: 1 }] };
    expect(merged(earlier, replay).findings[0]).toMatchObject({
      firstCase: 90,
      strategy: 'corpus',
      count: 4,
    });
  });

  it('is incomplete when a shard is missing or was interrupted', () => {
    const alone = mergeReports([{ path: 'a', report: half1 }]);
    expect(alone.ok && alone.report.complete).toBe(false);
    expect(merged(half1, { ...half2, complete: false }).complete).toBe(false);
  });

  it('refuses reports of another seed, other options, another generator, or the same shard twice', () => {
    const refuse = (b: RunReport): string => {
      const m = mergeReports([
        { path: 'a/report.json', report: half1 },
        { path: 'b/report.json', report: b },
      ]);
      return m.ok ? 'merged' : m.message;
    };
    expect(refuse({ ...half2, runSeed: '2' })).toBe('b/report.json: run seed 2, but a/report.json has 1');
    expect(refuse({ ...half2, generator: 'gen-0' })).toBe(
      `b/report.json: generator gen-0, but a/report.json has ${GENERATOR_VERSION}`,
    );
    expect(refuse({ ...half2, options: { ...half2.options, profile: 'rfc' } })).toBe(
      'b/report.json: options differ from a/report.json (only --shard and the worker count may)',
    );
    expect(refuse({ ...half2, options: { ...half2.options, workers: 8 } })).toBe('merged');
    expect(refuse(half1)).toBe('b/report.json: shard 1/2 again (also a/report.json)');
  });
});

describe('throwfuzz report merge', () => {
  it('writes the four files and the findings of the merged report', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'throwfuzz-merged-')), 'out');
    const run = await runCli('report', 'merge', dirWith(half1), dirWith(half2), '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`merged 2 reports: ${CASES} cases`);
    expect(readdirSync(out).sort()).toEqual([
      'findings',
      'junit.xml',
      'report.html',
      'report.json',
      'report.md',
    ]);
    const m = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as RunReport;
    expect(m.cases).toBe(CASES);
    expect(readdirSync(join(out, 'findings')).sort()).toEqual(
      m.findings.map((f) => f.caseFile.replace('findings/', '')).sort(),
    );
    for (const f of m.findings) expect(readFileSync(join(out, f.caseFile), 'utf8')).toBe(f.caseText);
  });

  it('refuses mismatched seeds with one line, exit 2, and writes nothing', async () => {
    const a = dirWith(half1);
    const b = dirWith({ ...half2, runSeed: '9' });
    const out = join(tmpdir(), `throwfuzz-never-${process.pid}`);
    const run = await runCli('report', 'merge', a, b, '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `throwfuzz: ${join(b, 'report.json')}: run seed 9, but ${join(a, 'report.json')} has 1\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('names a corrupt report.json by path:line:col, a missing one and a schema mismatch by path', async () => {
    const text = renderJson(half2);
    const cut = text.indexOf('\n  "cases": ') + 3;
    const corrupt = dirWith(`${text.slice(0, cut)}"cases": ,${text.slice(cut + '"cases": '.length)}`);
    const line = text.slice(0, cut).split('\n').length;
    const col = cut - text.lastIndexOf('\n', cut - 1) + '"cases": '.length;
    const out = join(tmpdir(), `throwfuzz-never-${process.pid}`);
    const bad = await runCli('report', 'merge', dirWith(half1), corrupt, '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      new RegExp(`^${join(corrupt, 'report.json')}:${line}:${col}: not JSON: [^\\n]+\\n$`),
    );
    const empty = mkdtempSync(join(tmpdir(), 'throwfuzz-empty-'));
    const missing = await runCli('report', 'merge', empty, '--out', out);
    expect(missing.stderr).toBe(`throwfuzz: ${join(empty, 'report.json')}: no such file\n`);
    const wrong = dirWith(JSON.stringify({ ...half1, cases: -1 }));
    const schema = await runCli('report', 'show', wrong);
    expect(schema.code).toBe(2);
    expect(schema.stderr).toMatch(
      new RegExp(`^throwfuzz: ${join(wrong, 'report.json')}: not a throwfuzz report: cases: [^\\n]+\\n$`),
    );
    const old = dirWith(JSON.stringify({ ...half1, format: 'throwfuzz-report/1' }));
    expect((await runCli('report', 'show', old)).stderr).toBe(
      `throwfuzz: ${join(old, 'report.json')}: format "throwfuzz-report/1", but this throwfuzz reads throwfuzz-report/3\n`,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('throwfuzz report show', () => {
  it("prints report.md's summary, and says when the run was interrupted", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'throwfuzz-show-'));
    mkdirSync(dir, { recursive: true });
    await writeReportFiles(dir, { ...whole, complete: false });
    const run = await runCli('report', 'show', dir);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'report.md'), 'utf8').startsWith(run.stdout)).toBe(true);
    expect(run.stdout).toContain('INCOMPLETE: the run was interrupted');
    for (const f of whole.findings) expect(run.stdout).toContain(f.signature);
  });
});
