/**
 * The minimizer's predicate for a campaign finding: does this program, judged by the same pipeline stages
 * as the case it came from (judgeProgram: the model engines, the kernel, the runtime, the oracles) under the
 * same settings and origin (the runtime's streams are seeded from it), still give a finding with the target
 * signature? The kernel is whatever port the caller passes (the live one, a stand-in in tests, or none); a
 * live one goes through `safeKernel` first.
 */
import type { Program } from '../bpf/program.js';
import type { Provenance } from '../corpus/case.js';
import { GENERATOR_VERSION, kernelUnsafe } from '../../generators/index.js';
import type { CaseOrigin } from '../../oracles/observation.js';
import { judgeProgram, type KernelPort, type PipelineDeps } from './pipeline.js';
import type { CampaignSettings } from './settings.js';

export type FindingPredicate = (program: Program) => Promise<boolean>;

/**
 * The live kernel port for a reducer: a candidate that may trip a known kernel WARN (the generators'
 * kernelUnsafe: both defects this project found) is answered `not-applicable` without being loaded. A
 * reducer makes such programs on its own (a `bpf_loop` count shrunk toward 0), so every port it is given
 * that reaches the real kernel is wrapped (the campaign's workers, `throwfuzz minimize`).
 */
export function safeKernel(kernel: PipelineDeps['kernel']): PipelineDeps['kernel'] {
  if ('unavailable' in kernel) return kernel;
  const port: KernelPort = {
    release: kernel.release,
    check: (program, noRun) => {
      const unsafe = kernelUnsafe(program);
      if (unsafe !== null)
        return Promise.resolve({
          status: 'not-applicable',
          reason: `not loaded: ${unsafe} (a known kernel WARN)`,
        });
      return kernel.check(program, noRun);
    },
  };
  return port;
}

/** The signatures of the findings the pipeline gives for a program (in oracle order). */
export async function signaturesOf(
  program: Program,
  origin: CaseOrigin,
  settings: CampaignSettings,
  deps: Pick<PipelineDeps, 'kernel' | 'clock'>,
): Promise<string[]> {
  // The campaign judges a program under its profile, and the program carries it (caseProgram).
  const judged = program.profile === settings.profile ? program : { ...program, profile: settings.profile };
  const { findings } = await judgeProgram(judged, origin, settings, deps);
  return findings.map((f) => f.signature);
}

export function findingPredicate(
  signature: string,
  origin: CaseOrigin,
  settings: CampaignSettings,
  deps: Pick<PipelineDeps, 'kernel' | 'clock'>,
): FindingPredicate {
  return async (program) => (await signaturesOf(program, origin, settings, deps)).includes(signature);
}

const STRATEGIES: readonly CaseOrigin['strategy'][] = ['generate', 'mutate', 'corpus'];

/**
 * The origin a case file's provenance records (finding-case.ts writes `STRATEGY` or `STRATEGY+beyond`); a
 * case without one is a corpus case of run seed 0, index 0 (the runtime's streams are seeded from these).
 */
export function originOfProvenance(p: Provenance | null): CaseOrigin {
  if (p === null)
    return { runSeed: '0', index: 0, strategy: 'corpus', generator: GENERATOR_VERSION, beyond: false };
  const beyond = p.strategy.endsWith('+beyond');
  const name = beyond ? p.strategy.slice(0, -'+beyond'.length) : p.strategy;
  const strategy = STRATEGIES.find((s) => s === name) ?? 'corpus';
  return { runSeed: p.runSeed, index: p.index, strategy, generator: p.generator, beyond };
}
