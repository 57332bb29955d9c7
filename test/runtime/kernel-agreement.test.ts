/**
 * The reference mode against the live kernel (mainline): on every program of the kernel suite that the
 * kernel accepts and that is safe to run, the runtime's return value (the kernel reports a u32) and final
 * ctx equal the kernel's test-run for every input. Checked against the recorded expectations (the
 * `; case expect kernel` line of corpus/kernel/NAME.s) always, and against a live test-run where the kernel
 * is available. Both sides go through the one projection (src/engines/projection.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Program } from '../../src/bpf/program.js';
import type { KernelOutcome } from '../../src/bpf/result.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { helperById } from '../../src/bpf/kernel-functions.js';
import { checkWithKernel, openKernelSession } from '../../src/engines/kernel/index.js';
import { asKernelOutcome, project } from '../../src/engines/projection.js';
import { runProgram } from '../../src/runtime/run.js';
import { RUNTIME_CORPUS } from './corpus.js';
import { kernelExpectation, loadCases } from '../corpus/cases.js';

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
    return asKernelOutcome(o)!;
  });
}

const kernelCases = loadCases('kernel').map((c) => ({ ...c, name: `${c.name.slice('kernel/'.length)}.s` }));

describe('recorded kernel expectations', () => {
  const recorded = kernelCases.flatMap(({ name, case: c }) => {
    const kernel = kernelExpectation(c);
    return kernel?.accepted && kernel.run !== 'declined'
      ? [{ name, program: c.program, outcomes: kernel.outcomes }]
      : [];
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
    ...kernelCases.map((c) => ({ name: c.name, program: c.case.program })),
    ...runtimeOriginals.map((c) => ({ ...c, name: `runtime/${c.name}` })),
  ]) {
    it(name, async () => {
      const k = project({ engine: 'kernel', result: await checkWithKernel(program, session!) });
      // Only accepted programs that were safe to run have outcomes; anything else must be a verdict.
      if (k.status === 'rejected') return;
      expect(k.status).toBe('accepted');
      if (k.run === 'declined') return;
      expect(k.run).toBe('ran');
      compared++;
      comparedNames.push(name);
      expect(asKernelSees(program)).toEqual(k.outcomes);
    });
  }

  it('compared a suite of programs, including the runtime corpus', () => {
    expect(compared).toBeGreaterThanOrEqual(10);
    expect(comparedNames.filter((n) => n.startsWith('runtime/'))).toEqual(
      runtimeOriginals.map((c) => `runtime/${c.name}`),
    );
  });
});
