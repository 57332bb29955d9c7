/** Bad text gets one `file:line:col: message`; a test per error kind. */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { SourceError } from '../../src/bpf/source-error.js';

function errorOf(text: string): string {
  try {
    parseProgram(text, 'bad.s');
  } catch (e) {
    if (e instanceof SourceError) return e.format();
    throw e;
  }
  throw new Error('parsed without error');
}

const cases: [kind: string, text: string, error: string][] = [
  ['unknown mnemonic', 'r0 = 0\nfrob r1\nexit\n', "bad.s:2:1: unknown instruction 'frob'"],
  ['unknown register', 'r0 = 0\n  r11 = 1\nexit\n', "bad.s:2:3: unknown register 'r11'"],
  ['unknown register as operand', 'r0 = r12\nexit\n', "bad.s:1:6: unknown register 'r12'"],
  [
    'register width mismatch',
    'r0 = w1\nexit\n',
    "bad.s:1:6: register 'w1' does not match the 64-bit operation",
  ],
  ['malformed operand', 'r0 += 1x\nexit\n', "bad.s:1:7: malformed operand '1x'"],
  [
    'malformed memory operand',
    'r0 = *(u64 *)[r10 -8]\nexit\n',
    "bad.s:1:6: malformed memory operand '*(u64 *)[r10 -8]'",
  ],
  ['unknown access size', 'r0 = *(u128 *)(r10 -8)\nexit\n', "bad.s:1:8: unknown access size 'u128'"],
  ['unknown comparison', 'if r0 <> 1 goto pc+0\nexit\n', "bad.s:1:7: unknown comparison '<>'"],
  ['undefined label', 'if r1 == 0 goto nowhere\nexit\n', "bad.s:1:17: undefined label 'nowhere'"],
  ['unknown function', 'call frobnicate\nexit\n', "bad.s:1:6: unknown function 'frobnicate'"],
  [
    'unknown kernel function with an id',
    'call bpf_frob#12\nexit\n',
    "bad.s:1:6: unknown kernel function 'bpf_frob'",
  ],
  ['helper id mismatch', 'call bpf_loop#12\nexit\n', 'bad.s:1:6: helper bpf_loop has id 181, not 12'],
  ['duplicate label', 'a:\nr0 = 0\na:\nexit\n', "bad.s:3:1: duplicate label 'a' (first at line 1)"],
  [
    'duplicate function',
    'r0 = 0\nexit\n.func f static\nexit\n.func f static\nexit\n',
    "bad.s:5:7: duplicate function 'f' (first at line 3)",
  ],
  ['jump out of range', 'r0 = 0\ngoto pc+5\nexit\n', 'bad.s:2:1: jump out of range from insn 1 to 7'],
  ['jump backwards out of range', 'goto -2\nexit\n', 'bad.s:1:1: jump out of range from insn 0 to -1'],
  [
    'jump into an ld_imm64',
    'goto +1\nr1 = 5 ll\nexit\n',
    'bad.s:1:1: jump from insn 0 into the middle of the ld_imm64 at 1',
  ],
  [
    'jump offset out of its field',
    'goto pc+40000\nexit\n',
    'bad.s:1:6: jump offset +40000 does not fit in 16 bits',
  ],
  [
    'memory offset out of its field',
    'r0 = *(u64 *)(r10 -40000)\nexit\n',
    'bad.s:1:19: offset -40000 does not fit in 16 bits',
  ],
  [
    'immediate out of its field',
    'r0 += 4294967296\nexit\n',
    'bad.s:1:7: immediate 4294967296 does not fit in 32 bits',
  ],
  [
    'store immediate out of its field',
    '*(u32 *)(r10 -8) = 0x1ffffffff\nexit\n',
    'bad.s:1:20: immediate 0x1ffffffff does not fit in 32 bits',
  ],
  [
    '64-bit immediate out of range',
    'r1 = 0x1ffffffffffffffff ll\nexit\n',
    'bad.s:1:6: immediate 0x1ffffffffffffffff does not fit in 64 bits',
  ],
  ['unknown directive', '.frob 1\nr0 = 0\nexit\n', "bad.s:1:1: unknown directive '.frob'"],
  [
    'bad linkage',
    '.func main weak\nr0 = 0\nexit\n',
    "bad.s:1:12: linkage must be static or global, not 'weak'",
  ],
  [
    'too many args',
    'r0 = 0\nexit\n.func g global args=6\nexit\n',
    'bad.s:3:16: a function takes at most 5 arguments, not 6',
  ],
  ['bad ctx size', '.ctx 0\nr0 = 0\nexit\n', "bad.s:1:6: ctx size must be 1..65535, not '0'"],
  ['unknown profile', '.profile linus\nexit\n', "bad.s:1:10: unknown profile 'linus'"],
  ['duplicate .ctx', '.ctx 8\n.ctx 8\nexit\n', 'bad.s:2:1: duplicate .ctx directive'],
  [
    'input of the wrong size',
    '.ctx 4\n.input ctx=0102\nexit\n',
    'bad.s:2:8: input has 2 bytes, but the ctx is 4 bytes',
  ],
  ['input that is not hex', '.input ctx=zz\nexit\n', "bad.s:1:8: expected ctx=HEX, found 'ctx=zz'"],
  [
    'log prefix with the wrong opcode',
    '0: (b7) r1 = r2\nexit\n',
    'bad.s:1:1: opcode (b7) does not match the instruction, which encodes as (bf)',
  ],
  [
    'log prefix out of place',
    '0: (b7) r1 = 1\n3: (95) exit\n',
    'bad.s:2:1: log line says insn 3, but this is insn 1',
  ],
  [
    'function with no instructions',
    'r0 = 0\nexit\n.func f static\n',
    "bad.s:3:1: function 'f' has no instructions",
  ],
  ['empty program', '; nothing here\n', 'bad.s:1:1: the program has no instructions'],
  ['a label named like a register', 'r1:\nexit\n', "bad.s:1:1: 'r1' is a reserved word"],
  [
    'a label named like a kernel function',
    'bpf_throw:\nexit\n',
    "bad.s:1:1: 'bpf_throw' is a kernel function name",
  ],
];

describe('parse errors', () => {
  for (const [kind, text, error] of cases) {
    it(kind, () => {
      expect(errorOf(text)).toBe(error);
    });
  }
});
