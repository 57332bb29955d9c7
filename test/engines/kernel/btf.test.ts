import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeProgram } from '../../../src/bpf/program.js';
import type { Insn } from '../../../src/bpf/insn.js';
import { KFUNC_NAMES } from '../../../src/bpf/kernel-functions.js';
import { decodeBtf, funcIdsByName, BtfFormatError } from '../../../src/engines/kernel/btf-reader.js';
import { buildProgramBtf } from '../../../src/engines/kernel/program-btf.js';
import { VMLINUX_BTF } from '../../../src/engines/kernel/availability.js';

const mov0: Insn = { kind: 'alu', width: 64, op: 'mov', dst: 0, src: { kind: 'imm', imm: 0 } };
const exit: Insn = { kind: 'exit' };

describe('program BTF', () => {
  it('is byte-exact for a main-only program: INT u64, PTR void, FUNC_PROTO(ctx), FUNC main', () => {
    const { btf, funcInfo, funcInfoCount } = buildProgramBtf(makeProgram([mov0, exit]));
    const hex = Buffer.from(btf).toString('hex');
    // header: magic 0xeb9f, version 1, flags 0, hdr_len 24, type_off 0, type_len 60, str_off 60, str_len 14
    expect(hex.slice(0, 48)).toBe(
      '9feb0100' + '18000000' + '00000000' + '3c000000' + '3c000000' + '0e000000',
    );
    const types = hex.slice(48, 48 + 120);
    expect(types).toBe(
      // [1] INT 'u64' size 8, bits 64
      '01000000' +
        '00000001' +
        '08000000' +
        '40000000' +
        // [2] PTR -> void
        '00000000' +
        '00000002' +
        '00000000' +
        // [3] FUNC_PROTO returns [1], one param 'ctx': [2]
        '00000000' +
        '0100000d' +
        '01000000' +
        '05000000' +
        '02000000' +
        // [4] FUNC 'main' static -> [3]
        '09000000' +
        '0000000c' +
        '03000000',
    );
    expect(Buffer.from(btf.subarray(24 + 60)).toString('latin1')).toBe('\0u64\0ctx\0main\0');
    expect(funcInfoCount).toBe(1);
    expect(Buffer.from(funcInfo).toString('hex')).toBe('00000000' + '04000000');
  });

  it('round-trips through the reader: linkage, arity and func_info offsets in slots', () => {
    const insns: Insn[] = [
      { kind: 'lddw', dst: 1, lo: 1, hi: 0 }, // two slots: later subprograms start one slot later
      { kind: 'call', off: 2 },
      exit,
      mov0,
      exit,
      mov0,
      exit,
    ];
    const program = makeProgram(insns, [
      { name: 'main', insn: 0, linkage: 'static', args: 0 },
      { name: 'glob', insn: 3, linkage: 'global', args: 3 },
      { name: 'stat', insn: 5, linkage: 'static', args: 2 },
    ]);
    const { btf, funcInfo } = buildProgramBtf(program);
    const types = decodeBtf(btf);
    const funcs = types.filter((t) => t.kind === 'func');
    expect(funcs.map((f) => [f.name, f.linkage])).toEqual([
      ['main', 0],
      ['glob', 1],
      ['stat', 0],
    ]);
    const protoOf = (name: string) => {
      const f = funcs.find((t) => t.name === name)!;
      const p = types[f.proto - 1]!;
      if (p.kind !== 'func-proto') throw new Error('not a proto');
      return p;
    };
    const u64 = types.find((t) => t.kind === 'int' && t.name === 'u64')!.id;
    expect(protoOf('main').params).toEqual([{ name: 'ctx', type: types.find((t) => t.kind === 'ptr')!.id }]);
    expect(protoOf('glob').params.map((p) => p.type)).toEqual([u64, u64, u64]);
    expect(protoOf('glob').returns).toBe(u64);
    expect(protoOf('stat').params).toHaveLength(2);
    const view = new DataView(funcInfo.buffer, funcInfo.byteOffset);
    const records = [0, 1, 2].map((i) => [view.getUint32(i * 8, true), view.getUint32(i * 8 + 4, true)]);
    expect(records).toEqual(funcs.map((f, i) => [[0, 4, 6][i], f.id]));
    expect(funcIdsByName(btf, ['stat', 'glob', 'nope'])).toEqual(
      new Map([
        ['glob', funcs[1]!.id],
        ['stat', funcs[2]!.id],
      ]),
    );
  });

  it('refuses what is not BTF', () => {
    expect(() => decodeBtf(new Uint8Array(24))).toThrow(BtfFormatError);
    const truncated = buildProgramBtf(makeProgram([mov0, exit])).btf.slice(0, 40);
    expect(() => decodeBtf(truncated)).toThrow(BtfFormatError);
  });
});

const noVmlinux = existsSync(VMLINUX_BTF) ? null : `${VMLINUX_BTF} does not exist here`;
if (noVmlinux) console.log(`[vmlinux BTF] skipped: ${noVmlinux}`);

describe.skipIf(noVmlinux)(`reading ${VMLINUX_BTF}`, () => {
  it('finds every modelled kfunc as a FUNC', () => {
    const ids = funcIdsByName(readFileSync(VMLINUX_BTF), KFUNC_NAMES);
    if (!ids.has('bpf_throw'))
      console.log(`${VMLINUX_BTF} has no bpf_throw; found ${[...ids.keys()].join(', ')}`);
    for (const id of ids.values()) expect(id).toBeGreaterThan(0);
  });
});
