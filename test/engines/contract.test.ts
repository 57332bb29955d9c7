/**
 * The engine contract in use: every model engine in the registry is a ModelEngine whose `verify` never
 * throws; an exception inside it is the `internal-error` verdict (a finding about the engine), never
 * `unsupported` (a program outside the fragment) and never a rejection.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProgram, type Program } from '../../src/bpf/program.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { printProgram } from '../../src/bpf/text/print.js';
import { ENGINE_NAMES, MODEL_ENGINES, openEngine } from '../../src/engines/index.js';
import { verify } from '../../src/engines/path-explorer/index.js';
import { projectVerdict } from '../../src/engines/projection.js';

const corpus = (rel: string): Program =>
  parseProgram(readFileSync(join(import.meta.dirname, '../../corpus', rel), 'utf8'), rel);

/** A program whose instructions cannot even be read: any engine that touches them throws. */
function exploding(): Program {
  const p = makeProgram([{ kind: 'exit' }]);
  return Object.defineProperty({ ...p }, 'insns', {
    get: () => {
      throw new Error('boom');
    },
  });
}

/** A program with an instruction no engine knows (a crash deep inside do_check, not a parse error). */
function unknownInsn(): Program {
  return makeProgram([{ kind: 'no-such-insn' } as never, { kind: 'exit' }]);
}

describe('a model engine that crashes answers internal-error', () => {
  for (const engine of MODEL_ENGINES) {
    for (const [what, program] of [
      ['unreadable instructions', exploding],
      ['an unknown instruction', unknownInsn],
    ] as const) {
      it(`${engine.name}: ${what}`, () => {
        const answer = engine.verify(program(), { profile: 'mainline', quirks: [] });
        expect(answer.result.verdict).toMatchObject({ accepted: null, status: 'internal-error' });
        expect(answer.rewriteVerdict).toBeNull();
        expect(projectVerdict({ engine: engine.name, result: answer })).toMatchObject({
          status: 'fault',
          class: null,
        });
      });
    }
  }

  it('path-explorer verify itself: an exception before do_check (the size check) is internal-error too', () => {
    expect(verify(exploding(), { profile: 'mainline', quirks: [] }).verdict).toEqual({
      accepted: null,
      status: 'internal-error',
      reason: 'path-explorer internal error: boom',
    });
  });
});

describe('ModelEngine', () => {
  it('the registry lists the kernel and every model engine, each once', () => {
    expect(ENGINE_NAMES).toEqual(['kernel', ...MODEL_ENGINES.map((e) => e.name)]);
    expect(new Set(ENGINE_NAMES).size).toBe(ENGINE_NAMES.length);
  });

  it('each says whether it has a join mode: null, or one line why not', () => {
    for (const e of MODEL_ENGINES) {
      expect(e.join === null || (typeof e.join === 'string' && /^[^\n]+$/.test(e.join)), e.name).toBe(true);
    }
  });

  it('a join-mode answer is an answer of the same engine, under the same profile and quirks', () => {
    const p = corpus('examples/throw-in-static.s');
    for (const e of MODEL_ENGINES) {
      const joined = e.verify(p, { profile: 'mainline', quirks: [], join: true });
      expect(joined, e.name).toMatchObject({ engine: e.name, profile: 'mainline', quirks: [] });
      // Without join mode the option is ignored: the exact answer.
      if (e.join !== null) expect(joined).toEqual(e.verify(p, { profile: 'mainline', quirks: [] }));
    }
  });

  it('answers with its name, the options it verified under, and the rewrite as a Program', () => {
    const [engine] = MODEL_ENGINES;
    const p = corpus('examples/throw-in-static.s');
    const a = engine!.verify(p, { profile: 'mainline', quirks: ['seed-loop-inline'] });
    expect(a).toMatchObject({ engine: engine!.name, profile: 'mainline', quirks: ['seed-loop-inline'] });
    expect(a.result.verdict).toEqual({ accepted: true });
    const rewrite = a.result.rewrite!;
    // A Program, not text; its text parses back to it (text only at the edges).
    expect(typeof rewrite).toBe('object');
    expect(parseProgram(printProgram(rewrite))).toEqual(rewrite);
    expect(a.rewriteVerdict).toEqual({ accepted: true });
  });

  it("the registry opens a model engine that verifies under the program's own .profile unless told", async () => {
    const p = corpus('selftests/rfc-exception-throw-cb1.s');
    expect(p.profile).toBe('rfc');
    for (const [options, profile] of [
      [{}, 'rfc'],
      [{ profile: 'mainline' as const }, 'mainline'],
    ] as const) {
      const opened = await openEngine(MODEL_ENGINES[0]!.name, options);
      if (!opened.available) throw new Error('a model engine is always available');
      const r = await opened.engine.check(p);
      expect(r.engine !== 'kernel' && r.result.profile).toBe(profile);
      await opened.engine.close();
    }
  });
});
