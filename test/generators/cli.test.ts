/** `throwfuzz gen`: programs in text (or one file each with --out), --stats, and one-line usage errors. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { printProgram } from '../../src/bpf/text/print.js';
import { generateCase, GENERATOR_VERSION } from '../../generators/index.js';
import { runCli } from '../cli/helpers.js';

describe('throwfuzz gen', () => {
  it('prints the programs of cases 0..N-1, each parsing back to the generated program', async () => {
    const r = await runCli('gen', '--seed', 'cli', '--count', '3');
    expect(r.code).toBe(0);
    const parts = r.stdout.split(/\n(?=; case provenance )/);
    expect(parts).toHaveLength(3);
    parts.forEach((text, i) => {
      expect(text).toContain(
        `; case provenance {"runSeed":"cli","index":${i},"generator":"${GENERATOR_VERSION}","strategy":"generate"}`,
      );
      const expected = generateCase('cli', i).program;
      expect(printProgram({ ...parseProgram(text), notes: [] })).toBe(printProgram(expected));
    });
  });

  it('--out writes one file per case, named from seed and index', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-'));
    try {
      const r = await runCli('gen', '--seed', 'a/b', '--count', '2', '--out', dir);
      expect(r).toMatchObject({ code: 0, stdout: '' });
      expect(readdirSync(dir).sort()).toEqual(['a_b-000000.s', 'a_b-000001.s']);
      const p = parseProgram(readFileSync(join(dir, 'a_b-000001.s'), 'utf8'));
      expect(p.insns).toEqual(generateCase('a/b', 1).program.insns);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--stats prints the accepted share, the class mix and feature counts', async () => {
    const r = await runCli('gen', '--seed', 'stats', '--count', '200', '--stats');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^cases: 200\naccepted by path-explorer: \d+\.\d%\nclass mix:\n/);
    expect(r.stdout).toMatch(/\n {2}role:main +200\n/);
  });

  it('--beyond and --profile reach the generator', async () => {
    const r = await runCli('gen', '--seed', 'b', '--count', '5', '--beyond', '1', '--profile', 'rfc');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^; case note beyond the fragment: /gm)).toHaveLength(5);
    expect(r.stdout.match(/^\.profile rfc$/gm)).toHaveLength(5);
  });

  it.each([
    [['--count', '3'], 'gen: --seed S is required'],
    [['--seed', 's'], 'gen: --count N is required'],
    [['--seed', 's', '--count', '0'], "gen: --count must be an integer from 1 to 10000000, not '0'"],
    [
      ['--seed', 's', '--count', '1', '--beyond', '1.5'],
      "gen: --beyond must be a share from 0 to 1, not '1.5'",
    ],
    [['--seed', 's', '--count', '1', '--profile', 'x'], "unknown profile 'x' (profiles: mainline, rfc)"],
    [
      ['--seed', 's', '--count', '1', '--out', '/nonexistent/dir'],
      'cannot write /nonexistent/dir/s-000000.s: ENOENT',
    ],
  ])('bad arguments %j: one line, exit 2', async (args, message) => {
    const r = await runCli('gen', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`throwfuzz: ${message}\n`);
  });
});
