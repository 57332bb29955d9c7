/**
 * `npm run bench -- kernel`: loads per second of a 10- and a 100-instruction program through the executor,
 * and test-runs per second (SPEC §8). A load is what the engine pays per program: one `check` request to
 * the executor (BTF load, program load at log level 0 plus verified_insns, fds closed). A rejected program
 * costs a second load with a log (levels 1 and 2 measured). Test-runs are measured in batches of 100 inputs
 * per request, and as part of whole checks (load, one test-run). Levels 1 and 2 are
 * measured too, since a rejected program is loaded once more with a log.
 */
import { performance } from 'node:perf_hooks';
import { makeProgram, type Program } from '../src/bpf/program.js';
import type { Insn, Reg } from '../src/bpf/insn.js';
import {
  checkWithKernel,
  kernelLoadOf,
  openKernelSession,
  type KernelLoad,
  type KernelSession,
} from '../src/engines/kernel/index.js';

const SECONDS = 1.5;

const mov = (dst: Reg, imm: number): Insn => ({
  kind: 'alu',
  width: 64,
  op: 'mov',
  dst,
  src: { kind: 'imm', imm },
});

/** `n` instructions: ALU on two registers with a forward branch every 8, a throw, exit. */
function program(n: number): Program {
  const insns: Insn[] = [{ kind: 'ldx', size: 1, dst: 2, src: 1, off: 0 }, mov(3, 1)];
  while (insns.length < n - 3) {
    // A jump skips one ALU instruction, never the final `r1 = r3`.
    if (insns.length % 8 === 0 && insns.length < n - 4)
      insns.push({ kind: 'jmp', width: 64, op: 'jgt', dst: 2, src: { kind: 'imm', imm: 100 }, off: 1 });
    else
      insns.push({
        kind: 'alu',
        width: 64,
        op: insns.length % 2 ? 'add' : 'xor',
        dst: 3,
        src: { kind: 'reg', reg: 2 },
      });
  }
  insns.push(
    { kind: 'alu', width: 64, op: 'mov', dst: 1, src: { kind: 'reg', reg: 3 } },
    { kind: 'kfunc', name: 'bpf_throw', btfId: null },
    { kind: 'exit' },
  );
  return makeProgram(insns);
}

async function rate(what: string, op: () => Promise<void>): Promise<number> {
  for (let i = 0; i < 50; i++) await op(); // warm up
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < SECONDS * 1000) {
    for (let i = 0; i < 100; i++) await op();
    n += 100;
    elapsed = performance.now() - start;
  }
  const perSecond = (n / elapsed) * 1000;
  console.log(`${what.padEnd(66)} ${Math.round(perSecond).toLocaleString('en-US').padStart(8)} /s`);
  return perSecond;
}

function must<T>(exchange: { kind: 'reply'; reply: T } | { kind: 'fault' }): T {
  if (exchange.kind !== 'reply') throw new Error('executor fault during the benchmark');
  return exchange.reply;
}

/** A load as the engine does it, without inputs: one check request (loads, closes) per program. */
async function loads(session: KernelSession, p: Program, explainLogLevel: number): Promise<void> {
  const { executor } = session;
  const load = loadOf(session, p);
  const how =
    explainLogLevel === 0
      ? 'log level 0'
      : `rejected at log level 0, then loaded at level ${explainLogLevel}`;
  // An unknown helper id makes the program fail at its last instruction, after all the work.
  const code = explainLogLevel === 0 ? load.insns : rejectedAtTheEnd(load.insns);
  await rate(`load ${p.insns.length} insns (${how})`, async () => {
    const r = must(
      await executor.request({
        op: 'check',
        ...load,
        insns: code,
        explainLogLevel,
        logSize: 4 << 20,
        ctxSize: 64,
        ctxs: [],
      }),
    );
    if (r.result.ok !== (explainLogLevel === 0))
      throw new Error(`unexpected verdict: ${JSON.stringify(r.result)}`);
  });
}

/** The same program with its `call bpf_throw` replaced by a call of helper 0 (invalid): rejected there. */
function rejectedAtTheEnd(insns: Uint8Array): Uint8Array {
  const out = insns.slice();
  const at = out.length - 16;
  out.set([0x85, 0, 0, 0, 0, 0, 0, 0], at);
  return out;
}

function loadOf(session: KernelSession, p: Program): KernelLoad {
  const load = kernelLoadOf(p, session.kfuncIds);
  if (typeof load === 'string') throw new Error(load);
  return load;
}

export async function run(): Promise<void> {
  const opened = await openKernelSession();
  if (!opened.available) {
    console.log(opened.reason);
    return;
  }
  const { session } = opened;
  try {
    console.log(`Linux ${session.release}, one executor, one request at a time`);
    const small = program(10);
    const large = program(100);
    for (const p of [small, large]) await loads(session, p, 0);
    for (const level of [1, 2]) await loads(session, large, level);
    for (const p of [small, large]) {
      await rate(`checkWithKernel ${p.insns.length} insns (load, 1 test-run, close)`, async () => {
        const r = await checkWithKernel(p, session);
        if (r.status !== 'accepted' || r.run.status !== 'ran') throw new Error(JSON.stringify(r));
      });
    }
    for (const p of [small, large]) {
      const load = loadOf(session, p);
      const ctxs = Array.from({ length: 100 }, () => new Uint8Array(p.ctxSize));
      const start = performance.now();
      let runs = 0;
      while (performance.now() - start < SECONDS * 1000) {
        const r = must(
          await session.executor.request({
            op: 'check',
            ...load,
            explainLogLevel: 0,
            logSize: 0,
            ctxSize: p.ctxSize,
            ctxs,
          }),
        );
        if (r.runs.length !== ctxs.length || !r.runs.every((x) => x.result.ok))
          throw new Error('test-run failed');
        runs += r.runs.length;
      }
      const perSecond = (runs / (performance.now() - start)) * 1000;
      console.log(
        `${`test-run ${p.insns.length} insns (64-byte ctx, 100 per request)`.padEnd(66)} ${Math.round(perSecond).toLocaleString('en-US').padStart(8)} /s`,
      );
    }
  } finally {
    await session.close();
  }
}
