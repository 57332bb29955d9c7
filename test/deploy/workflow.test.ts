/**
 * .github/workflows/nightly.yml: one run seed, N shards that together are one campaign, every shard's
 * report uploaded whatever its exit code, and a merge that fails the run on new findings only after
 * everything is uploaded. The step scripts are run for real with a fake `node` (./shell.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDuration, parseEngines } from '../../src/cli/fuzz-options.js';
import { invocationsIn, runScript, tempDir, unknownUsage } from './shell.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  'continue-on-error'?: unknown;
}
interface Job {
  needs?: string | string[];
  if?: string;
  'runs-on': string;
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  strategy?: { 'fail-fast'?: boolean; matrix: { shard: unknown[] } };
  steps: Step[];
}
interface Workflow {
  on: {
    schedule: { cron: string }[];
    workflow_dispatch: { inputs: Record<string, { default?: string; options?: string[] }> };
  };
  env: Record<string, string>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const root = join(import.meta.dirname, '../..');
const text = readFileSync(join(root, '.github/workflows/nightly.yml'), 'utf8');
const wf = parse(text) as Workflow;
const { seed: seedJob, shard, merge } = wf.jobs as Record<'seed' | 'shard' | 'merge', Job>;
const needs = (j: Job) => (Array.isArray(j.needs) ? j.needs : j.needs === undefined ? [] : [j.needs]);
const step = (j: Job, pick: (s: Step) => boolean): Step => {
  const found = j.steps.filter(pick);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const fuzzStep = step(shard, (s) => s.run?.includes('throwfuzz.js fuzz') ?? false);
const mergeStep = step(merge, (s) => s.run?.includes('throwfuzz.js report merge') ?? false);
const SEED_EXPR = '${{ needs.seed.outputs.seed }}';

/** A step's script with `${{ matrix.shard }}` filled in, as the runner would; no other expression may be left. */
function script(s: Step, shardValue: number): string {
  const filled = s.run!.replaceAll('${{ matrix.shard }}', String(shardValue));
  expect(filled, 'only the matrix value inline; inputs go through env').not.toContain('${{');
  return filled;
}

/** The value a workflow-level `${{ inputs.X || 'D' }}` falls back to when there are no inputs (schedule). */
function fallback(expr: string): { input: string; value: string } {
  const m = /^\$\{\{ inputs\.([a-z-]+) \|\| '([^']*)' \}\}$/.exec(expr);
  expect(m, expr).not.toBeNull();
  return { input: m![1]!, value: m![2]! };
}

describe('nightly workflow', () => {
  it('runs nightly and by hand, a scheduled run using the same defaults as a manual one', () => {
    expect(wf.on.schedule[0]!.cron.split(' ')).toHaveLength(5);
    const inputs = wf.on.workflow_dispatch.inputs;
    expect(Object.keys(inputs).sort()).toEqual(['engines', 'runner', 'seed', 'time']);
    for (const name of ['TIME_PER_SHARD', 'ENGINES']) {
      const { input, value } = fallback(wf.env[name]!);
      expect(inputs[input]!.default, name).toBe(value);
    }
    expect(parseDuration(fallback(wf.env.TIME_PER_SHARD!).value)).toBeGreaterThan(0);
    // hosted runners: no kernel by default
    expect(fallback(wf.env.ENGINES!).value).toBe('path-explorer');
    for (const e of inputs.engines!.options!) expect(() => parseEngines(e), e).not.toThrow();
    expect(fallback(shard['runs-on']).value).toBe(inputs.runner!.default);
  });

  it('keeps permissions minimal: read-only, checks: write only for the job that publishes', () => {
    expect(wf.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(wf.jobs))
      for (const [scope, level] of Object.entries(job.permissions ?? {}))
        if (level !== 'read') expect(`${name}: ${scope}`).toBe('merge: checks');
    expect(merge.permissions).toEqual({ contents: 'read', checks: 'write' });
  });

  it('pins every action to a major version', () => {
    const uses = Object.values(wf.jobs).flatMap((j) => j.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
    expect(uses).toEqual(
      expect.arrayContaining(['actions/upload-artifact@v4', 'actions/download-artifact@v4']),
    );
  });

  it('shards 1..N of one campaign: the matrix, the --shard argument and the one seed agree', () => {
    const values = shard.strategy!.matrix.shard;
    const n = values.length;
    expect(n).toBeGreaterThan(1);
    expect(values).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(shard.strategy!['fail-fast']).toBe(false);
    expect(needs(shard)).toContain('seed');
    expect(seedJob.outputs!.seed).toMatch(/^\$\{\{ steps\.[a-z-]+\.outputs\.seed \}\}$/);
    expect(fuzzStep.env!.SEED).toBe(SEED_EXPR);
    // every --seed in the file is that one expression (through env)
    const seeds = [...text.matchAll(/--seed\s+"?\$([A-Z_]+)"?/g)].map((m) => m[1]!);
    expect(seeds.length).toBeGreaterThan(0);
    for (const v of seeds) expect(fuzzStep.env![v]).toBe(SEED_EXPR);
    expect(needs(merge)).toEqual(expect.arrayContaining(['seed', 'shard']));

    const env = { SEED: '12345', TIME_PER_SHARD: '45m', ENGINES: 'path-explorer' };
    for (const i of values as number[]) {
      const cwd = tempDir('shard');
      const run = runScript(
        ['bash', '-e'],
        script(fuzzStep, i),
        { ...env, GITHUB_OUTPUT: join(cwd, 'out') },
        { cwd },
      );
      expect(run.status).toBe(0);
      expect(run.nodeCalls).toHaveLength(1);
      const argv = run.nodeCalls[0]!;
      expect(argv.slice(0, 2)).toEqual(['bin/throwfuzz.js', 'fuzz']);
      const arg = (o: string) => argv[argv.indexOf(o) + 1];
      expect(arg('--shard')).toBe(`${i}/${n}`);
      expect(arg('--seed')).toBe('12345');
      expect(arg('--time')).toBe('45m');
      expect(arg('--engines')).toBe('path-explorer');
      expect(arg('--out')).toBe(`reports/shard-${i}`);
    }
  });

  it('chooses one seed: the input, else the run id; refuses a seed that is not an unsigned integer', () => {
    const seedStep = step(seedJob, (s) => s.id === 'seed');
    const choose = (input: string) => {
      const cwd = tempDir('seed');
      const out = join(cwd, 'out');
      writeFileSync(out, '');
      const r = runScript(
        ['bash', '-e'],
        seedStep.run!,
        { INPUT_SEED: input, RUN_ID: '9876543210', GITHUB_OUTPUT: out, GITHUB_STEP_SUMMARY: join(cwd, 's') },
        { cwd },
      );
      return { status: r.status, output: readFileSync(out, 'utf8') };
    };
    expect(seedStep.env).toEqual({ INPUT_SEED: '${{ inputs.seed }}', RUN_ID: '${{ github.run_id }}' });
    expect(choose('')).toEqual({ status: 0, output: 'seed=9876543210\n' });
    expect(choose('42')).toEqual({ status: 0, output: 'seed=42\n' });
    expect(choose('abc').status).not.toBe(0);
    expect(choose('007').status).not.toBe(0);
  });

  it('a shard with findings (exit 1) succeeds and its exit code is kept; a bad run (exit 2) fails', () => {
    expect(fuzzStep['continue-on-error']).toBeUndefined();
    for (const [code, status] of [
      [0, 0],
      [1, 0],
      [2, 2],
      [134, 134],
    ] as const) {
      const cwd = tempDir('shard-exit');
      const out = join(cwd, 'out');
      writeFileSync(out, '');
      const env = { SEED: '1', TIME_PER_SHARD: '1m', ENGINES: 'all', GITHUB_OUTPUT: out };
      const r = runScript(['bash', '-e'], script(fuzzStep, 1), env, { cwd, nodeExit: code });
      expect(r.status, `throwfuzz exit ${code}`).toBe(status);
      expect(readFileSync(out, 'utf8')).toBe(`exit-code=${code}\n`);
    }
  });

  it('uploads each shard report under its own name whatever the fuzz step did', () => {
    const upload = step(shard, (s) => s.uses?.startsWith('actions/upload-artifact@') ?? false);
    expect(upload.if).toBe('always()');
    expect(shard.steps.indexOf(upload)).toBeGreaterThan(shard.steps.indexOf(fuzzStep));
    for (const i of shard.strategy!.matrix.shard as number[]) {
      const out = /--out (\S+)/.exec(script(fuzzStep, i))![1]!;
      const path = String(upload.with!.path).replace('${{ matrix.shard }}', String(i));
      expect(path.replace(/\/$/, '')).toBe(out);
    }
    expect(upload.with!.name).toContain('${{ matrix.shard }}');
  });

  it('merges every shard artifact (always), publishes junit.xml and report.md, and fails last on new findings', () => {
    expect(merge.if).toContain('always()');
    const upload = step(shard, (s) => s.uses?.startsWith('actions/upload-artifact@') ?? false);
    const download = step(merge, (s) => s.uses?.startsWith('actions/download-artifact@') ?? false);
    expect(download.with!['merge-multiple']).toBe(false);
    // the pattern matches every shard's artifact name
    const pattern = new RegExp(`^${String(download.with!.pattern).replaceAll('*', '.*')}$`);
    for (const i of shard.strategy!.matrix.shard as number[])
      expect(String(upload.with!.name).replace('${{ matrix.shard }}', String(i))).toMatch(pattern);

    // report merge reads each downloaded artifact directory (download path / artifact name)
    const cwd = tempDir('merge');
    const names = (shard.strategy!.matrix.shard as number[]).map((i) =>
      String(upload.with!.name).replace('${{ matrix.shard }}', String(i)),
    );
    for (const name of names) mkdirSync(join(cwd, String(download.with!.path), name), { recursive: true });
    const out = join(cwd, 'out');
    writeFileSync(out, '');
    const r = runScript(['bash', '-e'], script(mergeStep, 0), { GITHUB_OUTPUT: out }, { cwd, nodeExit: 1 });
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('exit-code=1\n');
    const argv = r.nodeCalls[0]!;
    const outDir = argv[argv.indexOf('--out') + 1]!;
    expect(argv.slice(0, 3)).toEqual(['bin/throwfuzz.js', 'report', 'merge']);
    expect(argv.slice(3, argv.indexOf('--out')).sort()).toEqual(
      names.map((n) => `${String(download.with!.path)}/${n}`).sort(),
    );

    // what is published is what the merge wrote, each step running even after a failure
    const merged = step(merge, (s) => s.uses?.startsWith('actions/upload-artifact@') ?? false);
    expect(String(merged.with!.path).replace(/\/$/, '')).toBe(outDir);
    const junit = step(merge, (s) => s.uses?.startsWith('mikepenz/action-junit-report@') ?? false);
    expect(junit.with!.report_paths).toBe(`${outDir}/junit.xml`);
    expect(junit.with!.fail_on_failure).toBe(false);
    const summary = step(merge, (s) => s.run?.includes('GITHUB_STEP_SUMMARY') ?? false);
    expect(summary.run).toContain(`${outDir}/report.md`);
    for (const s of [merged, junit, summary]) expect(s.if, s.name).toContain('always()');

    const gate = merge.steps.at(-1)!;
    expect(gate.if).toBe('always()');
    expect(gate.env).toEqual({
      SHARDS: '${{ needs.shard.result }}',
      MERGE_EXIT: `\${{ steps.${mergeStep.id!}.outputs.exit-code }}`,
    });
    const verdict = (SHARDS: string, MERGE_EXIT: string) =>
      runScript(['bash', '-e'], gate.run!, { SHARDS, MERGE_EXIT }, { cwd }).status;
    expect(verdict('success', '0')).toBe(0);
    expect(verdict('success', '1')).not.toBe(0);
    expect(verdict('failure', '0')).not.toBe(0);
    expect(verdict('success', '2')).not.toBe(0);
    expect(verdict('success', '')).not.toBe(0);
  });

  it('calls throwfuzz only with commands and options that exist', async () => {
    const calls = invocationsIn(text);
    expect(calls.map((c) => c.command).sort()).toEqual(['fuzz', 'report merge']);
    expect(await unknownUsage(calls)).toEqual([]);
  });
});
