/**
 * A case as a `struct bpf_test` entry of tools/testing/selftests/bpf/test_verifier.c: the instructions as
 * the `BPF_*` macros of tools/include/linux/filter.h (raw fields where no macro exists: a callback
 * address is `BPF_RAW_INSN(BPF_LD | BPF_IMM | BPF_DW, dst, BPF_PSEUDO_FUNC, 0, off)` and an empty second
 * slot), kfunc calls patched by name through `.fixup_kfunc_btf_id` (ids differ per kernel).
 */
import { lddwValue, type AluOp, type Insn, type JmpOp, type Reg, type Size } from '../bpf/insn.js';
import { layoutOf } from '../bpf/layout.js';
import { printInsn, targetNames } from '../bpf/text/print.js';
import type { Case } from '../corpus/case.js';
import {
  cComment,
  cString,
  syscallLayout,
  headerLines,
  helperName,
  statedExpectation,
  type ExportOptions,
} from './export-common.js';

const FORM = 'a test_verifier entry';

const ALU_OP: Record<AluOp, string> = {
  add: 'BPF_ADD',
  sub: 'BPF_SUB',
  mul: 'BPF_MUL',
  div: 'BPF_DIV',
  or: 'BPF_OR',
  and: 'BPF_AND',
  lsh: 'BPF_LSH',
  rsh: 'BPF_RSH',
  mod: 'BPF_MOD',
  xor: 'BPF_XOR',
  mov: 'BPF_MOV',
  arsh: 'BPF_ARSH',
};
const JMP_OP: Record<JmpOp, string> = {
  jeq: 'BPF_JEQ',
  jgt: 'BPF_JGT',
  jge: 'BPF_JGE',
  jset: 'BPF_JSET',
  jne: 'BPF_JNE',
  jsgt: 'BPF_JSGT',
  jsge: 'BPF_JSGE',
  jlt: 'BPF_JLT',
  jle: 'BPF_JLE',
  jslt: 'BPF_JSLT',
  jsle: 'BPF_JSLE',
};
const SIZE: Record<Size, string> = { 1: 'BPF_B', 2: 'BPF_H', 4: 'BPF_W', 8: 'BPF_DW' };
const HELPER_ENUM: Readonly<Record<string, string>> = {
  bpf_loop: 'BPF_FUNC_loop',
  bpf_get_prandom_u32: 'BPF_FUNC_get_prandom_u32',
  bpf_ktime_get_ns: 'BPF_FUNC_ktime_get_ns',
};

const reg = (r: Reg): string => `BPF_REG_${r}`;

/** The macro (or macros, for a two-slot instruction) of one instruction. */
export function insnMacros(insn: Insn): string[] {
  switch (insn.kind) {
    case 'alu': {
      const w = insn.width === 64 ? '64' : '32';
      if (insn.op === 'mov')
        return [
          insn.src.kind === 'reg'
            ? `BPF_MOV${w}_REG(${reg(insn.dst)}, ${reg(insn.src.reg)})`
            : `BPF_MOV${w}_IMM(${reg(insn.dst)}, ${insn.src.imm})`,
        ];
      return [
        insn.src.kind === 'reg'
          ? `BPF_ALU${w}_REG(${ALU_OP[insn.op]}, ${reg(insn.dst)}, ${reg(insn.src.reg)})`
          : `BPF_ALU${w}_IMM(${ALU_OP[insn.op]}, ${reg(insn.dst)}, ${insn.src.imm})`,
      ];
    }
    case 'neg':
      return [`BPF_ALU${insn.width}_IMM(BPF_NEG, ${reg(insn.dst)}, 0)`];
    case 'ja':
      return [`BPF_JMP_A(${insn.off})`];
    case 'jmp': {
      const j = insn.width === 64 ? 'JMP' : 'JMP32';
      return [
        insn.src.kind === 'reg'
          ? `BPF_${j}_REG(${JMP_OP[insn.op]}, ${reg(insn.dst)}, ${reg(insn.src.reg)}, ${insn.off})`
          : `BPF_${j}_IMM(${JMP_OP[insn.op]}, ${reg(insn.dst)}, ${insn.src.imm}, ${insn.off})`,
      ];
    }
    case 'ldx':
      return [`BPF_LDX_MEM(${SIZE[insn.size]}, ${reg(insn.dst)}, ${reg(insn.src)}, ${insn.off})`];
    case 'stx':
      return [`BPF_STX_MEM(${SIZE[insn.size]}, ${reg(insn.dst)}, ${reg(insn.src)}, ${insn.off})`];
    case 'st':
      return [`BPF_ST_MEM(${SIZE[insn.size]}, ${reg(insn.dst)}, ${insn.off}, ${insn.imm})`];
    case 'lddw':
      // BPF_LD_IMM64 expands to both slots.
      return [`BPF_LD_IMM64(${reg(insn.dst)}, 0x${lddwValue(insn).toString(16)}ULL)`];
    case 'ldfunc':
      return [
        `BPF_RAW_INSN(BPF_LD | BPF_IMM | BPF_DW, ${reg(insn.dst)}, BPF_PSEUDO_FUNC, 0, ${insn.off})`,
        'BPF_RAW_INSN(0, 0, 0, 0, 0)',
      ];
    case 'helper':
      return [`BPF_EMIT_CALL(${HELPER_ENUM[helperName(insn.id)]!})`];
    case 'kfunc':
      return ['BPF_RAW_INSN(BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_KFUNC_CALL, 0, 0)'];
    case 'call':
      return [`BPF_CALL_REL(${insn.off})`];
    case 'exit':
      return ['BPF_EXIT_INSN()'];
  }
}

/** The test_verifier form of a case. */
export function exportTestVerifier(c: Case, opts: ExportOptions): string {
  const program = c.program;
  const funcs = syscallLayout(program, FORM);
  const { pcOf } = layoutOf(program.insns);
  const names = targetNames(program);
  const funcAt = new Map(funcs.map((f) => [f.first, f]));
  const out: string[] = ['/*'];
  for (const l of headerLines(c, opts, 'The test_verifier form')) out.push(` * ${l}`);
  const globals = funcs.filter((f) => f.linkage === 'global').map((f) => f.name);
  if (globals.length > 0)
    out.push(
      ` * test_verifier loads without BTF, so ${globals.join(', ')} load as static subprograms here;`,
      ' * the selftest form keeps their global linkage.',
    );
  out.push(' */', '{', `\t"${cString(`throwfuzz: ${opts.name}`)}",`, '\t.insns = {');
  const fixups: string[] = [];
  program.insns.forEach((insn, i) => {
    const f = funcAt.get(i);
    if (f !== undefined && i > 0) out.push(`\t/* ${cComment(`${f.name} (${f.linkage}, args=${f.args})`)} */`);
    const pc = pcOf[i]!;
    const macros = insnMacros(insn);
    macros.forEach((m, k) => {
      const note = k === 0 ? `\t/* ${pc}: ${cComment(printInsn(insn, pc, names))} */` : '';
      out.push(`\t${m},${note}`);
    });
    if (insn.kind === 'kfunc') fixups.push(`\t\t{ "${cString(insn.name)}", ${pc} },`);
  });
  out.push('\t},', '\t.prog_type = BPF_PROG_TYPE_SYSCALL,', '\t.flags = BPF_F_SLEEPABLE,');
  const e = statedExpectation(c);
  if (e === null) out.push('\t/* no expectation recorded: the verdict is not asserted */');
  else {
    out.push(`\t.result = ${e.accepted ? 'ACCEPT' : 'REJECT'},`);
    if (!e.accepted) out.push(`\t.errstr = "${cString(e.message ?? '')}",`);
  }
  // test_verifier's test-run passes packet data in, which bpf_prog_test_run_syscall refuses: load only.
  out.push('\t.runs = -1,');
  if (fixups.length > 0) out.push('\t.fixup_kfunc_btf_id = {', ...fixups, '\t},');
  out.push('},', '');
  return out.join('\n');
}
