/** `throwfuzz run`: outcomes as text and JSON, the scheduling flags, and one-line errors (exit 2). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/runtime/run.js';
import { runCli } from '../cli/helpers.js';
import { loadRuntimeProgram, RUNTIME_CORPUS } from './corpus.js';

const file = (name: string) => join(RUNTIME_CORPUS, `${name}.s`);

describe('throwfuzz run', () => {
  it('prints one block per input', async () => {
    const run = await runCli('run', file('nested-throw'));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'input 1: ctx=01…(+15 zero bytes)\n  retval  11 (thrown, cookie 11, unwound inner <- outer <- main)\n',
    );
    expect(run.stdout).toContain('  retval  105\n');
  });

  it('--json prints { file, mode, outcomes } with the runtime outcomes', async () => {
    const run = await runCli('run', file('ref-transfer.rewrite'), '--mode', 'instrumented', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      file: file('ref-transfer.rewrite'),
      mode: 'instrumented',
      outcomes: runProgram(loadRuntimeProgram('ref-transfer.rewrite'), { mode: 'instrumented' }),
    });
  });

  it("--input replaces the file's inputs; --null-create makes a create return NULL", async () => {
    const run = await runCli(
      'run',
      file('ref-transfer'),
      '--input',
      'ctx=0000000000000000',
      '--null-create',
      '1',
      '--json',
    );
    const { outcomes } = JSON.parse(run.stdout) as { outcomes: { retval: string; events: string[] }[] };
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ retval: '0', events: ['bpf_cpumask_create() = NULL'] });
  });

  it('--cpus runs other CPUs beside the reported one: prog-global slots leak where task-ctx slots do not', async () => {
    const heldOn = async (slots: string, seed: number) => {
      const run = await runCli(
        'run',
        file('ref-transfer.rewrite'),
        '--mode',
        'instrumented',
        '--cpus',
        '2',
        '--slots',
        slots,
        '--schedule-seed',
        String(seed),
        '--json',
      );
      expect(run.code).toBe(0);
      return (JSON.parse(run.stdout) as { outcomes: { held: { refs: number[] } }[] }).outcomes[0]!.held.refs;
    };
    let leaking: number | undefined;
    for (let seed = 0; seed < 100 && leaking === undefined; seed++)
      if ((await heldOn('prog-global', seed)).length > 0) leaking = seed;
    expect(leaking).toBeDefined();
    expect(await heldOn('task-ctx', leaking!)).toEqual([]);
    const text = await runCli(
      'run',
      file('ref-transfer.rewrite'),
      '--mode',
      'instrumented',
      '--cpus',
      '2',
      '--slots',
      'prog-global',
      '--schedule-seed',
      String(leaking),
    );
    expect(text.stdout).toContain('  held    ref#1\n');
  });

  it.each([
    [['--mode', 'fast'], /argument 'fast' is invalid/],
    [['--slots', 'per-task'], /argument 'per-task' is invalid/],
    [['--cpus', '0'], /--cpus must be an integer from 1 to 4/],
    [['--cpus', '5'], /--cpus must be an integer from 1 to 4/],
    [['--fuel', '1.5'], /--fuel must be an integer/],
    [['--null-create', 'x'], /ordinal must be an integer/],
    [['--input', '00'], /expected ctx=HEX/],
    [['--input', 'ctx=0g'], /invalid hex digit/],
    [['--input', 'ctx=00'], /--input has 1 bytes, but the ctx is 16 bytes/],
  ])('bad arguments %j: one line, exit 2', async (args, message) => {
    const run = await runCli('run', file('nested-throw'), ...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a missing file: one line, exit 2', async () => {
    const run = await runCli('run', file('no-such-program'));
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/no such file/);
  });
});
