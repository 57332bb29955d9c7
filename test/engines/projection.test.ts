/** The one projection: the same fields for the kernel and any model engine, messages normalised two ways. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { printProgram } from '../../src/bpf/text/print.js';
import type { EngineResult } from '../../src/engines/contract.js';
import { pathExplorer } from '../../src/engines/path-explorer/index.js';
import {
  asKernelOutcome,
  normalizeIds,
  normalizeNumbers,
  sameMessage,
  project,
  projectVerdict,
} from '../../src/engines/projection.js';
import { runProgram } from '../../src/runtime/run.js';

const corpus = (rel: string) =>
  parseProgram(readFileSync(join(import.meta.dirname, '../../corpus', rel), 'utf8'), rel);
const MAINLINE = { profile: 'mainline', quirks: [] } as const;

describe('message normalisation', () => {
  const msg = 'Unreleased reference id=3 alloc_insn=12 R1 off=-8 fp-16 ref_obj_id=3 0x1f';
  it('numbers (kernel vs model): every number, not register names', () => {
    expect(normalizeNumbers(msg)).toBe(
      'Unreleased reference id=N alloc_insn=N R1 off=-N fp-N ref_obj_id=N N',
    );
  });
  it('ids (every comparison): reference ids only', () => {
    expect(normalizeIds(msg)).toBe(
      'Unreleased reference id=N alloc_insn=12 R1 off=-8 fp-16 ref_obj_id=N 0x1f',
    );
  });
  it('ids: the register-state and reference-list forms, not names that end in _id', () => {
    expect(normalizeIds('R6_w=ptr_or_null_bpf_cpumask(id=2,ref_obj_id=2) refs=2,4 btf_id=77')).toBe(
      'R6_w=ptr_or_null_bpf_cpumask(id=N,ref_obj_id=N) refs=N btf_id=77',
    );
  });
  it('sameMessage: a different reference id agrees, a different alloc_insn does not', () => {
    expect(
      sameMessage('Unreleased reference id=3 alloc_insn=5', 'Unreleased reference id=9 alloc_insn=5'),
    ).toBe(true);
    expect(
      sameMessage('Unreleased reference id=3 alloc_insn=5', 'Unreleased reference id=3 alloc_insn=6'),
    ).toBe(false);
  });
});

describe('project', () => {
  it('a model rejection: class, message in three forms, nothing else', () => {
    const r: EngineResult = {
      engine: 'path-explorer',
      result: pathExplorer.verify(corpus('kernel/ref-leak-at-exit.s'), MAINLINE),
    };
    const p = project(r);
    expect(p).toMatchObject({
      engine: 'path-explorer',
      status: 'rejected',
      class: 'ref-leak',
      facts: null,
      rewrite: null,
      outcomes: null,
      run: null,
      reason: null,
    });
    expect(p.normalizedMessage).toBe(normalizeNumbers(p.message!));
    expect(p.idNormalizedMessage).toBe(normalizeIds(p.message!));
  });

  it('a model acceptance: facts and the rewrite in canonical text', () => {
    const answer = pathExplorer.verify(corpus('examples/throw-in-static.s'), MAINLINE);
    const p = project({ engine: 'path-explorer', result: answer });
    expect(p.status).toBe('accepted');
    expect(p.facts).toEqual(answer.result.facts);
    expect(p.rewrite).toBe(printProgram(answer.result.rewrite!));
    expect(projectVerdict({ engine: 'path-explorer', result: answer })).toEqual({
      engine: 'path-explorer',
      status: 'accepted',
      class: null,
      message: null,
      normalizedMessage: null,
      idNormalizedMessage: null,
      reason: null,
    });
  });

  it('the kernel: outcomes when it ran, none when it declined, faults and errors are faults', () => {
    const outcomes = [{ input: '00', retval: 1, ctx: '00' }];
    const accepted = (run: Extract<EngineResult, { engine: 'kernel' }>['result']): EngineResult => ({
      engine: 'kernel',
      result: run,
    });
    expect(
      project(accepted({ status: 'accepted', insnsProcessed: 3, run: { status: 'ran', outcomes } })),
    ).toMatchObject({ status: 'accepted', outcomes, run: 'ran' });
    expect(
      project(accepted({ status: 'accepted', insnsProcessed: 3, run: { status: 'declined', reason: 'x' } })),
    ).toMatchObject({ status: 'accepted', outcomes: null, run: 'declined' });
    expect(
      project(
        accepted({
          status: 'rejected',
          class: 'verifier-bug',
          message: 'verifier bug: insn 4',
          errno: 'EFAULT',
          insnsProcessed: null,
          logTail: [],
        }),
      ),
    ).toMatchObject({ status: 'rejected', class: 'verifier-bug', normalizedMessage: 'verifier bug: insn N' });
    expect(projectVerdict(accepted({ status: 'error', stage: 'encode', detail: 'no BTF id' }))).toMatchObject(
      { status: 'fault', reason: 'error during encode: no BTF id' },
    );
    expect(
      projectVerdict(
        accepted({ status: 'fault', stage: 'check', fault: { kind: 'timeout', op: 'check', ms: 5 } }),
      ),
    ).toMatchObject({
      status: 'fault',
      reason: 'executor fault during check: executor timed out after 5 ms on check',
    });
    expect(projectVerdict(accepted({ status: 'not-applicable', reason: 'rfc' }))).toMatchObject({
      status: 'not-applicable',
      reason: 'rfc',
    });
  });

  it('asKernelOutcome: a reference run as the kernel reports it (low 32 bits), none for a fault', () => {
    const [o] = runProgram(parseProgram('    r0 = -1\n    exit\n'), { mode: 'reference' });
    expect(asKernelOutcome(o!)).toEqual({ input: o!.input, retval: 0xffffffff, ctx: o!.ctx });
    expect(asKernelOutcome({ ...o!, retval: null })).toBeNull();
  });
});
