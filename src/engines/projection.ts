/**
 * The one projection from any engine's result to what oracles, `check` and the tests compare: plain data,
 * the same fields for the live kernel and every model engine, so a comparison is field by field and never
 * a switch on the engine. Two sizes: `projectVerdict` (cheap: no printing, for the campaign's hot path) and
 * `project` (adds facts, the rewrite as canonical text, and the kernel's test-runs). Pure; imports only
 * src/bpf and the contract, so oracles may build on it (test/architecture.test.ts).
 *
 * Which message to compare (docs/spec.md §4, Reporting): any engine against any other, the kernel included,
 * `idNormalizedMessage`: only reference ids are `N` (`id=N`, `ref_obj_id=N`, `refs=N`), because the kernel
 * draws them from a counter whose value depends on its exploration order and pruning, which an independent
 * algorithm cannot reproduce; every other number (`alloc_insn`, instruction indices, offsets, bounds) must
 * be the same. `sameMessage` is that comparison. `normalizedMessage` (every number `N`) only buckets
 * messages (signatures), it never decides agreement.
 */
import type { Facts, KernelOutcome, RunOutcome } from '../bpf/result.js';
import { printProgram } from '../bpf/text/print.js';
import type {
  EngineName,
  EngineResult,
  ExecutorFault,
  KernelClass,
  KernelResult,
  ModelAnswer,
} from './contract.js';

/**
 * What an engine said, as one word. `accepted` / `rejected` are verdicts; `not-applicable`: the engine does
 * not judge this program (outside a model's fragment, a kind or profile the kernel does not run);
 * `fault`: the engine was asked and could not answer (a model's `internal-error`, an executor fault, a
 * harness error): a finding about the engine, never a verdict.
 */
export type ProjectedStatus = 'accepted' | 'rejected' | 'not-applicable' | 'fault';

/** The verdict part of a projection. Fields that do not apply are null, never absent. */
export interface VerdictProjection {
  readonly engine: EngineName;
  readonly status: ProjectedStatus;
  /** The rejection class (the kernel's may be `verifier-bug` or `unclassified`); null unless rejected. */
  readonly class: KernelClass | null;
  /** The verifier's message (the last line before `processed N insns`); null unless rejected. */
  readonly message: string | null;
  /** `message` with every number `N`: for bucketing messages, never for deciding agreement. */
  readonly normalizedMessage: string | null;
  /** `message` with only reference ids normalised (`normalizeIds`): what every comparison uses. */
  readonly idNormalizedMessage: string | null;
  /** Why not applicable, or what went wrong (fault); null for a verdict. */
  readonly reason: string | null;
}

/** Facts of SPEC §5 as compared (every field of `Facts`: can_throw, stack depth and marks per pc). */
export type ProjectedFacts = Facts;

/** Everything an oracle compares of one engine's answer. */
export interface Projection extends VerdictProjection {
  /** Model engines, accepted programs: the SPEC §5 facts; null otherwise (and always for the kernel). */
  readonly facts: ProjectedFacts | null;
  /** Model engines, accepted programs: the rewrite in canonical text; null otherwise. */
  readonly rewrite: string | null;
  /**
   * The kernel's test-runs (retval's low 32 bits, final ctx), one per input that ran; null when nothing
   * ran (rejected, declined by the safety check, a model engine). A failed run keeps the runs before it.
   */
  readonly outcomes: readonly KernelOutcome[] | null;
  /** The kernel, accepted programs: whether the inputs ran; null otherwise. */
  readonly run: 'ran' | 'declined' | 'failed' | null;
}

/** Every decimal or hex number in a message as `N` (`R1 off=-8` stays `R1 off=-N`; register names stay). */
export function normalizeNumbers(message: string): string {
  return message.replace(/\b(?:0x[0-9a-fA-F]+|\d+)\b/g, 'N');
}

/**
 * Reference ids as `N`, nothing else: ids depend on the kernel's exploration order. The forms the verifier
 * prints (kernel/bpf/verifier.c): `Unreleased reference id=%d alloc_insn=%d` (check_reference_leak), a
 * register's `(id=%d,ref_obj_id=%d` (print_verifier_state) and a state's `refs=%d,%d` list. A longer name
 * ending in `_id` (`btf_id=`, `alloc_insn=`) is not a reference id and stays.
 */
export function normalizeIds(message: string): string {
  return message
    .replace(/(?<![A-Za-z0-9_])(id|ref_obj_id)=\d+/g, '$1=N')
    .replace(/(?<![A-Za-z0-9_])refs=\d+(?:,\d+)*/g, 'refs=N');
}

/** Whether two messages agree (every comparison between engines): equal once reference ids are `N`. */
export function sameMessage(a: string, b: string): boolean {
  return normalizeIds(a) === normalizeIds(b);
}

const none = { class: null, message: null, normalizedMessage: null, idNormalizedMessage: null } as const;

function rejected(engine: EngineName, cls: KernelClass, message: string): VerdictProjection {
  return {
    engine,
    status: 'rejected',
    class: cls,
    message,
    normalizedMessage: normalizeNumbers(message),
    idNormalizedMessage: normalizeIds(message),
    reason: null,
  };
}

/** One line for an executor fault (the CLI prints the same words). */
export function executorFaultText(fault: ExecutorFault): string {
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

function kernelVerdict(k: KernelResult): VerdictProjection {
  const engine = 'kernel';
  switch (k.status) {
    case 'accepted':
      return { engine, status: 'accepted', ...none, reason: null };
    case 'rejected':
      return rejected(engine, k.class, k.message);
    case 'not-applicable':
      return { engine, status: 'not-applicable', ...none, reason: k.reason };
    case 'fault':
      return {
        engine,
        status: 'fault',
        ...none,
        reason: `executor fault during ${k.stage}: ${executorFaultText(k.fault)}`,
      };
    case 'error':
      return { engine, status: 'fault', ...none, reason: `error during ${k.stage}: ${k.detail}` };
    default: {
      const never: never = k;
      return never;
    }
  }
}

function modelVerdict(engine: EngineName, a: ModelAnswer): VerdictProjection {
  const v = a.result.verdict;
  if (v.accepted === true) return { engine, status: 'accepted', ...none, reason: null };
  if (v.accepted === false) return rejected(engine, v.class, v.message);
  switch (v.status) {
    case 'unsupported':
      return { engine, status: 'not-applicable', ...none, reason: v.reason };
    case 'internal-error':
      return { engine, status: 'fault', ...none, reason: v.reason };
    default: {
      const never: never = v;
      return never;
    }
  }
}

/** The verdict of any engine's result, without printing anything. */
export function projectVerdict(r: EngineResult): VerdictProjection {
  return r.engine === 'kernel' ? kernelVerdict(r.result) : modelVerdict(r.engine, r.result);
}

/** Everything oracles compare of any engine's result (prints a model's rewrite: not for the hot path). */
export function project(r: EngineResult): Projection {
  const verdict = projectVerdict(r);
  if (r.engine !== 'kernel') {
    const { facts, rewrite } = r.result.result;
    return {
      ...verdict,
      facts,
      rewrite: rewrite === null ? null : printProgram(rewrite),
      outcomes: null,
      run: null,
    };
  }
  const k = r.result;
  if (k.status !== 'accepted') return { ...verdict, facts: null, rewrite: null, outcomes: null, run: null };
  const run = k.run;
  switch (run.status) {
    case 'ran':
    case 'failed':
      return { ...verdict, facts: null, rewrite: null, outcomes: run.outcomes, run: run.status };
    case 'declined':
      return { ...verdict, facts: null, rewrite: null, outcomes: null, run: 'declined' };
    default: {
      const never: never = run;
      return never;
    }
  }
}

/**
 * A runtime outcome as a kernel test-run reports it (the syscall returns R0's low 32 bits), so reference
 * runs compare with `Projection.outcomes`; null when the run faulted (the kernel has no such outcome).
 */
export function asKernelOutcome(o: RunOutcome): KernelOutcome | null {
  if (o.retval === null) return null;
  return { input: o.input, retval: Number(BigInt(o.retval) & 0xffffffffn), ctx: o.ctx };
}
