/**
 * The design argument of the RFC v1 3/9 review thread, as runs on a simulated machine: where the exception
 * state lives decides whether a rewrite is still correct when programs run concurrently, nest, or start
 * after an asynchronous callback threw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputBuffers, type Program } from '../../src/bpf/program.js';
import type { RunOutcome } from '../../src/bpf/result.js';
import { compareOutcomes } from '../../src/runtime/compare.js';
import { runProgram } from '../../src/runtime/run.js';
import { jobOutcomes, runSchedule, type NestSpec, type ThreadSpec } from '../../src/runtime/scheduler.js';
import type { SlotModel } from '../../src/runtime/slots.js';
import { loadRuntimeProgram } from './corpus.js';

const transfer = loadRuntimeProgram('ref-transfer.rewrite');
const [acquires, throws] = inputBuffers(transfer) as [Uint8Array, Uint8Array];
const transferReference = runProgram(loadRuntimeProgram('ref-transfer'));

/** CPU 0 runs the input whose subprogram hands a cpumask to main; the other thread the input that throws. */
function transferRace(slots: SlotModel, seed: number, otherCpu: number): [RunOutcome, RunOutcome] {
  const result = runSchedule({
    threads: [
      { cpu: 0, task: 0, jobs: [{ kind: 'invoke', program: transfer, input: acquires, stream: 'input0' }] },
      {
        cpu: otherCpu,
        task: 1,
        jobs: [{ kind: 'invoke', program: transfer, input: throws, stream: 'input1' }],
      },
    ],
    mode: 'instrumented',
    slots,
    seed,
  });
  return [jobOutcomes(result, 0)[0]!, jobOutcomes(result, 1)[0]!];
}

const seeds = Array.from({ length: 200 }, (_, i) => i);

describe('a static subprogram returning a reference to its caller, while another CPU throws', () => {
  it('task-ctx (the RFC): no interleaving changes either outcome', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(0, 1), (seed, otherCpu) => {
        const [a, b] = transferRace('task-ctx', seed, otherCpu);
        expect(compareOutcomes(transferReference[0]!, a)).toEqual([]);
        expect(compareOutcomes(transferReference[1]!, b)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("prog-global (the reviewer's proposal): the caller sees the other CPU's throw and leaks the reference", () => {
    const losing = seeds.filter((seed) => transferRace('prog-global', seed, 1)[0].held.refs.length > 0);
    expect(losing.length).toBeGreaterThan(0);
    const [a, b] = transferRace('prog-global', losing[0]!, 1);
    const diffs = compareOutcomes(transferReference[0]!, a);
    // CPU 0 unwinds with CPU 1's cookie instead of releasing the cpumask its subprogram handed over ...
    expect(diffs.map((d) => d.field)).toEqual(['retval', 'events', 'held']);
    expect(a).toMatchObject({ retval: '9', held: { refs: [1] } });
    // ... and, having cleared the shared slot, leaves CPU 1 to carry on as if nothing had been thrown.
    expect(b.retval).toBe('0');
  });

  it('per-cpu: safe across CPUs, but not across two tasks preempting each other on one CPU', () => {
    for (const seed of seeds.slice(0, 50)) {
      expect(compareOutcomes(transferReference[0]!, transferRace('per-cpu', seed, 1)[0])).toEqual([]);
    }
    expect(seeds.some((seed) => transferRace('per-cpu', seed, 0)[0].held.refs.length > 0)).toBe(true);
  });
});

describe('a slot left thrown by an asynchronous callback', () => {
  const reference = runProgram(loadRuntimeProgram('nested-throw'))[0]!;
  const runAfterAsyncThrow = (name: string, level = 0): RunOutcome => {
    const program = loadRuntimeProgram(name);
    const result = runSchedule({
      threads: [
        {
          cpu: 0,
          task: 0,
          jobs: [
            { kind: 'async-throw', program, cookie: 0xdeadn, level },
            { kind: 'invoke', program, input: inputBuffers(program)[0]!, stream: 'input0' },
          ],
        },
      ],
      mode: 'instrumented',
      slots: 'task-ctx',
      seed: 0,
    });
    return jobOutcomes(result, 0)[0]!;
  };

  it('is cleared by the entry reset: the next invocation runs as if nothing had happened', () => {
    expect(compareOutcomes(reference, runAfterAsyncThrow('nested-throw.rewrite'))).toEqual([]);
  });

  it('without the entry reset, makes the next invocation unwind at its first callsite check', () => {
    const wrong = runAfterAsyncThrow('nested-throw.no-entry-reset');
    expect(compareOutcomes(reference, wrong).map((d) => d.field)).toEqual(['retval', 'ctx']);
    expect(wrong.retval).toBe(String(0xdead));
  });

  it('at another interrupt level, is another slot (task-ctx keeps one per level)', () => {
    expect(compareOutcomes(reference, runAfterAsyncThrow('nested-throw.no-entry-reset', 1))).toEqual([]);
  });
});

describe('an invocation nested at a kernel-function call', () => {
  const tracer = loadRuntimeProgram('tracer');
  const loopReference = runProgram(loadRuntimeProgram('loop-throw-rfc'));
  const nestEverywhere = (level: NestSpec['level']): NestSpec => ({
    programs: [{ program: tracer, input: new Uint8Array(tracer.ctxSize) }],
    probability: 1,
    maxDepth: 1,
    level,
  });
  const runNested = (name: string, level: NestSpec['level']) => {
    const program = loadRuntimeProgram(name);
    return inputBuffers(program).map((input, i) => {
      const result = runSchedule({
        threads: [{ cpu: 0, task: 0, jobs: [{ kind: 'invoke', program, input, stream: `input${i}` }] }],
        mode: 'instrumented',
        slots: 'task-ctx',
        seed: 0,
        nest: nestEverywhere(level),
      });
      expect(result.invocations.map((r) => r.nested && `${r.nested.fn}@${r.nested.at}`)).toEqual([
        'bpf_loop@entry',
        'bpf_loop@exit',
        null,
      ]);
      return jobOutcomes(result, 0)[0]!;
    });
  };

  it('at the same level clears the slot after a callback threw; the -528 check still unwinds (RFC 4/9)', () => {
    runNested('loop-throw-rfc.rewrite', 'same').forEach((o, i) => {
      expect(compareOutcomes(loopReference[i]!, o)).toEqual([]);
    });
  });

  it('at the same level, a rewrite without the -528 check carries on after the throw', () => {
    const [quiet, thrown] = runNested('loop-throw-rfc.no-528-check', 'same');
    expect(compareOutcomes(loopReference[0]!, quiet!)).toEqual([]);
    expect(compareOutcomes(loopReference[1]!, thrown!)).toEqual([
      { field: 'retval', expected: '0', actual: '1' },
      { field: 'ctx', expected: loopReference[1]!.ctx, actual: '08000000f0fdffff0000000006000000' },
    ]);
  });

  it('at a higher level uses another slot, so even the rewrite without the -528 check is right', () => {
    runNested('loop-throw-rfc.no-528-check', 'higher').forEach((o, i) => {
      expect(compareOutcomes(loopReference[i]!, o)).toEqual([]);
    });
  });
});

describe('the RFC design holds under any schedule', () => {
  const names = [
    'nested-throw',
    'nested-throw-rfc',
    'global-throw',
    'loop-throw-rfc',
    'ref-transfer',
    'throw-in-main',
  ];
  const cases = names.flatMap((name) => {
    const rewrite = loadRuntimeProgram(`${name}.rewrite`);
    const reference = runProgram(loadRuntimeProgram(name));
    return inputBuffers(rewrite).map((input, i) => ({
      rewrite,
      input,
      expected: reference[i]!,
      label: `${name}#${i}`,
    }));
  });
  const tracer: Program = loadRuntimeProgram('tracer');

  it('task-ctx with entry resets: 2-4 CPUs, preemption and nesting never change an outcome', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.array(fc.nat(cases.length - 1), { minLength: 1, maxLength: 3 }), {
          minLength: 2,
          maxLength: 4,
        }),
        fc.boolean(),
        (seed, jobs, shareCpu) => {
          const threads: ThreadSpec[] = jobs.map((picks, t) => ({
            cpu: shareCpu ? t % 2 : t,
            task: t,
            jobs: picks.map((c) => ({
              kind: 'invoke' as const,
              program: cases[c]!.rewrite,
              input: cases[c]!.input,
            })),
          }));
          const result = runSchedule({
            threads,
            mode: 'instrumented',
            slots: 'task-ctx',
            seed,
            nest: {
              programs: [{ program: tracer, input: new Uint8Array(tracer.ctxSize) }],
              probability: 0.3,
            },
          });
          jobs.forEach((picks, t) => {
            jobOutcomes(result, t).forEach((outcome, j) => {
              const c = cases[picks[j]!]!;
              // prandom/ktime are not used by these programs, so the stream names do not matter.
              expect(compareOutcomes(c.expected, outcome), c.label).toEqual([]);
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
