/** The live kernel as the registry (src/engines/index.ts) opens it: a session to check programs with. */
import type { Program } from '../../bpf/program.js';
import { openKernelSession, type KernelSessionOptions } from './availability.js';
import { checkWithKernel, type KernelCheckOptions } from './check.js';
import type { KernelResult } from './kernel-result.js';

/** An open kernel session; `close` releases the executor and its fds. */
export interface OpenKernelEngine {
  /** `Linux <release>`. */
  readonly about: string;
  check(program: Program): Promise<KernelResult>;
  close(): Promise<void>;
}

export type KernelEngineAvailability =
  | { readonly available: true; readonly engine: OpenKernelEngine }
  /** One line saying why the kernel cannot be used here; callers skip it and say so. */
  | { readonly available: false; readonly reason: string };

export interface KernelEngineDescriptor {
  readonly name: 'kernel';
  readonly description: string;
  open(): Promise<KernelEngineAvailability>;
}

export function kernelEngine(
  options: KernelSessionOptions & KernelCheckOptions = {},
): KernelEngineDescriptor {
  return {
    name: 'kernel',
    description: "the running kernel's verifier and BPF_PROG_TEST_RUN (SPEC §8)",
    async open(): Promise<KernelEngineAvailability> {
      const opened = await openKernelSession(options);
      if (!opened.available) return opened;
      const { session } = opened;
      return {
        available: true,
        engine: {
          about: `Linux ${session.release}`,
          check: (program: Program) => checkWithKernel(program, session, options),
          close: () => session.close(),
        },
      };
    },
  };
}
