/** Each oracle on observations that must and must not produce findings: real engine and runtime runs, plus hand-made edge cases. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/bpf/result.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { classifyKernelMessage, parseVerifierLog } from '../../src/engines/kernel/index.js';
import type { KernelResult, ModelAnswer } from '../../src/engines/contract.js';
import { engineFaultOracle } from '../../oracles/engine-fault.js';
import { kernelHealthOracle } from '../../oracles/kernel-health.js';
import type { Observation } from '../../oracles/observation.js';
import { outcomeOracle } from '../../oracles/outcome.js';
import { isCrash } from '../../oracles/outcome-compare.js';
import { rewriteValidityOracle } from '../../oracles/rewrite-validity.js';
import { soundnessOracle } from '../../oracles/soundness.js';
import { verdictOracle } from '../../oracles/verdict.js';
import { normaliseNumbers } from '../../oracles/normalise.js';
import { answer, load, observe, recordedKernel } from './observe.js';

const sigs = (fs: readonly { signature: string }[]) => fs.map((f) => f.signature);
const kernelSays = (result: KernelResult) => ({ asked: true as const, release: 'test', result });
const rejectedBy = (cls: string, message: string): KernelResult => ({
  status: 'rejected',
  class: cls as never,
  message,
  errno: 'EINVAL',
  insnsProcessed: 3,
  logTail: [],
});
const withVerdict = (a: ModelAnswer, verdict: ModelAnswer['result']['verdict']): ModelAnswer => ({
  ...a,
  result: { ...a.result, verdict, facts: null, rewrite: null },
  rewriteVerdict: null,
});

describe('normalisation', () => {
  it('every number for a signature bucket', () => {
    expect(normaliseNumbers('Unreleased reference id=3 alloc_insn=-12 off=0x1f')).toBe(
      'Unreleased reference id=N alloc_insn=N off=N',
    );
  });
});

describe('verdict', () => {
  const heldAtThrow = load('corpus/kernel/ref-held-at-throw.s');
  it('agrees with the kernel on a rejection (recorded answer): nothing', () => {
    expect(verdictOracle(observe(heldAtThrow, { kernel: recordedKernel('ref-held-at-throw') }))).toEqual([]);
  });
  it('the message is compared with reference ids normalised, every other number exact', () => {
    const deep = load('corpus/kernel/too-many-frames.s');
    const kernel = recordedKernel('too-many-frames');
    expect(verdictOracle(observe(deep, { kernel }))).toEqual([]);
    const said = kernel.result as Extract<KernelResult, { status: 'rejected' }>;
    expect(said.message).toMatch(/\d/);
    const renumbered = kernelSays({ ...said, message: said.message.replace(/\d+/g, '99') });
    expect(sigs(verdictOracle(observe(deep, { kernel: renumbered })))).toEqual([
      'verdict:kernel=call-depth,path-explorer=call-depth:message:deep-calls',
    ]);
    const pe = answer(deep);
    const leakSays = (message: string) => kernelSays(rejectedBy('ref-leak', message));
    const v = withVerdict(pe, {
      accepted: false,
      class: 'ref-leak',
      message: 'Unreleased reference id=2 alloc_insn=1',
      insn: 3,
    });
    const judged = (message: string) =>
      verdictOracle(observe(deep, { kernel: leakSays(message), models: [v] })).map((f) => f.diffs[0]!.field);
    expect(judged('Unreleased reference id=5 alloc_insn=1')).toEqual([]);
    expect(judged('Unreleased reference id=2 alloc_insn=4')).toEqual(['message']);
    const other = kernelSays({ ...said, message: 'the call stack is too deep' });
    expect(sigs(verdictOracle(observe(deep, { kernel: other })))).toEqual([
      'verdict:kernel=call-depth,path-explorer=call-depth:message:deep-calls',
    ]);
  });
  it('a class mismatch, and unclassified is one', () => {
    const f = verdictOracle(
      observe(heldAtThrow, { kernel: kernelSays(rejectedBy('unclassified', 'new words')) }),
    );
    expect(sigs(f)).toEqual(['verdict:kernel=unclassified,path-explorer=ref-leak:class:none']);
    expect(f[0]!.diffs.map((d) => d.field)).toEqual(['class', 'message']);
  });
  it('a kernel verifier-bug, fault, error or not-applicable is not a verdict', () => {
    const results: KernelResult[] = [
      rejectedBy('verifier-bug', 'verifier bug: backtracking misuse'),
      { status: 'fault', stage: 'check', fault: { kind: 'timeout', op: 'check', ms: 5 } as never },
      { status: 'error', stage: 'encode', detail: 'x' },
      { status: 'not-applicable', reason: 'rfc' },
    ];
    for (const r of results)
      expect(verdictOracle(observe(heldAtThrow, { kernel: kernelSays(r) }))).toEqual([]);
  });
  it('a model without a verdict (unsupported, internal-error) and beyond programs are not judged', () => {
    const accepted = kernelSays({
      status: 'accepted',
      insnsProcessed: 1,
      run: { status: 'declined', reason: 'x' },
    });
    const pe = answer(heldAtThrow);
    for (const v of [
      { accepted: null, status: 'unsupported', reason: 'unsupported: 32-bit ALU', insn: 0 },
      { accepted: null, status: 'internal-error', reason: 'boom' },
    ] as const) {
      expect(verdictOracle(observe(heldAtThrow, { kernel: accepted, models: [withVerdict(pe, v)] }))).toEqual(
        [],
      );
    }
    expect(verdictOracle(observe(heldAtThrow, { kernel: accepted }))).toHaveLength(1);
    expect(verdictOracle(observe(heldAtThrow, { kernel: accepted, beyond: true }))).toEqual([]);
  });
  it('model vs model: facts and rewrite of two answers (a quirk standing in for engine B)', () => {
    const p = parseProgram(
      '    call first\n    r0 = 0\n    exit\n.func first global\n    call second\n    r0 = 1\n    exit\n.func second global\n    r1 = 3\n    call bpf_throw\n    r0 = 0\n    exit\n',
    );
    const f = verdictOracle(observe(p, { models: [answer(p), answer(p, ['seed-global-order'])] }));
    expect(sigs(f)).toEqual([
      'verdict:path-explorer=accept,path-explorer~seed-global-order=accept:facts:global-calls-later-global',
    ]);
    expect(f[0]!.diffs.map((d) => d.field)).toEqual(['facts', 'rewrite']);
    expect(verdictOracle(observe(p, { models: [answer(p), answer(p)] }))).toEqual([]);
  });
  it('model vs model: reference ids normalised, every other number exact', () => {
    const pe = answer(heldAtThrow);
    const v = (message: string) => withVerdict(pe, { accepted: false, class: 'ref-leak', message, insn: 3 });
    const a = v('Unreleased reference id=2 alloc_insn=1');
    expect(
      verdictOracle(observe(heldAtThrow, { models: [a, v('Unreleased reference id=7 alloc_insn=1')] })),
    ).toEqual([]);
    expect(
      sigs(verdictOracle(observe(heldAtThrow, { models: [a, v('Unreleased reference id=2 alloc_insn=4')] }))),
    ).toEqual(['verdict:path-explorer=ref-leak,path-explorer=ref-leak:message:none']);
  });
  it('two model engines (the second relabelled: data only): each against the kernel, and the pair', () => {
    const second = (a: ModelAnswer): ModelAnswer => ({ ...a, engine: 'abstract-interpreter' });
    const pe = answer(heldAtThrow);
    const leak = (message: string) =>
      withVerdict(pe, { accepted: false, class: 'ref-leak', message, insn: 3 });
    const a = leak('Unreleased reference id=2 alloc_insn=1');
    const kernel = kernelSays(rejectedBy('ref-leak', 'Unreleased reference id=9 alloc_insn=1'));
    // Only the ids differ, three ways: no finding at all.
    expect(
      verdictOracle(
        observe(heldAtThrow, { kernel, models: [a, second(leak('Unreleased reference id=5 alloc_insn=1'))] }),
      ),
    ).toEqual([]);
    // The second engine's alloc_insn differs: it differs from the kernel and from the first engine.
    const f = verdictOracle(
      observe(heldAtThrow, { kernel, models: [a, second(leak('Unreleased reference id=2 alloc_insn=4'))] }),
    );
    expect(sigs(f)).toEqual([
      'verdict:kernel=ref-leak,abstract-interpreter=ref-leak:message:none',
      'verdict:path-explorer=ref-leak,abstract-interpreter=ref-leak:message:none',
    ]);
    expect(f.map((x) => x.engines)).toEqual([
      ['kernel', 'abstract-interpreter'],
      ['path-explorer', 'abstract-interpreter'],
    ]);
  });
  it('a too-complex disagreement is precision when an engine involved does not count the limits as the kernel', () => {
    const pe = answer(heldAtThrow);
    const complex = (a: ModelAnswer): ModelAnswer =>
      withVerdict(a, {
        accepted: false,
        class: 'too-complex',
        message: 'BPF program is too large. Processed 1000001 insn',
        insn: 3,
      });
    const b = (a: ModelAnswer): ModelAnswer => ({ ...a, engine: 'abstract-interpreter' });
    const v = pe.result.verdict;
    const kernel = kernelSays(rejectedBy('ref-leak', v.accepted === false ? v.message : ''));
    // Engine B stops at its own count: against the kernel and against path-explorer, precision.
    const f = verdictOracle(observe(heldAtThrow, { kernel, models: [pe, b(complex(pe))] }));
    expect(f.map((x) => [x.signature, x.severity])).toEqual([
      ['verdict:kernel=ref-leak,abstract-interpreter=too-complex:class:complexity-limit', 'precision'],
      ['verdict:path-explorer=ref-leak,abstract-interpreter=too-complex:class:complexity-limit', 'precision'],
    ]);
    // path-explorer counts as the kernel does: its too-complex against the kernel stays a disagreement.
    const g = verdictOracle(observe(heldAtThrow, { kernel, models: [complex(pe)] }));
    expect(g.map((x) => [x.signature, x.severity])).toEqual([
      ['verdict:kernel=ref-leak,path-explorer=too-complex:class:none', 'medium'],
    ]);
  });
});

describe('outcome', () => {
  it('a correct rewrite agrees alone and scheduled on task-ctx, and with the kernel’s recorded test-run', () => {
    const p = load('corpus/kernel/throw-main-cookie.s');
    expect(
      outcomeOracle(
        observe(p, { kernel: recordedKernel('throw-main-cookie'), scheduleSeed: 2, slots: ['task-ctx'] }),
      ),
    ).toEqual([]);
  });
  it('the kernel’s u32 against the low 32 bits of the reference retval; a different ctx is a finding', () => {
    const p = parseProgram(
      '.input ctx=' +
        '00'.repeat(64) +
        '\n    r1 = 0x100000007 ll\n    call bpf_throw\n    r0 = 0\n    exit\n',
    );
    const obs = observe(p);
    const ref = (obs.reference as RunOutcome[])[0]!;
    expect(ref.retval).toBe('4294967303');
    const ran = (retval: number, ctx: string) =>
      kernelSays({
        status: 'accepted',
        insnsProcessed: 3,
        run: { status: 'ran', outcomes: [{ input: ref.input, retval, ctx }] },
      });
    expect(outcomeOracle({ ...obs, kernel: ran(7, ref.ctx) })).toEqual([]);
    const f = outcomeOracle({ ...obs, kernel: ran(7, 'ff' + ref.ctx.slice(2)) });
    expect(sigs(f)).toEqual(['outcome:kernel:test-run:throw-in-main']);
    expect(outcomeOracle({ ...obs, kernel: ran(8, ref.ctx) }).map((x) => x.diffs[0]!.field)).toEqual([
      'retval',
    ]);
    // Indeterminate: not compared on retval or ctx.
    const indeterminate = { ...obs, reference: [{ ...ref, indeterminate: true }] };
    expect(outcomeOracle({ ...indeterminate, kernel: ran(8, 'ff' + ref.ctx.slice(2)) })).toEqual([]);
  });
  it('prog-global: a race between CPUs is the slot model’s finding, not the rewrite’s', () => {
    const p = load('corpus/runtime/ref-transfer.s');
    const found = Array.from({ length: 60 }, (_, seed) =>
      outcomeOracle(observe(p, { slots: ['prog-global'], scheduleSeed: seed })),
    ).flat();
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(sigs(found))).toEqual(
      new Set(['outcome:path-explorer:scheduled/prog-global:shared-slot']),
    );
    const safe = Array.from({ length: 60 }, (_, seed) =>
      outcomeOracle(observe(p, { slots: ['task-ctx'], scheduleSeed: seed })),
    ).flat();
    expect(safe).toEqual([]);
  });
  it("a rewrite past 512 bytes of stack is rewrite-validity's finding, not a second one here", () => {
    const obs = observe(load('corpus/kernel/rewrite-stack-512-main.s'), { slots: ['task-ctx'] });
    // Its instrumented run does fault (the slot is out of the frame) ...
    const solo = obs.instrumented[0]!.solo;
    if (isCrash(solo)) throw new Error(solo.crash);
    expect(solo.map((o) => o.fault?.kind)).toEqual(solo.map(() => 'out-of-bounds'));
    // ... and the one finding is the design defect.
    expect(outcomeOracle(obs)).toEqual([]);
    expect(sigs(rewriteValidityOracle(obs))).toEqual(['rewrite-validity:path-explorer=stack:design:none']);
    expect(outcomeOracle(observe(load('corpus/kernel/rewrite-stack-504-main.s')))).toEqual([]);
  });
  it('nor scheduled: its invocations fault there too, under every slot model (campaign finding)', () => {
    // Found as outcome:path-explorer:scheduled/task-ctx:shared-slot (run seed 7, case 753): the scheduled
    // runs were judged although the solo runs were not, and the slot's fault read as a slot-model race.
    const obs = observe(load('corpus/kernel/rewrite-stack-512-static.s'), { scheduleSeed: 3 });
    const scheduled = obs.instrumented.map((r) => r.scheduled);
    expect(scheduled.every((s) => s !== null && !isCrash(s) && s.some((x) => x.outcome.fault))).toBe(true);
    expect(outcomeOracle(obs)).toEqual([]);
    expect(sigs(rewriteValidityOracle(obs))).toEqual(['rewrite-validity:path-explorer=stack:design:none']);
  });
});

describe('soundness', () => {
  const hole = load('corpus/kernel/ref-across-throwing-global.s');
  it('names each verifier that accepted a program that leaks', () => {
    const f = soundnessOracle(
      observe(hole, {
        kernel: recordedKernel('ref-across-throwing-global'),
        quirks: ['seed-global-resources'],
      }),
    );
    expect(f.map((x) => x.engines[0])).toEqual(['kernel', 'path-explorer~seed-global-resources']);
    expect(f[0]!.diffs[0]).toMatchObject({ field: 'held.refs', actual: [1] });
  });
  it('nothing when no verifier accepted, or the run is clean', () => {
    expect(soundnessOracle(observe(hole))).toEqual([]);
    expect(soundnessOracle(observe(load('corpus/runtime/ref-transfer.s')))).toEqual([]);
  });
  it('a fault counts, fuel running out does not (hand-made outcomes)', () => {
    const obs = observe(load('corpus/runtime/ref-transfer.s'));
    const ref = (obs.reference as RunOutcome[])[0]!;
    const faulting = (kind: 'out-of-bounds' | 'fuel-exhausted'): Observation => ({
      ...obs,
      reference: [{ ...ref, retval: null, fault: { kind, pc: 3, message: 'x' } }],
    });
    expect(sigs(soundnessOracle(faulting('out-of-bounds')))).toEqual([
      'soundness:path-explorer=accept:fault-out-of-bounds:none',
    ]);
    expect(soundnessOracle(faulting('fuel-exhausted'))).toEqual([]);
  });
});

describe('rewrite validity', () => {
  it('the slot past 512 bytes is a design defect; a path-insensitive ref-leak is an artefact', () => {
    const stack = rewriteValidityOracle(observe(load('corpus/kernel/rewrite-stack-512-main.s')));
    expect(stack.map((f) => [f.signature, f.severity])).toEqual([
      ['rewrite-validity:path-explorer=stack:design:none', 'high'],
    ]);
    const leak = rewriteValidityOracle(observe(load('corpus/runtime/ref-transfer.s')));
    expect(leak.map((f) => [f.signature, f.severity])).toEqual([
      ['rewrite-validity:path-explorer=ref-leak:artefact:none', 'precision'],
    ]);
    expect(rewriteValidityOracle(observe(load('corpus/kernel/rewrite-stack-504-main.s')))).toEqual([]);
  });
});

describe('kernel health', () => {
  const fromLog = (name: string): KernelResult => {
    const log = readFileSync(
      join(import.meta.dirname, '../engines/kernel/fixtures/logs', `${name}.level1.log`),
      'utf8',
    );
    const message = parseVerifierLog(log).message!;
    return rejectedBy(classifyKernelMessage(message), message);
  };
  it('the two bpf_loop verifier bugs, from the kernel’s real logs, get the triaged signatures', () => {
    const p = load('corpus/kernel/throw-main-cookie.s');
    expect(
      sigs(
        kernelHealthOracle(observe(p, { kernel: kernelSays(fromLog('loop-ctx-as-count')), beyond: true })),
      ),
    ).toEqual(['kernel-health:kernel=verifier-bug:backtracking-misuse:-']);
    expect(
      sigs(kernelHealthOracle(observe(p, { kernel: kernelSays(fromLog('loop-zero-in-static')) }))),
    ).toEqual(['kernel-health:kernel=verifier-bug:no-program-to-jit-at-insn:-']);
  });
  it('an executor fault is critical; an ordinary answer is nothing', () => {
    const p = load('corpus/kernel/throw-main-cookie.s');
    const fault = kernelSays({
      status: 'fault',
      stage: 'check',
      fault: { kind: 'timeout', op: 'check', ms: 5000 } as never,
    });
    expect(kernelHealthOracle(observe(p, { kernel: fault })).map((f) => [f.signature, f.severity])).toEqual([
      ['kernel-health:kernel=fault:check-timeout:-', 'critical'],
    ]);
    expect(kernelHealthOracle(observe(p, { kernel: recordedKernel('throw-main-cookie') }))).toEqual([]);
  });
});

describe('engine fault', () => {
  const p = load('corpus/kernel/throw-main-cookie.s');
  it('internal-error, an engine that threw, a runtime crash, a kernel harness error', () => {
    const obs = observe(p, {
      models: [
        withVerdict(answer(p), {
          accepted: null,
          status: 'internal-error',
          reason: 'TypeError: x is undefined at 12',
        }),
      ],
      kernel: kernelSays({ status: 'error', stage: 'btf-load', detail: 'EINVAL' }),
    });
    const f = engineFaultOracle({
      ...obs,
      engineCrashes: [{ engine: 'abstract-interpreter', message: 'RangeError: too deep' }],
      reference: { crash: 'boom 3' },
    });
    expect(f.map((x) => [x.signature, x.severity])).toEqual([
      ['engine-fault:path-explorer:internal-error/typeerror-x-is-undefined-at-n:-', 'critical'],
      ['engine-fault:abstract-interpreter:crash/rangeerror-too-deep:-', 'critical'],
      ['engine-fault:runtime/reference:crash/boom-n:-', 'critical'],
      ['engine-fault:kernel:harness-btf-load/einval:-', 'medium'],
    ]);
  });
  it('a clean observation is nothing', () => {
    expect(engineFaultOracle(observe(p, { kernel: recordedKernel('throw-main-cookie') }))).toEqual([]);
  });
});
