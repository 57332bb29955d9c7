/**
 * Sizes and long runs: bpf_prog_load's instruction limit, add_subprog's BPF_MAX_SUBPROGS, the 1M
 * processed-instruction budget against an 80,000-instruction program, and long logs (no stack overflow).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Insn } from '../../../src/bpf/insn.js';
import { makeProgram, type Program } from '../../../src/bpf/program.js';
import { parseProgram } from '../../../src/bpf/text/parse.js';
import { verify } from '../../../src/engines/path-explorer/index.js';
import { DEFAULT_RUN_OPTIONS, runProgram } from '../../../src/runtime/index.js';
import { runCli } from '../../cli/helpers.js';

const root = join(import.meta.dirname, '../../..');
const MAINLINE = { profile: 'mainline', quirks: [] } as const;

const r0 = (imm: number): Insn => ({ kind: 'alu', op: 'mov', width: 64, dst: 0, src: { kind: 'imm', imm } });
const EXIT: Insn = { kind: 'exit' };

/** `r0 = 0` n times, then `tail` (by default `exit`). */
function straightLine(n: number, ...tail: Insn[]): Program {
  const insns = new Array<Insn>(n).fill(r0(0));
  for (const insn of tail.length > 0 ? tail : [EXIT]) insns.push(insn);
  return makeProgram(insns);
}

/** main calls f1..f(n-1), each `r0 = 0; exit`: n subprograms counting main. */
function subprogs(n: number): Program {
  const calls = n - 1;
  const insns: Insn[] = [];
  for (let i = 0; i < calls; i++) insns.push({ kind: 'call', off: calls + 2 - i - 1 + 2 * i });
  insns.push(r0(0), EXIT);
  const funcs = [{ name: 'main', insn: 0, linkage: 'static' as const, args: 0 }];
  for (let i = 0; i < calls; i++) {
    funcs.push({ name: `f${i + 1}`, insn: insns.length, linkage: 'static', args: 0 });
    insns.push(r0(0), EXIT);
  }
  return makeProgram(insns, funcs);
}

describe('bpf_prog_load: more than 1,000,000 instruction slots is E2BIG before verification', () => {
  const message = 'too many insns: 1000001 (limit 1000000; bpf_prog_load answers E2BIG with no log)';

  it('1,000,001 instructions: too-complex with the stable message, nothing processed, an empty log', () => {
    const r = verify(straightLine(1_000_000), { ...MAINLINE, log: true });
    expect(r.verdict).toEqual({ accepted: false, class: 'too-complex', message, insn: null });
    expect(r.stats.insnsProcessed).toBe(0);
    expect(r.log).toEqual([]);
  });

  it('counts slots, as insn_cnt does: 500,001 ld_imm64 are 1,000,002 slots', () => {
    const insns = new Array<Insn>(500_000).fill({ kind: 'lddw', dst: 0, lo: 1, hi: 1 });
    insns.push({ kind: 'lddw', dst: 0, lo: 1, hi: 1 }, EXIT);
    const r = verify(makeProgram(insns), MAINLINE);
    expect(r.verdict).toMatchObject({ accepted: false, class: 'too-complex' });
    expect(r.verdict.accepted === false && r.verdict.message).toBe(message.replace('1000001', '1000003'));
  });
});

describe('add_subprog: BPF_MAX_SUBPROGS (256, main included)', () => {
  it('256 subprograms are accepted, 257 and 300 are `too many subprograms` (structure)', () => {
    expect(verify(subprogs(256), MAINLINE).verdict).toEqual({ accepted: true });
    for (const n of [257, 300]) {
      const v = verify(subprogs(n), MAINLINE).verdict;
      // the call that would add the 257th: main's 256th call, at pc 255
      expect(v).toEqual({ accepted: false, class: 'structure', message: 'too many subprograms', insn: 255 });
    }
  });

  it('the corpus boundary programs are these programs', () => {
    for (const n of [256, 257]) {
      const text = readFileSync(join(root, `corpus/kernel/subprogs-${n}.s`), 'utf8');
      expect(parseProgram(text).insns).toEqual(subprogs(n).insns);
    }
  });
});

describe('long programs and long logs', () => {
  it('80,000 instructions verify within the 1M budget, with a log of every instruction', () => {
    const r = verify(straightLine(80_000), { ...MAINLINE, log: true });
    expect(r.verdict).toEqual({ accepted: true });
    expect(r.stats.insnsProcessed).toBe(80_001);
    expect(r.log).toHaveLength(80_003);
    expect(r.log?.at(-2)).toBe('80000: (95) exit');
  });

  it('a rejection after 80,000 instructions: the failing instruction, the message, the count', () => {
    const bad: Insn = { kind: 'alu', op: 'mov', width: 64, dst: 0, src: { kind: 'reg', reg: 5 } };
    const r = verify(straightLine(80_000, bad, EXIT), { ...MAINLINE, log: true });
    expect(r.verdict).toEqual({ accepted: false, class: 'uninit', message: 'R5 !read_ok', insn: 80_000 });
    expect(r.log?.slice(-3)).toEqual([
      '80000: (bf) r0 = r5',
      'R5 !read_ok',
      'processed 80001 insns (limit 1000000) total_states 0',
    ]);
  });

  it('the runtime runs 80,000 instructions', () => {
    const [outcome] = runProgram(straightLine(80_000), DEFAULT_RUN_OPTIONS);
    expect(outcome).toMatchObject({ retval: '0', fault: null });
  });

  it('`check --engine path-explorer --log` prints an 80,000-instruction program and its log', async () => {
    const dir = join(root, 'test/engines/path-explorer');
    const file = join(dir, '.long-80000.s');
    const { writeFileSync, rmSync } = await import('node:fs');
    writeFileSync(file, `${'    r0 = 0\n'.repeat(80_000)}    exit\n`);
    try {
      const run = await runCli('check', file, '--engine', 'path-explorer', '--log');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('path-explorer: accepted (80001 insns processed, mainline)');
      expect(run.stdout).toContain('| processed 80001 insns');
    } finally {
      rmSync(file, { force: true });
    }
  });
});
