/** The batch rule of fmt (check has its own suite): every file handled, each error one line, worst exit code. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

function files(): { good: string; bad: string; canonical: string } {
  const dir = mkdtempSync(join(tmpdir(), 'throwfuzz-'));
  const good = join(dir, 'good.s');
  const bad = join(dir, 'bad.s');
  writeFileSync(good, 'r0=0\nexit\n');
  writeFileSync(bad, 'r0 = 0\nfrob\nexit\n');
  return { good, bad, canonical: '    r0 = 0\n    exit\n' };
}

describe('fmt on several files, one of them bad', () => {
  it('--write rewrites every good file, reports the bad one, exits 2', async () => {
    const { good, bad, canonical } = files();
    const run = await runCli('fmt', '--write', bad, good);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `${bad}:2:1: unknown instruction 'frob'\n` });
    expect(readFileSync(good, 'utf8')).toBe(canonical);
  });

  it('--check lists what is not canonical and reports what cannot be read: the worst code, 2', async () => {
    const { good, bad } = files();
    const run = await runCli('fmt', '--check', good, '/nonexistent/x.s', bad);
    expect(run).toEqual({
      code: 2,
      stdout: `${good}: not canonical\n`,
      stderr: `throwfuzz: /nonexistent/x.s: no such file\n${bad}:2:1: unknown instruction 'frob'\n`,
    });
  });

  it('printing: every good file with its header', async () => {
    const { good, bad, canonical } = files();
    const run = await runCli('fmt', good, bad, good);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(`; ==> ${good} <==\n${canonical}; ==> ${good} <==\n${canonical}`);
  });
});
