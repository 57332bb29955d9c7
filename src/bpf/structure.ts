/**
 * Whether a program is well formed as the kernel checks it before do_check, and the text form can carry it:
 * what an edited program (edit.ts) must keep. The kernel's rules: add_subprog_and_kfunc (call and callback
 * targets inside the program), check_subprogs (jumps stay in their subprogram, a subprogram ends in `exit` or
 * `goto`), check_btf_func (declared functions are the discovered ones: layout.ts subprogsOf), check_cfg
 * (every instruction reachable, no jump into the second slot of an ld_imm64). The text form's: names unique,
 * labels and notes in range, inputs of the ctx size. A reason, or null when well formed.
 */
import type { Insn } from './insn.js';
import { layoutOf, subprogsOf } from './layout.js';
import type { Program } from './program.js';

const isThrow = (insn: Insn | undefined): boolean => insn?.kind === 'kfunc' && insn.name === 'bpf_throw';

export function structureProblem(program: Program): string | null {
  const { insns } = program;
  if (insns.length === 0) return 'no instructions';
  const { pcOf, insnAt, slotCount } = layoutOf(insns);
  // add_subprog_and_kfunc
  for (let i = 0; i < insns.length; i++) {
    const insn = insns[i]!;
    if (insn.kind !== 'call' && insn.kind !== 'ldfunc') continue;
    const t = pcOf[i]! + insn.off + 1;
    if (t < 0 || t >= slotCount || insnAt[t]! < 0) return `insn ${i}: call to invalid destination`;
  }
  // check_btf_func
  const subs = subprogsOf(program);
  if (!subs.ok) return subs.message;
  // check_subprogs
  for (const sub of subs.subprogs) {
    for (let pc = sub.startPc; pc < sub.endPc; pc++) {
      const i = insnAt[pc]!;
      if (i < 0) continue;
      const insn = insns[i]!;
      if (insn.kind === 'ja' || insn.kind === 'jmp') {
        const t = pc + insn.off + 1;
        if (t < sub.startPc || t >= sub.endPc) return `insn ${i}: jump out of ${sub.name}`;
        if (insnAt[t]! < 0) return `insn ${i}: jump into the middle of an ld_imm64`;
      }
    }
    const last = insns[insnAt[sub.endPc - (insnAt[sub.endPc - 1]! < 0 ? 2 : 1)]!];
    const ok = last?.kind === 'exit' || last?.kind === 'ja' || (program.profile === 'rfc' && isThrow(last));
    if (!ok) return `${sub.name}: the last instruction is not an exit or a jump`;
  }
  // check_cfg: reachable from main, through calls and callback addresses
  const seen = new Uint8Array(insns.length);
  const work = [0];
  seen[0] = 1;
  while (work.length > 0) {
    const i = work.pop()!;
    const insn = insns[i]!;
    const pc = pcOf[i]!;
    const next: number[] = [];
    switch (insn.kind) {
      case 'exit':
        break;
      case 'ja':
        next.push(pc + insn.off + 1);
        break;
      case 'jmp':
        next.push(pc + 1, pc + insn.off + 1);
        break;
      case 'call':
        next.push(pc + 1, pc + insn.off + 1);
        break;
      case 'ldfunc':
        next.push(pc + 2, pc + insn.off + 1);
        break;
      case 'lddw':
        next.push(pc + 2);
        break;
      case 'kfunc':
        if (!(program.profile === 'rfc' && isThrow(insn))) next.push(pc + 1);
        break;
      case 'alu':
      case 'neg':
      case 'ldx':
      case 'stx':
      case 'st':
      case 'helper':
        next.push(pc + 1);
        break;
      default: {
        const never: never = insn;
        return never;
      }
    }
    for (const t of next) {
      const k = t < slotCount ? insnAt[t]! : -1;
      if (k < 0) return `insn ${i}: falls or jumps off its subprogram`;
      if (!seen[k]) {
        seen[k] = 1;
        work.push(k);
      }
    }
  }
  const dead = seen.indexOf(0);
  if (dead >= 0) return `insn ${dead}: unreachable`;
  // the text form
  const names = new Set<string>();
  for (const f of program.funcs) {
    if (names.has(f.name)) return `two functions named ${f.name}`;
    names.add(f.name);
  }
  for (const l of program.labels) if (l.insn > insns.length) return `label ${l.name} past the end`;
  for (const n of program.notes) if (n.insn > insns.length) return 'a note past the end';
  for (const input of program.inputs)
    if (input.ctx.length !== program.ctxSize * 2) return 'an input that is not ctx-sized';
  return null;
}
