/**
 * `throwfuzz corpus add`: a quirk finding into a temp copy of the corpus, minimized, named after its
 * signature, with every engine's expectations; the same signature again refused; the file replays clean;
 * bad input is one line and exit code 2. The kernel side runs where the kernel is (skipped, saying so, else).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteSignature, signatureSlug, signaturesInText, uniqueName } from '../../src/corpus/add.js';
import { readCase } from '../../src/corpus/read.js';
import { findingPredicate, originOfProvenance } from '../../src/fuzz/finding-predicate.js';
import { findingCaseText } from '../../src/report/finding-case.js';
import { liveKernel } from '../engines/kernel/live.js';
import { NO_KERNEL, quirkFinding, quirkSettings } from '../minimize/helpers.js';
import { runCli } from './helpers.js';

const CORPUS = join(import.meta.dirname, '../../corpus');
const dir = mkdtempSync(join(tmpdir(), 'throwfuzz-corpus-add-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
/** A fresh copy of the committed corpus: the tests never write into corpus/. */
let copies = 0;
const corpusCopy = (): string => {
  const to = join(dir, `corpus-${++copies}`);
  cpSync(CORPUS, to, { recursive: true });
  return to;
};
const oneLine = (stderr: string): void => {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
};
const newFiles = (corpus: string, area: string): string[] => {
  const before = new Set(readdirSync(join(CORPUS, area)));
  return readdirSync(join(corpus, area)).filter((f) => !before.has(f));
};

const settings = quirkSettings('path-explorer', 'seed-global-resources', 'mainline', '2');
const bucket = await quirkFinding(settings, 'seed-global-resources');
const finding = file('finding.s', findingCaseText(bucket, settings));
const slug = signatureSlug(bucket.signature);

describe('corpus add, the pure parts', () => {
  it('reads the signature from the note, and from case files without parsing them', () => {
    expect(noteSignature('high soundness finding: x\nsignature: a:b:c:d\ninput: 00')).toBe('a:b:c:d');
    expect(noteSignature('no signature here')).toBeNull();
    expect(noteSignature(null)).toBeNull();
    expect(signaturesInText('; case note signature: a:b:c:d\n    r0 = 0\n    exit\n')).toEqual(['a:b:c:d']);
    expect(signaturesInText('; signature: a:b:c:d\n')).toEqual([]);
  });

  it('names a signature by oracle, quirks, symptom and cause; unique with -2, -3', () => {
    expect(
      signatureSlug('soundness:path-explorer~seed-global-resources=accept:held-ref:ref-across-global-call'),
    ).toBe('soundness-seed-global-resources-held-ref-ref-across-global-call');
    expect(signatureSlug('kernel-health:kernel=verifier-bug:backtracking-misuse:-')).toBe(
      'kernel-health-backtracking-misuse',
    );
    expect(signatureSlug('outcome:path-explorer:scheduled/per-cpu:shared-slot')).toBe(
      'outcome-scheduled-per-cpu-shared-slot',
    );
    expect(signatureSlug(`verdict:x:${'y'.repeat(100)}:z`).length).toBeLessThanOrEqual(64);
    expect(uniqueName('a', new Set())).toBe('a');
    expect(uniqueName('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});

describe('throwfuzz corpus add', () => {
  it('adds a quirk finding minimized, named after its signature, with a model expectation per engine; replays clean', async () => {
    const corpus = corpusCopy();
    const run = await runCli('corpus', 'add', finding, '--corpus', corpus, '--engines', 'path-explorer');
    expect(run.code, run.stderr).toBe(0);
    const path = join(corpus, 'examples', `${slug}.s`);
    expect(run.stdout).toBe(
      `${path}: ${bucket.signature} (path-explorer@mainline+seed-global-resources, abstract-interpreter@mainline)\n`,
    );
    expect(newFiles(corpus, 'examples')).toEqual([`${slug}.s`]);
    expect(newFiles(corpus, 'kernel')).toEqual([]);
    const added = readCase(readFileSync(path, 'utf8'), path);
    expect(added.program.insns.length).toBeLessThan(bucket.program.insns.length);
    expect(added.note).toContain(`signature: ${bucket.signature}`);
    expect(added.note).toMatch(/1-minimal/);
    // The disagreement itself: the quirk accepts what SPEC rejects.
    expect(added.expectations).toEqual([
      {
        engine: 'path-explorer',
        profile: 'mainline',
        quirks: ['seed-global-resources'],
        accepted: true,
        class: null,
        message: null,
      },
      {
        engine: 'abstract-interpreter',
        profile: 'mainline',
        quirks: [],
        accepted: false,
        class: 'ref-leak',
        message: 'bpf_throw would lead to reference leak',
      },
    ]);
    const keeps = findingPredicate(
      bucket.signature,
      originOfProvenance(added.provenance),
      settings,
      NO_KERNEL,
    );
    expect(await keeps(added.program)).toBe(true);
    expect((await runCli('fmt', '--check', path)).code).toBe(0);
    const replay = await runCli('replay', path);
    expect(replay.code, replay.stdout + replay.stderr).toBe(0);
    expect(replay.stdout).toMatch(/no regression/);

    // The same signature again: refused, naming the case that has it; nothing written.
    const again = await runCli('corpus', 'add', finding, '--corpus', corpus, '--engines', 'path-explorer');
    expect(again.code).toBe(2);
    oneLine(again.stderr);
    expect(again.stderr).toBe(
      `throwfuzz: ${finding}: signature ${bucket.signature} is already in the corpus: ${path}\n`,
    );
    expect(newFiles(corpus, 'examples')).toEqual([`${slug}.s`]);
  });

  it('takes what minimize wrote (a .min.s, already 1-minimal): the same small program', async () => {
    const min = join(dir, 'finding.min.s');
    const minimized = await runCli(
      'minimize',
      finding,
      '--engines',
      'path-explorer',
      '--signature',
      bucket.signature,
      '--out',
      min,
    );
    expect(minimized.code, minimized.stderr).toBe(0);
    const corpus = corpusCopy();
    const run = await runCli('corpus', 'add', min, '--corpus', corpus, '--engines', 'path-explorer');
    expect(run.code, run.stderr).toBe(0);
    const added = readCase(readFileSync(join(corpus, 'examples', `${slug}.s`), 'utf8'));
    expect(added.program.insns).toEqual(readCase(readFileSync(min, 'utf8')).program.insns);
    expect(added.note).toContain(`signature: ${bucket.signature}`);
  });

  it('takes --name and --area, and refuses a name that exists', async () => {
    const corpus = corpusCopy();
    const args = ['corpus', 'add', finding, '--corpus', corpus, '--engines', 'path-explorer'];
    const run = await runCli(...args, '--area', 'runtime', '--name', 'held-ref-quirk');
    expect(run.code, run.stderr).toBe(0);
    expect(newFiles(corpus, 'runtime')).toEqual(['held-ref-quirk.s']);
    const taken = await runCli(...args, '--name', 'throw-in-static');
    expect(taken.code).toBe(2);
    oneLine(taken.stderr);
  });

  it("--truth keeps only that engine's answer as the expectation; an engine that is not one is refused", async () => {
    const corpus = corpusCopy();
    const args = [
      'corpus',
      'add',
      finding,
      '--corpus',
      corpus,
      '--engines',
      'path-explorer,abstract-interpreter',
    ];
    const run = await runCli(...args, '--area', 'examples', '--truth', 'abstract-interpreter');
    expect(run.code, run.stderr).toBe(0);
    const [added] = newFiles(corpus, 'examples');
    const c = readCase(readFileSync(join(corpus, 'examples', added!), 'utf8'));
    expect(c.expectations.map((e) => e.engine)).toEqual(['abstract-interpreter']);
    const wrong = await runCli(...args, '--truth', 'gcc');
    expect(wrong.code).toBe(2);
    oneLine(wrong.stderr);
    expect(wrong.stderr).toContain('--truth gcc');
  });

  it('bad input: one line, exit 2, nothing written', async () => {
    const corpus = corpusCopy();
    const bad = async (expected: string, ...args: string[]): Promise<void> => {
      const run = await runCli('corpus', 'add', ...args, '--corpus', corpus, '--engines', 'path-explorer');
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      oneLine(run.stderr);
      expect(run.stderr).toContain(expected);
    };
    await bad('no-such-file.s', join(dir, 'no-such-file.s'));
    const plain = file('plain.s', '    r0 = 0\n    exit\n');
    await bad(`${plain}: no signature`, plain);
    // The note names a signature the program no longer gives.
    const stale = file('stale.s', `; case note signature: ${bucket.signature}\n    r0 = 0\n    exit\n`);
    await bad(`${stale}: no finding with signature ${bucket.signature} (it has none)`, stale);
    await bad(
      "unknown area 'nowhere' (areas: examples, kernel, runtime, selftests)",
      finding,
      '--area',
      'nowhere',
    );
    await bad('--name Bad/Name', finding, '--name', 'Bad/Name');
    // No kernel expectation (the kernel not asked): not a corpus/kernel case.
    await bad("a corpus/kernel case records the kernel's answer", finding, '--area', 'kernel');
    for (const area of ['examples', 'kernel', 'runtime', 'selftests'])
      expect(newFiles(corpus, area)).toEqual([]);
  });
});

const live = await liveKernel('corpus add (kernel expectations)');

describe.skipIf(live.skipReason)('throwfuzz corpus add with the live kernel', () => {
  it("records the kernel's answer and release, goes in corpus/kernel, and replays clean", async () => {
    const corpus = corpusCopy();
    const run = await runCli(
      'corpus',
      'add',
      finding,
      '--corpus',
      corpus,
      '--engines',
      'kernel,path-explorer',
    );
    expect(run.code, run.stderr).toBe(0);
    const path = join(corpus, 'kernel', `${slug}.s`);
    expect(existsSync(path)).toBe(true);
    const added = readCase(readFileSync(path, 'utf8'), path);
    // This kernel has the seed-global-resources hole: it accepts, and its safety check declines the run.
    expect(added.expectations[0]).toEqual({
      engine: 'kernel',
      release: live.session!.release,
      accepted: true,
      class: null,
      message: null,
      run: 'declined',
      outcomes: [],
    });
    expect(added.expectations.map((e) => e.engine)).toEqual([
      'kernel',
      'path-explorer',
      'abstract-interpreter',
    ]);
    const replay = await runCli('replay', path);
    expect(replay.code, replay.stdout + replay.stderr).toBe(0);
    expect(replay.stdout).toMatch(
      /engines kernel, path-explorer, abstract-interpreter, runtime: .*no regression/,
    );
  });
});
