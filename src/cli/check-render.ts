/**
 * How `throwfuzz check` shows engine results: JSON (one object per engine result, bytes as hex) and
 * human-readable lines. One exhaustive switch per format over the registry's `EngineResult`.
 */
import type { KernelOutcome } from '../bpf/result.js';
import type { EngineResult } from '../engines/index.js';
import type { ExecutorFault, KernelClass, KernelResult } from '../engines/kernel/index.js';
import { modelJson, modelText, type ModelJson } from './check-render-model.js';

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

const noVerdict = { accepted: null, class: null, message: null, insnsProcessed: null, outcomes: [] } as const;

export function faultText(fault: ExecutorFault): string {
  switch (fault.kind) {
    case 'timeout':
      return `executor timed out after ${fault.ms} ms on ${fault.op}`;
    case 'crash':
      return `executor died during ${fault.op} (${fault.signal ?? `exit code ${String(fault.exitCode)}`})${fault.stderr ? `: ${fault.stderr}` : ''}`;
    case 'protocol':
      return `executor protocol error during ${fault.op}: ${fault.detail}`;
    case 'spawn':
      return `cannot start the executor: ${fault.detail}`;
    default: {
      const never: never = fault;
      return String(never);
    }
  }
}

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
  switch (r.engine) {
    case 'kernel':
      return kernelJson(r.result);
    case 'path-explorer':
      return modelJson(r.result);
    default: {
      const never: never = r;
      return never;
    }
  }
}

export function skippedJson(reason: string): EngineJson {
  return { status: 'skipped', ...noVerdict, reason };
}

function outcomeLines(outcomes: readonly KernelOutcome[]): string[] {
  return outcomes.map((o) => `  input ${o.input}: retval ${o.retval}, ctx ${o.ctx}`);
}

function kernelText(result: KernelResult): string[] {
  switch (result.status) {
    case 'accepted': {
      const head = `accepted (${result.insnsProcessed} insns processed)`;
      const run = result.run;
      switch (run.status) {
        case 'ran':
          return [head, ...outcomeLines(run.outcomes)];
        case 'declined':
          return [head, `  not run: ${run.reason}`];
        case 'failed':
          return [
            head,
            ...outcomeLines(run.outcomes),
            `  input ${run.input}: test-run failed with ${run.errno}`,
          ];
        default: {
          const never: never = run;
          return never;
        }
      }
    }
    case 'rejected': {
      const count = result.insnsProcessed === null ? '' : `, ${result.insnsProcessed} insns processed`;
      return [
        `rejected (${result.class}, ${result.errno}${count})`,
        `  message: ${result.message}`,
        '  log tail:',
        ...result.logTail.map((l) => `    | ${l}`),
      ];
    }
    case 'fault':
      return [`executor fault during ${result.stage}: ${faultText(result.fault)}`];
    case 'error':
      return [`error during ${result.stage}: ${result.detail}`];
    case 'not-applicable':
      return [`not applicable: ${result.reason}`];
    default: {
      const never: never = result;
      return never;
    }
  }
}

/** Lines for one engine's result, the first prefixed by the engine's name. */
export function engineText(r: EngineResult): string[] {
  let lines: string[];
  switch (r.engine) {
    case 'kernel':
      lines = kernelText(r.result);
      break;
    case 'path-explorer':
      lines = modelText(r.result);
      break;
    default: {
      const never: never = r;
      return never;
    }
  }
  const [first = '', ...rest] = lines;
  return [`${r.engine}: ${first}`, ...rest];
}
