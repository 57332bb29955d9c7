/** `throwfuzz minimize`: a finding's case file in, a smaller one with the same signature out; bad input is one line. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCase } from '../../src/corpus/read.js';
import { findingPredicate, originOfProvenance } from '../../src/fuzz/finding-predicate.js';
import { findingCaseText } from '../../src/report/finding-case.js';
import { NO_KERNEL, quirkFinding, quirkSettings } from '../minimize/helpers.js';
import { runCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'throwfuzz-minimize-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const oneLine = (stderr: string): void => {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
};

describe('throwfuzz minimize', () => {
  it('writes a smaller case file with the same signature, its provenance and options, and a note', async () => {
    const settings = quirkSettings('path-explorer', 'seed-global-resources', 'mainline', '2');
    const bucket = await quirkFinding(settings, 'seed-global-resources');
    const input = file('finding.s', findingCaseText(bucket, settings));
    const out = join(dir, 'small.s');
    const run = await runCli(
      'minimize',
      input,
      '--engines',
      'path-explorer',
      '--signature',
      bucket.signature,
      '--out',
      out,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/^throwfuzz: \d+ -> \d+ instructions in [\d.]+ s \(\d+ checks\)\n$/);
    const small = readCase(readFileSync(out, 'utf8'), out);
    expect(small.provenance).toEqual(readCase(readFileSync(input, 'utf8')).provenance);
    expect(small.options).toEqual({
      profile: 'mainline',
      quirks: { 'path-explorer': ['seed-global-resources'] },
    });
    expect(small.note).toContain(`signature: ${bucket.signature}`);
    expect(small.program.insns.length).toBeLessThan(bucket.program.insns.length);
    const keeps = findingPredicate(
      bucket.signature,
      originOfProvenance(small.provenance),
      settings,
      NO_KERNEL,
    );
    expect(await keeps(small.program)).toBe(true);
    // the file is canonical: fmt leaves it as it is
    expect((await runCli('fmt', '--check', out)).code).toBe(0);
  });

  it('a program without a finding: exit 2, one line', async () => {
    const quiet = file('quiet.s', '    r0 = 0\n    exit\n');
    const run = await runCli('minimize', quiet, '--engines', 'path-explorer');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    oneLine(run.stderr);
    expect(run.stderr).toBe(`throwfuzz: ${quiet}: no finding to minimize\n`);
  });

  it('a signature the file does not have: exit 2, one line naming what it has', async () => {
    const quiet = file('quiet2.s', '    r0 = 0\n    exit\n');
    const run = await runCli('minimize', quiet, '--engines', 'path-explorer', '--signature', 'verdict:x:y:z');
    expect(run.code).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toContain('no finding with signature verdict:x:y:z (it has none)');
  });

  it('bad files and options: exit 2, one line each', async () => {
    const bad = file('bad.s', '    r0 = 0\n    frobnicate r1\n');
    for (const argv of [
      [join(dir, 'missing.s'), '--engines', 'path-explorer'],
      [bad, '--engines', 'path-explorer'],
      [bad, '--engines', 'nonsense'],
      [bad, '--time', 'soon'],
      [
        file('badcase.s', '; case options {"profile":"nope"}\n    r0 = 0\n    exit\n'),
        '--engines',
        'path-explorer',
      ],
    ]) {
      const run = await runCli('minimize', ...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      oneLine(run.stderr);
    }
  });
});
