/** `throwfuzz check --engine path-explorer` and `throwfuzz rewrite`: text and JSON output, profile and quirk options. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { verify } from '../../../src/engines/path-explorer/index.js';
import { runCli } from '../../cli/helpers.js';

const root = join(import.meta.dirname, '../../..');
const file = (p: string): string => join(root, 'corpus', p);

function writeTemp(text: string): string {
  const f = join(mkdtempSync(join(tmpdir(), 'throwfuzz-')), 't.s');
  writeFileSync(f, text);
  return f;
}

describe('throwfuzz check --engine path-explorer', () => {
  it('shows the verdict, can_throw and the marked instructions; --rewrite adds the listing and rewrite', async () => {
    const f = file('kernel/throw-static-conditional.s');
    const run = await runCli('check', f, '--engine', 'path-explorer');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        f,
        '  path-explorer: accepted (11 insns processed, mainline)',
        '    throws exception: yes',
        '    can_throw:',
        '      main: yes',
        '      maybe_throw: yes',
        '    marks:',
        '           1: call maybe_throw                       ; outer',
        '           8: call bpf_throw                         ; inner',
        '',
      ].join('\n'),
    );
    const full = await runCli('check', f, '--engine', 'path-explorer', '--rewrite');
    expect(full.stdout).toContain(`${run.stdout.split('    marks:')[0]}    listing:\n      main (static):\n`);
    expect(full.stdout).toMatch(/ {8}0: r6 = r1\n/);
    expect(full.stdout).toMatch(/1: call maybe_throw +; outer/);
    expect(full.stdout).toMatch(/8: call bpf_throw +; inner/);
    expect(full.stdout).toMatch(/\| +call bpf_get_exception/);
  });

  it('throwfuzz rewrite FILE prints the rewrite in canonical text, as JSON has it', async () => {
    const f = file('kernel/throw-static-conditional.s');
    const json = await runCli('check', f, '--engine', 'path-explorer', '--json');
    const [entry] = JSON.parse(json.stdout) as [{ engines: { 'path-explorer': { rewrite: string } } }];
    const run = await runCli('rewrite', f);
    expect(run).toEqual({ code: 0, stdout: entry.engines['path-explorer'].rewrite, stderr: '' });
    expect(run.stdout).toMatch(/call bpf_get_exception/);
    const again = await runCli('fmt', '--check', writeTemp(run.stdout));
    expect(again).toEqual({ code: 0, stdout: '', stderr: '' });
    const rejected = await runCli('rewrite', file('kernel/ref-held-at-throw.s'));
    expect(rejected).toMatchObject({ code: 1, stdout: '' });
    expect(rejected.stderr).toMatch(
      /rejected \(ref-leak\): bpf_throw would lead to reference leak; nothing to rewrite\n$/,
    );
  });

  it('a program outside the fragment is not applicable: accepted null, never a rejection', async () => {
    const f = writeTemp('    r0 = 1\n    r0 *= 2\n    exit\n');
    const v = verify(parseProgram('    r0 = 1\n    r0 *= 2\n    exit\n'), {
      profile: 'mainline',
      quirks: [],
    });
    expect(v.verdict).toEqual({
      accepted: null,
      status: 'unsupported',
      reason: 'ALU mul',
      insn: 1,
    });
    const json = await runCli('check', f, '--engine', 'path-explorer', '--json');
    expect(json.code).toBe(0);
    const [entry] = JSON.parse(json.stdout) as [{ engines: { 'path-explorer': Record<string, unknown> } }];
    expect(entry.engines['path-explorer']).toMatchObject({
      status: 'not-applicable',
      accepted: null,
      class: null,
      message: null,
      reason: 'ALU mul',
    });
    const text = await runCli('check', f, '--engine', 'path-explorer');
    expect(text.stdout).toContain('  path-explorer: not applicable (ALU mul at insn 1; mainline)\n');
    expect(text.stdout).not.toContain('rejected');
    const rewrite = await runCli('rewrite', f);
    expect(rewrite).toEqual({
      code: 2,
      stdout: '',
      stderr: `throwfuzz: ${f}: not applicable: ALU mul\n`,
    });
  });

  it('says when the rewrite would be rejected, and JSON carries rewriteVerdict', async () => {
    const text = await runCli('check', file('kernel/rewrite-stack-512-main.s'), '--engine', 'path-explorer');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('rewrite rejected (stack): invalid write to stack R10 off=-520 size=8');
    const ok = await runCli('check', file('kernel/rewrite-stack-504-main.s'), '--engine', 'path-explorer');
    expect(ok.stdout).not.toContain('rewrite rejected');
    const json = await runCli(
      'check',
      file('kernel/rewrite-stack-512-main.s'),
      '--engine',
      'path-explorer',
      '--json',
    );
    const [entry] = JSON.parse(json.stdout) as [{ engines: { 'path-explorer': Record<string, unknown> } }];
    expect(entry.engines['path-explorer'].rewriteVerdict).toEqual({
      accepted: false,
      class: 'stack',
      message: 'invalid write to stack R10 off=-520 size=8',
      insn: 7,
    });
  });

  it('JSON: the kernel fields plus facts and rewrite', async () => {
    const run = await runCli(
      'check',
      file('kernel/throw-static-conditional.s'),
      '--engine',
      'path-explorer',
      '--json',
    );
    const [entry] = JSON.parse(run.stdout) as [{ engines: { 'path-explorer': Record<string, unknown> } }];
    const pe = entry.engines['path-explorer'];
    expect(pe).toMatchObject({
      status: 'accepted',
      accepted: true,
      class: null,
      message: null,
      insnsProcessed: 11,
    });
    expect(pe.facts).toEqual({
      throwsException: true,
      subprogs: [
        { name: 'main', canThrow: true },
        { name: 'maybe_throw', canThrow: true },
      ],
      marks: [
        { insn: 1, mark: 'outer' },
        { insn: 8, mark: 'inner' },
      ],
    });
    expect(pe.rewrite).toMatch(/call bpf_reset_exception/);
  });

  it('--quirks and --profile reach the engine; --log adds a kernel-style log', async () => {
    const f = file('selftests/reject-global-subprog-throw-with-reference.s');
    const fixed = await runCli('check', f, '--engine', 'path-explorer', '--json');
    const seed = await runCli(
      'check',
      f,
      '--engine',
      'path-explorer',
      '--json',
      '--quirks',
      'seed-global-resources',
      '--log',
    );
    const pe = (r: { stdout: string }) =>
      (JSON.parse(r.stdout) as [{ engines: { 'path-explorer': { accepted: boolean; log?: string[] } } }])[0]
        .engines['path-explorer'];
    expect(pe(fixed).accepted).toBe(false);
    expect(pe(seed).accepted).toBe(true);
    expect(pe(seed).log?.at(-1)).toMatch(/^processed \d+ insns/);
    const rfc = await runCli(
      'check',
      file('kernel/preempt-open-at-exit.s'),
      '--engine',
      'path-explorer',
      '--profile',
      'rfc',
    );
    expect(rfc.stdout).toContain('message: bpf_preempt_enable is missing');
  });

  it('rejects an unknown profile or quirk as a usage error', async () => {
    expect(
      (await runCli('check', file('kernel/rcu-nested.s'), '--engine', 'path-explorer', '--profile', 'x'))
        .code,
    ).toBe(2);
    const q = await runCli(
      'check',
      file('kernel/rcu-nested.s'),
      '--engine',
      'path-explorer',
      '--quirks',
      'nope',
    );
    expect(q).toMatchObject({ code: 2, stdout: '' });
    expect(q.stderr).toMatch(/^throwfuzz: unknown quirk 'nope'/);
  });
});
