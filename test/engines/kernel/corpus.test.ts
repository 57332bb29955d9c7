/**
 * corpus/kernel: every case against the live kernel, and the corpus's own shape (always checked).
 * On another release than the recorded one, only accept/reject and class are compared, and the test says so.
 */
import { describe, expect, it } from 'vitest';
import { encode } from '../../../src/bpf/codec.js';
import { compareKernel } from '../../../src/corpus/replay.js';
import { checkWithKernel, parseVerifierLog, type KernelResult } from '../../../src/engines/kernel/index.js';
import { buildProgramBtf } from '../../../src/engines/kernel/program-btf.js';
import { project } from '../../../src/engines/projection.js';
import { kernelExpectation, loadCases } from '../../corpus/cases.js';
import { liveKernel } from './live.js';

const cases = loadCases('kernel');
const names = cases.map((c) => c.name.slice('kernel/'.length));

/** A case's program and its kernel expectation (every corpus/kernel case has one). */
const load = (name: string) => {
  const c = cases.find((k) => k.name === `kernel/${name}`)!.case;
  return { program: c.program, expect: kernelExpectation(c)! };
};

/** The "Must show" list of issue 3: each needs at least one case, found by name. */
const MUST_SHOW: Record<string, RegExp> = {
  'throw in main, cookie returned': /^throw-main-cookie$/,
  'throw in a static subprogram': /^throw-static-subprog$/,
  'nested static throws': /^nested-static-throws$/,
  'conditional throw on ctx data': /^conditional-throw-ctx$/,
  'throw in a global subprogram': /^throw-global-subprog$/,
  'reference held at throw': /^ref-held-at-throw$/,
  'reference released before throw': /^ref-released-before-throw$/,
  'reference returned from a static subprogram': /^ref-returned-from-static$/,
  'RCU open at throw': /^rcu-open-at-throw$/,
  'RCU open at exit': /^rcu-open-at-exit$/,
  'preempt open at throw': /^preempt-open-at-throw$/,
  'preempt open at exit': /^preempt-open-at-exit$/,
  'throw in a bpf_loop callback': /^throw-in-loop-callback$/,
  'last instruction not exit': /^last-insn-not-exit$/,
  recursion: /^recursion$/,
  'too many frames': /^too-many-frames$/,
  'maybe-NULL release': /^maybe-null-release$/,
  'double release': /^double-release$/,
  'reference held across a throwing global (declined)': /^ref-across-throwing-global$/,
};

describe('corpus/kernel, its shape', () => {
  it("has at least 25 cases, each with its kernel expectation, covering the issue's list", () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
    for (const { name, case: c } of cases) expect(kernelExpectation(c), name).not.toBeNull();
    for (const [what, pattern] of Object.entries(MUST_SHOW))
      expect(
        names.some((n) => pattern.test(n)),
        what,
      ).toBe(true);
    expect(load('ref-across-throwing-global').expect).toMatchObject({
      accepted: true,
      run: 'declined',
      outcomes: [],
    });
  });
});

const live = await liveKernel('corpus/kernel');

describe.skipIf(live.skipReason)('corpus/kernel against the live kernel', () => {
  const release = live.session?.release ?? '';
  const recorded = new Set(names.map((n) => load(n).expect.release));
  // The same release rule as ever: on another release only accept/reject and class are compared.
  if (live.session && [...recorded].some((r) => r !== release)) {
    console.log(
      `[corpus/kernel] running on ${release}, cases recorded on another release (${[...recorded].filter((r) => r !== release).join(', ')}) compare accept/reject and class only`,
    );
  }

  for (const name of names) {
    it(name, async () => {
      const { program, expect: expected } = load(name);
      const result = await checkWithKernel(program, live.session!);
      // The one comparison `throwfuzz replay` makes (src/corpus/replay.ts): everything on the recorded
      // release, accept/reject and class on another.
      expect(compareKernel(expected, project({ engine: 'kernel', result }), release).mismatches).toEqual([]);
    });
  }

  it('explains every rejection the same at log level 1 (the default) and 2: message and count', async () => {
    const rejected = names.filter((n) => !load(n).expect.accepted);
    expect(rejected.length).toBeGreaterThan(10);
    for (const name of rejected) {
      const { program } = load(name);
      const [one, two] = [
        await checkWithKernel(program, live.session!, { explainLogLevel: 1 }),
        await checkWithKernel(program, live.session!, { explainLogLevel: 2 }),
      ];
      const key = (r: KernelResult) =>
        r.status === 'rejected' ? [r.message, r.insnsProcessed, r.class] : r.status;
      expect(key(two), name).toEqual(key(one));
    }
  });

  it('counts processed instructions of accepted programs (verified_insns) as the log does', async () => {
    const { executor, kfuncIds } = live.session!;
    for (const name of names.filter((n) => load(n).expect.accepted)) {
      const { program } = load(name);
      const insns = encode(
        program.insns.map((i) => (i.kind === 'kfunc' ? { ...i, btfId: kfuncIds.get(i.name)! } : i)),
      );
      const { btf, funcInfo } = buildProgramBtf(program);
      const btfLoad = await executor.request({ op: 'btf-load', btf, logLevel: 0, logSize: 0 });
      if (btfLoad.kind !== 'reply' || !btfLoad.reply.result.ok) return expect.fail(`${name}: BTF load`);
      const btfFd = btfLoad.reply.result.value;
      const logged = await executor.request({
        op: 'prog-load',
        btfFd,
        insns,
        funcInfo,
        logLevel: 1,
        logSize: 1 << 20,
      });
      if (logged.kind !== 'reply' || !logged.reply.result.ok) return expect.fail(`${name}: load`);
      expect(logged.reply.verifiedInsns, name).toBe(parseVerifierLog(logged.reply.log).insnsProcessed);
      expect(
        (await checkWithKernel(program, live.session!)) as { insnsProcessed: number },
        name,
      ).toMatchObject({
        insnsProcessed: logged.reply.verifiedInsns,
      });
      await executor.request({ op: 'close', fd: logged.reply.result.value });
      await executor.request({ op: 'close', fd: btfFd });
    }
  });

  it('held no fd after the whole corpus', async () => {
    expect(await live.session!.executor.request({ op: 'ping' })).toEqual({
      kind: 'reply',
      reply: { version: 1, fdsHeld: 0 },
    });
  });
});
