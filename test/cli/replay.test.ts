/**
 * `throwfuzz replay` end to end: a case recorded from the current engine passes; an engine change (a quirk
 * switched on) or an expectation of an older engine makes it exit 1 with a diff per field; bad input is one
 * line and exit 2; on another kernel release the kernel side compares accept/reject and class only and says so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Case, ModelExpectation } from '../../src/corpus/case.js';
import { readCase } from '../../src/corpus/read.js';
import { printCase } from '../../src/corpus/write.js';
import { pathExplorer } from '../../src/engines/path-explorer/index.js';
import { projectVerdict } from '../../src/engines/projection.js';
import { CORPUS } from '../corpus/cases.js';
import { liveKernel } from '../engines/kernel/live.js';
import { runCli } from './helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'throwfuzz-replay-'));
const corpusCase = (name: string): Case =>
  readCase(readFileSync(join(CORPUS, name), 'utf8'), `corpus/${name}`);

/** A program's case with path-explorer's answer today as its only expectation (mainline, no quirk). */
function recordedNow(name: string): Case {
  const c = corpusCase(name);
  const p = projectVerdict({
    engine: 'path-explorer',
    result: pathExplorer.verify(c.program, { profile: 'mainline', quirks: [] }),
  });
  const e: ModelExpectation = {
    engine: 'path-explorer',
    profile: 'mainline',
    quirks: [],
    accepted: p.status === 'accepted',
    class: p.status === 'rejected' ? (p.class as ModelExpectation['class']) : null,
    message: p.message,
  };
  return { ...c, provenance: null, options: null, note: null, expectations: [e] };
}

describe('throwfuzz replay: a regression end to end', () => {
  const dir = tmp();
  const file = join(dir, 'held-ref-across-global.s');
  writeFileSync(file, printCase(recordedNow('selftests/reject-global-subprog-throw-with-reference.s')));

  it('passes with the engine the case was recorded from', async () => {
    const r = await runCli('replay', dir, '--engines', 'path-explorer');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'replay: 1 case (1 checked), engines path-explorer: 1 check, 3 fields compared, no regression\n',
    );
    expect(r.code).toBe(0);
  });

  it('fails with a diff per field once the engine changes (a quirk switched on)', async () => {
    const r = await runCli('replay', dir, '--engines', 'path-explorer', '--quirks', 'seed-global-resources');
    expect(r.stdout.split('\n')).toEqual([
      `${file}: path-explorer@mainline+seed-global-resources vs case expect path-explorer@mainline`,
      '  verdict: expected rejected, actual accepted',
      '  class: expected "ref-leak", actual null',
      '  message: expected "bpf_throw would lead to reference leak", actual null',
      'replay: 1 case (1 checked), engines path-explorer: 1 check, 3 fields compared, 1 regression in 1 case',
      '',
    ]);
    expect(r.code).toBe(1);
  });

  it('fails on an expectation an older engine recorded (another message), both model engines named', async () => {
    const old = join(tmp(), 'old.s');
    writeFileSync(old, readFileSync(file, 'utf8').replace('lead to reference leak', 'leak a reference'));
    const r = await runCli('replay', old, '--engines', 'path-explorer,abstract-interpreter');
    expect(r.stdout.split('\n')).toEqual([
      `${old}: path-explorer@mainline vs case expect path-explorer@mainline`,
      '  message: expected "bpf_throw would leak a reference", actual "bpf_throw would lead to reference leak"',
      `${old}: abstract-interpreter@mainline vs case expect path-explorer@mainline`,
      '  message: expected "bpf_throw would leak a reference", actual "bpf_throw would lead to reference leak"',
      'replay: 1 case (1 checked), engines path-explorer, abstract-interpreter: 2 checks, 6 fields compared, 2 regressions in 1 case',
      '',
    ]);
    expect(r.code).toBe(1);
  });

  it('compares reference ids as id=N, every other number exactly', async () => {
    const d = tmp();
    const text = readFileSync(join(CORPUS, 'selftests/rfc-reject-with-reference.s'), 'utf8');
    expect(text).toMatch(/id=\d+ alloc_insn=\d+/);
    writeFileSync(
      join(d, 'ids.s'),
      text.replace(/id=(\d+) alloc_insn/, (_m, n: string) => `id=${Number(n) + 7} alloc_insn`),
    );
    const same = await runCli('replay', d, '--engines', 'path-explorer');
    expect(same.code).toBe(0);
    writeFileSync(
      join(d, 'ids.s'),
      text.replace(/alloc_insn=(\d+)/, (_m, n: string) => `alloc_insn=${Number(n) + 1}`),
    );
    const other = await runCli('replay', d, '--engines', 'path-explorer');
    expect(other.stdout).toMatch(/^ {2}message: expected ".*alloc_insn=\d+", actual ".*alloc_insn=\d+"$/m);
    expect(other.code).toBe(1);
  });

  it('holds the runtime to the recorded test-runs, input by input', async () => {
    const d = tmp();
    const text = readFileSync(join(CORPUS, 'kernel/branch-single-value-between.s'), 'utf8');
    const edited = text.replace(
      '"retval":32,"ctx":"2500000000000000"',
      '"retval":33,"ctx":"2500000000000000"',
    );
    expect(edited).not.toBe(text);
    writeFileSync(join(d, 'runs.s'), edited);
    const r = await runCli('replay', d, '--engines', 'runtime', '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { regressions: unknown[]; checks: number; engines: string[] };
    expect(out.engines).toEqual(['runtime']);
    expect(out.regressions).toEqual([
      {
        file: join(d, 'runs.s'),
        engine: 'runtime@reference',
        against: 'kernel',
        mismatches: [
          {
            field: 'outcome[1]',
            expected: { input: '2500000000000000', retval: 33, ctx: '2500000000000000' },
            actual: { input: '2500000000000000', retval: 32, ctx: '2500000000000000' },
          },
        ],
      },
    ]);
  });
});

describe('throwfuzz replay: bad input', () => {
  it('a case file that does not parse: one line file:line:col, exit 2; the other files are replayed', async () => {
    const d = tmp();
    writeFileSync(join(d, 'a-bad.s'), '; case expect kernel {"accepted":true}\n    r0 = 0\n    exit\n');
    writeFileSync(join(d, 'b-good.s'), printCase(recordedNow('kernel/ref-held-at-throw.s')));
    const r = await runCli('replay', d, '--engines', 'path-explorer');
    expect(r.stderr).toBe(
      `${join(d, 'a-bad.s')}:1:22: case expect kernel: release: Invalid input: expected string, received undefined\n`,
    );
    expect(r.stdout).toMatch(/^replay: 1 case \(1 checked\).*no regression\n$/);
    expect(r.code).toBe(2);
  });

  it('a missing file, an unknown engine, a quirk without a model engine: one line, exit 2', async () => {
    const missing = await runCli('replay', '/nonexistent/x.s', '--engines', 'runtime');
    expect(missing.stderr).toBe('throwfuzz: /nonexistent/x.s: no such file\n');
    expect(missing.code).toBe(2);
    const engine = await runCli('replay', '--engines', 'kernel,nope');
    expect(engine.stderr).toBe(
      "throwfuzz: unknown engine 'nope' (engines: kernel, path-explorer, abstract-interpreter, runtime, all)\n",
    );
    expect(engine.code).toBe(2);
    const quirk = await runCli('replay', '--engines', 'runtime', '--quirks', 'seed-global-order');
    expect(quirk.stderr).toBe('throwfuzz: --quirks applies to model engines; none was asked for\n');
    expect(quirk.code).toBe(2);
  });
});

const live = await liveKernel('replay (kernel side)');

describe.skipIf(live.skipReason)('throwfuzz replay: the kernel side', () => {
  it('on another release compares accept/reject and class only, and says so once', async () => {
    const d = tmp();
    const text = readFileSync(join(CORPUS, 'kernel/ref-held-at-throw.s'), 'utf8');
    // The message of an older kernel: on its own release a regression, on another one not compared.
    const release = (text: string, r: string): string =>
      text.replace(/"release":"[^"]*"/, `"release":${JSON.stringify(r)}`);
    const old = release(text, live.session!.release).replace('"message":"', '"message":"old ');
    writeFileSync(join(d, 'a.s'), old);
    const here = await runCli('replay', d, '--engines', 'kernel');
    expect(here.stdout.split('\n').slice(0, 2)).toEqual([
      `${join(d, 'a.s')}: kernel vs case expect kernel`,
      expect.stringMatching(/^ {2}message: expected "old /),
    ]);
    expect(here.code).toBe(1);
    writeFileSync(join(d, 'a.s'), release(old, '0.0.0-elsewhere'));
    writeFileSync(join(d, 'b.s'), release(old, '0.0.0-elsewhere'));
    const there = await runCli('replay', d, '--engines', 'kernel');
    expect(there.stdout).toBe(
      `kernel: running ${live.session!.release}; 2 kernel expectations recorded on 0.0.0-elsewhere compare accept/reject and class only\n` +
        'replay: 2 cases (2 checked), engines kernel: 2 checks, 4 fields compared, no regression\n',
    );
    expect(there.code).toBe(0);
  });
});

describe('throwfuzz replay: no kernel here', () => {
  // As root the kernel is here: the CLI runs as nobody (setpriv), where bpf() is not allowed.
  const asRoot = process.geteuid?.() === 0;
  it.skipIf(!asRoot && live.skipReason === null)(
    'skips the kernel side with one line; exit 0 under all, 2 when the kernel is named',
    () => {
      const bin = join(import.meta.dirname, '../../bin/throwfuzz.js');
      const run = (...args: string[]) => {
        const argv = [process.execPath, bin, 'replay', join(CORPUS, 'kernel/ref-held-at-throw.s'), ...args];
        const [cmd, ...rest] = asRoot
          ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...argv]
          : argv;
        return spawnSync(cmd!, rest, { encoding: 'utf8' });
      };
      const all = run();
      expect(all.stderr).toMatch(/^throwfuzz: replay: kernel side skipped: [^\n]+\n$/);
      expect(all.stdout).toMatch(
        /^replay: 1 case \(1 checked\), engines path-explorer, abstract-interpreter, runtime: .* no regression\n$/,
      );
      expect(all.status).toBe(0);
      const named = run('--engines', 'kernel,runtime');
      expect(named.stderr).toMatch(/^throwfuzz: replay: kernel side skipped: [^\n]+\n$/);
      expect(named.status).toBe(2);
    },
  );
});
