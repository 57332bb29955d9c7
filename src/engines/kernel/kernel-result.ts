/**
 * What the live-kernel engine returns for one program: plain JSON-able data, closed unions throughout.
 */
import type { KernelOutcome, VerdictClass } from '../../bpf/result.js';
import type { ExecutorFault } from './executor-client.js';

/**
 * The class of a kernel rejection: a SPEC §4 class; `verifier-bug` when the kernel reports its own bug
 * (`verifier bug: ...`, errno EFAULT, with a WARN in the kernel log); or `unclassified` for a verifier
 * message the classifier (classify.ts) has no rule for yet. Neither extra class ever equals a model
 * engine's class, so both show up as class mismatches: a finding, or a rule to add.
 */
export type KernelClass = VerdictClass | 'verifier-bug' | 'unclassified';

/** What happened to the program's inputs after the kernel accepted it. */
export type KernelRun =
  /** Every input was test-run, in order. */
  | { readonly status: 'ran'; readonly outcomes: readonly KernelOutcome[] }
  /** The safety check (safety.ts) would not let the kernel run it. */
  | { readonly status: 'declined'; readonly reason: string }
  /** bpf(BPF_PROG_TEST_RUN) refused one input; `outcomes` holds the runs before it. */
  | {
      readonly status: 'failed';
      readonly input: string;
      readonly errno: string;
      readonly outcomes: readonly KernelOutcome[];
    };

/** Where in a check something other than a verdict happened. */
export type KernelStage =
  /** Turning the program into instructions and BTF for this kernel. */
  | 'encode'
  /** The kernel refused the program's BTF. */
  | 'btf-load'
  /** The executor's check request (loads and test-runs). */
  | 'check'
  /** The second load of a rejected program, with a log. */
  | 'explain';

export type KernelResult =
  | {
      readonly status: 'accepted';
      /** bpf_prog_info.verified_insns: what `processed N insns` would say. */
      readonly insnsProcessed: number;
      readonly run: KernelRun;
    }
  | {
      readonly status: 'rejected';
      readonly class: KernelClass;
      /** The last line of the log before `processed N insns` (SPEC §4, Reporting). */
      readonly message: string;
      /** errno of the rejecting bpf(BPF_PROG_LOAD) (`EINVAL`, `EACCES`, `E2BIG`, ...). */
      readonly errno: string;
      /** From `processed N insns`; null when the kernel rejected before exploring (e.g. check_subprogs). */
      readonly insnsProcessed: number | null;
      /** The last lines of the verifier log, up to and including `processed N insns`. */
      readonly logTail: readonly string[];
    }
  /** The executor died or hung while loading or running the program (a finding, not a verdict). */
  | { readonly status: 'fault'; readonly stage: KernelStage; readonly fault: ExecutorFault }
  /** throwfuzz could not present the program to the kernel (a harness problem, not a verdict). */
  | { readonly status: 'error'; readonly stage: KernelStage; readonly detail: string }
  /** Not something the live kernel can check: another program kind or the `rfc` profile. */
  | { readonly status: 'not-applicable'; readonly reason: string };

export type KernelResultStatus = KernelResult['status'];
