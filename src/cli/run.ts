/**
 * `throwfuzz run FILE`: run a program on its inputs with the runtime (SPEC §6) and print the outcomes. Text
 * output is for reading (short ctx, at most EVENTS_SHOWN events); `--json` has everything.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { fromHex } from '../bpf/codec.js';
import { inputBuffers, type Program } from '../bpf/program.js';
import type { RunOutcome } from '../bpf/result.js';
import {
  DEFAULT_FUEL,
  jobOutcomes,
  MODES,
  runProgram,
  runSchedule,
  SLOT_MODELS,
  type Mode,
  type RunOptions,
  type SlotModel,
} from '../runtime/index.js';
import type { CliContext } from './context.js';
import { UsageError } from './io.js';
import { capped, finalHex, shortHex } from './hex-text.js';
import { readProgram } from './program-file.js';

interface RunCliOptions {
  mode: Mode;
  slots: SlotModel;
  cpus: number;
  scheduleSeed: string;
  seed: string;
  fuel: number;
  nullCreate: number[];
  input: string[];
  json?: boolean;
}

const MAX_CPUS = 4;

function positiveInt(what: string, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1 || n > max) {
      throw new InvalidArgumentError(`${what} must be an integer from 1 to ${max}`);
    }
    return n;
  };
}

const U64_MAX = (1n << 64n) - 1n;

/** A seed is an unsigned 64-bit decimal; `007` and `7` are the same seed. */
function seedOption(what: string) {
  return (value: string): string => {
    if (!/^\d+$/.test(value) || BigInt(value) > U64_MAX)
      throw new InvalidArgumentError(`${what} must be an unsigned integer (0 to ${U64_MAX})`);
    return BigInt(value).toString();
  };
}

function ordinals(value: string): number[] {
  return value.split(',').map((part) => positiveInt('--null-create ordinal')(part.trim()));
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--input ctx=HEX`, checked against the program's ctx size. */
function parseInput(text: string, program: Program): Uint8Array {
  const m = /^ctx=(.*)$/.exec(text);
  if (!m) throw new UsageError(`--input ${text}: expected ctx=HEX`);
  let bytes: Uint8Array;
  try {
    bytes = fromHex(m[1]!);
  } catch (e) {
    throw new UsageError(`--input ${text}: ${(e as Error).message}`);
  }
  if (bytes.length !== program.ctxSize) {
    throw new UsageError(`--input has ${bytes.length} bytes, but the ctx is ${program.ctxSize} bytes`);
  }
  return bytes;
}

/**
 * With several CPUs, input i runs on CPU 0 while CPU k runs input i+k (mod the number of inputs), all
 * interleaved by the schedule seed; the outcome reported is CPU 0's. Its prandom stream is the one a
 * single-CPU run would use, so the other CPUs are the only difference.
 */
function runOnCpus(program: Program, inputs: Uint8Array[], o: RunCliOptions): RunOutcome[] {
  return inputs.map((_, i) => {
    const result = runSchedule({
      threads: Array.from({ length: o.cpus }, (_, k) => ({
        cpu: k,
        task: k,
        jobs: [
          {
            kind: 'invoke' as const,
            program,
            input: inputs[(i + k) % inputs.length]!,
            ...(k === 0 ? { stream: `input${i}` } : {}),
          },
        ],
      })),
      mode: o.mode,
      slots: o.slots,
      seed: `${o.scheduleSeed}/input${i}`,
      streamSeed: o.seed,
      fuel: o.fuel,
      nullCreates: o.nullCreate,
    });
    return jobOutcomes(result, 0)[0]!;
  });
}

/** Text output shows this many events, then how many more there are (`--json` has them all). */
export const EVENTS_SHOWN = 100;

function describeOutcome(o: RunOutcome, index: number): string {
  const lines = [`input ${index}: ctx=${shortHex(o.input)}`];
  const throwNote =
    o.thrown === true
      ? ` (thrown, cookie ${o.cookie ?? '?'}, unwound ${(o.unwound ?? []).join(' <- ')})`
      : '';
  lines.push(`  retval  ${o.retval ?? '-'}${throwNote}`);
  lines.push(`  ctx     ${finalHex(o.input, o.ctx)}`);
  if (o.events.length > 0) lines.push(`  events  ${capped(o.events, EVENTS_SHOWN, 'events').join('; ')}`);
  const held: string[] = capped(
    o.held.refs.map((r) => `ref#${r}`),
    EVENTS_SHOWN,
    'references',
  );
  if (o.held.rcu > 0) held.push(`rcu x${o.held.rcu}`);
  if (o.held.preempt > 0) held.push(`preempt x${o.held.preempt}`);
  if (held.length > 0) lines.push(`  held    ${held.join(', ')}`);
  lines.push(`  slot    ${o.slotAfter.thrown ? `thrown, cookie ${o.slotAfter.cookie}` : 'clear'}`);
  if (o.fault) lines.push(`  fault   ${o.fault.kind} at pc ${o.fault.pc}: ${o.fault.message}`);
  if (o.indeterminate) lines.push('  note    read stack it never wrote: retval and ctx are indeterminate');
  return lines.join('\n');
}

export function registerRun(cli: Command, ctx: CliContext): void {
  cli
    .command('run')
    .description('run a program on its inputs with the runtime and print the outcomes')
    .argument('<file>', 'program file (.s)')
    .addOption(new Option('--mode <mode>', 'how bpf_throw behaves').choices(MODES).default('reference'))
    .addOption(new Option('--slots <model>', 'exception slot model').choices(SLOT_MODELS).default('task-ctx'))
    .option(
      '--cpus <n>',
      `simulated CPUs running the program at once (1-${MAX_CPUS})`,
      positiveInt('--cpus', MAX_CPUS),
      1,
    )
    .option(
      '--schedule-seed <seed>',
      'seed of the interleaving (an unsigned integer)',
      seedOption('--schedule-seed'),
      '0',
    )
    .option(
      '--seed <seed>',
      'seed of bpf_get_prandom_u32 and bpf_ktime_get_ns (an unsigned integer)',
      seedOption('--seed'),
      '0',
    )
    .option(
      '--fuel <n>',
      'instructions per invocation before a fuel-exhausted fault',
      positiveInt('--fuel'),
      DEFAULT_FUEL,
    )
    .option('--null-create <n,...>', 'which bpf_cpumask_create calls (1-based) return NULL', ordinals, [])
    .option('--input <ctx=HEX>', "input to run instead of the file's .input lines (repeatable)", collect, [])
    .option('--json', 'print { file, mode, outcomes } as JSON')
    .action(async (file: string, o: RunCliOptions) => {
      const { program } = await readProgram(ctx.io, file);
      const inputs =
        o.input.length > 0 ? o.input.map((text) => parseInput(text, program)) : inputBuffers(program);
      const options: Partial<RunOptions> = {
        mode: o.mode,
        slots: o.slots,
        seed: o.seed,
        fuel: o.fuel,
        nullCreates: o.nullCreate,
      };
      const outcomes = o.cpus === 1 ? runProgram(program, options, inputs) : runOnCpus(program, inputs, o);
      if (o.json) ctx.io.stdout(`${JSON.stringify({ file, mode: o.mode, outcomes }, null, 2)}\n`);
      else ctx.io.stdout(`${outcomes.map(describeOutcome).join('\n')}\n`);
    });
}
