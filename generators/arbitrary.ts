/**
 * The fast-check arbitrary: programs of the fragment, seeded by fast-check and shrinkable. A value is
 * built from a choice stream (choices.ts); its context is the stream it read, and shrinking edits the
 * stream (cut it short, zero a block, halve a choice), which always rebuilds a valid program, and a
 * shorter or smaller stream builds a smaller one.
 */
import fc from 'fast-check';
import type { Program } from '../src/bpf/program.js';
import { programFromChoices, type GenerateOptions } from './case.js';
import { replayedChoices, seededChoices, type Choices } from './choices.js';
import type { ProgramPlan } from './plan.js';

export interface GeneratedProgram {
  readonly program: Program;
  readonly plan: ProgramPlan;
}

class ProgramArbitrary extends fc.Arbitrary<GeneratedProgram> {
  constructor(private readonly options: GenerateOptions) {
    super();
  }

  private make(choices: Choices): fc.Value<GeneratedProgram> {
    const { plan, program } = programFromChoices(choices, this.options);
    // Past its end a stream reads as zeros: trailing zeros are the same stream, and keeping them would
    // let a cut that changes nothing count as a shrink forever.
    const taken = choices.taken;
    let end = taken.length;
    while (end > 0 && taken[end - 1] === 0) end--;
    return new fc.Value({ program, plan }, taken.slice(0, end));
  }

  generate(mrng: fc.Random): fc.Value<GeneratedProgram> {
    return this.make(seededChoices(String(mrng.nextInt(-0x80000000, 0x7fffffff))));
  }

  // Shrinking needs the choice stream a value was built from (its context).
  canShrinkWithoutContext(value: unknown): value is GeneratedProgram {
    return value === null && value !== null;
  }

  shrink(_value: GeneratedProgram, context: unknown): fc.Stream<fc.Value<GeneratedProgram>> {
    if (!Array.isArray(context)) return fc.Stream.nil();
    const stream = context as number[];
    return new fc.Stream(candidates(stream)).map((c) => this.make(replayedChoices(c)));
  }
}

/** Smaller streams, the biggest cuts first. */
function* candidates(s: readonly number[]): Generator<number[]> {
  const n = s.length;
  for (let keep = 0; keep < n; keep = keep === 0 ? 1 : keep * 2) if (keep < n) yield s.slice(0, keep);
  for (let size = Math.max(1, n >> 1); size >= 1; size >>= 1)
    for (let at = 0; at + size <= n; at += size) {
      if (s.slice(at, at + size).every((c) => c === 0)) continue;
      const out = s.slice();
      out.fill(0, at, at + size);
      yield out;
    }
  // Then each choice made small (a choice of 0 was tried by the one-wide blocks above).
  for (let i = 0; i < n; i++) {
    if (s[i]! <= 1) continue;
    const out = s.slice();
    out[i] = s[i]! >>> 24;
    if (out[i] === s[i]) continue;
    yield out;
  }
}

/** Programs of the fragment (with `options` as generateCase takes them), shrinkable. */
export function programArbitrary(options: GenerateOptions = {}): fc.Arbitrary<GeneratedProgram> {
  return new ProgramArbitrary(options);
}
