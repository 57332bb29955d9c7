/**
 * A seeded scheduler for several invocations on one simulated machine (SPEC §6): threads (a task on a CPU,
 * each running its jobs one after another) interleaved a few instructions at a time, invocations nested at
 * kernel-function calls on the same task at the same or a higher interrupt level, and exception slots left
 * thrown between invocations by an asynchronous callback. Everything it decides comes from one seed, so a
 * schedule replays exactly.
 */
import type { Program } from '../bpf/program.js';
import type { RunOutcome } from '../bpf/result.js';
import { compileProgram } from './compile.js';
import { run } from './interpreter.js';
import { Machine, Status, type Mode } from './machine.js';
import { outcomeOf } from './outcome.js';
import { DEFAULT_FUEL } from './run.js';
import { MAX_LEVEL, SlotStore, type ExecutionContext, type SlotModel } from './slots.js';
import { deriveSeed, Stream, type Seed } from './stream.js';

export type Job =
  /** Run the program on the input. `stream` names its prandom/ktime stream (default `t<thread>/j<job>`). */
  | {
      readonly kind: 'invoke';
      readonly program: Program;
      readonly input: Uint8Array;
      readonly stream?: string;
    }
  /**
   * An asynchronous callback of `program` (a timer, say) threw on this task at `level` after the last
   * invocation cleared its slot: the slot is left thrown, which is why the RFC clears it on entry.
   */
  | {
      readonly kind: 'async-throw';
      readonly program: Program;
      readonly cookie: bigint;
      readonly level?: number;
    };

/** A task on a CPU. Two threads on one CPU model preemption of sleepable programs. */
export interface ThreadSpec {
  readonly cpu: number;
  readonly task: number;
  readonly jobs: readonly Job[];
}

/** Programs that may run nested, as tracing programs attached to the kernel functions a program calls. */
export interface NestSpec {
  readonly programs: readonly { readonly program: Program; readonly input: Uint8Array }[];
  /** Probability of nesting at each nesting point: before and after every traceable kernel-function call. */
  readonly probability: number;
  /** Deepest nesting on one thread (default 2). */
  readonly maxDepth?: number;
  /**
   * Interrupt level of a nested invocation relative to the one it interrupts: `same` (a tracing program on
   * the same task and level), `higher` (one level up, an interrupt), or `any` (either, seeded; default).
   */
  readonly level?: 'same' | 'higher' | 'any';
}

export interface ScheduleSpec {
  readonly threads: readonly ThreadSpec[];
  readonly mode: Mode;
  readonly slots: SlotModel;
  /** Seed of the scheduler's choices. */
  readonly seed: Seed;
  /** Root seed of the invocations' prandom/ktime streams (default: `seed`). */
  readonly streamSeed?: Seed;
  /** Fuel of each invocation. */
  readonly fuel?: number;
  /** A slice runs 1..maxQuantum instructions before the scheduler picks again (default 4). */
  readonly maxQuantum?: number;
  readonly nest?: NestSpec;
  /** As in RunOptions, per invocation. */
  readonly nullCreates?: readonly number[];
}

/** Where a nested invocation ran. */
export interface Nesting {
  /** Index into NestSpec.programs. */
  readonly program: number;
  /** The kernel function it was attached to, and whether it ran before (`entry`) or after (`exit`) it. */
  readonly at: 'entry' | 'exit';
  readonly fn: string;
  /** Interrupt level of the nested invocation. */
  readonly level: number;
}

export interface InvocationRecord {
  readonly thread: number;
  /** Index of the thread's job this invocation is, or runs inside of (nested). */
  readonly job: number;
  /** Null for the job itself. */
  readonly nested: Nesting | null;
  readonly outcome: RunOutcome;
}

export interface ScheduleResult {
  /** In order of completion. */
  readonly invocations: readonly InvocationRecord[];
  /** Scheduler slices taken, for reports. */
  readonly slices: number;
}

interface Active {
  readonly machine: Machine;
  readonly level: number;
  readonly nested: Nesting | null;
}

interface ThreadState {
  readonly spec: ThreadSpec;
  next: number;
  readonly stack: Active[];
}

function levelStep(level: 'same' | 'higher' | 'any', rng: Stream): number {
  switch (level) {
    case 'same':
      return 0;
    case 'higher':
      return 1;
    case 'any':
      return rng.below(2);
    default: {
      const unreachable: never = level;
      throw new Error(`unhandled nesting level ${String(unreachable)}`);
    }
  }
}

/** The outcomes of a thread's own jobs (not nested ones), in job order. */
export function jobOutcomes(result: ScheduleResult, thread: number): RunOutcome[] {
  return result.invocations
    .filter((r) => r.thread === thread && r.nested === null)
    .sort((a, b) => a.job - b.job)
    .map((r) => r.outcome);
}

export function runSchedule(spec: ScheduleSpec): ScheduleResult {
  const rng = new Stream(deriveSeed(spec.seed, 'schedule'));
  const streamRoot = spec.streamSeed ?? spec.seed;
  const fuel = spec.fuel ?? DEFAULT_FUEL;
  const maxQuantum = Math.max(1, spec.maxQuantum ?? 4);
  const nullCreates = new Set(spec.nullCreates ?? []);
  const store = new SlotStore(spec.slots);
  const programIds = new Map<Program, number>();
  const programId = (p: Program): number => {
    let id = programIds.get(p);
    if (id === undefined) {
      id = programIds.size;
      programIds.set(p, id);
    }
    return id;
  };
  const where = (t: ThreadState, level: number, program: Program): ExecutionContext => ({
    cpu: t.spec.cpu,
    task: t.spec.task,
    level,
    programId: programId(program),
  });
  const start = (
    t: ThreadState,
    program: Program,
    input: Uint8Array,
    level: number,
    stream: string,
    nested: Nesting | null,
  ): void => {
    const machine = new Machine(compileProgram(program), input, {
      mode: spec.mode,
      fuel,
      seed: deriveSeed(streamRoot, stream),
      nullCreates,
      slot: store.slotFor(where(t, level, program)),
      yieldAtCalls: spec.nest !== undefined && spec.nest.programs.length > 0,
    });
    t.stack.push({ machine, level, nested });
  };

  const threads: ThreadState[] = spec.threads.map((s) => ({ spec: s, next: 0, stack: [] }));
  const invocations: InvocationRecord[] = [];
  let slices = 0;
  let nestCount = 0;
  for (;;) {
    const runnable = threads.filter((t) => t.stack.length > 0 || t.next < t.spec.jobs.length);
    if (runnable.length === 0) break;
    const t = runnable[rng.below(runnable.length)]!;
    const index = threads.indexOf(t);
    slices++;
    if (t.stack.length === 0) {
      const job = t.spec.jobs[t.next]!;
      switch (job.kind) {
        case 'async-throw':
          store
            .slotFor(where(t, job.level ?? 0, job.program))
            .set(Number(BigInt.asIntN(32, job.cookie)), Number(BigInt.asIntN(32, job.cookie >> 32n)));
          t.next++;
          continue;
        case 'invoke':
          start(t, job.program, job.input, 0, job.stream ?? `t${index}/j${t.next}`, null);
          break;
        default: {
          const unreachable: never = job;
          throw new Error(`unhandled job ${JSON.stringify(unreachable)}`);
        }
      }
    }
    const active = t.stack[t.stack.length - 1]!;
    const status = run(active.machine, 1 + rng.below(maxQuantum));
    switch (status) {
      case Status.Running:
        break;
      case Status.Done:
        t.stack.pop();
        invocations.push({
          thread: index,
          job: t.next,
          nested: active.nested,
          outcome: outcomeOf(active.machine),
        });
        if (t.stack.length === 0) t.next++;
        break;
      case Status.CallEntry:
      case Status.CallExit: {
        const nest = spec.nest!;
        if (t.stack.length - 1 >= (nest.maxDepth ?? 2) || !rng.chance(nest.probability)) break;
        const choice = rng.below(nest.programs.length);
        const level = Math.min(MAX_LEVEL, active.level + levelStep(nest.level ?? 'any', rng));
        const m = active.machine;
        // At CallEntry pc is the call; at CallExit it is the instruction after it (bpf_loop: after its call).
        const callPc = status === Status.CallEntry ? m.pc : m.pc - 1;
        const fn = m.compiled.kernelNames[m.code[callPc * 4 + 3]!] ?? '?';
        const { program, input } = nest.programs[choice]!;
        start(t, program, input, level, `t${index}/j${t.next}/n${nestCount++}`, {
          program: choice,
          at: status === Status.CallEntry ? 'entry' : 'exit',
          fn,
          level,
        });
        break;
      }
      default: {
        const unreachable: never = status;
        throw new Error(`unhandled status ${String(unreachable)}`);
      }
    }
  }
  return { invocations, slices };
}
