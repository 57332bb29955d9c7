/**
 * Every instruction form prints as the kernel prints it: strings from real verifier logs of this machine's
 * kernel (test/fixtures/kernel-log, captured with log_level 2) parse, and print back to the same text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opcodeOf } from '../../src/bpf/codec.js';
import type { Insn } from '../../src/bpf/insn.js';
import { layoutOf } from '../../src/bpf/layout.js';
import { splitLines } from '../../src/bpf/text/lines.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { printInsn } from '../../src/bpf/text/print.js';
import { parseStatement } from '../../src/bpf/text/statement.js';

const dir = join(import.meta.dirname, '../fixtures/kernel-log');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.txt'));

/** The kernel's text of an instruction, as printed after `N: (xx) `, without state comments. */
function kernelText(line: string): string {
  return line.replace(/^\s*\d+:\s+(?:[0-9.]{10,}\s+)?\([0-9a-f]{2}\)\s+/, '').replace(/\s*;.*$/, '');
}

/** What we print for it: the kernel's form, with LLVM's `ll` on ld_imm64 (the log's form reads as a mov). */
const expected = (insn: Insn, text: string): string => (insn.kind === 'lddw' ? `${text} ll` : text);

describe('kernel verifier-log syntax', () => {
  it('has fixtures for every form', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of fixtures.filter((f) => f.startsWith('listing-'))) {
    it(`parses the whole listing ${file} and prints each instruction as the kernel did`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const program = parseProgram(text, file);
      const lines = text.split('\n').filter((l) => /^\s*\d+:/.test(l));
      expect(program.insns).toHaveLength(lines.length);
      const { pcOf } = layoutOf(program.insns);
      program.insns.forEach((insn, i) => {
        expect(printInsn(insn, pcOf[i])).toBe(expected(insn, kernelText(lines[i]!)));
      });
    });
  }

  it('reads the lines of a path walk one by one, state comments and all', () => {
    const text = readFileSync(join(dir, 'walk-alu.txt'), 'utf8');
    let checked = 0;
    for (const line of splitLines(text)) {
      if (!line.logPrefix) continue;
      const { insn } = parseStatement(line.text, line.logPrefix.opcode === 0x18);
      expect(opcodeOf(insn)).toBe(line.logPrefix.opcode);
      expect(printInsn(insn)).toBe(expected(insn, kernelText(text.split('\n')[line.line - 1]!)));
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('covers every instruction kind but the model-only ones', () => {
    const kinds = new Set(
      fixtures.flatMap((f) => {
        const text = readFileSync(join(dir, f), 'utf8');
        return splitLines(text)
          .filter((l) => l.logPrefix)
          .map((l) => parseStatement(l.text, l.logPrefix!.opcode === 0x18).insn.kind);
      }),
    );
    // ldfunc prints in the log like a plain ld_imm64 (its src_reg is not shown): it appears as lddw here.
    expect([...kinds].sort()).toEqual(
      ['alu', 'exit', 'helper', 'ja', 'jmp', 'kfunc', 'call', 'lddw', 'ldx', 'neg', 'st', 'stx'].sort(),
    );
  });
});

describe('the rewrite forms of SPEC §5', () => {
  const cases: [string, Insn][] = [
    ['r6 = r1', { kind: 'alu', width: 64, op: 'mov', dst: 6, src: { kind: 'reg', reg: 1 } }],
    ['call bpf_reset_exception', { kind: 'helper', id: 0x7fff }],
    ['call bpf_get_exception', { kind: 'helper', id: 0x7ffe }],
    ['r0 = 0', { kind: 'alu', width: 64, op: 'mov', dst: 0, src: { kind: 'imm', imm: 0 } }],
    ['r0 = r1', { kind: 'alu', width: 64, op: 'mov', dst: 0, src: { kind: 'reg', reg: 1 } }],
    ['*(u64 *)(r10 -24) = r0', { kind: 'stx', size: 8, dst: 10, src: 0, off: -24 }],
    [
      'if r0 == 0x0 goto pc+3',
      { kind: 'jmp', width: 64, op: 'jeq', dst: 0, src: { kind: 'imm', imm: 0 }, off: 3 },
    ],
    ['r0 = *(u64 *)(r10 -24)', { kind: 'ldx', size: 8, dst: 0, src: 10, off: -24 }],
    [
      'if w0 != 0xfffffdf0 goto pc+3',
      { kind: 'jmp', width: 32, op: 'jne', dst: 0, src: { kind: 'imm', imm: -528 }, off: 3 },
    ],
    ['call bpf_throw', { kind: 'kfunc', name: 'bpf_throw', btfId: null }],
    ['call bpf_loop#181', { kind: 'helper', id: 181 }],
    ['exit', { kind: 'exit' }],
  ];
  for (const [text, insn] of cases) {
    it(text, () => {
      expect(parseStatement(text).insn).toEqual(insn);
      expect(printInsn(insn)).toBe(text);
    });
  }

  it('reads LLVM spellings as the same instructions', () => {
    expect(parseStatement('if w0 != -528 goto +3').insn).toEqual(
      parseStatement('if w0 != 0xfffffdf0 goto pc+3').insn,
    );
    expect(parseStatement('r1 = 0x112345678').insn).toEqual(parseStatement('r1 = 0x112345678 ll').insn);
    expect(parseStatement('call bpf_throw#65988').insn).toEqual({
      kind: 'kfunc',
      name: 'bpf_throw',
      btfId: 65988,
    });
    expect(parseStatement('*(u64 *)(r10 - 8) = r1').insn).toEqual(
      parseStatement('*(u64 *)(r10 -8) = r1').insn,
    );
    expect(parseStatement('r1+=8').insn).toEqual(parseStatement('r1 += 8').insn);
  });
});
