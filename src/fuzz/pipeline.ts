/**
 * The per-case pipeline (DESIGN.md, "The one flow"): case i = generate(run seed, i) → model engines → the
 * live kernel (when asked) → the runtime → the oracles → findings. A pure function of (run seed, index,
 * settings) but for the kernel, which the caller passes in as a port; it returns plain data.
 */
import type { Program } from '../bpf/program.js';
import { programFeatures } from '../bpf/features.js';
import type { EngineResult, KernelResult } from '../engines/contract.js';
import { modelEngine } from '../engines/index.js';
import { generateCase, GENERATOR_VERSION } from '../../generators/index.js';
import type { Finding } from '../../oracles/finding.js';
import { judge } from '../../oracles/index.js';
import type { CaseOrigin, KernelObservation, Observation } from '../../oracles/observation.js';
import { askModels, kernelNoRun, observe, type ModelStage } from './observe.js';
import type { CaseRef } from './sequence.js';
import type { CampaignSettings } from './settings.js';
import { projectVerdict } from '../engines/projection.js';
import { replayExpectations, type CorpusExpectations } from './replayed.js';
import type { ReplayedCase } from '../../oracles/observation.js';

/** The live kernel as the pipeline sees it: a release and one call per program. */
export interface KernelPort {
  readonly release: string;
  check(program: Program, noRun: string | null): Promise<KernelResult>;
}

/** What the pipeline needs from outside: the kernel (or why not), the corpus to mutate, a clock. */
export interface PipelineDeps {
  readonly kernel: KernelPort | { readonly unavailable: string };
  /** Committed corpus programs, the mutation strategy's seeds. */
  readonly corpus: readonly Program[];
  /** Committed corpus programs replayed as they are (`corpus` cases, by index); empty: none. */
  readonly replay?: readonly Program[];
  /**
   * Each replayed program's recorded expectations (same index as `replay`): checked again, a mismatch is a
   * `regression` finding (replayed.ts). Absent: not checked.
   */
  readonly expectations?: readonly CorpusExpectations[];
  /** Milliseconds, for the time share of each stage (reports only; never feeds a decision). */
  readonly clock: () => number;
  /**
   * Told which part of the pipeline the case enters (a TIME_KEYS member): the worker shell records it, so
   * a case that hangs or kills its worker is reported with the part it was in.
   */
  readonly enter?: (part: string) => void;
}

/**
 * The parts of one case a report shares the time among, in pipeline order: generation, each model engine
 * asked, with `--join` each one that supports join mode asked again (`NAME+join`), the kernel, the
 * runtime, the oracles.
 */
export function timeKeys(settings: CampaignSettings): string[] {
  const joined = settings.join
    ? settings.models.filter((name) => modelEngine(name).join === null).map((name) => `${name}+join`)
    : [];
  return ['generate', ...settings.models, ...joined, 'kernel', 'runtime', 'oracles'];
}

/** One case, as the campaign keeps it: small, plain data (the program only when something was found). */
export interface CaseRecord {
  readonly origin: CaseOrigin;
  readonly features: readonly string[];
  /** Per engine: `accepted`, the rejection class, `not-applicable`, `fault`, or `skipped`. */
  readonly verdicts: Readonly<Record<string, string>>;
  readonly findings: readonly Finding[];
  /** The program, when there are findings (to write their case files). */
  readonly program: Program | null;
  /** Milliseconds per part (timeKeys). */
  readonly times: Readonly<Record<string, number>>;
}

/** One word for the class mix of reports: `accepted`, the rejection class, `not-applicable` or `fault`. */
function verdictLabel(r: EngineResult): string {
  const v = projectVerdict(r);
  return v.status === 'rejected' ? (v.class ?? 'rejected') : v.status;
}

async function askKernel(
  deps: Pick<PipelineDeps, 'kernel'>,
  settings: CampaignSettings,
  program: Program,
  noRun: string | null,
): Promise<KernelObservation> {
  if (!settings.kernel) return { asked: false, reason: 'not asked (--engines)' };
  if ('unavailable' in deps.kernel) return { asked: false, reason: deps.kernel.unavailable };
  return { asked: true, release: deps.kernel.release, result: await deps.kernel.check(program, noRun) };
}

/** The program of a case and where it came from: generated from (run seed, index), or replayed. */
export function caseProgram(
  ref: CaseRef,
  settings: CampaignSettings,
  deps: Pick<PipelineDeps, 'corpus' | 'replay'>,
): { readonly program: Program; readonly origin: CaseOrigin } {
  let program: Program;
  let origin: CaseOrigin;
  if (ref.kind === 'corpus') {
    const replayed = deps.replay?.[ref.index];
    if (replayed === undefined) throw new Error(`corpus case ${ref.index} is not in the replay list`);
    program = replayed;
    origin = {
      runSeed: settings.runSeed,
      index: ref.index,
      strategy: 'corpus',
      generator: GENERATOR_VERSION,
      beyond: false,
    };
  } else {
    ({ program, origin } = generateCase(settings.runSeed, ref.index, {
      profile: settings.profile,
      beyond: settings.beyond,
      corpus: deps.corpus,
    }));
  }
  // A corpus program (replayed or mutated) keeps its own `.profile`: the campaign's is the one every engine
  // and the runtime judge it under, so the program carries it.
  return {
    program: program.profile === settings.profile ? program : { ...program, profile: settings.profile },
    origin,
  };
}

/** What the pipeline made of one program: every engine's answer, the runs, the findings, the time per part. */
export interface Judged {
  readonly stage: ModelStage;
  readonly kernel: KernelObservation;
  readonly observation: Observation;
  readonly findings: Finding[];
  /** Milliseconds per part (timeKeys but `generate`). */
  readonly times: Readonly<Record<string, number>>;
}

/**
 * One program through the pipeline's stages after generation: the model engines, the kernel (when asked and
 * available), the runtime, the oracles. runCase judges each case with it; the minimizer's predicate
 * (finding-predicate.ts) judges each candidate with it.
 */
export async function judgeProgram(
  program: Program,
  origin: CaseOrigin,
  settings: CampaignSettings,
  deps: Pick<PipelineDeps, 'kernel' | 'clock' | 'enter'>,
  replayed: ReplayedCase | null = null,
): Promise<Judged> {
  const enter = deps.enter ?? (() => {});
  const stage = askModels(program, settings, deps.clock, enter);
  const t2 = deps.clock();
  enter('kernel');
  const kernel = await askKernel(deps, settings, program, kernelNoRun(stage));
  const t3 = deps.clock();
  enter('runtime');
  const observation: Observation = { ...observe(program, origin, settings, stage, kernel), replayed };
  const t4 = deps.clock();
  enter('oracles');
  const findings = judge(observation);
  const t5 = deps.clock();
  return {
    stage,
    kernel,
    observation,
    findings,
    times: { ...stage.times, kernel: t3 - t2, runtime: t4 - t3, oracles: t5 - t4 },
  };
}

export async function runCase(
  ref: CaseRef,
  settings: CampaignSettings,
  deps: PipelineDeps,
): Promise<CaseRecord> {
  const enter = deps.enter ?? (() => {});
  enter('generate');
  const t0 = deps.clock();
  const { program, origin } = caseProgram(ref, settings, deps);
  const recorded = ref.kind === 'corpus' ? deps.expectations?.[ref.index] : undefined;
  // The recorded expectations are replay's (the program as committed, with its own profile), checked before
  // the case is judged; their time counts as the case's generation.
  const replayed =
    recorded === undefined || recorded.expectations.length === 0
      ? null
      : await replayExpectations(deps.replay![ref.index]!, recorded, settings, deps.kernel);
  const t1 = deps.clock();
  const { stage, kernel, findings, times } = await judgeProgram(program, origin, settings, deps, replayed);
  const verdicts: Record<string, string> = {};
  if (settings.kernel)
    verdicts.kernel = kernel.asked ? verdictLabel({ engine: 'kernel', result: kernel.result }) : 'skipped';
  for (const m of stage.models) verdicts[m.engine] = verdictLabel({ engine: m.engine, result: m });
  for (const m of stage.joined) verdicts[`${m.engine}+join`] = verdictLabel({ engine: m.engine, result: m });
  return {
    origin,
    features: [...programFeatures(program)],
    verdicts,
    findings,
    program: findings.length > 0 ? program : null,
    times: { generate: t1 - t0, ...times },
  };
}
