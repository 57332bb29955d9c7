/** The exported forms keep every instruction, target and expectation of the case. */
import { describe, expect, it } from 'vitest';
import { encode } from '../../src/bpf/codec.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { bareCase, type Case } from '../../src/corpus/case.js';
import { readCase } from '../../src/corpus/read.js';
import { exportCArray } from '../../src/report/export-c-array.js';
import { ExportError, statedRetval } from '../../src/report/export-common.js';
import { exportSelftest } from '../../src/report/export-selftest.js';
import { exportTestVerifier } from '../../src/report/export-test-verifier.js';
import { ALL_KINDS, bytesOf, caseAt, selftestAsProgram, selftestFunctions } from './export-helpers.js';

const opts = (name: string) => ({ name, source: `${name}.s` });

const kinds = (): Case => bareCase(parseProgram(ALL_KINDS, 'all-kinds.s'));

describe('export --format selftest', () => {
  it('keeps every instruction: the assembly reads back to the same bytes', () => {
    for (const c of [
      kinds(),
      caseAt('corpus/kernel/throw-in-callback-also-called-directly.s'),
      caseAt('corpus/kernel/double-release.s'),
    ]) {
      const text = exportSelftest(c, opts('t'));
      expect(encode(selftestAsProgram(text).insns, { kfuncId: () => 0 })).toEqual(bytesOf(c.program));
    }
  });

  it('writes jumps to labels of their own function, callbacks as __imm_addr, calls by name', () => {
    const fns = selftestFunctions(exportSelftest(kinds(), opts('all-kinds')));
    expect(fns.map((f) => [f.name, f.linkage, f.args])).toEqual([
      ['helper_fn', 'global', 1],
      ['cb', 'static', 2],
      ['all_kinds', 'main', 0],
    ]);
    const main = fns[2]!;
    // a label for each target: the case's (`neg`, `out`) and fresh ones for pc-relative jumps
    const labels = main.lines.filter((l) => l.endsWith(':')).map((l) => l.slice(0, -1));
    expect(labels).toEqual(['l0_%=', 'neg_%=', 'out_%=']);
    for (const l of main.lines.filter((x) => x.includes('goto') && x.includes('%=')))
      expect(labels).toContain(/goto (\S+);$/.exec(l)![1]);
    expect(main.lines).toContain('r2 = %[cb] ll;');
    expect(main.lines).toContain('call helper_fn;');
    // what older LLVM cannot assemble goes in raw, its text form in the comment after it
    expect(main.lines).toContain('w2 %= 3;');
    expect(main.operands).toContain('__imm_insn(insn3, BPF_ALU32_IMM(BPF_MOD, BPF_REG_2, 3))');
    expect(main.lines).toContain('if w5 s< -3 goto neg_%=;');
    expect(main.operands.filter((o) => !o.startsWith('__imm_insn')).sort()).toEqual(
      ['__imm(bpf_get_prandom_u32)', '__imm(bpf_loop)', '__imm(bpf_throw)', '__imm_addr(cb)'].sort(),
    );
  });

  it('states the kernel expectation: __failure and its message, or __success and the return value', () => {
    const rejected = exportSelftest(
      caseAt('corpus/kernel/throw-in-callback-also-called-directly.s'),
      opts('x'),
    );
    expect(rejected).toContain(
      '__failure\n__msg("bpf_throw kfunc (insn 13) cannot be called from callback subprog 1")',
    );
    expect(rejected).not.toContain('__retval');
    expect(rejected).toContain('extern void bpf_throw(__u64 cookie) __ksym;');
    const accepted = exportSelftest(caseAt('corpus/kernel/loop-callback-count.s'), opts('x'));
    expect(accepted).toContain('__success\n__retval(4)\n__flag(BPF_F_SLEEPABLE)');
    expect(accepted).toContain('SEC("syscall")');
  });

  it('gives no __retval for a program that reads its ctx (the loader runs syscall programs without one)', () => {
    const c = caseAt('corpus/kernel/conditional-throw-ctx.s');
    expect(c.expectations[0]).toMatchObject({ engine: 'kernel', accepted: true });
    const r = statedRetval(c);
    expect('why' in r && r.why.includes('its ctx')).toBe(true);
    const text = exportSelftest(c, opts('x'));
    expect(text).toContain('__success\n/* no __retval:');
    expect(text).not.toContain('__retval(');
  });

  it('falls back to a model engine when the case has no kernel expectation', () => {
    const src = `; case expect path-explorer@mainline {"accepted":false,"class":"uninit","message":"R0 !read_ok"}\n    exit\n`;
    const text = exportSelftest(readCase(src, 'm.s'), opts('m'));
    expect(text).toContain('__failure\n__msg("R0 !read_ok")');
    expect(text).toContain('Expected (path-explorer@mainline (model engine))');
  });

  it('says when libbpf lays the subprograms out in another order than the case', () => {
    const c = bareCase(
      parseProgram(
        '    call b\n    call a\n    exit\n.func a static\n    r0 = 0\n    exit\n.func b static\n    r0 = 0\n    exit\n',
      ),
    );
    expect(exportSelftest(c, opts('x'))).toContain('order of first reference (b, a)');
    expect(exportSelftest(caseAt('corpus/kernel/loop-callback-count.s'), opts('x'))).not.toContain(
      'first reference',
    );
  });

  it('refuses what no kernel loads or a naked function cannot hold', () => {
    const get = bareCase(parseProgram('    call bpf_get_exception\n    exit\n'));
    expect(() => exportSelftest(get, opts('x'))).toThrow(ExportError);
    expect(() => exportSelftest(get, opts('x'))).toThrow(/only the model's rewrites/);
    const unmatched = caseAt('corpus/kernel/func-info-mismatch.s');
    expect(() => exportSelftest(unmatched, opts('x'))).toThrow(/func_info|subprog/);
  });
});

describe('export --format test_verifier', () => {
  it('one macro per slot, kfuncs fixed up by name at their slots, the verdict as .result/.errstr', () => {
    const c = caseAt('corpus/kernel/throw-in-callback-also-called-directly.s');
    const text = exportTestVerifier(c, opts('x'));
    const macros = text.split('\n').filter((l) => /^\tBPF_/.test(l));
    expect(macros.length).toBe(bytesOf(c.program).length / 8);
    expect(macros[0]).toMatch(/^\tBPF_CALL_REL\(\d+\),/);
    expect(text).toContain('BPF_RAW_INSN(BPF_LD | BPF_IMM | BPF_DW, BPF_REG_2, BPF_PSEUDO_FUNC, 0, ');
    expect(text).toContain('BPF_EMIT_CALL(BPF_FUNC_loop)');
    expect(text).toContain('\t.fixup_kfunc_btf_id = {\n\t\t{ "bpf_throw", 13 },\n\t},');
    expect(text).toContain(
      '\t.result = REJECT,\n\t.errstr = "bpf_throw kfunc (insn 13) cannot be called from callback subprog 1",',
    );
    expect(text).toContain('.prog_type = BPF_PROG_TYPE_SYSCALL,\n\t.flags = BPF_F_SLEEPABLE,');
  });

  it('every kind of instruction has its macro, with the offsets of the encoding', () => {
    const text = exportTestVerifier(kinds(), opts('x'));
    for (const m of [
      'BPF_LD_IMM64(BPF_REG_1, 0x112345678ULL)',
      'BPF_MOV32_IMM(BPF_REG_2, -3)',
      'BPF_ALU32_IMM(BPF_MOD, BPF_REG_2, 3)',
      'BPF_ALU64_IMM(BPF_ARSH, BPF_REG_3, 1)',
      'BPF_ALU64_IMM(BPF_NEG, BPF_REG_3, 0)',
      'BPF_ALU32_IMM(BPF_NEG, BPF_REG_3, 0)',
      'BPF_LDX_MEM(BPF_W, BPF_REG_4, BPF_REG_6, 4)',
      'BPF_STX_MEM(BPF_DW, BPF_REG_10, BPF_REG_4, -8)',
      'BPF_JMP32_IMM(BPF_JSLT, BPF_REG_5, -3, 4)',
      'BPF_JMP_REG(BPF_JSET, BPF_REG_5, BPF_REG_4, 1)',
      'BPF_JMP_A(0)',
      'BPF_EMIT_CALL(BPF_FUNC_get_prandom_u32)',
    ])
      expect(text).toContain(m);
    expect(text).toContain('helper_fn load as static subprograms here');
  });
});

describe('export --format c-array', () => {
  it('the initialisers are the encoding, slot for slot, kfunc ids 0 and named', () => {
    for (const c of [kinds(), caseAt('corpus/kernel/double-release.s')]) {
      const text = exportCArray(c, opts('x'));
      const fields = [
        ...text.matchAll(
          /\{ \.code = 0x([0-9a-f]+), \.dst_reg = (\d+), \.src_reg = (\d+), \.off = (-?\d+), \.imm = (-?\d+)/g,
        ),
      ];
      const bytes = new Uint8Array(fields.length * 8);
      const view = new DataView(bytes.buffer);
      fields.forEach((m, k) => {
        view.setUint8(k * 8, parseInt(m[1]!, 16));
        view.setUint8(k * 8 + 1, (Number(m[3]) << 4) | Number(m[2]));
        view.setInt16(k * 8 + 2, Number(m[4]), true);
        view.setInt32(k * 8 + 4, Number(m[5]), true);
      });
      expect(bytes).toEqual(bytesOf(c.program));
      const kfuncs = c.program.insns.filter((i) => i.kind === 'kfunc').length;
      expect([...text.matchAll(/\.imm = 0 \/\* BTF id of bpf_\w+ \*\//g)].length).toBe(kfuncs);
    }
  });
});
