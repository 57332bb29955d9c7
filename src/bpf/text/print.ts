/**
 * Program → canonical text. Instructions print as the kernel's verifier log prints them
 * (kernel/bpf/disasm.c print_bpf_insn), except that jump, call and callback targets use names where the
 * program has them, and ld_imm64 carries LLVM's `ll` (the log's form is ambiguous with a mov).
 */
import { lddwValue, type AluOp, type Insn, type JmpOp, type Size } from '../insn.js';
import { helperById } from '../kernel-functions.js';
import { layoutOf } from '../layout.js';
import { DEFAULT_CTX_SIZE, type Program } from '../program.js';

/** How the text form (and the kernel's log, bpf_alu_string) writes each ALU operator. */
export const ALU_SYMBOL: Readonly<Record<AluOp, string>> = {
  add: '+=',
  sub: '-=',
  mul: '*=',
  div: '/=',
  or: '|=',
  and: '&=',
  lsh: '<<=',
  rsh: '>>=',
  mod: '%=',
  xor: '^=',
  mov: '=',
  arsh: 's>>=',
};
/** The text form's spelling of each conditional jump (LLVM's BPF assembly spells them the same). */
export const JMP_SYMBOL: Record<JmpOp, string> = {
  jeq: '==',
  jgt: '>',
  jge: '>=',
  jset: '&',
  jne: '!=',
  jsgt: 's>',
  jsge: 's>=',
  jlt: '<',
  jle: '<=',
  jslt: 's<',
  jsle: 's<=',
};
export const SIZE_NAME: Record<Size, string> = { 1: 'u8', 2: 'u16', 4: 'u32', 8: 'u64' };

const signed = (n: number): string => (n < 0 ? `${n}` : `+${n}`);
const rel = (off: number): string => `pc${signed(off)}`;

/** What refers to a target pc: a jump (`goto`, `if`) or a call (`call`, a callback address). */
export type TargetUse = 'jump' | 'call';

/** Names for the pcs a program labels, by what refers to them. */
export type TargetNames = (pc: number, use: TargetUse) => string | undefined;

/** One instruction in the kernel's syntax; `name` supplies names for target pcs (default: none). */
export function printInsn(insn: Insn, pc = 0, name: TargetNames = () => undefined): string {
  const target = (off: number, use: TargetUse): string => name(pc + off + 1, use) ?? rel(off);
  switch (insn.kind) {
    case 'alu': {
      const r = insn.width === 64 ? 'r' : 'w';
      const src = insn.src.kind === 'reg' ? `${r}${insn.src.reg}` : `${insn.src.imm}`;
      return `${r}${insn.dst} ${ALU_SYMBOL[insn.op]} ${src}`;
    }
    case 'neg': {
      const r = insn.width === 64 ? 'r' : 'w';
      return `${r}${insn.dst} = -${r}${insn.dst}`;
    }
    case 'ja':
      return `goto ${target(insn.off, 'jump')}`;
    case 'jmp': {
      const r = insn.width === 64 ? 'r' : 'w';
      // The log prints a jump's immediate as its raw 32-bit pattern in hex.
      const src = insn.src.kind === 'reg' ? `${r}${insn.src.reg}` : `0x${(insn.src.imm >>> 0).toString(16)}`;
      return `if ${r}${insn.dst} ${JMP_SYMBOL[insn.op]} ${src} goto ${target(insn.off, 'jump')}`;
    }
    case 'ldx':
      return `r${insn.dst} = *(${SIZE_NAME[insn.size]} *)(r${insn.src} ${signed(insn.off)})`;
    case 'stx':
      return `*(${SIZE_NAME[insn.size]} *)(r${insn.dst} ${signed(insn.off)}) = r${insn.src}`;
    case 'st':
      return `*(${SIZE_NAME[insn.size]} *)(r${insn.dst} ${signed(insn.off)}) = ${insn.imm}`;
    case 'lddw':
      return `r${insn.dst} = 0x${lddwValue(insn).toString(16)} ll`;
    case 'ldfunc':
      return `r${insn.dst} = ${target(insn.off, 'call')} ll`;
    case 'helper': {
      const fn = helperById(insn.id);
      if (!fn) return `call helper#${insn.id}`;
      return fn.modelOnly ? `call ${fn.name}` : `call ${fn.name}#${insn.id}`;
    }
    case 'kfunc':
      return insn.btfId === null ? `call ${insn.name}` : `call ${insn.name}#${insn.btfId}`;
    case 'call':
      return `call ${target(insn.off, 'call')}`;
    case 'exit':
      return 'exit';
  }
}

/**
 * The names a program gives target pcs. A jump names the first label there (the user wrote a label to jump
 * to, even where a function starts), else the function; a call names the function, else the first label.
 */
export function targetNames(program: Program): TargetNames {
  const { pcOf } = layoutOf(program.insns);
  const labelAt = new Map<number, string>();
  const funcAt = new Map<number, string>();
  const pcOfIndex = (i: number): number => pcOf[i] ?? Number.POSITIVE_INFINITY;
  for (let k = program.labels.length - 1; k >= 0; k--) {
    const l = program.labels[k]!;
    labelAt.set(pcOfIndex(l.insn), l.name);
  }
  for (const f of program.funcs) funcAt.set(pcOfIndex(f.insn), f.name);
  return (pc, use) =>
    use === 'jump' ? (labelAt.get(pc) ?? funcAt.get(pc)) : (funcAt.get(pc) ?? labelAt.get(pc));
}

/** Items grouped by the instruction they sit at, in their order (one pass, not one per instruction). */
function byInsn<T extends { readonly insn: number }>(items: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const at = out.get(item.insn);
    if (at) at.push(item);
    else out.set(item.insn, [item]);
  }
  return out;
}

/** The canonical text of a program; parseProgram(printProgram(p)) equals p. */
export function printProgram(program: Program): string {
  const { pcOf } = layoutOf(program.insns);
  const out: string[] = [];
  const name = targetNames(program);

  const notesAt = byInsn(program.notes);
  const funcsAt = byInsn(program.funcs);
  const labelsAt = byInsn(program.labels);
  const lineNotes = (i: number): void => {
    for (const n of notesAt.get(i) ?? [])
      if (n.kind === 'line') out.push(n.text === '' ? ';' : `; ${n.text}`);
  };

  // Comments before the first instruction head the file, above the directives.
  lineNotes(0);
  if (program.kind !== 'syscall') out.push(`.kind ${program.kind}`);
  if (program.ctxSize !== DEFAULT_CTX_SIZE) out.push(`.ctx ${program.ctxSize}`);
  if (program.profile !== 'mainline') out.push(`.profile ${program.profile}`);
  for (const input of program.inputs) out.push(`.input ctx=${input.ctx}`);

  const implicitMain = (f: Program['funcs'][number]): boolean =>
    f.insn === 0 && f.name === 'main' && f.linkage === 'static' && f.args === 0;

  for (let i = 0; i <= program.insns.length; i++) {
    if (i > 0) lineNotes(i);
    for (const f of funcsAt.get(i) ?? []) {
      if (implicitMain(f)) continue;
      out.push(f.args === 0 ? `.func ${f.name} ${f.linkage}` : `.func ${f.name} ${f.linkage} args=${f.args}`);
    }
    for (const l of labelsAt.get(i) ?? []) out.push(`${l.name}:`);
    const insn = program.insns[i];
    if (!insn) continue;
    const trailing = (notesAt.get(i) ?? []).filter((n) => n.kind === 'trailing').map((n) => ` ; ${n.text}`);
    out.push(`    ${printInsn(insn, pcOf[i], name)}${trailing.join('').trimEnd()}`);
  }
  return out.join('\n') + '\n';
}
