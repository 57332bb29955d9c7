/**
 * The live kernel as an engine (SPEC §8): load the program as a sleepable BPF_PROG_TYPE_SYSCALL program
 * with its BTF and func_info, and test-run it on each input when it is accepted and safe to run.
 *
 * Loading strategy: the first load has no log (log level 0 is the fast path: 5x faster than level 1 and 9x
 * faster than level 2 on a 100-instruction program here); an accepted program's processed-instruction
 * count comes from bpf_prog_info.verified_insns, one more syscall and no log. Only a rejected program is
 * loaded again, with a log, to read its message: level 1 by default, which prints the same message and
 * count as level 2 (checked on every rejection in the corpus and fixtures) and only the failing path, so
 * it is 6x faster on a program that reaches the 1M-instruction limit (2.9 s against 17 s).
 *
 * All of it is one executor request (`check`, do_check in native/executor.c): a round trip to the
 * executor costs about twice what loading a small program does, so steps are not sent one by one.
 */
import { encode, toHex } from '../../bpf/codec.js';
import type { Insn } from '../../bpf/insn.js';
import { inputBuffers, type Program } from '../../bpf/program.js';
import { UNNAMED_KFUNC } from '../../bpf/kernel-functions.js';
import type { KernelOutcome } from '../../bpf/result.js';
import type { KernelSession } from './availability.js';
import { classifyKernelMessage } from './classify.js';
import type { Executor } from './executor-client.js';
import type { KernelResult, KernelRun } from './kernel-result.js';
import { buildProgramBtf, type ProgramBtf } from './program-btf.js';
import { MAX_PROG_INSNS, tooManyInsnsMessage } from './prog-size.js';
import { checkRequestBytes, MAX_REQUEST_BYTES, type ExecutorReply } from './protocol.js';
import { runDecision, type RunDecision } from './safety.js';
import { DEFAULT_TAIL_LINES, parseVerifierLog } from './verifier-log.js';

export interface KernelCheckOptions {
  /** Log level of the second load that explains a rejection (1: the failing path only; 2: every state). */
  readonly explainLogLevel?: 1 | 2;
  /** Log buffer for that load; the kernel keeps the log's tail when it overflows (rotating log). */
  readonly logSize?: number;
  readonly tailLines?: number;
  /**
   * Load but never test-run, with this reason: the campaign passes it when a model engine rejected the
   * program for a held resource or an open region (SPEC §8), on top of the engine's own check (safety.ts).
   */
  readonly noRun?: string;
}

export const DEFAULT_EXPLAIN_LOG_LEVEL = 1;
export const DEFAULT_LOG_SIZE = 4 << 20;

/** What a load of the program sends to the kernel: its instructions, BTF and func_info. */
export interface KernelLoad extends ProgramBtf {
  readonly insns: Uint8Array;
}

/**
 * The program encoded for this kernel: kfunc calls by name get this kernel's BTF ids (an id written in the
 * text belongs to some other kernel). A string says why it cannot be encoded.
 */
export function kernelLoadOf(program: Program, ids: ReadonlyMap<string, number>): KernelLoad | string {
  const insns: Insn[] = [];
  for (const insn of program.insns) {
    if (insn.kind !== 'kfunc') insns.push(insn);
    else {
      const id = ids.get(insn.name);
      if (id === undefined) return `kfunc ${insn.name} is not in this kernel's BTF`;
      insns.push({ ...insn, btfId: id });
    }
  }
  try {
    return { insns: encode(insns), ...buildProgramBtf(program) };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function runOf(reply: ExecutorReply<'check'>, inputs: readonly Uint8Array[]): KernelRun {
  const outcomes: KernelOutcome[] = [];
  for (const [i, run] of reply.runs.entries()) {
    const input = toHex(inputs[i]!);
    if (!run.result.ok) return { status: 'failed', input, errno: run.result.errno, outcomes };
    outcomes.push({ input, retval: run.retval, ctx: toHex(run.ctx) });
  }
  return { status: 'ran', outcomes };
}

/** bpf_prog_load's E2BIG for a program past the size limit: no log, so the message is throwfuzz's. */
function tooManyInsns(slots: number): KernelResult {
  const message = tooManyInsnsMessage(slots);
  return {
    status: 'rejected',
    class: classifyKernelMessage(message),
    message,
    errno: 'E2BIG',
    insnsProcessed: null,
    logTail: [],
  };
}

/** Check one program against the live kernel. Never throws for anything the kernel or executor does. */
export async function checkWithKernel(
  program: Program,
  session: { readonly executor: Executor; readonly kfuncIds: KernelSession['kfuncIds'] },
  options: KernelCheckOptions = {},
): Promise<KernelResult> {
  if (program.kind !== 'syscall') {
    return {
      status: 'not-applicable',
      reason: `the live kernel runs syscall programs only, not ${program.kind}`,
    };
  }
  if (program.profile !== 'mainline') {
    return {
      status: 'not-applicable',
      reason: `the live kernel implements the mainline profile, not ${program.profile}`,
    };
  }
  // A `kfunc#N` read from another kernel's bytecode could name any kernel function here: the live kernel is
  // asked only about the kfuncs the model knows (SPEC §8: nothing but load and test-run).
  const unnamed = program.insns.find((i) => i.kind === 'kfunc' && i.name === UNNAMED_KFUNC);
  if (unnamed?.kind === 'kfunc') {
    return {
      status: 'not-applicable',
      reason: `calls kfunc#${String(unnamed.btfId)}, which the model does not know; only modelled kfuncs are loaded`,
    };
  }
  const load = kernelLoadOf(program, session.kfuncIds);
  if (typeof load === 'string') return { status: 'error', stage: 'encode', detail: load };
  const decision: RunDecision =
    options.noRun === undefined ? runDecision(program) : { run: false, reason: options.noRun };
  const inputs = decision.run ? inputBuffers(program) : [];

  const slots = load.insns.length / 8;
  const request = {
    op: 'check',
    ...load,
    explainLogLevel: options.explainLogLevel ?? DEFAULT_EXPLAIN_LOG_LEVEL,
    logSize: options.logSize ?? DEFAULT_LOG_SIZE,
    ctxSize: program.ctxSize,
    ctxs: inputs,
  } as const;
  if (checkRequestBytes(request) > MAX_REQUEST_BYTES) {
    // Millions of instructions, far past bpf_prog_load's limit: the kernel's answer is known (prog-size.ts)
    // and the executor could not take the request anyway.
    if (slots > MAX_PROG_INSNS) return tooManyInsns(slots);
    return { status: 'error', stage: 'encode', detail: "the request exceeds the executor's frame limit" };
  }
  const exchange = await session.executor.request(request);
  if (exchange.kind === 'fault') return { status: 'fault', stage: 'check', fault: exchange.fault };
  const reply = exchange.reply;

  if (reply.result.ok) {
    const run: KernelRun = decision.run
      ? runOf(reply, inputs)
      : { status: 'declined', reason: decision.reason };
    return { status: 'accepted', insnsProcessed: reply.verifiedInsns, run };
  }
  const errno = reply.result.errno;
  // The kernel's own answer to an oversized program: E2BIG before the verifier runs, so the log is empty.
  if (reply.stage === 'prog' && errno === 'E2BIG' && reply.log === '' && slots > MAX_PROG_INSNS)
    return tooManyInsns(slots);
  const parsed = parseVerifierLog(reply.log, options.tailLines ?? DEFAULT_TAIL_LINES);
  if (reply.stage === 'btf') {
    // Our BTF, not the program, was refused: a harness problem, not a verdict.
    const why = parsed.message === null ? '' : `: ${parsed.message}`;
    return { status: 'error', stage: 'btf-load', detail: `bpf(BPF_BTF_LOAD) failed with ${errno}${why}` };
  }
  if (reply.explained === 'accepted') {
    return {
      status: 'error',
      stage: 'explain',
      detail: `the kernel rejected the program without a log (${errno}) and accepted it with one`,
    };
  }
  return {
    status: 'rejected',
    class: parsed.message === null ? 'unclassified' : classifyKernelMessage(parsed.message),
    message: parsed.message ?? `bpf(BPF_PROG_LOAD) failed with ${errno} and an empty log`,
    errno,
    insnsProcessed: parsed.insnsProcessed,
    logTail: parsed.tail,
  };
}
