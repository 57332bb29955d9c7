/** `throwfuzz run` options and text output a reader can take in (test/runtime/cli-run.test.ts has the rest). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENTS_SHOWN } from '../../src/cli/run.js';
import { runCli } from './helpers.js';

function writeTemp(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'throwfuzz-')), 't.s');
  writeFileSync(file, text);
  return file;
}

const exit0 = (): string => writeTemp('    r0 = 0\n    exit\n');

describe('throwfuzz run: numeric options', () => {
  it.each([
    ['--schedule-seed', 'abc'],
    ['--schedule-seed', '-1'],
    ['--schedule-seed', '1.5'],
    ['--seed', 'x'],
    ['--seed', '18446744073709551616'],
    ['--cpus', 'two'],
    ['--fuel', '1e6'],
    ['--fuel', '0'],
  ])('%s %s: one line, exit 2', async (option, value) => {
    const run = await runCli('run', exit0(), option, value);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(option);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a seed is a number: 007 and 7 run alike', async () => {
    const file = writeTemp('    call bpf_get_prandom_u32\n    exit\n');
    const a = await runCli('run', file, '--seed', '007', '--json');
    const b = await runCli('run', file, '--seed', '7', '--json');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect((await runCli('run', file, '--schedule-seed', '18446744073709551615', '--cpus', '2')).code).toBe(
      0,
    );
  });
});

describe('throwfuzz run: text output', () => {
  it(`shows the first ${EVENTS_SHOWN} events and how many more there are; --json has them all`, async () => {
    const file = writeTemp(`${'    call bpf_get_prandom_u32\n'.repeat(150)}    r0 = 0\n    exit\n`);
    const run = await runCli('run', file);
    expect(run.code).toBe(0);
    const events = run.stdout.split('\n').find((l) => l.startsWith('  events  '))!;
    const shown = events.slice('  events  '.length).split('; ');
    expect(shown).toHaveLength(EVENTS_SHOWN + 1);
    expect(shown.at(-1)).toBe('… (50 more events, --json has all)');
    const json = JSON.parse((await runCli('run', file, '--json')).stdout) as {
      outcomes: { events: string[] }[];
    };
    expect(json.outcomes[0]!.events).toHaveLength(150);
  });

  it('a 64-byte ctx prints short, and the final ctx only when it changed', async () => {
    const run = await runCli('run', exit0());
    expect(run.stdout).toBe(
      'input 0: ctx=(64 zero bytes)\n  retval  0\n  ctx     unchanged\n  slot    clear\n',
    );
    const store = writeTemp('    r2 = 5\n    *(u8 *)(r1 +1) = r2\n    r0 = 0\n    exit\n');
    expect((await runCli('run', store)).stdout).toContain('  ctx     0005…(+62 zero bytes)\n');
  });
});
