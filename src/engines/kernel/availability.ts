/**
 * Whether the live kernel can be used as an engine here, and the session to use it through. Each check
 * that fails gives the one line the user sees: not Linux, no privilege, no executor, no `bpf_throw` in the
 * kernel's BTF, or a kernel that refuses even a trivial program.
 */
import { accessSync, constants as fsConstants, readFileSync } from 'node:fs';
import { release } from 'node:os';
import { encode } from '../../bpf/codec.js';
import { KFUNC_NAMES } from '../../bpf/kernel-functions.js';
import { makeProgram } from '../../bpf/program.js';
import { funcIdsByName } from './btf-reader.js';
import { ExecutorClient } from './executor-client.js';
import { defaultExecutorPath } from './executor-path.js';
import { buildProgramBtf } from './program-btf.js';

export const VMLINUX_BTF = '/sys/kernel/btf/vmlinux';
/** Capability bits of include/uapi/linux/capability.h. */
const CAP_SYS_ADMIN = 21n;
const CAP_BPF = 39n;

/** An open line to the running kernel: an executor and the kernel's kfunc ids. */
export interface KernelSession {
  readonly executor: ExecutorClient;
  /** BTF ids of the modelled kfuncs in this kernel's vmlinux. */
  readonly kfuncIds: ReadonlyMap<string, number>;
  /** `uname -r` of the kernel. */
  readonly release: string;
  close(): Promise<void>;
}

export type KernelAvailability =
  | { readonly available: true; readonly session: KernelSession }
  | { readonly available: false; readonly reason: string };

export interface KernelSessionOptions {
  readonly executorPath?: string;
  readonly timeoutMs?: number;
  readonly vmlinuxPath?: string;
}

/** CAP_BPF (or CAP_SYS_ADMIN, which implies it for bpf()) in the effective set, from /proc/self/status. */
function hasBpfPrivilege(): boolean {
  if (process.geteuid?.() === 0) return true;
  try {
    const m = /^CapEff:\s*([0-9a-f]+)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    const caps = m ? BigInt(`0x${m[1]!}`) : 0n;
    return ((caps >> CAP_BPF) & 1n) === 1n || ((caps >> CAP_SYS_ADMIN) & 1n) === 1n;
  } catch {
    return false;
  }
}

function unavailable(reason: string): KernelAvailability {
  return { available: false, reason: `kernel engine unavailable: ${reason}` };
}

/** Load and run `r0 = 0; exit`: proves bpf() works here (no seccomp filter, lockdown, ...). */
async function probe(executor: ExecutorClient): Promise<string | null> {
  const program = makeProgram([
    { kind: 'alu', width: 64, op: 'mov', dst: 0, src: { kind: 'imm', imm: 0 } },
    { kind: 'exit' },
  ]);
  const { btf, funcInfo } = buildProgramBtf(program);
  const check = await executor.request({
    op: 'check',
    btf,
    insns: encode(program.insns),
    funcInfo,
    explainLogLevel: 0,
    logSize: 0,
    ctxSize: 8,
    ctxs: [new Uint8Array(8)],
  });
  if (check.kind === 'fault') return `the executor failed (${check.fault.kind})`;
  const { result, stage, runs } = check.reply;
  if (!result.ok) {
    const call = stage === 'btf' ? 'bpf(BPF_BTF_LOAD)' : 'bpf(BPF_PROG_LOAD) of a trivial syscall program';
    return `${call} failed with ${result.errno}`;
  }
  const run = runs[0]?.result;
  if (!run?.ok)
    return `bpf(BPF_PROG_TEST_RUN) of a trivial syscall program failed with ${run?.errno ?? 'no result'}`;
  return null;
}

/** Check every precondition and open a session; the reason is one line. */
export async function openKernelSession(options: KernelSessionOptions = {}): Promise<KernelAvailability> {
  if (process.platform !== 'linux') return unavailable(`not Linux (${process.platform})`);
  if (!hasBpfPrivilege()) return unavailable('not root and no CAP_BPF');
  const executorPath = options.executorPath ?? defaultExecutorPath();
  try {
    accessSync(executorPath, fsConstants.X_OK);
  } catch {
    return unavailable(`no executor at ${executorPath} (npm run build compiles it; it needs a C compiler)`);
  }
  const vmlinuxPath = options.vmlinuxPath ?? VMLINUX_BTF;
  let kfuncIds: Map<string, number>;
  try {
    kfuncIds = funcIdsByName(readFileSync(vmlinuxPath), KFUNC_NAMES);
  } catch (e) {
    return unavailable(`cannot read ${vmlinuxPath} (${e instanceof Error ? e.message : String(e)})`);
  }
  const missing = KFUNC_NAMES.filter((n) => !kfuncIds.has(n));
  if (missing.length > 0) return unavailable(`${vmlinuxPath} has no ${missing.join(', ')}`);

  const executor = new ExecutorClient({
    path: executorPath,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const failed = await probe(executor);
  if (failed !== null) {
    await executor.close();
    return unavailable(failed);
  }
  return {
    available: true,
    session: { executor, kfuncIds, release: release(), close: () => executor.close() },
  };
}
