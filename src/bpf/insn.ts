/**
 * eBPF instructions as a closed union.
 *
 * One `Insn` is one instruction; `ld_imm64` forms (`lddw`, `ldfunc`) occupy two 8-byte slots in the
 * encoding, every other form one. Jump and call offsets are kept exactly as the kernel encodes them:
 * relative, in slots, from the slot after the instruction (`target = pc + off + 1`). See `layout.ts`
 * for the mapping between instruction indices and slot indices (pcs).
 */

export type Reg = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** ALU64 / JMP (64-bit) or ALU / JMP32 (32-bit, `w` registers). */
export type Width = 64 | 32;

/** Memory access size in bytes: u8, u16, u32, u64. */
export type Size = 1 | 2 | 4 | 8;

/** Binary ALU operations (BPF_ALU / BPF_ALU64 opcodes other than NEG and END). */
export type AluOp =
  'add' | 'sub' | 'mul' | 'div' | 'or' | 'and' | 'lsh' | 'rsh' | 'mod' | 'xor' | 'mov' | 'arsh';

/** Conditional jump operations (BPF_JMP / BPF_JMP32). */
export type JmpOp =
  'jeq' | 'jgt' | 'jge' | 'jset' | 'jne' | 'jsgt' | 'jsge' | 'jlt' | 'jle' | 'jslt' | 'jsle';

/** The source operand of ALU and jump instructions: a register (BPF_X) or a 32-bit immediate (BPF_K). */
export type Operand =
  { readonly kind: 'reg'; readonly reg: Reg } | { readonly kind: 'imm'; readonly imm: number };

export type Insn =
  /** `dst op= src` (`mov` is `dst = src`); imm is a signed 32-bit value. */
  | {
      readonly kind: 'alu';
      readonly width: Width;
      readonly op: AluOp;
      readonly dst: Reg;
      readonly src: Operand;
    }
  /** `dst = -dst` */
  | { readonly kind: 'neg'; readonly width: Width; readonly dst: Reg }
  /** `goto pc+off` */
  | { readonly kind: 'ja'; readonly off: number }
  /** `if dst op src goto pc+off` */
  | {
      readonly kind: 'jmp';
      readonly width: Width;
      readonly op: JmpOp;
      readonly dst: Reg;
      readonly src: Operand;
      readonly off: number;
    }
  /** `dst = *(uN *)(src +off)` */
  | { readonly kind: 'ldx'; readonly size: Size; readonly dst: Reg; readonly src: Reg; readonly off: number }
  /** `*(uN *)(dst +off) = src` */
  | { readonly kind: 'stx'; readonly size: Size; readonly dst: Reg; readonly src: Reg; readonly off: number }
  /** `*(uN *)(dst +off) = imm` */
  | {
      readonly kind: 'st';
      readonly size: Size;
      readonly dst: Reg;
      readonly off: number;
      readonly imm: number;
    }
  /** `dst = 0x... ll`: 64-bit constant; lo and hi are the two raw imm fields (signed 32-bit each). */
  | { readonly kind: 'lddw'; readonly dst: Reg; readonly lo: number; readonly hi: number }
  /** `dst = NAME ll`: address of a subprogram (BPF_PSEUDO_FUNC); off is the raw pc-relative imm. */
  | { readonly kind: 'ldfunc'; readonly dst: Reg; readonly off: number }
  /** `call NAME#ID`: a helper by its id. */
  | { readonly kind: 'helper'; readonly id: number }
  /** `call NAME` / `call NAME#BTFID`: a kfunc, identified by name inside the model. */
  | { readonly kind: 'kfunc'; readonly name: string; readonly btfId: number | null }
  /** `call pc+off` (BPF_PSEUDO_CALL). */
  | { readonly kind: 'call'; readonly off: number }
  | { readonly kind: 'exit' };

export type InsnKind = Insn['kind'];

export const ALU_OPS: readonly AluOp[] = [
  'add',
  'sub',
  'mul',
  'div',
  'or',
  'and',
  'lsh',
  'rsh',
  'mod',
  'xor',
  'mov',
  'arsh',
];
export const JMP_OPS: readonly JmpOp[] = [
  'jeq',
  'jgt',
  'jge',
  'jset',
  'jne',
  'jsgt',
  'jsge',
  'jlt',
  'jle',
  'jslt',
  'jsle',
];
export const SIZES: readonly Size[] = [1, 2, 4, 8];

/** Number of 8-byte slots an instruction takes in the encoding. */
export function slotsOf(insn: Insn): 1 | 2 {
  return insn.kind === 'lddw' || insn.kind === 'ldfunc' ? 2 : 1;
}

/** The relative jump/call offset of a control-flow instruction, or null. */
export function branchOffset(insn: Insn): number | null {
  switch (insn.kind) {
    case 'ja':
    case 'jmp':
    case 'call':
    case 'ldfunc':
      return insn.off;
    default:
      return null;
  }
}

/** The same instruction with a new relative offset (for control-flow instructions). */
export function withOffset(insn: Insn, off: number): Insn {
  switch (insn.kind) {
    case 'ja':
    case 'jmp':
    case 'call':
    case 'ldfunc':
      return { ...insn, off };
    default:
      return insn;
  }
}

export const isReg = (n: number): n is Reg => Number.isInteger(n) && n >= 0 && n <= 10;

export const S16_MIN = -0x8000;
export const S16_MAX = 0x7fff;
export const S32_MIN = -0x80000000;
export const S32_MAX = 0x7fffffff;

export const fitsS16 = (n: number): boolean => Number.isInteger(n) && n >= S16_MIN && n <= S16_MAX;

/** The 64-bit constant of a `lddw` as an unsigned bigint. */
export function lddwValue(insn: { readonly lo: number; readonly hi: number }): bigint {
  return (BigInt(insn.hi >>> 0) << 32n) | BigInt(insn.lo >>> 0);
}

/** Split a 64-bit value (any bigint, taken modulo 2^64) into the two signed imm fields of `lddw`. */
export function lddwFields(value: bigint): { lo: number; hi: number } {
  const u = BigInt.asUintN(64, value);
  return { lo: Number(BigInt.asIntN(32, u)), hi: Number(BigInt.asIntN(32, u >> 32n)) };
}
