/**
 * SPEC §5/§7: the rewrite of every accepted throwing program, run instrumented, gives the outcome of the
 * original run with real unwinding (reference mode), on every input, with nothing held at the end and the
 * exception slot clear after main exits. Programs: the corpora, and random fragment programs on random
 * inputs. The runtime is used here only (the engine never imports it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputBuffers, type Program } from '../../../src/bpf/program.js';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { printProgram } from '../../../src/bpf/text/print.js';
import { rewriteVerdict, verify } from '../../../src/engines/path-explorer/index.js';
import { compareOutcomes } from '../../../src/runtime/compare.js';
import { renderDiffs } from '../../../src/runtime/render-diff.js';
import { runProgram } from '../../../src/runtime/run.js';
import { SLOT_MODELS } from '../../../src/runtime/slots.js';
import { generateCase } from '../../../generators/index.js';

const root = join(import.meta.dirname, '../../../corpus');
const corpusPrograms = (dir: string): [string, Program][] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.s') && !f.includes('.rewrite') && !f.includes('.no-'))
    .sort()
    .map((f) => [`${dir}/${f}`, parseProgram(readFileSync(join(root, dir, f), 'utf8'), f)]);

/** Inputs: the program's own (generated programs always have some), else a few ctx buffers from the seed. */
function inputsOf(p: Program, seed: number): Uint8Array[] {
  if (p.inputs.length > 0) return inputBuffers(p);
  return [0, 1, 2, 3].map((k) =>
    Uint8Array.from({ length: p.ctxSize }, (_, i) =>
      k === 0 ? 0 : (seed * 31 + i * 17 + k * 101) % (k === 1 ? 4 : 256),
    ),
  );
}

/** Checks one program; returns whether it was an accepted throwing program (so the test is not vacuous). */
function checkRewrite(name: string, p: Program, seed: number): boolean {
  const r = verify(p, { profile: p.profile, quirks: [] });
  if (!r.verdict.accepted || !r.facts?.throwsException) return false;
  const rewritten = r.rewrite!;
  const inputs = inputsOf(p, seed);
  // A rewrite past the stack limits (rewriteVerdict class stack) could never load. When its callsite slot
  // leaves the frame, its instrumented run faults instead of agreeing (rewrite-verdict.test.ts); when only
  // the combined stack of a call chain grows past 512 bytes, the run does not see it.
  const validity = rewriteVerdict(p, r.facts, { profile: p.profile, quirks: [] });
  if (validity.accepted === false && validity.class === 'stack') {
    if (validity.message.startsWith('invalid write to stack'))
      for (const o of runProgram(rewritten, { mode: 'instrumented', seed }, inputs))
        expect(o.fault?.kind, name).toBe('out-of-bounds');
    return true;
  }
  for (const slots of SLOT_MODELS) {
    const reference = runProgram(p, { mode: 'reference', slots, seed }, inputs);
    const instrumented = runProgram(rewritten, { mode: 'instrumented', slots, seed }, inputs);
    reference.forEach((expected, i) => {
      const got = instrumented[i]!;
      if (expected.indeterminate || expected.fault !== null) return;
      expect(
        renderDiffs(compareOutcomes(expected, got)),
        `${name} input ${i} (${slots})\n${printProgram(rewritten)}`,
      ).toBe('outcomes agree');
      expect(got.held, name).toEqual(expected.held);
      expect(got.slotAfter, name).toEqual({ thrown: false, cookie: '0' });
    });
  }
  return true;
}

describe('rewrites run instrumented equal the originals run with unwinding', () => {
  for (const dir of ['kernel', 'selftests', 'runtime']) {
    it(`corpus/${dir}`, () => {
      let throwing = 0;
      for (const [name, p] of corpusPrograms(dir)) if (checkRewrite(name, p, 1)) throwing++;
      expect(throwing).toBeGreaterThan(3);
    });
  }

  it('random fragment programs, both profiles', () => {
    let throwing = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const { program } = generateCase('rewrite', seed, { profile: seed % 2 === 0 ? 'rfc' : 'mainline' });
      if (checkRewrite(`seed ${seed}`, program, seed)) throwing++;
    }
    console.log(`[rewrite] ${throwing} of 600 generated programs were accepted and throw`);
    expect(throwing).toBeGreaterThan(50);
  });
});

describe('the engine rewrites as a person following SPEC §5 by hand does', () => {
  const dir = join(root, 'runtime');
  const pairs = readdirSync(dir)
    .filter((f) => f.endsWith('.rewrite.s'))
    .sort()
    .map((f) => [f.replace('.rewrite.s', '.s'), f] as const);

  it('has hand-written rewrites to compare with', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(5);
  });

  for (const [original, rewrite] of pairs) {
    it(`corpus/runtime/${rewrite}`, () => {
      const p = parseProgram(readFileSync(join(dir, original), 'utf8'), original);
      const r = verify(p, { profile: p.profile, quirks: [] });
      expect(r.verdict).toEqual({ accepted: true });
      // Comments differ (a person explains the rewrite); the instructions, functions and labels may not.
      const strip = (q: Program): Program => ({ ...q, notes: [] });
      const byHand = parseProgram(readFileSync(join(dir, rewrite), 'utf8'), rewrite);
      expect(strip(r.rewrite!)).toEqual(strip(byHand));
    });
  }
});
