/**
 * Join mode of abstract-interpreter (join.ts): the join covers what it merges (laws), it loses precision
 * where a program relies on what two paths knew apart (and the precision oracle reports that from a real
 * pipeline observation), the bpf_loop fixpoint converges by widening, and a joined analysis never accepts
 * what the exact one rejects for a safety reason nor leaves a callsite unmarked that the exact one marks.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCase } from '../../../generators/case.js';
import type { Profile } from '../../../src/bpf/profile.js';
import type { Program } from '../../../src/bpf/program.js';
import type { ModelResult } from '../../../src/bpf/result.js';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { printProgram } from '../../../src/bpf/text/print.js';
import { scalarAlu, type ScalarOp } from '../../../src/engines/abstract-interpreter/alu.js';
import { joinScalar, tnumUnion } from '../../../src/engines/abstract-interpreter/join.js';
import {
  contains,
  scalarConst,
  scalarKey,
  sync,
  SCALAR_UNKNOWN,
  type Scalar,
} from '../../../src/engines/abstract-interpreter/scalar.js';
import { tnumRange } from '../../../src/engines/abstract-interpreter/tnum.js';
import { modelEngine } from '../../../src/engines/index.js';
import { runCase } from '../../../src/fuzz/pipeline.js';
import type { CampaignSettings } from '../../../src/fuzz/settings.js';
import { runCli } from '../../cli/helpers.js';
import { joinProgram } from './join-programs.js';

const ai = modelEngine('abstract-interpreter');
const U64 = (1n << 64n) - 1n;
const u64 = (x: bigint): bigint => BigInt.asUintN(64, x);

const value = fc.oneof(
  fc.bigInt({ min: 0n, max: 300n }),
  fc.bigInt({ min: -300n, max: -1n }).map(u64),
  fc.bigInt({ min: (1n << 31n) - 3n, max: (1n << 32n) + 3n }),
  fc.bigInt({ min: (1n << 63n) - 3n, max: (1n << 63n) + 3n }),
  fc.bigInt({ min: 0n, max: U64 }),
);

/** An abstract scalar holding `v`, built as the verifier builds them (constant, range, known bits). */
const scalarAround = (v: bigint): fc.Arbitrary<Scalar> =>
  fc.oneof(
    fc.constant(scalarConst(v)),
    fc.constant(SCALAR_UNKNOWN),
    fc.tuple(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 1000n })).map(([a, b]) => {
      const lo = v - a < 0n ? 0n : v - a;
      const hi = v + b > U64 ? U64 : v + b;
      return sync({ ...SCALAR_UNKNOWN, umin: lo, umax: hi, t: tnumRange(lo, hi) });
    }),
    fc
      .bigInt({ min: 0n, max: U64 })
      .map((mask) => sync({ ...SCALAR_UNKNOWN, t: { value: v & ~mask & U64, mask } })),
  );
const pair = value.chain((v) => scalarAround(v).map((s) => ({ v, s })));

const parse = (text: string, name = 'join.s'): Program => parseProgram(text, name);
const exactOf = (p: Program, profile: Profile = p.profile): ModelResult =>
  ai.verify(p, { profile, quirks: [] }).result;
const joinedOf = (p: Program, profile: Profile = p.profile): ModelResult =>
  ai.verify(p, { profile, quirks: [], join: true }).result;

/**
 * Two paths meet at `j`: r2 = 0 where r6 <= 10, r2 = 1 where r6 > 10. Apart, the r2 == 0 path knows
 * r6 <= 10 and never reaches `end`; joined, r6 and r2 are unrelated and `end` is reached.
 */
const correlated = (end: string[]): Program =>
  parse(
    [
      '.ctx 32',
      '    r6 = *(u32 *)(r1 +0)',
      '    r2 = 1',
      '    if r6 > 10 goto j',
      '    r2 = 0',
      'j:',
      '    if r2 != 0 goto out',
      '    if r6 > 10 goto end',
      '    r0 = 0',
      '    exit',
      'end:',
      ...end,
      'out:',
      '    r0 = 0',
      '    exit',
    ].join('\n'),
  );
const NULL_READ_END = ['    r3 = 0', '    r0 = *(u64 *)(r3 +0)', '    exit'];
const nullRead = correlated(NULL_READ_END);
const throwing = correlated(['    r1 = 1', '    call bpf_throw', '    r0 = 0', '    exit']);

/**
 * A bpf_loop callback adds one to a counter on the caller's stack; past 100 the program reads NULL. The
 * count is unknown (a u32 from the ctx), so the rounds are not bounded by it (callback_depth) and only
 * widening makes the callsite converge; the kernel rejects it too.
 */
const counter = parse(
  [
    '.ctx 32',
    '    r7 = 0',
    '    *(u64 *)(r10 -8) = r7',
    '    r1 = *(u32 *)(r1 +0)',
    '    r2 = bump ll',
    '    r3 = r10',
    '    r3 += -8',
    '    r4 = 0',
    '    call bpf_loop#181',
    '    r1 = *(u64 *)(r10 -8)',
    '    if r1 > 100 goto bad',
    '    r0 = 0',
    '    exit',
    'bad:',
    '    r2 = 0',
    '    r0 = *(u64 *)(r2 +0)',
    '    exit',
    '.func bump static args=2',
    '    r3 = *(u64 *)(r2 +0)',
    '    r3 += 1',
    '    *(u64 *)(r2 +0) = r3',
    '    r0 = 0',
    '    exit',
  ].join('\n'),
);

describe('join: the value domain', () => {
  it('tnum_union and the scalar join hold every value of both sides', () => {
    fc.assert(
      fc.property(pair, pair, ({ v: x, s: a }, { v: y, s: b }) => {
        const t = tnumUnion(a.t, b.t);
        for (const v of [x, y]) expect((v & ~t.mask & U64) === t.value).toBe(true);
        const j = joinScalar(a, b);
        expect(contains(j, x) && contains(j, y)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('widening against the previous round holds both sides', () => {
    fc.assert(
      fc.property(pair, pair, ({ v: x, s: old }, { v: y, s: next }) => {
        const w = joinScalar(joinScalar(old, next), old, old);
        expect(contains(w, x) && contains(w, y)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('a loop body applied again and again reaches a fixpoint once widened (a handful of rounds)', () => {
    const ops: ScalarOp[] = ['add', 'sub', 'lsh', 'or', 'xor'];
    fc.assert(
      fc.property(pair, fc.constantFrom(...ops), fc.bigInt({ min: 1n, max: 9n }), ({ s }, op, k) => {
        let cur = s;
        let rounds = 0;
        for (;;) {
          const next = joinScalar(cur, scalarAlu(op, cur, scalarConst(k)), cur);
          if (scalarKey(next) === scalarKey(cur)) break;
          cur = next;
          expect(++rounds).toBeLessThan(70);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a link id survives only where both sides share it', () => {
    const a = { ...scalarConst(3n), id: 4, delta: 1 };
    expect(joinScalar(a, { ...scalarConst(9n), id: 4, delta: 1 }).id).toBe(4);
    expect(joinScalar(a, { ...scalarConst(9n), id: 5, delta: 1 }).id).toBe(0);
    expect(joinScalar(a, { ...scalarConst(9n), id: 4, delta: 2 })).toMatchObject({ id: 0, delta: null });
  });
});

describe('join mode on programs', () => {
  it('engine B supports join mode', () => {
    expect(ai.join).toBeNull();
  });

  it('a join forgets what two paths knew apart: exact accepts, joined rejects', () => {
    expect(exactOf(nullRead).verdict).toEqual({ accepted: true });
    expect(joinedOf(nullRead).verdict).toEqual({
      accepted: false,
      class: 'bad-access',
      message: "R3 invalid mem access 'scalar'",
      insn: 9,
    });
  });

  it('the same join marks a throw the exact analysis never reaches', () => {
    const exact = exactOf(throwing);
    const joined = joinedOf(throwing);
    expect(exact.verdict.accepted).toBe(true);
    expect(joined.verdict.accepted).toBe(true);
    expect(exact.facts?.marks).toEqual([{ insn: 9, mark: 'none' }]);
    expect(joined.facts?.marks).toEqual([{ insn: 9, mark: 'outer' }]);
  });

  it('merges states: fewer instructions processed than the exact analysis on the same program', () => {
    expect(joinedOf(nullRead).stats.insnsProcessed).toBeLessThan(exactOf(nullRead).stats.insnsProcessed);
  });

  it('the bpf_loop fixpoint converges by widening the counter, which keeps the NULL read reachable', () => {
    const joined = joinedOf(counter);
    expect(joined.verdict).toMatchObject({ accepted: false, class: 'bad-access', insn: 14 });
    expect(exactOf(counter).verdict).toEqual(joined.verdict);
    expect(joined.stats.insnsProcessed).toBeLessThan(exactOf(counter).stats.insnsProcessed);
  });
});

describe('throwfuzz check --join', () => {
  it('answers with the joined analysis of engine B', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'throwfuzz-')), 'join.s');
    writeFileSync(file, printProgram(nullRead));
    const exact = await runCli('check', '--engine', 'abstract-interpreter', '--json', file);
    const joined = await runCli('check', '--engine', 'abstract-interpreter', '--join', '--json', file);
    expect(exact.code).toBe(0);
    expect(joined.stderr).toBe('');
    expect(exact.stdout).toContain('"accepted": true');
    expect(joined.stdout).toContain("R3 invalid mem access 'scalar'");
  });
});

describe('the precision oracle on a joined answer from the pipeline', () => {
  const settings: CampaignSettings = {
    runSeed: 'join',
    models: ['abstract-interpreter'],
    kernel: false,
    profile: 'mainline',
    quirks: {},
    slots: ['task-ctx'],
    beyond: 0,
    join: true,
  };
  const judged = async (program: Program) =>
    (
      await runCase({ kind: 'corpus', index: 0 }, settings, {
        kernel: { unavailable: 'not asked' },
        corpus: [],
        replay: [program],
        clock: () => 0,
      })
    ).findings
      .filter((f) => f.oracle === 'precision')
      .map((f) => ({ signature: f.signature, severity: f.severity }));

  it('reports the extra rejection as precision, not a disagreement', async () => {
    const found = await judged(nullRead);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('precision');
    expect(found[0]!.signature).toMatch(/^precision:abstract-interpreter\+join=bad-access:extra-reject:/);
  });

  it('reports the extra mark as precision', async () => {
    const found = await judged(throwing);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'precision' });
    expect(found[0]!.signature).toMatch(/^precision:abstract-interpreter\+join=accept:extra-mark:/);
  });

  it('nothing where the join changes nothing', async () => {
    expect(await judged(counter)).toEqual([]);
  });
});

/** Joined accepts what exact rejects for a safety reason, or leaves unmarked what exact marks. */
function unsound(exact: ModelResult, joined: ModelResult): string | null {
  const e = exact.verdict;
  const j = joined.verdict;
  if (j.accepted === null && j.status === 'internal-error') return `internal error: ${j.reason}`;
  if (e.accepted === false && e.class !== 'too-complex' && j.accepted === true)
    return `joined accepts, exact rejects: ${e.message}`;
  if (e.accepted === true && j.accepted === true) {
    const marked = new Map((joined.facts?.marks ?? []).map((m) => [m.insn, m.mark]));
    for (const m of exact.facts?.marks ?? [])
      if (m.mark !== 'none' && marked.get(m.insn) === 'none') return `lost mark at ${m.insn}`;
  }
  return null;
}

describe('join mode is sound against the exact analysis', () => {
  for (const seed of ['join-a', 'join-b'])
    for (const profile of ['mainline', 'rfc'] as Profile[])
      it(`600 generated ${profile} programs of seed ${seed}`, () => {
        const bad: string[] = [];
        for (let i = 0; i < 600; i++) {
          const { program } = generateCase(seed, i, { profile, beyond: 0, corpus: [] });
          const why = unsound(exactOf(program, profile), joinedOf(program, profile));
          if (why !== null) bad.push(`${i}: ${why}`);
        }
        expect(bad).toEqual([]);
      }, 120_000);

  it('random programs built for joins (branches over ctx scalars, spills, a bpf_loop counter)', () => {
    let differs = 0;
    fc.assert(
      fc.property(joinProgram, fc.constantFrom<Profile>('mainline', 'rfc'), (text, profile) => {
        const p = parse(text);
        const exact = exactOf(p, profile);
        const joined = joinedOf(p, profile);
        if (JSON.stringify(exact.verdict) !== JSON.stringify(joined.verdict)) differs++;
        expect(unsound(exact, joined), `${profile}\n${text}`).toBeNull();
      }),
      { numRuns: 1500, seed: 20260 },
    );
    // The programs exercise the join: some verdicts change (otherwise the property says little).
    expect(differs).toBeGreaterThan(10);
  }, 120_000);
});
