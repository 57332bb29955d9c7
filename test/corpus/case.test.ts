/**
 * The case file (src/corpus): laws (write then read gives the case back; read then write is stable), one
 * clear `file:line:col` error per mistake, and the CLI reading case files as the programs they are.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROFILES, QUIRKS } from '../../src/bpf/profile.js';
import { VERDICT_CLASSES, type RejectClass } from '../../src/bpf/result.js';
import { SourceError } from '../../src/bpf/source-error.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import type { Case, Expectation } from '../../src/corpus/case.js';
import { expectationKey } from '../../src/corpus/case.js';
import { CASE_COMMENT, readCase } from '../../src/corpus/read.js';
import { printCase } from '../../src/corpus/write.js';
import { anyProgram } from '../bpf/arbitrary.js';
import { runCli } from '../cli/helpers.js';
import { CORPUS } from './cases.js';

const text = fc.string({ maxLength: 20 });
/** A note line as a comment keeps it: no line break, no white space at either end. */
const noteLine = fc
  .string({ maxLength: 20 })
  .map((s) => s.replace(/[\r\n\u2028\u2029]/g, ' ').trim());
const hexBytes = fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b).toString('hex'));
const rejectClasses = VERDICT_CLASSES.filter((c): c is RejectClass => c !== 'unsupported');

const verdict = <C extends string>(classes: readonly C[]) =>
  fc.oneof(
    fc.constant({ accepted: true, class: null, message: null }),
    fc.record({ accepted: fc.constant(false), class: fc.constantFrom(...classes), message: text }),
  );

const kernelExpectation: fc.Arbitrary<Expectation> = fc
  .tuple(
    fc.string({ minLength: 1, maxLength: 12 }),
    verdict([...VERDICT_CLASSES, 'verifier-bug', 'unclassified'] as const),
    fc.constantFrom('ran', 'declined', undefined),
    fc.array(fc.record({ input: hexBytes, retval: fc.nat({ max: 0xffffffff }), ctx: hexBytes }), {
      maxLength: 3,
    }),
  )
  .map(([release, v, run, outcomes]) => ({
    engine: 'kernel' as const,
    release,
    ...v,
    ...(v.accepted && run !== undefined ? { run } : {}),
    outcomes: v.accepted && run !== 'declined' ? outcomes : [],
  }));

const modelExpectation: fc.Arbitrary<Expectation> = fc
  .tuple(
    fc.constantFrom(...PROFILES),
    fc.subarray([...QUIRKS]),
    verdict(rejectClasses),
    fc.option(fc.boolean(), { nil: undefined }),
  )
  .map(([profile, quirks, v, throwsException]) => ({
    engine: 'path-explorer' as const,
    profile,
    quirks,
    ...v,
    ...(throwsException !== undefined ? { throwsException } : {}),
  }));

const anyCase: fc.Arbitrary<Case> = fc.record({
  // A comment of the program that reads as a case line is not the program's (printCase refuses it).
  program: anyProgram.map((p) => ({ ...p, notes: p.notes.filter((n) => !CASE_COMMENT.test(n.text)) })),
  provenance: fc.option(
    fc.record({
      runSeed: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map(String),
      index: fc.nat(),
      generator: fc.string({ minLength: 1, maxLength: 10 }),
      strategy: fc.string({ minLength: 1, maxLength: 10 }),
    }),
  ),
  options: fc.option(
    fc.record(
      {
        profile: fc.constantFrom(...PROFILES),
        quirks: fc.record({ 'path-explorer': fc.subarray([...QUIRKS]) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
  ),
  expectations: fc.uniqueArray(fc.oneof(kernelExpectation, modelExpectation), {
    maxLength: 4,
    selector: expectationKey,
  }),
  note: fc.option(fc.array(noteLine, { minLength: 1, maxLength: 3 }).map((l) => l.join('\n'))),
});

describe('case file laws', () => {
  it('write then read gives the same case', () => {
    fc.assert(
      fc.property(anyCase, (c) => {
        expect(readCase(printCase(c))).toEqual(c);
      }),
    );
  });

  it('read then write is stable, and what printCase writes is a program parseProgram reads', () => {
    fc.assert(
      fc.property(anyCase, (c) => {
        const once = printCase(c);
        expect(printCase(readCase(once))).toBe(once);
        // The case lines are comments: the program is the same program without them.
        const plain = parseProgram(once);
        expect({ ...plain, notes: plain.notes.filter((n) => !CASE_COMMENT.test(n.text)) }).toEqual(c.program);
      }),
    );
  });

  it('a program file without case lines is a bare case of that program', () => {
    const c = readCase('; just a comment\n    r0 = 0\n    exit\n');
    expect(c).toMatchObject({ provenance: null, options: null, expectations: [], note: null });
    expect(c.program.notes).toEqual([{ insn: 0, kind: 'line', text: 'just a comment' }]);
  });
});

describe('case file mistakes: one located line', () => {
  const body = '    r0 = 0\n    exit\n';
  const cases: [string, string, string][] = [
    ['; case provenance {"runSeed":"1",\n' + body, 'f.s:1:19', 'case provenance: not JSON'],
    [
      '; case provenance {"runSeed":"a b","index":0,"generator":"g","strategy":"s"}\n' + body,
      'f.s:1:19',
      'case provenance: runSeed: printable, without spaces, at most 128 characters',
    ],
    ['; case\n' + body, 'f.s:1:7', 'a case line needs a keyword'],
    ['; case expected kernel {}\n' + body, 'f.s:1:8', "unknown case line 'expected'"],
    ['; case expect kernel {"accepted":true}\n' + body, 'f.s:1:22', 'case expect kernel: release'],
    [
      '; case expect path-explorer@mainline {"accepted":true,"class":"uninit","message":null}\n' + body,
      'f.s:1:38',
      'case expect path-explorer@mainline: an accepted program has no class or message',
    ],
    ['; case expect path-explorer {}\n' + body, 'f.s:1:15', 'name the profile'],
    ['; case expect bogus@mainline {}\n' + body, 'f.s:1:15', "unknown engine 'bogus'"],
    ['; case expect path-explorer@mainline+bogus {}\n' + body, 'f.s:1:15', "unknown quirk 'bogus'"],
    ['; case options {"profile":"x"}\n' + body, 'f.s:1:16', 'case options: profile'],
    ['; case options {}\n; case options {}\n' + body, 'f.s:2:8', 'a second case options line'],
    [
      '; case expect path-explorer@rfc {"accepted":true,"class":null,"message":null}\n'.repeat(2) + body,
      'f.s:2:8',
      'a second case expect path-explorer@rfc line',
    ],
    [`${body}; case note late\n`, 'f.s:3:1', 'case lines go before the first instruction'],
    ['.ctx 8 ; case note here\n' + body, 'f.s:1:8', 'a case line is a comment line of its own'],
  ];
  it.each(cases)('%j → %s', (source, at, message) => {
    let error: unknown;
    try {
      readCase(source, 'f.s');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceError);
    const line = (error as SourceError).format();
    expect(line.startsWith(`${at}: `), line).toBe(true);
    expect(line).toContain(message);
  });

  it('a comment on an instruction line is the instruction\'s note, whatever it says', () => {
    const c = readCase('    r0 = 0 ; case note not a case line\n    exit\n');
    expect(c.note).toBeNull();
    expect(c.program.notes).toEqual([{ insn: 0, kind: 'trailing', text: 'case note not a case line' }]);
  });
});

describe('the CLI reads case files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'throwfuzz-case-'));

  it('check and fmt: a bad case line is one line, exit code 2', async () => {
    const file = join(dir, 'bad.s');
    writeFileSync(file, '; case expect kernel {"release":"x"}\n    r0 = 0\n    exit\n');
    for (const argv of [['check', '--engine', 'path-explorer', file], ['fmt', file]]) {
      const run = await runCli(...argv);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(new RegExp(`^${file}:1:22: case expect kernel: accepted: .*\\n$`));
    }
  });

  it('fmt puts the case lines first and canonical; check verifies the program', async () => {
    const file = join(dir, 'case.s');
    writeFileSync(
      file,
      '; a person\'s comment\n.ctx 8\n#  case   note   first\n; case provenance {"strategy":"s","generator":"g","index":3,"runSeed":"42"}\n    r0 = 0\n    exit\n',
    );
    const fmt = await runCli('fmt', file);
    expect(fmt).toEqual({
      code: 0,
      stdout:
        '; case provenance {"runSeed":"42","index":3,"generator":"g","strategy":"s"}\n; case note first\n; a person\'s comment\n.ctx 8\n    r0 = 0\n    exit\n',
      stderr: '',
    });
    const check = await runCli('check', '--engine', 'path-explorer', file);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('path-explorer: accepted');
  });

  it('the corpus keeps no sidecars: expectations live in the case files', () => {
    const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => f.endsWith('.expect.json'))).toEqual([]);
  });
});
