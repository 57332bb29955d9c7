/**
 * A case as a plain C array of `struct bpf_insn` (include/uapi/linux/bpf.h): one initialiser per 8-byte
 * slot with the fields codec.ts encodes, for a loader of one's own (`bpf(BPF_PROG_LOAD)` with
 * `.insns`/`.insn_cnt`). A kfunc call's imm is a BTF id of the running kernel, so it is written as 0 with
 * the kfunc's name, and the header lists the slots a loader must patch.
 */
import { encode } from '../bpf/codec.js';
import { layoutOf } from '../bpf/layout.js';
import { printInsn, targetNames } from '../bpf/text/print.js';
import type { Case } from '../corpus/case.js';
import {
  cComment,
  checkKernelFunctions,
  distinctIdents,
  funcLayout,
  headerLines,
  type ExportOptions,
} from './export-common.js';

const FORM = 'a C array';

/** The raw fields of the slots of an encoding, little endian as codec.ts writes them. */
function slots(bytes: Uint8Array): { code: number; dst: number; src: number; off: number; imm: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = [];
  for (let k = 0; k < bytes.length; k += 8)
    out.push({
      code: view.getUint8(k),
      dst: view.getUint8(k + 1) & 0xf,
      src: view.getUint8(k + 1) >> 4,
      off: view.getInt16(k + 2, true),
      imm: view.getInt32(k + 4, true),
    });
  return out;
}

/** The c-array form of a case. */
export function exportCArray(c: Case, opts: ExportOptions): string {
  const program = c.program;
  checkKernelFunctions(program, FORM);
  const funcs = funcLayout(program, FORM);
  const name = distinctIdents([opts.name])[0]!;
  const { pcOf } = layoutOf(program.insns);
  const names = targetNames(program);
  const funcAt = new Map(funcs.map((f) => [f.first, f]));
  const kfuncSlots = program.insns.flatMap((insn, i) =>
    insn.kind === 'kfunc' ? [`${pcOf[i]} (${insn.name})`] : [],
  );
  const out: string[] = ['/*'];
  for (const l of headerLines(c, opts, 'The C array form')) out.push(` * ${l}`);
  if (kfuncSlots.length > 0)
    out.push(
      " * kfunc calls carry imm = 0: set each to the kfunc's BTF id in the running kernel",
      ` * (/sys/kernel/btf/vmlinux) before loading; slots ${kfuncSlots.join(', ')}.`,
    );
  if (funcs.length > 1)
    out.push(
      ' * Subprograms start at slots ' +
        funcs.map((f) => `${f.startPc} (${f.name}, ${f.linkage}, args=${f.args})`).join(', ') +
        ';',
      ' * a global subprogram needs BTF with func_info to load as global.',
    );
  out.push(' */', '#include <linux/bpf.h>', '', `static const struct bpf_insn ${name}[] = {`);
  program.insns.forEach((insn, i) => {
    const f = funcAt.get(i);
    if (f !== undefined && i > 0) out.push(`\t/* ${cComment(f.name)}: */`);
    // A kfunc's id is per kernel: encode 0 and name it.
    const bytes = encode([insn.kind === 'kfunc' ? { ...insn, btfId: null } : insn], { kfuncId: () => 0 });
    const pc = pcOf[i]!;
    slots(bytes).forEach((s, k) => {
      const imm = insn.kind === 'kfunc' ? `0 /* BTF id of ${insn.name} */` : `${s.imm}`;
      const text = k === 0 ? `\t/* ${pc}: ${cComment(printInsn(insn, pc, names))} */` : '';
      out.push(
        `\t{ .code = 0x${s.code.toString(16).padStart(2, '0')}, .dst_reg = ${s.dst}, .src_reg = ${s.src}, .off = ${s.off}, .imm = ${imm} },${text}`,
      );
    });
  });
  out.push('};', '');
  return out.join('\n');
}
