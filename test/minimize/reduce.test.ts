/** The reducer against predicates written here: deterministic, budgeted, each program tried once, candidates well formed. */
import { describe, expect, it } from 'vitest';
import type { Program } from '../../src/bpf/program.js';
import { structureProblem } from '../../src/bpf/structure.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { printProgram } from '../../src/bpf/text/print.js';
import { minimize } from '../../src/minimize/reduce.js';

const BIG = parseProgram(
  [
    '.ctx 8',
    '.input ctx=0011223344556677',
    '.input ctx=0000000000000000',
    '    r6 = r1',
    '    r7 = *(u8 *)(r6 +3)',
    '    r8 = 12345',
    '    if r7 == 0x5 goto skip',
    '    r8 += 7',
    'skip:',
    '    call f',
    '    r0 = r8',
    '    exit',
    '.func f static',
    '    r1 = 99',
    '    r0 = 0',
    '    exit',
  ].join('\n'),
);

/** Has a `rN = IMM` with IMM not 0 (after every other instruction is gone: `r8 = 1`). */
const hasNonzeroMov = (p: Program): boolean =>
  p.insns.some(
    (i) => i.kind === 'alu' && i.op === 'mov' && i.src.kind === 'imm' && i.src.imm !== 0 && i.dst === 8,
  );

describe('the reducer', () => {
  it('reaches the smallest program the predicate allows: constants toward 0, inputs dropped and zeroed', async () => {
    const r = await minimize(BIG, (p) => Promise.resolve(hasNonzeroMov(p)));
    expect(printProgram(r.program)).toBe('.ctx 8\n    r8 = 1\n    exit\n');
    expect(r.stats).toMatchObject({ stop: 'fixpoint', insnsBefore: 11, insnsAfter: 2, inputsAfter: 0 });
  });

  it('keeps what an input byte decides, and zeroes the rest', async () => {
    const byte3 = (p: Program): boolean => p.inputs.some((i) => i.ctx.slice(6, 8) === '33');
    const r = await minimize(BIG, (p) => Promise.resolve(byte3(p)));
    expect(r.program.inputs).toEqual([{ ctx: '0000003300000000' }]);
  });

  it('is deterministic, tries each program once, and hands the predicate only well-formed programs', async () => {
    const seen: string[] = [];
    const predicate = (p: Program): Promise<boolean> => {
      seen.push(printProgram(p));
      expect(structureProblem(p)).toBeNull();
      return Promise.resolve(p.insns.some((i) => i.kind === 'call'));
    };
    const a = await minimize(BIG, predicate);
    const first = seen.splice(0);
    const b = await minimize(BIG, predicate);
    expect(printProgram(b.program)).toBe(printProgram(a.program));
    expect(b.stats).toEqual(a.stats);
    expect(seen).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first).not.toContain(printProgram(BIG));
    expect(a.stats.calls).toBe(first.length);
    expect(a.program.funcs).toHaveLength(2);
  });

  it('stops at the budget: predicate calls, or the time by the clock it is given', async () => {
    const always = (): Promise<boolean> => Promise.resolve(false);
    const byCalls = await minimize(BIG, always, { maxCalls: 5 });
    expect(byCalls.stats).toMatchObject({ stop: 'calls', calls: 5 });
    let now = 0;
    const byTime = await minimize(BIG, () => Promise.resolve(++now > 1e9), { timeMs: 3, clock: () => now });
    expect(byTime.stats).toMatchObject({ stop: 'time', calls: 3 });
    expect(byTime.program).toBe(BIG);
  });

  it('holds a malformed program to nothing but the predicate', async () => {
    const malformed = parseProgram('    r0 = 1\n    r0 = 2\n    r0 = 3\n');
    expect(structureProblem(malformed)).not.toBeNull();
    const r = await minimize(malformed, (p) => Promise.resolve(p.insns.length >= 1));
    expect(r.program.insns).toHaveLength(1);
  });
});
