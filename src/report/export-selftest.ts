/**
 * A case as a BPF selftest in the kernel's `progs/verifier_*.c` style: each function a `__naked` function of
 * inline assembly, the test a `SEC("syscall")` program with the test loader's annotations (bpf_misc.h:
 * `__description`, `__success`/`__failure`, `__msg`, `__retval`, `__flag`), ready for test_progs.
 *
 * The layout is kept instruction for instruction, so the kernel's messages (which name instruction
 * numbers) read the same: a callback address is `rX = %[cb] ll` with `__imm_addr(cb)` (the selftests'
 * `__imm_ptr` makes the compiler load it into a register first, one more instruction), helpers and kfuncs
 * are `call %[name]` with `__imm(name)`, subprograms `call name`. libbpf appends the subprograms in the
 * order it first meets a reference to them from the program (bpf_object__reloc_code), which the header
 * names when it differs from the case's order.
 */
import { kernelFnByName } from '../bpf/kernel-functions.js';
import { lddwValue, type Insn, type Size } from '../bpf/insn.js';
import { layoutOf, targetPc } from '../bpf/layout.js';
import { ALU_SYMBOL, JMP_SYMBOL, printInsn, SIZE_NAME } from '../bpf/text/print.js';
import type { Case } from '../corpus/case.js';
import {
  cComment,
  cString,
  describeCase,
  distinctIdents,
  ExportError,
  syscallLayout,
  headerLines,
  helperName,
  retvalLiteral,
  statedExpectation,
  statedRetval,
  type ExportOptions,
  type FuncLayout,
} from './export-common.js';
import { insnMacros } from './export-test-verifier.js';

const FORM = 'a selftest';

/** The C prototype of each kfunc the model knows (as the kernel declares it). */
const KFUNC_DECL: Readonly<Record<string, string>> = {
  bpf_throw: 'extern void bpf_throw(__u64 cookie) __ksym;',
  bpf_cpumask_create: 'extern struct bpf_cpumask *bpf_cpumask_create(void) __ksym;',
  bpf_cpumask_release: 'extern void bpf_cpumask_release(struct bpf_cpumask *cpumask) __ksym;',
  bpf_rcu_read_lock: 'extern void bpf_rcu_read_lock(void) __ksym;',
  bpf_rcu_read_unlock: 'extern void bpf_rcu_read_unlock(void) __ksym;',
  bpf_preempt_disable: 'extern void bpf_preempt_disable(void) __ksym;',
  bpf_preempt_enable: 'extern void bpf_preempt_enable(void) __ksym;',
};

const mem = (size: Size, base: number, off: number): string =>
  `*(${SIZE_NAME[size]} *)(r${base} ${off < 0 ? '-' : '+'} ${Math.abs(off)})`;

/** Everything one function's assembly refers to, collected while printing it. */
interface Refs {
  readonly imm: Set<string>;
  readonly addr: Set<string>;
  /** `.8byte %[name]` operands: an instruction as its filter.h macro. */
  readonly raw: Map<string, string>;
}

/**
 * Instructions older LLVM cannot assemble (BPF_JSET, BPF_MOD, BPF_ST before clang 18) go in as the raw
 * instruction, as the selftests do: `.8byte %[name]` with `__imm_insn(name, BPF_...)` (tools/include/linux/filter.h).
 */
function needsRaw(insn: Insn): boolean {
  return (
    (insn.kind === 'jmp' && insn.op === 'jset') ||
    (insn.kind === 'alu' && insn.op === 'mod') ||
    insn.kind === 'st'
  );
}

/** The selftest form of a case. */
export function exportSelftest(c: Case, opts: ExportOptions): string {
  const program = c.program;
  const funcs = syscallLayout(program, FORM);
  const mainName = distinctIdents([opts.name])[0]!;
  const names = [
    mainName,
    ...distinctIdents(
      funcs.slice(1).map((f) => f.name),
      [mainName],
    ),
  ];
  const { pcOf, insnAt } = layoutOf(program.insns);
  const funcAtPc = new Map(funcs.map((f, k) => [f.startPc, k]));

  const bodies = funcs.map((f) => functionBody(c, f, names, funcAtPc, pcOf, insnAt));
  const used = new Set(program.insns.flatMap((i) => (i.kind === 'kfunc' ? [i.name] : [])));
  const out: string[] = ['// SPDX-License-Identifier: GPL-2.0', '/*'];
  for (const l of headerLines(c, opts, 'The selftest form')) out.push(` * ${l}`);
  for (const l of layoutNote(program.insns, funcs, names, pcOf)) out.push(` * ${cComment(l)}`);
  out.push(' */', '', '#include <linux/bpf.h>', '#include <bpf/bpf_helpers.h>', '#include "bpf_misc.h"');
  if (program.insns.some(needsRaw)) out.push('#include "../../../include/linux/filter.h"');
  out.push('');
  if (used.has('bpf_cpumask_create') || used.has('bpf_cpumask_release')) out.push('struct bpf_cpumask;');
  for (const [name, decl] of Object.entries(KFUNC_DECL)) if (used.has(name)) out.push(decl);
  if (used.size > 0) out.push('');
  // Callback addresses are `__imm_addr` operands: the functions are declared before any body names them.
  const addressed = new Set(bodies.flatMap((b) => [...b.refs.addr]));
  const protos = funcs
    .slice(1)
    .flatMap((f, k) => (addressed.has(names[k + 1]!) ? [`${signature(f, names[k + 1]!)};`] : []));
  if (protos.length > 0) out.push(...protos, '');
  funcs.forEach((f, k) => {
    if (k === 0) return;
    out.push('__naked __noinline __used', signature(f, names[k]!), ...asmBlock(bodies[k]!), '');
  });
  out.push('SEC("syscall")', `__description("${cString(describeCase(c, opts.name))}")`);
  out.push(
    ...annotations(c),
    '__flag(BPF_F_SLEEPABLE)',
    `__naked void ${mainName}(void)`,
    ...asmBlock(bodies[0]!),
  );
  out.push('', 'char _license[] SEC("license") = "GPL";', '');
  return out.join('\n');
}

/** `__success`/`__failure`, the message and the return value the stated expectation gives. */
function annotations(c: Case): string[] {
  const e = statedExpectation(c);
  if (e === null) return ['/* no expectation recorded: load-tested only */'];
  if (!e.accepted) return ['__failure', `__msg("${cString(e.message ?? '')}")`];
  const r = statedRetval(c);
  return 'retval' in r
    ? ['__success', `__retval(${retvalLiteral(r.retval)})`]
    : ['__success', `/* no __retval: ${cComment(r.why)} */`];
}

function signature(f: FuncLayout, name: string): string {
  const params = Array.from({ length: f.args }, (_, i) => `__u64 a${i + 1}`).join(', ') || 'void';
  return `${f.linkage === 'static' ? 'static ' : ''}long ${name}(${params})`;
}

interface Body {
  readonly lines: string[];
  readonly refs: Refs;
}

function asmBlock(b: Body): string[] {
  const inputs = [
    ...[...b.refs.imm].map((n) => `__imm(${n})`),
    ...[...b.refs.addr].map((n) => `__imm_addr(${n})`),
    ...[...b.refs.raw].map(([n, m]) => `__imm_insn(${n}, ${m})`),
  ];
  const tail =
    inputs.length === 0
      ? ['\t::: __clobber_all);']
      : ['\t:', `\t: ${inputs.join(',\n\t  ')}`, '\t: __clobber_all);'];
  return ['{', '\tasm volatile (', ...b.lines.map((l) => `\t${l}`), ...tail, '}'];
}

/** One function's instructions as the lines of its asm statement, with labels for every jump target. */
function functionBody(
  c: Case,
  f: FuncLayout,
  names: readonly string[],
  funcAtPc: ReadonlyMap<number, number>,
  pcOf: readonly number[],
  insnAt: Int32Array,
): Body {
  const program = c.program;
  // Labels: the case's own, then one for each jump target without a name (`l0`, `l1`...).
  const labelAt = new Map<number, string>();
  const caseLabels = program.labels.filter((l) => l.insn >= f.first && l.insn < f.end);
  const taken = new Set<string>();
  for (const l of caseLabels)
    if (!labelAt.has(l.insn)) {
      const id = distinctIdents([l.name], taken)[0]!;
      taken.add(id);
      labelAt.set(l.insn, id);
    }
  let fresh = 0;
  for (let i = f.first; i < f.end; i++) {
    const insn = program.insns[i]!;
    if (insn.kind !== 'ja' && insn.kind !== 'jmp') continue;
    const pc = targetPc(insn, pcOf[i]!)!;
    const t = pc >= 0 && pc < insnAt.length ? insnAt[pc]! : -1;
    if (t < f.first || t >= f.end)
      throw new ExportError(
        `cannot be written as ${FORM}: insn ${i} jumps outside its function (to pc ${pc})`,
      );
    // A raw jump keeps its offset and needs no label.
    if (!labelAt.has(t) && !needsRaw(insn)) {
      while (taken.has(`l${fresh}`)) fresh++;
      taken.add(`l${fresh}`);
      labelAt.set(t, `l${fresh}`);
    }
  }
  const refs: Refs = { imm: new Set(), addr: new Set(), raw: new Map() };
  const notesAt = new Map<number, { line: string[]; trailing: string[] }>();
  for (const n of program.notes) {
    // The head comments (before the first instruction of main) are the file's header.
    if (n.insn === 0 && n.kind === 'line') continue;
    const at = notesAt.get(n.insn) ?? { line: [], trailing: [] };
    at[n.kind === 'line' ? 'line' : 'trailing'].push(n.text);
    notesAt.set(n.insn, at);
  }
  const callee = (pc: number, i: number): string => {
    const callee = funcAtPc.get(pc);
    if (callee === undefined || callee === 0)
      throw new ExportError(
        `cannot be written as ${FORM}: insn ${i} calls or loads pc ${pc}, not a subprogram`,
      );
    return names[callee]!;
  };
  const lines: string[] = [];
  for (let i = f.first; i < f.end; i++) {
    const insn = program.insns[i]!;
    const notes = notesAt.get(i);
    // A function's own head comments print above its declaration in the case; here above its first line.
    for (const t of notes?.line ?? []) lines.push(`/* ${cComment(t)} */`);
    const label = labelAt.get(i);
    if (label !== undefined) lines.push(`"${label}_%=:"`);
    const trailing = notes?.trailing.length ? `\t/* ${cComment(notes.trailing.join('; '))} */` : '';
    if (needsRaw(insn)) {
      const name = `insn${i}`;
      refs.raw.set(name, insnMacros(insn)[0]!);
      const asText = cComment(printInsn(insn, pcOf[i], () => undefined));
      lines.push(`".8byte %[${name}];"\t/* ${asText} */${trailing}`);
      continue;
    }
    const text = asmInsn(insn, pcOf[i]!, i, labelAt, insnAt, refs, callee);
    lines.push(`"${text};"${trailing}`);
  }
  return { lines, refs };
}

/** One instruction in LLVM's BPF assembly, `%` escaped for an extended asm statement. */
function asmInsn(
  insn: Insn,
  pc: number,
  i: number,
  labelAt: ReadonlyMap<number, string>,
  insnAt: Int32Array,
  refs: Refs,
  callee: (pc: number, i: number) => string,
): string {
  const jumpLabel = (off: number): string => `${labelAt.get(insnAt[pc + off + 1]!)!}_%=`;
  switch (insn.kind) {
    case 'alu': {
      const r = insn.width === 64 ? 'r' : 'w';
      const src = insn.src.kind === 'reg' ? `${r}${insn.src.reg}` : `${insn.src.imm}`;
      return `${r}${insn.dst} ${ALU_SYMBOL[insn.op].replace('%', '%%')} ${src}`;
    }
    case 'neg': {
      const r = insn.width === 64 ? 'r' : 'w';
      return `${r}${insn.dst} = -${r}${insn.dst}`;
    }
    case 'ja':
      return `goto ${jumpLabel(insn.off)}`;
    case 'jmp': {
      const r = insn.width === 64 ? 'r' : 'w';
      // LLVM reads a jump's immediate as a signed 32-bit number (the log's hex pattern would not fit).
      const src = insn.src.kind === 'reg' ? `${r}${insn.src.reg}` : `${insn.src.imm}`;
      return `if ${r}${insn.dst} ${JMP_SYMBOL[insn.op]} ${src} goto ${jumpLabel(insn.off)}`;
    }
    case 'ldx':
      return `r${insn.dst} = ${mem(insn.size, insn.src, insn.off)}`;
    case 'stx':
      return `${mem(insn.size, insn.dst, insn.off)} = r${insn.src}`;
    case 'st':
      return `${mem(insn.size, insn.dst, insn.off)} = ${insn.imm}`;
    case 'lddw':
      return `r${insn.dst} = 0x${lddwValue(insn).toString(16)} ll`;
    case 'ldfunc': {
      const name = callee(pc + insn.off + 1, i);
      refs.addr.add(name);
      return `r${insn.dst} = %[${name}] ll`;
    }
    case 'helper': {
      const name = helperName(insn.id);
      refs.imm.add(name);
      return `call %[${name}]`;
    }
    case 'kfunc': {
      if (kernelFnByName(insn.name)?.kind !== 'kfunc') throw new Error(`not a kfunc: ${insn.name}`);
      refs.imm.add(insn.name);
      return `call %[${insn.name}]`;
    }
    case 'call':
      return `call ${callee(pc + insn.off + 1, i)}`;
    case 'exit':
      return 'exit';
  }
}

/**
 * libbpf lays subprograms out in the order it first meets a reference to each, depth first from the
 * program (bpf_object__reloc_code); when that is not the case's order the instruction numbers in the
 * kernel's messages differ from the case's, and the header says so.
 */
function layoutNote(
  insns: readonly Insn[],
  funcs: readonly FuncLayout[],
  names: readonly string[],
  pcOf: readonly number[],
): string[] {
  const byPc = new Map(funcs.map((f, k) => [f.startPc, k]));
  const order: number[] = [];
  const seen = new Set<number>([0]);
  // An explicit stack of (function, next instruction) instead of recursion.
  const stack: [number, number][] = [[0, funcs[0]!.first]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [k, i] = top;
    if (i >= funcs[k]!.end) {
      stack.pop();
      continue;
    }
    top[1] = i + 1;
    const insn = insns[i]!;
    if (insn.kind !== 'call' && insn.kind !== 'ldfunc') continue;
    const callee = byPc.get(pcOf[i]! + insn.off + 1);
    if (callee === undefined || seen.has(callee)) continue;
    seen.add(callee);
    order.push(callee);
    stack.push([callee, funcs[callee]!.first]);
  }
  const caseOrder = funcs.slice(1).map((_, k) => k + 1);
  if (order.length === caseOrder.length && order.every((k, j) => k === caseOrder[j])) return [];
  const missing = caseOrder.filter((k) => !seen.has(k)).map((k) => names[k]!);
  return [
    `libbpf appends the subprograms in the order of first reference (${order.map((k) => names[k]!).join(', ') || 'none'}),`,
    `not the case's (${caseOrder.map((k) => names[k]!).join(', ')}): instruction numbers in messages differ.`,
    ...(missing.length > 0
      ? [`Not reached from the program, so libbpf leaves out: ${missing.join(', ')}.`]
      : []),
  ];
}
