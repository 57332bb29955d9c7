/** `throwfuzz check --engine path-explorer`: text and JSON output, profile and quirk options. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/helpers.js';

const root = join(import.meta.dirname, '../../..');
const file = (p: string): string => join(root, 'corpus', p);

describe('throwfuzz check --engine path-explorer', () => {
  it('shows the verdict, the listing with marks, can_throw and the rewrite', async () => {
    const run = await runCli('check', file('kernel/throw-static-conditional.s'), '--engine', 'path-explorer');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('path-explorer: accepted (11 insns processed, mainline)');
    expect(run.stdout).toMatch(/1: call maybe_throw +; outer/);
    expect(run.stdout).toMatch(/8: call bpf_throw +; inner/);
    expect(run.stdout).toContain('    maybe_throw: yes');
    expect(run.stdout).toMatch(/\| +call bpf_get_exception/);
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
