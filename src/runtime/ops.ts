/**
 * The pre-decoded form the interpreter runs: four int32 words per slot (pc), so a jump target is an index and
 * nothing is looked up while running. Word 0 is `op | sub << 8` (sub: ALU operation, jump condition, access
 * size or kernel-function effect), word 1 `dst | src << 4`, word 2 the offset (memory) or the target pc (jumps,
 * calls, callback loads), word 3 the immediate.
 */

export const Op = {
  /** Not an instruction: the second slot of ld_imm64, or the slot past the end. */
  Invalid: 0,
  Alu64Imm: 1,
  Alu64Reg: 2,
  Alu32Imm: 3,
  Alu32Reg: 4,
  Neg64: 5,
  Neg32: 6,
  Ja: 7,
  Jmp64Imm: 8,
  Jmp64Reg: 9,
  Jmp32Imm: 10,
  Jmp32Reg: 11,
  Ldx: 12,
  Stx: 13,
  St: 14,
  /** Word 3 the low half, the next slot's word 3 the high half. */
  Lddw: 15,
  /** Word 2 the callback's pc. */
  Ldfunc: 16,
  /** sub: a `Kfn`; word 3 the index into the compiled program's kernel-function names. */
  CallKernel: 17,
  /** Word 2 the callee's pc. */
  CallSub: 18,
  Exit: 19,
} as const;
export type Op = (typeof Op)[keyof typeof Op];

/** ALU operations, in the order the interpreter's switch lists them. */
export const AluSub = {
  Add: 0,
  Sub: 1,
  Mul: 2,
  Div: 3,
  Or: 4,
  And: 5,
  Lsh: 6,
  Rsh: 7,
  Mod: 8,
  Xor: 9,
  Mov: 10,
  Arsh: 11,
} as const;
export type AluSub = (typeof AluSub)[keyof typeof AluSub];

export const JmpSub = {
  Jeq: 0,
  Jgt: 1,
  Jge: 2,
  Jset: 3,
  Jne: 4,
  Jsgt: 5,
  Jsge: 6,
  Jlt: 7,
  Jle: 8,
  Jslt: 9,
  Jsle: 10,
} as const;
export type JmpSub = (typeof JmpSub)[keyof typeof JmpSub];

/** Kernel-function effects (`KernelFnEffect`) as small integers, plus a code for a kfunc the model lacks. */
export const Kfn = {
  Throw: 0,
  Acquire: 1,
  Release: 2,
  RcuLock: 3,
  RcuUnlock: 4,
  PreemptDisable: 5,
  PreemptEnable: 6,
  Loop: 7,
  RandomU32: 8,
  TimeU64: 9,
  GetException: 10,
  ResetException: 11,
  Unknown: 12,
} as const;
export type Kfn = (typeof Kfn)[keyof typeof Kfn];

/** Words per slot. */
export const STRIDE = 4;
