/**
 * The reference mode against the live kernel (mainline): on every program of the kernel suite that the
 * kernel accepts and that is safe to run, the runtime's return value (the kernel reports a u32) and final
 * ctx equal the kernel's test-run for every input. Checked against the recorded expectations
 * (corpus/kernel/NAME.expect.json) always, and against a live test-run where the kernel is available.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Program } from '../../src/bpf/program.js';
import type { KernelOutcome } from '../../src/bpf/result.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { helperById } from '../../src/bpf/kernel-functions.js';
import { checkWithKernel, openKernelSession } from '../../src/engines/kernel/index.js';
import { kernelExpectationSchema } from '../../src/engines/kernel/expectation.js';
import { runProgram } from '../../src/runtime/run.js';
import { RUNTIME_CORPUS } from './corpus.js';

const KERNEL_CORPUS = join(import.meta.dirname, '../../corpus/kernel');

interface Case {
  readonly name: string;
  readonly program: Program;
}

function loadDir(dir: string): Case[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.s'))
    .sort()
    .map((f) => ({ name: f, program: parseProgram(readFileSync(join(dir, f), 'utf8'), join(dir, f)) }));
}

/** The runtime's reference outcome reduced to what a kernel test-run reports. */
function asKernelSees(program: Program): KernelOutcome[] {
  return runProgram(program, { mode: 'reference' }).map((o) => {
    expect(o.fault, `${o.input}: ${o.fault?.message ?? ''}`).toBeNull();
    expect(o.indeterminate).toBe(false);
    return { input: o.input, retval: Number(BigInt(o.retval!) & 0xffffffffn), ctx: o.ctx };
  });
}

const kernelCases = loadDir(KERNEL_CORPUS);

describe('recorded kernel expectations', () => {
  const recorded = kernelCases.flatMap(({ name, program }) => {
    const sidecar = join(KERNEL_CORPUS, name.replace(/\.s$/, '.expect.json'));
    if (!existsSync(sidecar)) return [];
    const { kernel } = kernelExpectationSchema.parse(JSON.parse(readFileSync(sidecar, 'utf8')));
    return kernel.accepted && kernel.run !== 'declined' ? [{ name, program, outcomes: kernel.outcomes }] : [];
  });

  it('cover a suite of accepted programs that ran', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(10);
  });

  for (const { name, program, outcomes } of recorded) {
    it(name, () => {
      expect(asKernelSees(program)).toEqual(outcomes);
    });
  }
});

/** Mainline programs the live kernel can load: no instrumentation helpers (the kernel has none). */
function kernelLoadable(program: Program): boolean {
  return (
    program.profile === 'mainline' &&
    program.insns.every((i) => i.kind !== 'helper' || helperById(i.id)?.modelOnly !== true)
  );
}

const availability = await openKernelSession();
if (!availability.available) console.warn(`kernel-agreement (live): skipped, ${availability.reason}`);

describe.skipIf(!availability.available)('live kernel test-runs', () => {
  const session = availability.available ? availability.session : null;
  afterAll(async () => session?.close());
  const runtimeOriginals = loadDir(RUNTIME_CORPUS).filter(({ program }) => kernelLoadable(program));
  let compared = 0;
  const comparedNames: string[] = [];

  for (const { name, program } of [
    ...kernelCases,
    ...runtimeOriginals.map((c) => ({ ...c, name: `runtime/${c.name}` })),
  ]) {
    it(name, async () => {
      const result = await checkWithKernel(program, session!);
      // Only accepted programs that were safe to run have outcomes; anything else must be a verdict.
      if (result.status === 'rejected') return;
      expect(result.status).toBe('accepted');
      if (result.status !== 'accepted' || result.run.status === 'declined') return;
      expect(result.run.status).toBe('ran');
      if (result.run.status !== 'ran') return;
      compared++;
      comparedNames.push(name);
      expect(asKernelSees(program)).toEqual(result.run.outcomes);
    });
  }

  it('compared a suite of programs, including the runtime corpus', () => {
    expect(compared).toBeGreaterThanOrEqual(10);
    expect(comparedNames.filter((n) => n.startsWith('runtime/'))).toEqual(
      runtimeOriginals.map((c) => `runtime/${c.name}`),
    );
  });
});
