/**
 * Running one program on its inputs, one invocation at a time on an otherwise idle machine: the fast path
 * the oracles use. Concurrency and nesting are in scheduler.ts.
 */
import { inputBuffers, type Program } from '../bpf/program.js';
import type { RunOutcome } from '../bpf/result.js';
import { compileProgram } from './compile.js';
import { run } from './interpreter.js';
import { Machine, Status, type Mode } from './machine.js';
import { outcomeOf } from './outcome.js';
import { ExceptionSlot, type SlotModel } from './slots.js';
import { deriveSeed, type Seed } from './stream.js';

export interface RunOptions {
  readonly mode: Mode;
  /** Only matters when several invocations share a machine (scheduler.ts); alone, every model gives one slot. */
  readonly slots: SlotModel;
  /** Instructions per invocation before `fuel-exhausted`. */
  readonly fuel: number;
  /** Root seed of the prandom/ktime streams. */
  readonly seed: Seed;
  /** 1-based ordinals of the `bpf_cpumask_create` calls (per invocation) that return NULL. */
  readonly nullCreates: readonly number[];
}

export const DEFAULT_FUEL = 10_000_000;

export const DEFAULT_RUN_OPTIONS: RunOptions = {
  mode: 'reference',
  slots: 'task-ctx',
  fuel: DEFAULT_FUEL,
  seed: 0,
  nullCreates: [],
};

/** The inputs a program runs on: its `.input`s, or one all-zero ctx when it has none. */

/**
 * One invocation of `program` on `input`, alone on the machine. `slot` is the exception slot it sees (a
 * fresh, clear one by default); the stream seed is derived from the root seed and the input's position.
 */
export function runOnce(
  program: Program,
  input: Uint8Array,
  options: Partial<RunOptions> = {},
  slot: ExceptionSlot = new ExceptionSlot(),
  streamName = 'input0',
): RunOutcome {
  const o = { ...DEFAULT_RUN_OPTIONS, ...options };
  const m = new Machine(compileProgram(program), input, {
    mode: o.mode,
    fuel: o.fuel,
    seed: deriveSeed(o.seed, streamName),
    nullCreates: new Set(o.nullCreates),
    slot,
    yieldAtCalls: false,
  });
  while (run(m, o.fuel) !== Status.Done) {
    // Without yieldAtCalls a slice ends only when the run does or the fuel (the slice budget) runs out.
  }
  return outcomeOf(m);
}

/** Every input of the program (or the given ones), each in its own invocation. */
export function runProgram(
  program: Program,
  options: Partial<RunOptions> = {},
  inputs: readonly Uint8Array[] = inputBuffers(program),
): RunOutcome[] {
  return inputs.map((input, i) => runOnce(program, input, options, new ExceptionSlot(), `input${i}`));
}
