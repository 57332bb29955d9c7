/**
 * `throwfuzz check`: output shapes, exit codes, the batch rule, engines asked for that cannot answer, and
 * the comparison of several engines.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENGINE_NAMES, MODEL_ENGINES } from '../../src/engines/index.js';
import { defaultExecutorPath } from '../../src/engines/kernel/executor-path.js';
import { liveKernel } from '../engines/kernel/live.js';
import { runCli } from './helpers.js';

const root = join(import.meta.dirname, '../..');
const corpus = (name: string): string => join(root, 'corpus/kernel', `${name}.s`);
const scratch = (): string => mkdtempSync(join(tmpdir(), 'throwfuzz-'));
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function badFile(): string {
  const file = join(scratch(), 'bad.s');
  writeFileSync(file, '    r0 = 0\n    r0 +== 1\n    exit\n');
  return file;
}

describe('throwfuzz check: usage', () => {
  it('an unknown engine is a usage error', async () => {
    const run = await runCli('check', corpus('throw-main-cookie'), '--engine', 'nope');
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      `throwfuzz: unknown engine 'nope' (engines: ${[...ENGINE_NAMES, 'all'].join(', ')})\n`,
    );
  });

  it('--join is refused when no engine asked supports join mode', async () => {
    const without = MODEL_ENGINES.filter((e) => e.join !== null);
    expect(without.length).toBeGreaterThan(0);
    for (const e of without) {
      const run = await runCli('check', corpus('throw-main-cookie'), '--engine', e.name, '--join');
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toBe(
        `throwfuzz: --join: no engine asked supports join mode (${e.name}: ${e.join ?? ''})\n`,
      );
    }
    const kernelOnly = await runCli('check', corpus('throw-main-cookie'), '--engine', 'kernel', '--join');
    expect(kernelOnly.code).toBe(2);
    expect(kernelOnly.stderr).toMatch(
      /^throwfuzz: --join applies to model engines \([^)]*\); none was asked for\n$/,
    );
  });

  it('--engine "" names no engine: a usage error, not a silent success', async () => {
    for (const empty of ['', ',', ' ']) {
      const run = await runCli('check', corpus('throw-main-cookie'), '--engine', empty);
      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr: `throwfuzz: --engine needs an engine name (engines: ${[...ENGINE_NAMES, 'all'].join(', ')})\n`,
      });
    }
  });

  it('a quirk the engine cannot apply is refused with the reason; repeated quirks count once', async () => {
    const f = corpus('throw-main-cookie');
    const clobber = await runCli('check', f, '--engine', 'path-explorer', '--quirks', 'seed-entry-clobber');
    expect(clobber).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'throwfuzz: --quirks seed-entry-clobber: path-explorer cannot apply it: it needs ext programs, which path-explorer does not verify yet\n',
    });
    const twice = await runCli(
      'check',
      f,
      '--engine',
      'path-explorer',
      '--quirks',
      'seed-global-order,seed-global-order, seed-loop-inline',
    );
    expect(twice.code).toBe(0);
    expect(twice.stdout).toContain('mainline, quirks seed-global-order,seed-loop-inline)');
    const json = await runCli(
      'check',
      f,
      '--engine',
      'path-explorer',
      '--quirks',
      'seed-global-order,seed-global-order',
      '--json',
    );
    const [entry] = JSON.parse(json.stdout) as [{ engines: { 'path-explorer': { quirks: string[] } } }];
    expect(entry.engines['path-explorer'].quirks).toEqual(['seed-global-order']);
  });

  it('model-engine options without a model engine are refused', async () => {
    const run = await runCli('check', corpus('throw-main-cookie'), '--engine', 'kernel', '--profile', 'rfc');
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `throwfuzz: --profile applies to model engines (${MODEL_ENGINES.map((e) => e.name).join(', ')}); none was asked for\n`,
    });
  });

  it('--format table|csv|json|text; --json is --format json and conflicts with another format', async () => {
    const f = corpus('throw-main-cookie');
    const json = await runCli('check', f, '--engine', 'path-explorer', '--json');
    expect(await runCli('check', f, '--engine', 'path-explorer', '--format', 'json')).toEqual(json);
    const both = await runCli('check', f, '--engine', 'path-explorer', '--json', '--format', 'csv');
    expect(both.code).toBe(2);
    expect(both.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect((await runCli('check', f, '--engine', 'path-explorer', '--format', 'xml')).code).toBe(2);
    expect(await runCli('check', f, '--engine', 'path-explorer', '--format', 'csv', '--rewrite')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'throwfuzz: --rewrite adds to text and JSON output; csv has no room for it\n',
    });
    const table = await runCli(
      'check',
      f,
      corpus('ref-held-at-throw'),
      '--engine',
      'path-explorer',
      '--format',
      'table',
    );
    expect(table).toMatchObject({ code: 0, stderr: '' });
    expect(table.stdout.split('\n')).toEqual([
      expect.stringMatching(/^file +path-explorer$/),
      expect.stringMatching(new RegExp(`^${escape(f)} +accepted$`)),
      expect.stringMatching(/ref-held-at-throw\.s +rejected \(ref-leak\)$/),
      '',
    ]);
    const csv = await runCli('check', f, '--engine', 'path-explorer', '--format', 'csv');
    expect(csv.stdout).toBe(`file,path-explorer\n${f},accepted\n`);
  });
});

describe('throwfuzz check: several files (the batch rule)', () => {
  it('checks every file: the good ones answer, each bad one is one line on stderr, exit 2', async () => {
    const bad = badFile();
    const good = corpus('throw-main-cookie');
    const run = await runCli('check', bad, '/nonexistent/x.s', good, '--engine', 'path-explorer');
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${escape(bad)}:2:\\d+: .+`)),
      'throwfuzz: /nonexistent/x.s: no such file',
      '',
    ]);
    expect(run.stdout).toContain(`${good}\n  path-explorer: accepted`);
    const json = await runCli('check', bad, good, '--engine', 'path-explorer', '--json');
    expect(json.code).toBe(2);
    expect((JSON.parse(json.stdout) as { file: string }[]).map((e) => e.file)).toEqual([good]);
  });
});

describe('throwfuzz check: an engine that was asked for and cannot answer', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('an unavailable kernel: the reason once on stderr, exit 2, nothing on stdout', async () => {
    vi.stubEnv('THROWFUZZ_EXECUTOR', '/nonexistent/throwfuzz-executor');
    for (const args of [['--engine', 'kernel'], ['--engine', 'kernel', '--json'], []]) {
      const run = await runCli('check', corpus('throw-main-cookie'), ...args);
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toMatch(/^throwfuzz: kernel engine unavailable: [^\n]+\n$/);
    }
  });

  it('beside an engine that answers: that one runs, the kernel is marked skipped, exit 2', async () => {
    vi.stubEnv('THROWFUZZ_EXECUTOR', '/nonexistent/throwfuzz-executor');
    const f = corpus('throw-main-cookie');
    const run = await runCli('check', f, '--engine', 'kernel,path-explorer');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^throwfuzz: kernel engine unavailable: [^\n]+\n$/);
    const reason = run.stderr.slice('throwfuzz: '.length).trimEnd();
    expect(run.stdout).not.toContain(reason);
    expect(run.stdout).toContain('  kernel: skipped (unavailable)\n  path-explorer: accepted');
    expect(run.stdout).toContain('  not compared: only path-explorer gave a verdict\n');
    const json = await runCli('check', f, '--engine', 'kernel,path-explorer', '--json');
    const [entry] = JSON.parse(json.stdout) as [{ engines: { kernel: unknown }; agreement: string }];
    expect(entry.engines.kernel).toEqual({
      status: 'skipped',
      accepted: null,
      class: null,
      message: null,
      insnsProcessed: null,
      outcomes: [],
      reason,
    });
    expect(entry.agreement).toBe('not-compared');
  });

  it('--engine all: the unavailable kernel is said once and left out, every model engine runs, no exit 2', async () => {
    vi.stubEnv('THROWFUZZ_EXECUTOR', '/nonexistent/throwfuzz-executor');
    const run = await runCli('check', corpus('throw-main-cookie'), '--engine', 'all');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^throwfuzz: kernel engine unavailable: [^\n]+ \(kernel left out\)\n$/);
    expect(run.stdout).not.toContain('kernel:');
    for (const e of MODEL_ENGINES) expect(run.stdout).toContain(`  ${e.name}: accepted`);
    const table = await runCli('check', corpus('throw-main-cookie'), '--engine', 'all', '--format', 'csv');
    const header = [
      'file',
      ...MODEL_ENGINES.map((e) => e.name),
      ...(MODEL_ENGINES.length > 1 ? ['agree'] : []),
    ];
    expect(table.stdout.split('\n')[0]).toBe(header.join(','));
  });
});

// The CLI opens its own session; this one only tells whether the kernel is there.
const live = await liveKernel('throwfuzz check');

describe.skipIf(live.skipReason)('throwfuzz check --engine kernel', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('--json: one array, an object per file, bytes as hex', async () => {
    const files = ['throw-main-cookie', 'ref-held-at-throw', 'ref-across-throwing-global'].map(corpus);
    const run = await runCli('check', ...files, '--engine', 'kernel', '--json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(run.stdout) as { file: string; engines: { kernel: Record<string, unknown> } }[];
    expect(report.map((r) => r.file)).toEqual(files);
    expect(report[0]!.engines.kernel).toMatchObject({
      accepted: true,
      class: null,
      message: null,
      insnsProcessed: 3,
      outcomes: [{ input: '0000000000000000', retval: 7, ctx: '5500000000000000' }],
    });
    expect(report[1]!.engines.kernel).toMatchObject({
      accepted: false,
      class: 'ref-leak',
      message: 'bpf_throw would lead to reference leak',
      insnsProcessed: 5,
      outcomes: [],
    });
    expect(report[2]!.engines.kernel).toMatchObject({ accepted: true, run: 'declined', outcomes: [] });
  });

  it('human output: verdict, class, message, log tail, and each input once with its retval', async () => {
    const run = await runCli('check', corpus('ref-held-at-throw'), corpus('conditional-throw-ctx'));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    expect(lines).toContain('  kernel: rejected (ref-leak, EINVAL, 5 insns processed)');
    expect(lines).toContain('    message: bpf_throw would lead to reference leak');
    expect(lines).toContain('      | Unreleased reference id=2 alloc_insn=0');
    expect(lines).toContain('  kernel: accepted (6 insns processed)');
    expect(lines).toContain('    input 0600000000000000: retval 42, ctx unchanged');
  });

  it('a 64-byte ctx prints once, its trailing zero bytes elided (JSON keeps the hex)', async () => {
    const file = join(scratch(), 'ctx64.s');
    writeFileSync(file, '.input ctx=02\n    r0 = 0\n    exit\n'.replace('02', `02${'00'.repeat(63)}`));
    const run = await runCli('check', file);
    expect(run.stdout).toContain('    input 02…(+63 zero bytes): retval 0, ctx unchanged\n');
    const json = await runCli('check', file, '--json');
    expect(json.stdout).toContain(`"ctx": "02${'00'.repeat(63)}"`);
  });

  it('several engines: agree or differ per file, a summary, exit 1 when they differ', async () => {
    const agree = corpus('ref-held-at-throw');
    // This kernel accepts a reference held across a throwing global (SPEC §4, seed-global-resources).
    const differ = corpus('ref-across-throwing-global');
    const run = await runCli('check', agree, differ, '--engine', 'kernel,path-explorer');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines).toContain('  agree: rejected (ref-leak)');
    expect(lines).toContain('  differ: kernel accepted, path-explorer rejected (ref-leak)');
    expect(lines.at(-2)).toBe('summary: 2 files, 1 agree, 1 differ, 0 not compared');
    const same = await runCli(
      'check',
      agree,
      differ,
      '--engine',
      'kernel,path-explorer',
      '--quirks',
      'seed-global-resources',
    );
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('summary: 2 files, 2 agree, 0 differ, 0 not compared\n');

    const all = await runCli('check', agree, differ, '--engine', 'all', '--format', 'csv');
    expect(all.code).toBe(1);
    expect(all.stdout.split('\n')[0]).toBe(['file', ...ENGINE_NAMES, 'agree'].join(','));
    expect(all.stdout).toContain(`${differ},accepted,`);

    const table = await runCli(
      'check',
      agree,
      differ,
      '--engine',
      'kernel,path-explorer',
      '--format',
      'table',
    );
    expect(table.code).toBe(1);
    expect(table.stdout.split('\n')).toEqual([
      expect.stringMatching(/^file +kernel +path-explorer +agree$/),
      expect.stringMatching(/ref-held-at-throw\.s +rejected \(ref-leak\) +rejected \(ref-leak\) +yes$/),
      expect.stringMatching(/ref-across-throwing-global\.s +accepted +rejected \(ref-leak\) +no$/),
      'summary: 2 files, 1 agree, 1 differ, 0 not compared',
      '',
    ]);
    const csv = await runCli('check', agree, differ, '--engine', 'kernel,path-explorer', '--format', 'csv');
    expect(csv.stdout).toBe(
      [
        'file,kernel,path-explorer,agree',
        `${agree},rejected (ref-leak),rejected (ref-leak),yes`,
        `${differ},accepted,rejected (ref-leak),no`,
        '',
      ].join('\n'),
    );
    const json = await runCli('check', agree, differ, '--engine', 'kernel,path-explorer', '--json');
    expect((JSON.parse(json.stdout) as { agreement: string }[]).map((e) => e.agreement)).toEqual([
      'agree',
      'differ',
    ]);
  });

  it('not applicable is no disagreement: a program outside the fragment the kernel accepts', async () => {
    const file = join(scratch(), 'mul.s');
    writeFileSync(file, '    r0 = 1\n    r0 *= 2\n    exit\n');
    const run = await runCli('check', file, '--engine', 'kernel,path-explorer');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('  path-explorer: not applicable (ALU mul at insn 1; mainline)\n');
    expect(run.stdout).toContain('  not compared: only kernel gave a verdict\n');
  });

  it('an executor fault: said once on stderr, exit 1', async () => {
    // A stand-in executor: the real one answers the availability probe, then the stand-in exits at the
    // next request, as a crashed executor would.
    const proxy = join(scratch(), 'dying-executor.mjs');
    writeFileSync(
      proxy,
      `#!${process.execPath}
import { spawn } from 'node:child_process';
// The executor exits unless its parent is the process named in THROWFUZZ_EXECUTOR_PARENT: here, this proxy.
const env = { ...process.env, THROWFUZZ_EXECUTOR_PARENT: String(process.pid) };
const real = spawn(${JSON.stringify(defaultExecutorPath())}, [], { stdio: ['pipe', 'pipe', 'inherit'], env });
let replied = false;
real.stdout.on('data', (chunk) => { replied = true; process.stdout.write(chunk); });
process.stdin.on('data', (chunk) => { if (replied) process.exit(3); real.stdin.write(chunk); });
process.stdin.on('end', () => real.stdin.end());
real.on('exit', (code) => process.exit(code ?? 0));
`,
    );
    chmodSync(proxy, 0o755);
    vi.stubEnv('THROWFUZZ_EXECUTOR', proxy);
    const f = corpus('throw-main-cookie');
    const run = await runCli('check', f, '--engine', 'kernel');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `throwfuzz: ${f}: kernel: executor fault during check: executor died during check (exit code 3)\n`,
    );
    expect(run.stdout).toBe(`${f}\n  kernel: no answer (executor fault)\n`);
  });
});
