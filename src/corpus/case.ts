/**
 * A case: one program with everything needed to judge it again. The program (its `.input`s are the case's
 * inputs, its `.profile` its default profile), where it came from (provenance), the options it was judged
 * under, what each engine said under each profile (expectations), and a note. Used by the corpus suites
 * today and by findings, the minimizer and replay.
 *
 * On disk a case is a program file (read.ts, write.ts): the case's data are comment lines at its head, one
 * JSON object a line after a keyword, so `throwfuzz check` and `fmt` read it as the program it is and a
 * diff shows what changed:
 *
 *     ; case provenance {"runSeed":"42","index":7,"generator":"throwfuzz-gen@1","strategy":"call-graph"}
 *     ; case options {"profile":"mainline","quirks":{"path-explorer":["seed-global-resources"]}}
 *     ; case expect kernel {"release":"6.18.44","accepted":true,"class":null,"message":null,"outcomes":[...]}
 *     ; case expect path-explorer@mainline {"accepted":false,"class":"ref-leak","message":"..."}
 *     ; case expect path-explorer@mainline+seed-global-resources {"accepted":true,"class":null,"message":null}
 *     ; case note the kernel leaks the reference (seed-global-resources)
 */
import { z } from 'zod';
import { PROFILES, QUIRKS, type Profile, type Quirk } from '../bpf/profile.js';
import type { Program } from '../bpf/program.js';
import { VERDICT_CLASSES, type KernelOutcome, type RejectClass } from '../bpf/result.js';
import type { KernelClass, ModelEngineName } from '../engines/contract.js';
import { MODEL_ENGINES } from '../engines/index.js';

/** Every model engine's name, from the registry: a new engine's cases read without an edit here. */
export const CASE_MODEL_ENGINES: ModelEngineName[] = MODEL_ENGINES.map((e) => e.name);

/** Where a generated case came from: enough to regenerate it with the same generator version. */
export interface Provenance {
  /** The run seed (`throwfuzz fuzz` takes an unsigned integer; `gen` any printable word). */
  readonly runSeed: string;
  /** The case's index in the run. */
  readonly index: number;
  /** Name and version of the generator (seed replay holds only for the same generator code). */
  readonly generator: string;
  /** The generator's strategy (e.g. `call-graph`, `mutate-corpus`). */
  readonly strategy: string;
}

/** What the case was judged under: a profile (overrides `.profile`) and the quirks per model engine. */
export interface CaseOptions {
  readonly profile?: Profile;
  readonly quirks?: { readonly [N in ModelEngineName]?: readonly Quirk[] };
}

/** What the live kernel said, on which release (`uname -r`). Bytes are lowercase hex. */
export interface KernelExpectation {
  readonly engine: 'kernel';
  readonly release: string;
  readonly accepted: boolean;
  readonly class: KernelClass | null;
  readonly message: string | null;
  /** `ran` (the default for accepted programs) or `declined` by the safety check. */
  readonly run?: 'ran' | 'declined';
  /** One test-run per input (none when rejected or declined). */
  readonly outcomes: readonly KernelOutcome[];
}

/** What a model engine said under a profile and quirks. */
/** What model engine N said (one member per engine, so `e.engine === NAME` narrows). */
export interface ModelExpectationOf<N extends ModelEngineName> {
  readonly engine: N;
  readonly profile: Profile;
  readonly quirks: readonly Quirk[];
  readonly accepted: boolean;
  readonly class: RejectClass | null;
  readonly message: string | null;
  /** SPEC §5's throws_exception, when the case pins it. */
  readonly throwsException?: boolean;
}

export type ModelExpectation = { readonly [N in ModelEngineName]: ModelExpectationOf<N> }[ModelEngineName];

export type Expectation = KernelExpectation | ModelExpectation;

export interface Case {
  /** The program, with its inputs (`.input`) and profile; its notes are the file's other comments. */
  readonly program: Program;
  readonly provenance: Provenance | null;
  readonly options: CaseOptions | null;
  /** At most one per engine, profile and quirks; written in this order. */
  readonly expectations: readonly Expectation[];
  /** Free text, one `; case note` line per line of it. */
  readonly note: string | null;
}

/** A case of a program and nothing else. */
export const bareCase = (program: Program): Case => ({
  program,
  provenance: null,
  options: null,
  expectations: [],
  note: null,
});

/** The key of an expectation line: `kernel`, or `ENGINE@PROFILE` with `+QUIRK` for each quirk. */
export function expectationKey(e: Expectation): string {
  if (e.engine === 'kernel') return 'kernel';
  return `${e.engine}@${e.profile}${e.quirks.map((q) => `+${q}`).join('')}`;
}

// ---- schemas of the JSON on each line (strict: an unknown field is a mistake, not a comment) ----

const hex = z.string().regex(/^([0-9a-f]{2})*$/, 'lowercase hex bytes');

export const provenanceSchema = z.strictObject({
  runSeed: z.string().regex(/^[\x21-\x7e]{1,128}$/, 'printable, without spaces, at most 128 characters'),
  index: z.number().int().min(0),
  generator: z.string().min(1),
  strategy: z.string().min(1),
});

export const caseOptionsSchema = z.strictObject({
  profile: z.enum(PROFILES).optional(),
  quirks: z.partialRecord(z.enum(CASE_MODEL_ENGINES), z.array(z.enum(QUIRKS))).optional(),
});

export const kernelOutcomeSchema = z.strictObject({
  input: hex,
  /** The u32 the test-run reports. */
  retval: z.number().int().min(0).max(0xffffffff),
  ctx: hex,
});

/** A verdict is consistent: accepted with no class or message, rejected with both. */
function verdictRule(e: { accepted: boolean; class: string | null; message: string | null }, ctx: z.RefinementCtx) {
  if (e.accepted && (e.class !== null || e.message !== null))
    ctx.addIssue({ code: 'custom', message: 'an accepted program has no class or message' });
  if (!e.accepted && (e.class === null || e.message === null))
    ctx.addIssue({ code: 'custom', message: 'a rejected program has a class and a message' });
}

/** `; case expect kernel {...}` */
export const kernelExpectationSchema = z
  .strictObject({
    release: z.string().min(1),
    accepted: z.boolean(),
    class: z.enum([...VERDICT_CLASSES, 'verifier-bug', 'unclassified']).nullable(),
    message: z.string().nullable(),
    run: z.enum(['ran', 'declined']).optional(),
    outcomes: z.array(kernelOutcomeSchema),
  })
  .superRefine((e, ctx) => {
    verdictRule(e, ctx);
    if (!e.accepted && (e.outcomes.length > 0 || e.run !== undefined))
      ctx.addIssue({ code: 'custom', message: 'a rejected program has no run' });
    if (e.run === 'declined' && e.outcomes.length > 0)
      ctx.addIssue({ code: 'custom', message: 'a declined program has no outcomes' });
  });

/** `; case expect ENGINE@PROFILE[+QUIRK...] {...}` */
export const modelExpectationSchema = z
  .strictObject({
    accepted: z.boolean(),
    class: z.enum(VERDICT_CLASSES.filter((c): c is RejectClass => c !== 'unsupported')).nullable(),
    message: z.string().nullable(),
    throwsException: z.boolean().optional(),
  })
  .superRefine(verdictRule);
