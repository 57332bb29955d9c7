/**
 * `npm run bench -- verify`: the path explorer's time per program next to the live kernel's load time for
 * the same program (BTF load + program load at log level 0 + close, one executor request, as the engine
 * does it), on the
 * kernel suite (corpus/kernel) and on 40 sequential branches on unknown input with a static call in each
 * arm (2^40 paths: only pruning makes it finish).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Program } from '../src/bpf/program.js';
import { verdictStatus } from '../src/bpf/result.js';
import { parseProgram } from '../src/bpf/text/parse.js';
import { kernelLoadOf, openKernelSession, type KernelSession } from '../src/engines/kernel/index.js';
import { verify } from '../src/engines/path-explorer/index.js';

/**
 * 40 branches, each on its own unknown ctx byte (so all 2^40 paths are feasible), a static call in each
 * arm; the arms join before the next branch. Only pruning at the joins keeps this linear.
 */
export function fortyBranches(n = 40): string {
  const lines = ['    r6 = r1'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `    r7 = *(u8 *)(r6 +${i})`,
      `    if r7 > 0x7f goto a${i}`,
      '    call f',
      `    goto j${i}`,
      `a${i}:`,
      '    call g',
      `j${i}:`,
    );
  }
  lines.push(
    '    r0 = 0',
    '    exit',
    '.func f static',
    '    r0 = 0',
    '    exit',
    '.func g static',
    '    r0 = 1',
    '    exit',
  );
  return `${lines.join('\n')}\n`;
}

/** Median of `reps` timings of `op`, in microseconds. */
async function time(op: () => unknown, reps: number): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const s = performance.now();
    await op();
    t.push((performance.now() - s) * 1000);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)]!;
}

/** A load as the kernel engine does it: one `check` request (BTF and program loaded without a log, closed). */
async function kernelLoad(session: KernelSession, p: Program): Promise<void> {
  const load = kernelLoadOf(p, session.kfuncIds);
  if (typeof load === 'string') throw new Error(load);
  const r = await session.executor.request({
    op: 'check',
    ...load,
    explainLogLevel: 0,
    logSize: 0,
    ctxSize: p.ctxSize,
    ctxs: [],
  });
  if (r.kind !== 'reply') throw new Error('executor fault during the benchmark');
}

const fmt = (us: number): string => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);

export async function run(): Promise<void> {
  const dir = join(import.meta.dirname, '../../corpus/kernel');
  const suite = readdirSync(dir)
    .filter((f) => f.endsWith('.s'))
    .sort()
    .map((f) => ({ name: f.slice(0, -2), program: parseProgram(readFileSync(join(dir, f), 'utf8'), f) }));
  const big = { name: '40 branches x static calls', program: parseProgram(fortyBranches()) };
  const opened = await openKernelSession();
  const session = opened.available ? opened.session : null;
  if (!opened.available) console.log(`(kernel unavailable: ${opened.reason}; engine times only)`);
  const opts = { profile: 'mainline' as const, quirks: ['seed-global-resources' as const] };
  let engineTotal = 0;
  let kernelTotal = 0;
  console.log(
    `${'program'.padEnd(36)} ${'engine'.padStart(10)} ${'kernel'.padStart(10)} ${'ratio'.padStart(7)}  insns`,
  );
  for (const { name, program } of [...suite, big]) {
    const r = verify(program, opts);
    const reps = name === big.name ? 9 : 200;
    const e = await time(() => verify(program, opts), reps);
    const k = session ? await time(() => kernelLoad(session, program), reps === 9 ? 9 : 50) : NaN;
    if (name !== big.name) {
      engineTotal += e;
      kernelTotal += k;
    }
    const verdict = r.verdict.accepted === false ? r.verdict.class : verdictStatus(r.verdict);
    console.log(
      `${name.padEnd(36)} ${fmt(e).padStart(10)} ${(session ? fmt(k) : '-').padStart(10)} ${(session ? (e / k).toFixed(2) : '-').padStart(7)}  ${r.stats.insnsProcessed} (${verdict})`,
    );
  }
  const n = suite.length;
  console.log(
    `kernel suite, mean per program: engine ${fmt(engineTotal / n)}, kernel load ${session ? fmt(kernelTotal / n) : '-'}${session ? `, ratio ${(engineTotal / kernelTotal).toFixed(2)}` : ''}`,
  );
  if (session) await session.close();
}
