/**
 * The kernel functions of SPEC §2: the kfuncs and helpers the model knows, and the two instrumentation
 * helpers that only rewritten programs call.
 */

/** What a call does to the verifier's and the runtime's state. */
export type KernelFnEffect =
  | 'throw'
  | 'acquire'
  | 'release'
  | 'rcu-lock'
  | 'rcu-unlock'
  | 'preempt-disable'
  | 'preempt-enable'
  | 'loop'
  | 'random-u32'
  | 'time-u64'
  | 'get-exception'
  | 'reset-exception';

export interface KernelFn {
  readonly name: string;
  readonly kind: 'kfunc' | 'helper';
  /** Helper id (BPF_FUNC_*) for helpers; for the instrumentation helpers an id reserved by the model. */
  readonly helperId: number | null;
  /**
   * The id a kfunc call carries in an encoding made without the running kernel's BTF. Negative, so it can
   * never be mistaken for a real BTF id.
   */
  readonly modelBtfId: number | null;
  /** Number of argument registers read (R1..Rn). */
  readonly args: number;
  readonly effect: KernelFnEffect;
  /** Only the instrumented rewrite calls it; the live kernel has no such function. */
  readonly modelOnly: boolean;
}

function kfunc(name: string, modelBtfId: number, args: number, effect: KernelFnEffect): KernelFn {
  return { name, kind: 'kfunc', helperId: null, modelBtfId, args, effect, modelOnly: false };
}
function helper(name: string, id: number, args: number, effect: KernelFnEffect, modelOnly = false): KernelFn {
  return { name, kind: 'helper', helperId: id, modelBtfId: null, args, effect, modelOnly };
}

/**
 * The name of a kfunc call known only by its BTF id, printed `call kfunc#N`: raw instructions whose id is
 * neither the model's nor one the caller could name (another kernel's, or a kfunc the model lacks).
 */
export const UNNAMED_KFUNC = 'kfunc';

/** BPF_FUNC_loop */
export const BPF_LOOP_ID = 181;
/** Ids the model reserves for the RFC's instrumentation helpers (beyond any kernel's __BPF_FUNC_MAX_ID). */
export const GET_EXCEPTION_ID = 0x7ffe;
export const RESET_EXCEPTION_ID = 0x7fff;

export const KERNEL_FUNCTIONS: readonly KernelFn[] = [
  kfunc('bpf_throw', -1, 1, 'throw'),
  kfunc('bpf_cpumask_create', -2, 0, 'acquire'),
  kfunc('bpf_cpumask_release', -3, 1, 'release'),
  kfunc('bpf_rcu_read_lock', -4, 0, 'rcu-lock'),
  kfunc('bpf_rcu_read_unlock', -5, 0, 'rcu-unlock'),
  kfunc('bpf_preempt_disable', -6, 0, 'preempt-disable'),
  kfunc('bpf_preempt_enable', -7, 0, 'preempt-enable'),
  helper('bpf_loop', BPF_LOOP_ID, 4, 'loop'),
  helper('bpf_get_prandom_u32', 7, 0, 'random-u32'),
  helper('bpf_ktime_get_ns', 5, 0, 'time-u64'),
  helper('bpf_get_exception', GET_EXCEPTION_ID, 0, 'get-exception', true),
  helper('bpf_reset_exception', RESET_EXCEPTION_ID, 0, 'reset-exception', true),
];

const byName = new Map(KERNEL_FUNCTIONS.map((f) => [f.name, f]));
const helpersById = new Map(KERNEL_FUNCTIONS.filter((f) => f.kind === 'helper').map((f) => [f.helperId, f]));
const kfuncByModelId = new Map(
  KERNEL_FUNCTIONS.filter((f) => f.kind === 'kfunc').map((f) => [f.modelBtfId, f]),
);

export const kernelFnByName = (name: string): KernelFn | undefined => byName.get(name);
export const helperById = (id: number): KernelFn | undefined => helpersById.get(id);
export const kfuncByModelBtfId = (id: number): KernelFn | undefined => kfuncByModelId.get(id);

/** The kfuncs the live kernel must expose for the model to talk to it. */
export const KFUNC_NAMES: readonly string[] = KERNEL_FUNCTIONS.filter((f) => f.kind === 'kfunc').map(
  (f) => f.name,
);
