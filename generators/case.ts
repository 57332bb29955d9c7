/**
 * The campaign's entry point: case i of a run, as a pure function of (run seed, index, options).
 */
import type { Profile } from '../src/bpf/profile.js';
import type { Program } from '../src/bpf/program.js';
import { beyondEdit } from './beyond.js';
import { buildPlan } from './build.js';
import { Decide, seededChoices, type Choices } from './choices.js';
import { planFeatures, type Features } from './features.js';
import { buildInputs, lowerPlan } from './lower.js';
import { mutateProgram } from './mutate.js';
import type { Fault, ProgramPlan } from './plan.js';
import { GENERATOR_VERSION } from './version.js';
import seedrandom from 'seedrandom';

export interface GenerateOptions {
  /** The profile programs are built for (default mainline, the one the live kernel is checked on). */
  readonly profile?: Profile;
  /**
   * Leave out what trips known kernel WARNs on Linux 6.18 (default true): `bpf_loop` with a known count of
   * 0 outside main, a pointer as `bpf_loop`'s count, `if rX op rX`, and any callback address the verifier
   * would never reach. `beyond` cases include them only when this is false.
   */
  readonly kernelSafe?: boolean;
  /** Share (0..1) of cases that step just outside the fragment on purpose (default 0). */
  readonly beyond?: number;
  /** Parsed corpus programs the `mutate` strategy edits (default none: every case is generated). */
  readonly corpus?: readonly Program[];
  /** Share (0..1) of cases mutated from the corpus when a corpus is given (default 0.2). */
  readonly mutateShare?: number;
  /** Share (0..1) of generated plans built around a rejection (default tuned for 50-70% accepted). */
  readonly faultShare?: number;
}

/** The same shape as oracles/observation.ts CaseOrigin (a test checks they stay assignable). */
export interface GeneratedOrigin {
  readonly runSeed: string;
  readonly index: number;
  readonly strategy: 'generate' | 'mutate';
  readonly generator: string;
  readonly beyond: boolean;
}

export interface GeneratedCase {
  readonly program: Program;
  readonly origin: GeneratedOrigin;
  /** What the case contains (plan features, or the mutation made), for stats and signatures. */
  readonly features: Features;
  /** The rejection the plan was built around, null when built to be accepted (or mutated). */
  readonly fault: Fault | null;
  /** The beyond edit made, when the case is a beyond case. */
  readonly beyondEdit: string | null;
}

export const DEFAULT_FAULT_SHARE = 0.4;

/** The per-case seed: seedrandom's alea over (run seed, index). */
export function caseSeed(runSeed: string, index: number): string {
  return String(seedrandom.alea(`${runSeed}/${index}`).int32());
}

/** A plan and its program from a choice stream (what generateCase and the arbitrary share). */
export function programFromChoices(
  choices: Choices,
  options: GenerateOptions = {},
): { plan: ProgramPlan; program: Program } {
  const d = new Decide(choices);
  const plan = buildPlan(d, {
    profile: options.profile ?? 'mainline',
    kernelSafe: options.kernelSafe ?? true,
    faultShare: options.faultShare ?? DEFAULT_FAULT_SHARE,
  });
  const inputs = buildInputs(plan, (n) => d.int(n), d.range(1, 4));
  return { plan, program: lowerPlan(plan, inputs) };
}

/** Case `index` of run `runSeed`: same arguments, same case (no clock, no global randomness). */
export function generateCase(runSeed: string, index: number, options: GenerateOptions = {}): GeneratedCase {
  const choices = seededChoices(caseSeed(runSeed, index));
  const d = new Decide(choices);
  const corpus = options.corpus ?? [];
  const mutate = corpus.length > 0 && d.chance(options.mutateShare ?? 0.2);
  const beyond = d.chance(options.beyond ?? 0);
  const kernelSafe = options.kernelSafe ?? true;
  let program: Program;
  let features: Features;
  let fault: Fault | null = null;
  let strategy: GeneratedOrigin['strategy'] = 'generate';
  let mutated: ReturnType<typeof mutateProgram> = null;
  // An edit that finds no place (or would leave the fragment) is tried again on another pick.
  for (let attempt = 0; mutate && mutated === null && attempt < 4; attempt++)
    mutated = mutateProgram(d, d.pick(corpus), kernelSafe);
  if (mutated !== null) {
    program = mutated.program;
    features = { [`mutate:${mutated.edit}`]: 1 };
    strategy = 'mutate';
  } else {
    const built = programFromChoices(choices, options);
    program = built.program;
    features = planFeatures(built.plan);
    fault = built.plan.fault;
  }
  let edit: string | null = null;
  if (beyond) {
    const b = beyondEdit(d, program, kernelSafe);
    program = b.program;
    edit = b.edit;
    features = { ...features, [`beyond:${b.edit}`]: 1 };
  }
  return {
    program,
    origin: { runSeed, index, strategy, generator: GENERATOR_VERSION, beyond },
    features,
    fault,
    beyondEdit: edit,
  };
}
