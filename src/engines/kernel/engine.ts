/** The live kernel behind the engine registry's interface (src/engines/index.ts). */
import type { Program } from '../../bpf/program.js';
import type { EngineAvailability, EngineDescriptor } from '../index.js';
import { openKernelSession, type KernelSessionOptions } from './availability.js';
import { checkWithKernel, type KernelCheckOptions } from './check.js';

export function kernelEngine(options: KernelSessionOptions & KernelCheckOptions = {}): EngineDescriptor {
  return {
    name: 'kernel',
    description: "the running kernel's verifier and BPF_PROG_TEST_RUN (SPEC §8)",
    async open(): Promise<EngineAvailability> {
      const opened = await openKernelSession(options);
      if (!opened.available) return opened;
      const { session } = opened;
      return {
        available: true,
        engine: {
          name: 'kernel',
          about: `Linux ${session.release}`,
          check: async (program: Program) => ({
            engine: 'kernel',
            result: await checkWithKernel(program, session, options),
          }),
          close: () => session.close(),
        },
      };
    },
  };
}
