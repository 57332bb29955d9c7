/**
 * Lowering a `Program` to the interpreter's pre-decoded form (ops.ts), once per program: the interpreter's
 * speed comes from never touching the `Insn` objects while running.
 */
import type { AluOp, Insn, JmpOp } from '../bpf/insn.js';
import { kernelFnByName, helperById, type KernelFnEffect } from '../bpf/kernel-functions.js';
import { layoutOf, targetPc } from '../bpf/layout.js';
import type { Program } from '../bpf/program.js';
import type { Linkage } from '../bpf/profile.js';
import { AluSub, JmpSub, Kfn, Op, STRIDE } from './ops.js';

/** A subprogram as the runtime sees it: where it starts, what it is called, how many arguments a global takes. */
export interface RuntimeSubprog {
  readonly name: string;
  readonly startPc: number;
  readonly linkage: Linkage;
  readonly args: number;
}

export interface CompiledProgram {
  readonly program: Program;
  /** STRIDE words per pc, plus one `Invalid` slot at `slotCount` that every out-of-range target points to. */
  readonly code: Int32Array;
  readonly slotCount: number;
  /** Subprograms by start pc: every declared function and every call or callback target. */
  readonly subprogAt: ReadonlyMap<number, RuntimeSubprog>;
  /** Names of the kernel functions called, indexed by a CallKernel's word 3 (for events and faults). */
  readonly kernelNames: readonly string[];
}

const ALU_SUB: Record<AluOp, AluSub> = {
  add: AluSub.Add,
  sub: AluSub.Sub,
  mul: AluSub.Mul,
  div: AluSub.Div,
  or: AluSub.Or,
  and: AluSub.And,
  lsh: AluSub.Lsh,
  rsh: AluSub.Rsh,
  mod: AluSub.Mod,
  xor: AluSub.Xor,
  mov: AluSub.Mov,
  arsh: AluSub.Arsh,
};

const JMP_SUB: Record<JmpOp, JmpSub> = {
  jeq: JmpSub.Jeq,
  jgt: JmpSub.Jgt,
  jge: JmpSub.Jge,
  jset: JmpSub.Jset,
  jne: JmpSub.Jne,
  jsgt: JmpSub.Jsgt,
  jsge: JmpSub.Jsge,
  jlt: JmpSub.Jlt,
  jle: JmpSub.Jle,
  jslt: JmpSub.Jslt,
  jsle: JmpSub.Jsle,
};

function kfnOf(effect: KernelFnEffect): Kfn {
  switch (effect) {
    case 'throw':
      return Kfn.Throw;
    case 'acquire':
      return Kfn.Acquire;
    case 'release':
      return Kfn.Release;
    case 'rcu-lock':
      return Kfn.RcuLock;
    case 'rcu-unlock':
      return Kfn.RcuUnlock;
    case 'preempt-disable':
      return Kfn.PreemptDisable;
    case 'preempt-enable':
      return Kfn.PreemptEnable;
    case 'loop':
      return Kfn.Loop;
    case 'random-u32':
      return Kfn.RandomU32;
    case 'time-u64':
      return Kfn.TimeU64;
    case 'get-exception':
      return Kfn.GetException;
    case 'reset-exception':
      return Kfn.ResetException;
    default: {
      const unreachable: never = effect;
      throw new Error(`unhandled kernel-function effect ${String(unreachable)}`);
    }
  }
}

/** `Op.Invalid` sub-code of an instruction that writes r10 (0: not an instruction at all). */
export const INVALID_WRITES_R10 = 1;

function writesR10(insn: Insn): boolean {
  switch (insn.kind) {
    case 'alu':
    case 'neg':
    case 'ldx':
    case 'lddw':
    case 'ldfunc':
      return insn.dst === 10;
    case 'ja':
    case 'jmp':
    case 'stx':
    case 'st':
    case 'helper':
    case 'kfunc':
    case 'call':
    case 'exit':
      return false;
    default: {
      const unreachable: never = insn;
      throw new Error(`unhandled instruction ${JSON.stringify(unreachable)}`);
    }
  }
}

const compiled = new WeakMap<Program, CompiledProgram>();

/** The pre-decoded form of a program (cached per program object). */
export function compileProgram(program: Program): CompiledProgram {
  const cached = compiled.get(program);
  if (cached) return cached;
  const result = lower(program);
  compiled.set(program, result);
  return result;
}

function lower(program: Program): CompiledProgram {
  const { insns } = program;
  const { pcOf, slotCount } = layoutOf(insns);
  const code = new Int32Array((slotCount + 1) * STRIDE);
  const kernelNames: string[] = [];
  const kernelIndex = new Map<string, number>();
  // Out-of-range targets land on the Invalid slot at slotCount, so the interpreter never bounds-checks a jump.
  const inRange = (pc: number): number => (pc >= 0 && pc < slotCount ? pc : slotCount);
  const subprogAt = new Map<number, RuntimeSubprog>();
  for (const f of program.funcs) {
    const startPc = pcOf[f.insn] ?? slotCount;
    subprogAt.set(startPc, { name: f.name, startPc, linkage: f.linkage, args: f.args });
  }
  const noteTarget = (pc: number): void => {
    if (!subprogAt.has(pc)) subprogAt.set(pc, { name: `sub@${pc}`, startPc: pc, linkage: 'static', args: 0 });
  };
  const kernelCall = (name: string, effect: KernelFnEffect | null): [number, number] => {
    let index = kernelIndex.get(name);
    if (index === undefined) {
      index = kernelNames.length;
      kernelNames.push(name);
      kernelIndex.set(name, index);
    }
    return [effect === null ? Kfn.Unknown : kfnOf(effect), index];
  };

  insns.forEach((insn: Insn, i) => {
    const pc = pcOf[i]!;
    const at = pc * STRIDE;
    const put = (op: Op, sub: number, dst: number, src: number, off: number, imm: number): void => {
      code[at] = op | (sub << 8);
      code[at + 1] = dst | (src << 4);
      code[at + 2] = off;
      code[at + 3] = imm;
    };
    if (writesR10(insn)) {
      // The frame pointer is read only (check_reg_arg); the interpreter never has to check it.
      put(Op.Invalid, INVALID_WRITES_R10, 0, 0, 0, 0);
      return;
    }
    switch (insn.kind) {
      case 'alu': {
        const reg = insn.src.kind === 'reg';
        const op = insn.width === 64 ? (reg ? Op.Alu64Reg : Op.Alu64Imm) : reg ? Op.Alu32Reg : Op.Alu32Imm;
        put(
          op,
          ALU_SUB[insn.op],
          insn.dst,
          reg ? insn.src.reg : 0,
          0,
          insn.src.kind === 'imm' ? insn.src.imm : 0,
        );
        break;
      }
      case 'neg':
        put(insn.width === 64 ? Op.Neg64 : Op.Neg32, 0, insn.dst, 0, 0, 0);
        break;
      case 'ja':
        put(Op.Ja, 0, 0, 0, inRange(targetPc(insn, pc)!), 0);
        break;
      case 'jmp': {
        const reg = insn.src.kind === 'reg';
        const op = insn.width === 64 ? (reg ? Op.Jmp64Reg : Op.Jmp64Imm) : reg ? Op.Jmp32Reg : Op.Jmp32Imm;
        const target = inRange(targetPc(insn, pc)!);
        put(
          op,
          JMP_SUB[insn.op],
          insn.dst,
          reg ? insn.src.reg : 0,
          target,
          insn.src.kind === 'imm' ? insn.src.imm : 0,
        );
        break;
      }
      case 'ldx':
        put(Op.Ldx, insn.size, insn.dst, insn.src, insn.off, 0);
        break;
      case 'stx':
        put(Op.Stx, insn.size, insn.dst, insn.src, insn.off, 0);
        break;
      case 'st':
        put(Op.St, insn.size, insn.dst, 0, insn.off, insn.imm);
        break;
      case 'lddw':
        put(Op.Lddw, 0, insn.dst, 0, 0, insn.lo);
        code[at + STRIDE + 3] = insn.hi;
        break;
      case 'ldfunc': {
        const target = targetPc(insn, pc)!;
        noteTarget(target);
        put(Op.Ldfunc, 0, insn.dst, 0, inRange(target), 0);
        break;
      }
      case 'helper': {
        const fn = helperById(insn.id);
        const [kfn, index] = kernelCall(fn?.name ?? `helper#${insn.id}`, fn?.effect ?? null);
        put(Op.CallKernel, kfn, 0, 0, 0, index);
        break;
      }
      case 'kfunc': {
        const fn = kernelFnByName(insn.name);
        const [kfn, index] = kernelCall(insn.name, fn?.kind === 'kfunc' ? fn.effect : null);
        put(Op.CallKernel, kfn, 0, 0, 0, index);
        break;
      }
      case 'call': {
        const target = targetPc(insn, pc)!;
        noteTarget(target);
        put(Op.CallSub, 0, 0, 0, inRange(target), 0);
        break;
      }
      case 'exit':
        put(Op.Exit, 0, 0, 0, 0, 0);
        break;
      default: {
        const unreachable: never = insn;
        throw new Error(`unhandled instruction ${JSON.stringify(unreachable)}`);
      }
    }
  });
  if (!subprogAt.has(0)) subprogAt.set(0, { name: 'main', startPc: 0, linkage: 'static', args: 0 });
  return { program, code, slotCount, subprogAt, kernelNames };
}
