/**
 * The interpreter's 64- and 32-bit arithmetic and jump conditions against a BigInt model of the BPF ISA
 * (fast-check): the registers are int32 halves, so every carry, borrow and shift boundary is a place to
 * be wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALU_OPS,
  JMP_OPS,
  lddwFields,
  type AluOp,
  type Insn,
  type JmpOp,
  type Width,
} from '../../src/bpf/insn.js';
import { makeProgram } from '../../src/bpf/program.js';
import { runOnce } from '../../src/runtime/run.js';

const M64 = (1n << 64n) - 1n;
const M32 = (1n << 32n) - 1n;
const s64 = (v: bigint) => BigInt.asIntN(64, v);
const s32 = (v: bigint) => BigInt.asIntN(32, v);

function aluModel(op: AluOp, width: Width, a: bigint, b: bigint): bigint {
  const mask = width === 64 ? M64 : M32;
  const bits = BigInt(width);
  const x = a & mask;
  const y = b & mask;
  const signed = width === 64 ? s64 : s32;
  switch (op) {
    case 'add':
      return (x + y) & mask;
    case 'sub':
      return (x - y) & mask;
    case 'mul':
      return (x * y) & mask;
    case 'div':
      return y === 0n ? 0n : x / y;
    case 'mod':
      return y === 0n ? x : x % y;
    case 'or':
      return x | y;
    case 'and':
      return x & y;
    case 'xor':
      return x ^ y;
    case 'mov':
      return y;
    case 'lsh':
      return (x << (y & (bits - 1n))) & mask;
    case 'rsh':
      return x >> (y & (bits - 1n));
    case 'arsh':
      return (signed(x) >> (y & (bits - 1n))) & mask;
  }
}

function jmpModel(op: JmpOp, width: Width, a: bigint, b: bigint): boolean {
  const mask = width === 64 ? M64 : M32;
  const x = a & mask;
  const y = b & mask;
  const signed = width === 64 ? s64 : s32;
  switch (op) {
    case 'jeq':
      return x === y;
    case 'jne':
      return x !== y;
    case 'jset':
      return (x & y) !== 0n;
    case 'jgt':
      return x > y;
    case 'jge':
      return x >= y;
    case 'jlt':
      return x < y;
    case 'jle':
      return x <= y;
    case 'jsgt':
      return signed(x) > signed(y);
    case 'jsge':
      return signed(x) >= signed(y);
    case 'jslt':
      return signed(x) < signed(y);
    case 'jsle':
      return signed(x) <= signed(y);
  }
}

const lddw = (dst: 1 | 2, value: bigint): Insn => ({ kind: 'lddw', dst, ...lddwFields(value) });
const retval = (insns: Insn[]) => BigInt(runOnce(makeProgram(insns), new Uint8Array(64)).retval!);

/** Values that hit the boundaries often: 0, ±1, 2^31, 2^32, 2^63 neighbourhoods, and anything. */
const u64 = fc.oneof(
  fc.bigInt({ min: 0n, max: M64 }),
  fc.constantFrom(0n, 1n, M64, M32, 1n << 31n, (1n << 31n) - 1n, 1n << 32n, 1n << 63n, (1n << 63n) - 1n),
  fc.bigInt({ min: 0n, max: 70n }),
);
const imm = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -70, max: 70 }));
const width = fc.constantFrom<Width>(64, 32);

describe('ALU against a BigInt model', () => {
  it('register operands', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALU_OPS), width, u64, u64, (op, w, a, b) => {
        const insns: Insn[] = [
          lddw(1, a),
          lddw(2, b),
          { kind: 'alu', width: w, op, dst: 1, src: { kind: 'reg', reg: 2 } },
          { kind: 'alu', width: 64, op: 'mov', dst: 0, src: { kind: 'reg', reg: 1 } },
          { kind: 'exit' },
        ];
        expect(retval(insns)).toBe(aluModel(op, w, a, b));
      }),
      { numRuns: 5000 },
    );
  });

  it('immediate operands (sign-extended to 64 bits, truncated to 32)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALU_OPS), width, u64, imm, (op, w, a, k) => {
        const insns: Insn[] = [
          lddw(1, a),
          { kind: 'alu', width: w, op, dst: 1, src: { kind: 'imm', imm: k } },
          { kind: 'alu', width: 64, op: 'mov', dst: 0, src: { kind: 'reg', reg: 1 } },
          { kind: 'exit' },
        ];
        expect(retval(insns)).toBe(aluModel(op, w, a, BigInt(k) & M64));
      }),
      { numRuns: 5000 },
    );
  });

  it('neg', () => {
    fc.assert(
      fc.property(width, u64, (w, a) => {
        const insns: Insn[] = [
          lddw(1, a),
          { kind: 'neg', width: w, dst: 1 },
          { kind: 'alu', width: 64, op: 'mov', dst: 0, src: { kind: 'reg', reg: 1 } },
          { kind: 'exit' },
        ];
        expect(retval(insns)).toBe(aluModel('sub', w, 0n, a));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('jump conditions against a BigInt model', () => {
  it('register and immediate operands, JMP and JMP32', () => {
    fc.assert(
      fc.property(fc.constantFrom(...JMP_OPS), width, u64, fc.oneof(u64, imm), (op, w, a, b) => {
        const src =
          typeof b === 'number' ? ({ kind: 'imm', imm: b } as const) : ({ kind: 'reg', reg: 2 } as const);
        const insns: Insn[] = [
          lddw(1, a),
          lddw(2, typeof b === 'number' ? 0n : b),
          { kind: 'jmp', width: w, op, dst: 1, src, off: 2 },
          { kind: 'alu', width: 64, op: 'mov', dst: 0, src: { kind: 'imm', imm: 0 } },
          { kind: 'exit' },
          { kind: 'alu', width: 64, op: 'mov', dst: 0, src: { kind: 'imm', imm: 1 } },
          { kind: 'exit' },
        ];
        const bv = typeof b === 'number' ? BigInt(b) & M64 : b;
        expect(retval(insns)).toBe(jmpModel(op, w, a, bv) ? 1n : 0n);
      }),
      { numRuns: 5000 },
    );
  });
});
