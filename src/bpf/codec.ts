/**
 * The kernel's 8-byte instruction encoding (struct bpf_insn: code, dst:4 | src:4, off:s16, imm:s32, little
 * endian), `ld_imm64` in two slots, and its hex form.
 */
import { ALU_OPS, JMP_OPS, type AluOp, type Insn, type JmpOp, type Reg, type Size } from './insn.js';
import { helperById, kernelFnByName, kfuncByModelBtfId, UNNAMED_KFUNC } from './kernel-functions.js';
import { MAX_INSNS, MAX_RAW_BYTES } from './limits.js';
import { quoted } from './source-error.js';

const CLS = { ld: 0, ldx: 1, st: 2, stx: 3, alu: 4, jmp: 5, jmp32: 6, alu64: 7 } as const;
const SRC_X = 0x08;
const MODE_IMM = 0x00;
const MODE_MEM = 0x60;
const ALU_CODE: Record<AluOp, number> = {
  add: 0x00,
  sub: 0x10,
  mul: 0x20,
  div: 0x30,
  or: 0x40,
  and: 0x50,
  lsh: 0x60,
  rsh: 0x70,
  mod: 0x90,
  xor: 0xa0,
  mov: 0xb0,
  arsh: 0xc0,
};
const ALU_NEG = 0x80;
const JMP_CODE: Record<JmpOp, number> = {
  jeq: 0x10,
  jgt: 0x20,
  jge: 0x30,
  jset: 0x40,
  jne: 0x50,
  jsgt: 0x60,
  jsge: 0x70,
  jlt: 0xa0,
  jle: 0xb0,
  jslt: 0xc0,
  jsle: 0xd0,
};
const JMP_JA = 0x00;
const JMP_CALL = 0x80;
const JMP_EXIT = 0x90;
const SIZE_CODE: Record<Size, number> = { 4: 0x00, 2: 0x08, 1: 0x10, 8: 0x18 };
const PSEUDO_CALL = 1;
const PSEUDO_KFUNC_CALL = 2;
const PSEUDO_FUNC = 4;

const aluByCode = new Map(ALU_OPS.map((op) => [ALU_CODE[op], op]));
const jmpByCode = new Map(JMP_OPS.map((op) => [JMP_CODE[op], op]));
const sizeByCode = new Map(([1, 2, 4, 8] as const).map((s) => [SIZE_CODE[s], s]));

/** The raw fields of one slot. */
export interface RawSlot {
  code: number;
  dst: number;
  src: number;
  off: number;
  imm: number;
}

export interface EncodeOptions {
  /** BTF id of a kfunc that carries none (`call bpf_throw`); default: the model's negative id. */
  readonly kfuncId?: (name: string) => number;
}

/** Names of kfunc BTF ids (e.g. the running kernel's), for ids that are not the model's. */
export type KfuncNames = (btfId: number) => string | undefined;

export interface DecodeOptions {
  /**
   * Name of the kfunc with a BTF id that is not one of the model's ids. A call whose id it does not name,
   * or names as a kfunc the model does not know, decodes as `kfunc#N` (name UNNAMED_KFUNC, the id kept).
   */
  readonly kfuncName?: KfuncNames;
}

export class DecodeError extends Error {
  constructor(
    message: string,
    readonly slot: number,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

function modelKfuncId(name: string): number {
  const fn = kernelFnByName(name);
  if (fn?.kind !== 'kfunc' || fn.modelBtfId === null) throw new Error(`not a modelled kfunc: ${name}`);
  return fn.modelBtfId;
}

/** The opcode byte of an instruction (its first slot). */
export function opcodeOf(insn: Insn): number {
  return slotsOfInsn(insn, {})[0]!.code;
}

function slotsOfInsn(insn: Insn, opts: EncodeOptions): RawSlot[] {
  const one = (code: number, dst = 0, src = 0, off = 0, imm = 0): RawSlot[] => [{ code, dst, src, off, imm }];
  switch (insn.kind) {
    case 'alu': {
      const cls = insn.width === 64 ? CLS.alu64 : CLS.alu;
      return insn.src.kind === 'reg'
        ? one(cls | ALU_CODE[insn.op] | SRC_X, insn.dst, insn.src.reg)
        : one(cls | ALU_CODE[insn.op], insn.dst, 0, 0, insn.src.imm);
    }
    case 'neg':
      return one((insn.width === 64 ? CLS.alu64 : CLS.alu) | ALU_NEG, insn.dst);
    case 'ja':
      return one(CLS.jmp | JMP_JA, 0, 0, insn.off);
    case 'jmp': {
      const cls = insn.width === 64 ? CLS.jmp : CLS.jmp32;
      return insn.src.kind === 'reg'
        ? one(cls | JMP_CODE[insn.op] | SRC_X, insn.dst, insn.src.reg, insn.off)
        : one(cls | JMP_CODE[insn.op], insn.dst, 0, insn.off, insn.src.imm);
    }
    case 'ldx':
      return one(CLS.ldx | MODE_MEM | SIZE_CODE[insn.size], insn.dst, insn.src, insn.off);
    case 'stx':
      return one(CLS.stx | MODE_MEM | SIZE_CODE[insn.size], insn.dst, insn.src, insn.off);
    case 'st':
      return one(CLS.st | MODE_MEM | SIZE_CODE[insn.size], insn.dst, 0, insn.off, insn.imm);
    case 'lddw':
      return [
        { code: CLS.ld | MODE_IMM | SIZE_CODE[8], dst: insn.dst, src: 0, off: 0, imm: insn.lo },
        { code: 0, dst: 0, src: 0, off: 0, imm: insn.hi },
      ];
    case 'ldfunc':
      return [
        { code: CLS.ld | MODE_IMM | SIZE_CODE[8], dst: insn.dst, src: PSEUDO_FUNC, off: 0, imm: insn.off },
        { code: 0, dst: 0, src: 0, off: 0, imm: 0 },
      ];
    case 'helper':
      return one(CLS.jmp | JMP_CALL, 0, 0, 0, insn.id);
    case 'kfunc':
      return one(
        CLS.jmp | JMP_CALL,
        0,
        PSEUDO_KFUNC_CALL,
        0,
        insn.btfId ?? (opts.kfuncId ?? modelKfuncId)(insn.name),
      );
    case 'call':
      return one(CLS.jmp | JMP_CALL, 0, PSEUDO_CALL, 0, insn.off);
    case 'exit':
      return one(CLS.jmp | JMP_EXIT);
  }
}

/** Encode instructions to the kernel's binary format. */
export function encode(insns: readonly Insn[], opts: EncodeOptions = {}): Uint8Array {
  const slots = insns.flatMap((i) => slotsOfInsn(i, opts));
  const out = new Uint8Array(slots.length * 8);
  const view = new DataView(out.buffer);
  slots.forEach((s, k) => {
    view.setUint8(k * 8, s.code);
    view.setUint8(k * 8 + 1, ((s.src & 0xf) << 4) | (s.dst & 0xf));
    view.setInt16(k * 8 + 2, s.off, true);
    view.setInt32(k * 8 + 4, s.imm, true);
  });
  return out;
}

function readSlots(bytes: Uint8Array): RawSlot[] {
  if (bytes.length > MAX_RAW_BYTES)
    throw new DecodeError(
      `larger than ${MAX_RAW_BYTES} bytes (${MAX_INSNS} instructions, twice the kernel's limit)`,
      0,
    );
  if (bytes.length % 8 !== 0) throw new DecodeError(`length ${bytes.length} is not a multiple of 8 bytes`, 0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const slots: RawSlot[] = [];
  for (let k = 0; k < bytes.length; k += 8) {
    const regs = view.getUint8(k + 1);
    slots.push({
      code: view.getUint8(k),
      dst: regs & 0xf,
      src: regs >> 4,
      off: view.getInt16(k + 2, true),
      imm: view.getInt32(k + 4, true),
    });
  }
  return slots;
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** Decode the kernel's binary format; anything outside the modelled instruction set is a DecodeError. */
export function decode(bytes: Uint8Array, opts: DecodeOptions = {}): Insn[] {
  const slots = readSlots(bytes);
  const insns: Insn[] = [];
  for (let k = 0; k < slots.length; k++) {
    const s = slots[k]!;
    const fail = (why: string): never => {
      throw new DecodeError(`insn ${k} (code 0x${hex2(s.code)}): ${why}`, k);
    };
    const reg = (n: number): Reg => (n <= 10 ? (n as Reg) : fail(`invalid register r${n}`));
    const reserved = (...fields: (keyof RawSlot)[]): void => {
      for (const f of fields) if (s[f] !== 0) fail(`reserved field ${f} is ${s[f]}`);
    };
    const cls = s.code & 0x07;
    switch (cls) {
      case CLS.alu:
      case CLS.alu64: {
        const width = cls === CLS.alu64 ? 64 : 32;
        const opBits = s.code & 0xf0;
        if (opBits === ALU_NEG) {
          if (s.code & SRC_X) fail('neg with BPF_X');
          reserved('src', 'off', 'imm');
          insns.push({ kind: 'neg', width, dst: reg(s.dst) });
          break;
        }
        const op = aluByCode.get(opBits) ?? fail('unsupported ALU operation');
        reserved('off');
        if (s.code & SRC_X) {
          reserved('imm');
          insns.push({ kind: 'alu', width, op, dst: reg(s.dst), src: { kind: 'reg', reg: reg(s.src) } });
        } else {
          reserved('src');
          insns.push({ kind: 'alu', width, op, dst: reg(s.dst), src: { kind: 'imm', imm: s.imm } });
        }
        break;
      }
      case CLS.jmp:
      case CLS.jmp32: {
        const opBits = s.code & 0xf0;
        const width = cls === CLS.jmp ? 64 : 32;
        if (opBits === JMP_JA || opBits === JMP_CALL || opBits === JMP_EXIT) {
          if (cls === CLS.jmp32) fail('unsupported JMP32 form');
          if (s.code & SRC_X) fail('BPF_X on ja/call/exit');
        }
        if (opBits === JMP_JA) {
          reserved('dst', 'src', 'imm');
          insns.push({ kind: 'ja', off: s.off });
        } else if (opBits === JMP_EXIT) {
          reserved('dst', 'src', 'off', 'imm');
          insns.push({ kind: 'exit' });
        } else if (opBits === JMP_CALL) {
          reserved('dst', 'off');
          if (s.src === 0) {
            if (!helperById(s.imm)) fail(`unsupported helper id ${s.imm}`);
            insns.push({ kind: 'helper', id: s.imm });
          } else if (s.src === PSEUDO_CALL) {
            insns.push({ kind: 'call', off: s.imm });
          } else if (s.src === PSEUDO_KFUNC_CALL) {
            const model = kfuncByModelBtfId(s.imm);
            if (model) insns.push({ kind: 'kfunc', name: model.name, btfId: null });
            else {
              if (s.imm <= 0) fail(`invalid kfunc btf id ${s.imm}`);
              const name = opts.kfuncName?.(s.imm);
              // Only a modelled kfunc's name reads back; any other id stays a number (`kfunc#N`).
              const known = name !== undefined && kernelFnByName(name)?.kind === 'kfunc';
              insns.push({ kind: 'kfunc', name: known ? name : UNNAMED_KFUNC, btfId: s.imm });
            }
          } else fail(`unsupported call src_reg ${s.src}`);
        } else {
          const op = jmpByCode.get(opBits) ?? fail('unsupported jump operation');
          if (s.code & SRC_X) {
            reserved('imm');
            insns.push({
              kind: 'jmp',
              width,
              op,
              dst: reg(s.dst),
              src: { kind: 'reg', reg: reg(s.src) },
              off: s.off,
            });
          } else {
            reserved('src');
            insns.push({
              kind: 'jmp',
              width,
              op,
              dst: reg(s.dst),
              src: { kind: 'imm', imm: s.imm },
              off: s.off,
            });
          }
        }
        break;
      }
      case CLS.ldx:
      case CLS.stx:
      case CLS.st: {
        if ((s.code & 0xe0) !== MODE_MEM) fail('unsupported memory mode');
        const size = sizeByCode.get(s.code & 0x18)!;
        if (cls === CLS.ldx) {
          reserved('imm');
          insns.push({ kind: 'ldx', size, dst: reg(s.dst), src: reg(s.src), off: s.off });
        } else if (cls === CLS.stx) {
          reserved('imm');
          insns.push({ kind: 'stx', size, dst: reg(s.dst), src: reg(s.src), off: s.off });
        } else {
          reserved('src');
          insns.push({ kind: 'st', size, dst: reg(s.dst), off: s.off, imm: s.imm });
        }
        break;
      }
      case CLS.ld: {
        if (s.code !== (CLS.ld | MODE_IMM | SIZE_CODE[8])) fail('unsupported load (only ld_imm64)');
        const hi = slots[k + 1] ?? fail('ld_imm64 is missing its second slot');
        if (hi.code !== 0 || hi.dst !== 0 || hi.src !== 0 || hi.off !== 0)
          fail('malformed ld_imm64 second slot');
        reserved('off');
        if (s.src === 0) insns.push({ kind: 'lddw', dst: reg(s.dst), lo: s.imm, hi: hi.imm });
        else if (s.src === PSEUDO_FUNC) {
          if (hi.imm !== 0) fail('pseudo-func ld_imm64 with a non-zero upper half');
          insns.push({ kind: 'ldfunc', dst: reg(s.dst), off: s.imm });
        } else fail(`unsupported ld_imm64 src_reg ${s.src}`);
        k++;
        break;
      }
      default:
        fail('unsupported instruction class');
    }
  }
  return insns;
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/**
 * Parse hex: white space allowed between bytes, and a `0x` before each run of digits (as pasted from C or
 * a debugger). Throws a plain Error with the offending position in the digits.
 */
export function fromHex(text: string): Uint8Array {
  const compact = text.replace(/(^|\s)0[xX]/g, '$1').replace(/\s+/g, '');
  const bad = /[^0-9a-fA-F]/.exec(compact);
  if (bad) throw new Error(`invalid hex digit ${quoted(bad[0])} at position ${bad.index + 1}`);
  if (compact.length % 2 !== 0) throw new Error('odd number of hex digits');
  return Uint8Array.from(Buffer.from(compact, 'hex'));
}
