/**
 * Replay, asking the engines: each check of a case (replay.ts) answered by its engine and compared. The
 * model engines and the runtime are pure and called here; the live kernel is a port the caller opens (the
 * CLI, a test), so this file touches nothing outside.
 */
import type { Program } from '../bpf/program.js';
import type { KernelResult, ModelAnswer } from '../engines/contract.js';
import { modelEngine } from '../engines/index.js';
import { project, projectVerdict } from '../engines/projection.js';
import { runProgram } from '../runtime/run.js';
import type { Case } from './case.js';
import {
  compareKernel,
  compareModel,
  compareRuntime,
  replayChecks,
  type CheckResult,
  type ExtraQuirks,
  type ReplayEngine,
} from './replay.js';

/**
 * The live kernel as replay asks it: its release and a check through the kernel engine's own safety check
 * (`checkWithKernel`: a program that would throw holding a resource is loaded, never test-run).
 */
export interface ReplayKernel {
  readonly release: string;
  check(program: Program): Promise<KernelResult>;
}

export interface ReplaySettings {
  /** The engines asked; `kernel` only when `kernel` below is not null. */
  readonly engines: readonly ReplayEngine[];
  readonly quirks?: ExtraQuirks;
  readonly kernel: ReplayKernel | null;
}

/** Every check of one case, answered and compared, in replayChecks' order. */
export async function replayCase(c: Case, s: ReplaySettings): Promise<CheckResult[]> {
  const engines = s.kernel === null ? s.engines.filter((e) => e !== 'kernel') : s.engines;
  const checks = replayChecks(c, engines, s.quirks);
  // One answer per engine, profile and quirks: a kernel expectation and a model one may ask the same.
  const answers = new Map<string, ModelAnswer>();
  const out: CheckResult[] = [];
  for (const check of checks) {
    switch (check.kind) {
      case 'kernel':
        out.push(compareKernel(check.expect, project({ engine: 'kernel', result: await s.kernel!.check(c.program) }), s.kernel!.release));
        break;
      case 'model': {
        const key = `${check.engine}@${check.options.profile}+${check.options.quirks.join('+')}`;
        let answer = answers.get(key);
        if (answer === undefined) {
          answer = modelEngine(check.engine).verify(c.program, check.options);
          answers.set(key, answer);
        }
        const verdict = projectVerdict({ engine: check.engine, result: answer });
        out.push(compareModel(check, verdict, answer.result.facts?.throwsException ?? null));
        break;
      }
      case 'runtime':
        out.push(compareRuntime(check.expect, runProgram(c.program, { mode: 'reference' })));
        break;
      default: {
        const never: never = check;
        return never;
      }
    }
  }
  return out;
}
