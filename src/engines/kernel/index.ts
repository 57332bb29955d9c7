/** The live kernel as an engine (SPEC §8): the public entry. */
export { openKernelSession, VMLINUX_BTF } from './availability.js';
export type { KernelAvailability, KernelSession, KernelSessionOptions } from './availability.js';
export { checkWithKernel, DEFAULT_EXPLAIN_LOG_LEVEL, DEFAULT_LOG_SIZE, kernelLoadOf } from './check.js';
export type { KernelCheckOptions, KernelLoad } from './check.js';
export { classifyKernelMessage } from './classify.js';
export type { ExecutorFault } from './executor-client.js';
export { kernelEngine } from './engine.js';
export type { KernelEngineAvailability, KernelEngineDescriptor, OpenKernelEngine } from './engine.js';
export type { KernelClass, KernelResult, KernelRun, KernelStage } from './kernel-result.js';
export { runDecision } from './safety.js';
export type { RunDecision } from './safety.js';
export { parseVerifierLog } from './verifier-log.js';
