/**
 * How `throwfuzz check` shows one engine's result: JSON (one object per engine result, bytes as hex) and
 * human-readable lines. The kernel, or any model engine in one branch (`EngineResult`).
 */
import type { Program } from '../bpf/program.js';
import type { KernelOutcome } from '../bpf/result.js';
import type { EngineResult } from '../engines/contract.js';
import type { ExecutorFault, KernelClass, KernelResult } from '../engines/kernel/index.js';
import { executorFaultText } from '../engines/projection.js';
import { modelJson, modelText, type ModelJson } from './check-render-model.js';
import { finalHex, shortHex } from './hex-text.js';

/** The kernel engine in `--json` output. `accepted`, `class`, `message` are null when there is no verdict. */
export interface KernelJson {
  readonly status: KernelResult['status'] | 'skipped';
  readonly accepted: boolean | null;
  readonly class: KernelClass | null;
  readonly message: string | null;
  readonly insnsProcessed: number | null;
  readonly outcomes: readonly KernelOutcome[];
  /** For accepted programs: whether the inputs ran (`ran`), or why not. */
  readonly run?: 'ran' | 'declined' | 'failed';
  /** Why it was skipped, declined, not applicable, or what went wrong. */
  readonly reason?: string;
  readonly errno?: string;
  readonly fault?: ExecutorFault;
  readonly logTail?: readonly string[];
}

export type EngineJson = KernelJson | ModelJson;

/** What text output shows beyond the verdict. */
export interface TextOptions {
  /** Model engines: the whole annotated listing and the rewrite (otherwise only the marked instructions). */
  readonly rewrite: boolean;
}

/** Receives output lines one at a time: nothing spreads a listing of a million instructions into a call. */
export type Emit = (line: string) => void;

const noVerdict = { accepted: null, class: null, message: null, insnsProcessed: null, outcomes: [] } as const;

/** One line for an executor fault (the projection's words, src/engines/projection.ts). */
export const faultText = (fault: ExecutorFault): string => executorFaultText(fault);

function kernelJson(result: KernelResult): KernelJson {
  switch (result.status) {
    case 'accepted': {
      const base = {
        status: result.status,
        accepted: true,
        class: null,
        message: null,
        insnsProcessed: result.insnsProcessed,
      };
      const run = result.run;
      switch (run.status) {
        case 'ran':
          return { ...base, outcomes: run.outcomes, run: 'ran' };
        case 'declined':
          return { ...base, outcomes: [], run: 'declined', reason: run.reason };
        case 'failed':
          return {
            ...base,
            outcomes: run.outcomes,
            run: 'failed',
            errno: run.errno,
            reason: `test-run of ${run.input} failed with ${run.errno}`,
          };
        default: {
          const never: never = run;
          return never;
        }
      }
    }
    case 'rejected':
      return {
        status: result.status,
        accepted: false,
        class: result.class,
        message: result.message,
        insnsProcessed: result.insnsProcessed,
        outcomes: [],
        errno: result.errno,
        logTail: result.logTail,
      };
    case 'fault':
      return {
        status: result.status,
        ...noVerdict,
        fault: result.fault,
        reason: `${result.stage}: ${faultText(result.fault)}`,
      };
    case 'error':
      return { status: result.status, ...noVerdict, reason: `${result.stage}: ${result.detail}` };
    case 'not-applicable':
      return { status: result.status, ...noVerdict, reason: result.reason };
    default: {
      const never: never = result;
      return never;
    }
  }
}

export function engineJson(r: EngineResult): EngineJson {
  return r.engine === 'kernel' ? kernelJson(r.result) : modelJson(r.result);
}

export function skippedJson(reason: string): EngineJson {
  return { status: 'skipped', ...noVerdict, reason };
}

function outcomeLines(outcomes: readonly KernelOutcome[], emit: Emit): void {
  for (const o of outcomes)
    emit(`  input ${shortHex(o.input)}: retval ${o.retval}, ctx ${finalHex(o.input, o.ctx)}`);
}

/** The kernel's result; a fault or error is one short line here, its detail goes to stderr (check.ts). */
function kernelText(result: KernelResult, emit: Emit): void {
  switch (result.status) {
    case 'accepted': {
      emit(`accepted (${result.insnsProcessed} insns processed)`);
      const run = result.run;
      switch (run.status) {
        case 'ran':
          outcomeLines(run.outcomes, emit);
          return;
        case 'declined':
          emit(`  not run: ${run.reason}`);
          return;
        case 'failed':
          outcomeLines(run.outcomes, emit);
          emit(`  input ${shortHex(run.input)}: test-run failed with ${run.errno}`);
          return;
        default: {
          const never: never = run;
          return never;
        }
      }
    }
    case 'rejected': {
      const count = result.insnsProcessed === null ? '' : `, ${result.insnsProcessed} insns processed`;
      emit(`rejected (${result.class}, ${result.errno}${count})`);
      emit(`  message: ${result.message}`);
      // E2BIG for an oversized program comes before the verifier: there is no log to show.
      emit(result.logTail.length > 0 ? '  log tail:' : '  log: empty');
      for (const l of result.logTail) emit(`    | ${l}`);
      return;
    }
    case 'fault':
      emit('no answer (executor fault)');
      return;
    case 'error':
      emit('no answer (error)');
      return;
    case 'not-applicable':
      emit(`not applicable: ${result.reason}`);
      return;
    default: {
      const never: never = result;
      return never;
    }
  }
}

/** Lines for one engine's result on `program`, the first prefixed by the engine's name. */
export function engineText(r: EngineResult, program: Program, options: TextOptions, emit: Emit): void {
  let first = true;
  const prefixed: Emit = (line) => {
    emit(first ? `${r.engine}: ${line}` : line);
    first = false;
  };
  if (r.engine === 'kernel') kernelText(r.result, prefixed);
  else modelText(r.result, program, options, prefixed);
}
