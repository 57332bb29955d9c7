/**
 * The second strategy: edit a committed corpus program (insert, delete or replace one statement), keeping
 * every jump valid, so the corpus seeds generation. The caller passes the parsed corpus in; nothing here
 * reads files.
 */
import { JMP_OPS, type Insn, type Reg } from '../src/bpf/insn.js';
import type { Program } from '../src/bpf/program.js';
import { boundaryImm, type Decide } from './choices.js';
import { deleteInsn, funcRange, insertInsn, replaceInsn } from './edit.js';
import { inFragment, kernelUnsafe } from './fragment.js';
import { FRAGMENT_ALU_OPS } from './plan.js';

const KFUNCS = [
  'bpf_throw',
  'bpf_cpumask_create',
  'bpf_rcu_read_lock',
  'bpf_rcu_read_unlock',
  'bpf_preempt_disable',
  'bpf_preempt_enable',
];
// r0 is left out: after a call it often holds a reference, and arithmetic on one is outside the fragment.
const SCALARS: readonly Reg[] = [7, 8, 9];

export type MutationKind = 'insert' | 'delete' | 'replace';

/**
 * One edit of `p`, or null when the program is outside the fragment, the edit found no place, or the
 * result would be unsafe for the live kernel (under kernelSafe) or leave the fragment.
 */
export function mutateProgram(
  d: Decide,
  p: Program,
  kernelSafe: boolean,
): { program: Program; edit: MutationKind } | null {
  if (!inFragment(p) || p.insns.length === 0 || p.insns.some(pointerMath)) return null;
  const edit = d.pick(['replace', 'insert', 'delete'] as const);
  const i = d.int(p.insns.length);
  const { start, end } = funcRange(p, i);
  let out: Program | null = null;
  switch (edit) {
    case 'delete':
      // Never a function's last instruction (its exit) nor a call or callback load (they define functions).
      if (i === end - 1 || end - start < 2) break;
      if (p.insns[i]!.kind === 'call' || p.insns[i]!.kind === 'ldfunc') break;
      out = deleteInsn(p, i);
      break;
    case 'insert': {
      const k = d.weighted<'alu' | 'jmp' | 'kfunc' | 'throw'>([
        [3, 'alu'],
        [2, 'jmp'],
        [1, 'kfunc'],
        [1, 'throw'],
      ]);
      const dst = d.pick(SCALARS);
      if (k === 'alu')
        out = insertInsn(p, i, {
          kind: 'alu',
          width: 64,
          op: d.pick(FRAGMENT_ALU_OPS),
          dst,
          src: { kind: 'imm', imm: shiftSafe(d) },
        });
      else if (k === 'kfunc') out = insertInsn(p, i, { kind: 'kfunc', name: d.pick(KFUNCS), btfId: null });
      else if (k === 'throw') {
        const withCall = insertInsn(p, i, { kind: 'kfunc', name: 'bpf_throw', btfId: null });
        out = insertInsn(withCall, i, {
          kind: 'alu',
          width: 64,
          op: 'mov',
          dst: 1,
          src: { kind: 'imm', imm: d.range(0, 9) },
        });
      } else {
        // A forward jump to an instruction of the same function (never past its end).
        if (end - i < 2) break;
        const target = d.range(i + 1, end - 1);
        out = insertInsn(
          p,
          i,
          {
            kind: 'jmp',
            width: 64,
            op: d.pick(JMP_OPS),
            dst,
            src: { kind: 'imm', imm: boundaryImm(d) },
            off: 0,
          },
          target - 1,
        );
      }
      break;
    }
    case 'replace': {
      const insn = p.insns[i]!;
      const next = replaced(d, insn);
      if (next !== null) out = replaceInsn(p, i, next);
      break;
    }
    default: {
      const never: never = edit;
      return never;
    }
  }
  if (out === null || !inFragment(out)) return null;
  if (kernelSafe && kernelUnsafe(out) !== null) return null;
  return { program: out, edit };
}

/** Shift amounts stay in 0..63 (a larger one is rejected, a different class than the edit means to test). */
function shiftSafe(d: Decide): number {
  return d.chance(0.5) ? d.int(64) : boundaryImm(d) & 63;
}

/** The same instruction with another operator or immediate (the shape and registers kept). */
function replaced(d: Decide, insn: Insn): Insn | null {
  switch (insn.kind) {
    case 'alu':
      if (insn.src.kind !== 'imm') return null;
      if (insn.op === 'mov' || d.chance(0.5))
        return { ...insn, src: { kind: 'imm', imm: isShift(insn.op) ? shiftSafe(d) : boundaryImm(d) } };
      if (isShift(insn.op)) return insn;
      {
        const op = d.pick(['add', 'sub', 'and', 'or', 'xor'] as const);
        // A constant added to a register that may hold a callback or object address (`r2 &= 8` after
        // `r2 = cb ll` becoming `r2 -= 8`) leaves the fragment; a bitwise one stays a rejection.
        if ((op === 'add' || op === 'sub') && !isArith(insn.op) && (insn.dst <= 6 || insn.dst === 10))
          return null;
        return { ...insn, op };
      }
    case 'jmp':
      return d.chance(0.5) || insn.src.kind === 'reg'
        ? { ...insn, op: d.pick(JMP_OPS) }
        : { ...insn, src: { kind: 'imm', imm: boundaryImm(d) } };
    case 'st':
      return { ...insn, imm: boundaryImm(d) };
    case 'kfunc':
      return insn.name === 'bpf_throw' ? null : { ...insn, name: d.pick(KFUNCS.slice(1)) };
    case 'neg':
    case 'ja':
    case 'ldx':
    case 'stx':
    case 'lddw':
    case 'ldfunc':
    case 'helper':
    case 'call':
    case 'exit':
      return null;
    default: {
      const never: never = insn;
      return never;
    }
  }
}

const isShift = (op: string): boolean => op === 'lsh' || op === 'rsh' || op === 'arsh';
const isArith = (op: string): boolean => op === 'add' || op === 'sub';

/**
 * `rX += rY` / `rX -= rY` on a register that may hold a pointer (r1-r6, r10): an edit before it can make
 * the offset variable, which is outside the fragment; programs with it are not mutated.
 */
function pointerMath(insn: Insn): boolean {
  return (
    insn.kind === 'alu' &&
    (insn.op === 'add' || insn.op === 'sub') &&
    insn.src.kind === 'reg' &&
    (insn.dst <= 6 || insn.dst === 10)
  );
}
