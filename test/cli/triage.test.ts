/** `throwfuzz triage add|remove|list` on a copy of corpus/triage.json: atomic, order and form kept, mistakes exit 2. */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../corpus/cases.js';
import { runCli } from './helpers.js';

const SIG = 'verdict:kernel=accept,path-explorer=ref-leak:accept-reject:ref-across-global-call';

function copy(): { dir: string; file: string; original: string } {
  const dir = mkdtempSync(join(tmpdir(), 'throwfuzz-triage-'));
  const file = join(dir, 'triage.json');
  copyFileSync(join(CORPUS, 'triage.json'), file);
  return { dir, file, original: readFileSync(file, 'utf8') };
}

describe('throwfuzz triage', () => {
  it('add puts the entry last, in the file’s own form; remove takes it out again, byte for byte', async () => {
    const { dir, file, original } = copy();
    const added = await runCli('triage', 'add', SIG, '--note', 'a test entry', '--file', file);
    expect(added).toEqual({ code: 0, stdout: `${file}: added ${SIG}\n`, stderr: '' });
    const text = readFileSync(file, 'utf8');
    const entry = `    {\n      "signature": "${SIG}",\n      "note": "a test entry"\n    }\n  ]\n}\n`;
    expect(text).toBe(`${original.slice(0, original.lastIndexOf('    }\n  ]\n}\n'))}    },\n${entry}`);
    expect(readdirSync(dir)).toEqual(['triage.json']); // the temp file was renamed into place
    const listed = await runCli('triage', 'list', '--file', file);
    expect(listed.stdout.endsWith(`${SIG}\n  a test entry\n`)).toBe(true);
    const removed = await runCli('triage', 'remove', SIG, '--file', file);
    expect(removed).toEqual({ code: 0, stdout: `${file}: removed ${SIG}\n`, stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('refuses a signature of the wrong form, a duplicate and an unknown one: one line, exit 2, file untouched', async () => {
    const { file, original } = copy();
    const listed = 'kernel-health:kernel=verifier-bug:backtracking-misuse:-';
    const cases: [string[], string][] = [
      [
        ['add', 'verdict:kernel=accept', '--note', 'x'],
        'throwfuzz: verdict:kernel=accept: a signature is ORACLE:SIDES:SYMPTOM:CAUSE (four parts separated by colons)\n',
      ],
      [['add', listed, '--note', 'x'], `throwfuzz: ${listed}: already listed\n`],
      [['add', SIG, '--note', ' '], 'throwfuzz: --note: say why the signature is known\n'],
      [['remove', SIG], `throwfuzz: ${SIG}: not listed\n`],
    ];
    for (const [args, line] of cases) {
      const r = await runCli('triage', ...args, '--file', file);
      expect(r, args.join(' ')).toEqual({ code: 2, stdout: '', stderr: line });
    }
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('a triage file that is missing or not valid: one line, exit 2', async () => {
    const missing = await runCli('triage', 'list', '--file', '/nonexistent/triage.json');
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr: 'throwfuzz: /nonexistent/triage.json: no such file\n',
    });
    const bad = await runCli('triage', 'remove', SIG, '--file', join(CORPUS, 'kernel/double-release.s'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^throwfuzz: .*double-release\.s: not JSON: .*\n$/);
  });
});
