/** `throwfuzz check`: output shapes, exit codes, and the engine skipped with its reason when unavailable. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveKernel } from '../engines/kernel/live.js';
import { runCli } from './helpers.js';

const root = join(import.meta.dirname, '../..');
const corpus = (name: string): string => join(root, 'corpus/kernel', `${name}.s`);

describe('throwfuzz check, without a kernel engine', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('bad input is one line file:line:col and exit code 2, before any engine starts', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'throwfuzz-')), 'bad.s');
    writeFileSync(file, '    r0 = 0\n    r0 +== 1\n    exit\n');
    const run = await runCli('check', corpus('throw-main-cookie'), file, '--engine', 'kernel');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: .+\\n$`));
  });

  it('an unknown engine is a usage error', async () => {
    const run = await runCli('check', corpus('throw-main-cookie'), '--engine', 'nope');
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe("throwfuzz: unknown engine 'nope' (engines: kernel, path-explorer)\n");
  });

  it('an unavailable kernel: the reason on stderr, exit 0, the engine marked skipped in JSON', async () => {
    vi.stubEnv('THROWFUZZ_EXECUTOR', '/nonexistent/throwfuzz-executor');
    const run = await runCli('check', corpus('throw-main-cookie'), '--engine', 'kernel', '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^throwfuzz: kernel engine unavailable: .+ \(skipped\)\n$/);
    const reason = /unavailable: (.+) \(skipped\)/.exec(run.stderr)![1];
    expect(JSON.parse(run.stdout)).toEqual([
      {
        file: corpus('throw-main-cookie'),
        engines: {
          kernel: {
            status: 'skipped',
            accepted: null,
            class: null,
            message: null,
            insnsProcessed: null,
            outcomes: [],
            reason: `kernel engine unavailable: ${reason}`,
          },
        },
      },
    ]);
  });
});

// The CLI opens its own session; this one only tells whether the kernel is there.
const live = await liveKernel('throwfuzz check');

describe.skipIf(live.skipReason)('throwfuzz check --engine kernel', () => {
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

  it('human output: verdict, class, message, log tail, and each input with retval and ctx', async () => {
    const run = await runCli('check', corpus('ref-held-at-throw'), corpus('conditional-throw-ctx'));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    expect(lines).toContain('  kernel: rejected (ref-leak, EINVAL, 5 insns processed)');
    expect(lines).toContain('    message: bpf_throw would lead to reference leak');
    expect(lines).toContain('      | Unreleased reference id=2 alloc_insn=0');
    expect(lines).toContain('  kernel: accepted (6 insns processed)');
    expect(lines).toContain('    input 0600000000000000: retval 42, ctx 0600000000000000');
  });
});
