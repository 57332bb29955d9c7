/** One seed rules everything: the same seed gives the same outcome, for single runs and schedules. */
import { inputBuffers } from '../../src/bpf/program.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/bpf/text/parse.js';
import type { Mode } from '../../src/runtime/machine.js';
import { runOnce, runProgram } from '../../src/runtime/run.js';
import { jobOutcomes, runSchedule, type ScheduleSpec } from '../../src/runtime/scheduler.js';
import { SLOT_MODELS } from '../../src/runtime/slots.js';
import { loadRuntimeProgram } from './corpus.js';

/** Draws from the stream, acquires depending on it, loops, throws on some draws. */
const noisy = parseProgram(
  `.ctx 8
  .input ctx=0000000000000000
  .input ctx=0300000000000000
  r6 = r1
  call bpf_get_prandom_u32
  r7 = r0
  call bpf_ktime_get_ns
  r7 ^= r0
  r1 = *(u8 *)(r6 +0)
  r1 += 2
  r2 = cb ll
  r3 = r6
  r4 = 0
  call bpf_loop
  r1 = r7
  r1 &= 3
  if r1 != 0x0 goto done
  r1 = r7
  call bpf_throw
  done:
  r0 = r7
  exit
  .func cb static args=2
  call bpf_get_prandom_u32
  *(u32 *)(r2 +4) = r0
  r0 &= 7
  if r0 == 0x0 goto stop
  r0 = 0
  exit
  stop:
  r0 = 1
  exit`,
  'noisy.s',
);

describe('determinism', () => {
  it('runProgram: same seed, same outcomes', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom<Mode>('reference', 'instrumented'), (seed, mode) => {
        expect(runProgram(noisy, { seed, mode })).toEqual(runProgram(noisy, { seed, mode }));
      }),
      { numRuns: 200 },
    );
  });

  it('a different seed changes what the stream gives', () => {
    expect(runProgram(noisy, { seed: 1 })[0]!.events).not.toEqual(runProgram(noisy, { seed: 2 })[0]!.events);
  });

  it('runSchedule: same spec and seed, same result, with interleaving and nesting', () => {
    const rewrite = loadRuntimeProgram('ref-transfer.rewrite');
    const tracer = loadRuntimeProgram('tracer');
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(...SLOT_MODELS),
        fc.integer({ min: 2, max: 4 }),
        (seed, slots, cpus) => {
          const spec: ScheduleSpec = {
            threads: Array.from({ length: cpus }, (_, t) => ({
              cpu: t,
              task: t,
              jobs: [
                {
                  kind: 'invoke' as const,
                  program: t % 2 === 0 ? noisy : rewrite,
                  input: inputBuffers(t % 2 === 0 ? noisy : rewrite)[t % 2]!,
                },
              ],
            })),
            mode: 'instrumented',
            slots,
            seed,
            nest: {
              programs: [{ program: tracer, input: new Uint8Array(tracer.ctxSize) }],
              probability: 0.5,
            },
          };
          expect(runSchedule(spec)).toEqual(runSchedule(spec));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a schedule of one thread without nesting is a plain run', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(1), (seed, i) => {
        const input = inputBuffers(noisy)[i]!;
        const result = runSchedule({
          threads: [{ cpu: 0, task: 0, jobs: [{ kind: 'invoke', program: noisy, input, stream: 's' }] }],
          mode: 'reference',
          slots: 'task-ctx',
          seed,
          streamSeed: 'root',
        });
        expect(jobOutcomes(result, 0)).toEqual([runOnce(noisy, input, { seed: 'root' }, undefined, 's')]);
      }),
      { numRuns: 100 },
    );
  });
});
