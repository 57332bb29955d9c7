/**
 * The BTF a program is loaded with, and its func_info: one FUNC_PROTO and one FUNC (with the declared
 * linkage) per declared subprogram. The kernel needs it for global subprograms (btf_check_subprog_arg_match
 * reads their prototypes) and checks func_info against the subprograms it discovers (check_btf_func).
 *
 * Prototypes: main takes `void *ctx`; every other subprogram takes its declared number of u64 arguments;
 * all return u64. Built from the *declared* functions, so a declaration the kernel disagrees with is
 * reported by the kernel, with the kernel's message.
 */
import { layoutOf } from '../../bpf/layout.js';
import type { Program } from '../../bpf/program.js';
import {
  BTF_FUNC_GLOBAL,
  BTF_FUNC_STATIC,
  BTF_HEADER_SIZE,
  BTF_MAGIC,
  BTF_VERSION,
  BtfKind,
  btfInfo,
} from './btf-format.js';

/** `struct bpf_func_info`: insn_off (in slots), type_id. */
export const FUNC_INFO_REC_SIZE = 8;

export interface ProgramBtf {
  readonly btf: Uint8Array;
  /** `funcInfoCount` records of FUNC_INFO_REC_SIZE bytes. */
  readonly funcInfo: Uint8Array;
  readonly funcInfoCount: number;
}

/** Type ids of the fixed types every program's BTF starts with. */
const U64_TYPE = 1;
const VOID_PTR_TYPE = 2;

class StringTable {
  private readonly offsets = new Map<string, number>([['', 0]]);
  private readonly chunks: Buffer[] = [Buffer.from([0])];
  private size = 1;

  add(s: string): number {
    const known = this.offsets.get(s);
    if (known !== undefined) return known;
    const off = this.size;
    const bytes = Buffer.from(`${s}\0`, 'latin1');
    this.chunks.push(bytes);
    this.size += bytes.length;
    this.offsets.set(s, off);
    return off;
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

class TypeSection {
  private readonly words: number[] = [];
  private next = 1;

  /** Append a `struct btf_type` plus trailing u32 words; returns the new type's id. */
  add(nameOff: number, info: number, sizeOrType: number, trailing: readonly number[] = []): number {
    this.words.push(nameOff, info, sizeOrType, ...trailing);
    return this.next++;
  }

  bytes(): Buffer {
    const out = Buffer.alloc(this.words.length * 4);
    this.words.forEach((w, i) => out.writeUInt32LE(w >>> 0, i * 4));
    return out;
  }
}

export function buildProgramBtf(program: Pick<Program, 'insns' | 'funcs'>): ProgramBtf {
  const strings = new StringTable();
  const types = new TypeSection();
  // BTF_INT_ENCODING(0) | BTF_INT_OFFSET(0) | BTF_INT_BITS(64)
  const u64 = types.add(strings.add('u64'), btfInfo(BtfKind.int, 0), 8, [64]);
  const voidPtr = types.add(0, btfInfo(BtfKind.ptr, 0), 0);
  if (u64 !== U64_TYPE || voidPtr !== VOID_PTR_TYPE) throw new Error('unreachable: fixed type ids');

  const { pcOf } = layoutOf(program.insns);
  const funcInfo = Buffer.alloc(program.funcs.length * FUNC_INFO_REC_SIZE);
  program.funcs.forEach((decl, i) => {
    const params =
      i === 0
        ? [strings.add('ctx'), VOID_PTR_TYPE]
        : Array.from({ length: decl.args }, (_, k) => [strings.add(`arg${k + 1}`), U64_TYPE]).flat();
    const proto = types.add(0, btfInfo(BtfKind.funcProto, params.length / 2), U64_TYPE, params);
    const linkage = decl.linkage === 'global' ? BTF_FUNC_GLOBAL : BTF_FUNC_STATIC;
    const func = types.add(strings.add(decl.name), btfInfo(BtfKind.func, linkage), proto);
    // A declaration past the end points one slot past the last: the kernel rejects it, as it should.
    funcInfo.writeUInt32LE(pcOf[decl.insn] ?? layoutOf(program.insns).slotCount, i * FUNC_INFO_REC_SIZE);
    funcInfo.writeUInt32LE(func, i * FUNC_INFO_REC_SIZE + 4);
  });

  const typeBytes = types.bytes();
  const strBytes = strings.bytes();
  const header = Buffer.alloc(BTF_HEADER_SIZE);
  header.writeUInt16LE(BTF_MAGIC, 0);
  header.writeUInt8(BTF_VERSION, 2);
  header.writeUInt8(0, 3);
  header.writeUInt32LE(BTF_HEADER_SIZE, 4);
  header.writeUInt32LE(0, 8); // type_off
  header.writeUInt32LE(typeBytes.length, 12);
  header.writeUInt32LE(typeBytes.length, 16); // str_off
  header.writeUInt32LE(strBytes.length, 20);
  return {
    btf: new Uint8Array(Buffer.concat([header, typeBytes, strBytes])),
    funcInfo: new Uint8Array(funcInfo),
    funcInfoCount: program.funcs.length,
  };
}
