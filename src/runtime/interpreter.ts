/**
 * The interpreter loop: runs a Machine for up to `budget` instructions over the pre-decoded code. Scalars on
 * the fast path never leave int32 arithmetic; pointers, uninitialised registers and kernel calls take the
 * slow paths below.
 */
import { INVALID_WRITES_R10 } from './compile.js';
import { callKernel, callbackReturned, isTraceable } from './kernel-calls.js';
import { FrameKind, Status, Tag, type Machine } from './machine.js';
import { load, store } from './memory.js';
import { standInAddress } from './pointer-address.js';
import { leak, pointerAlu, pointerNeg } from './pointer-alu.js';
import { pointerJumpTaken } from './pointer-compare.js';
import { AluSub, JmpSub, Kfn, Op } from './ops.js';
import { arsh64, div64, lsh64, mod64, mul64, out, rsh64 } from './u64.js';

/*
 * The loop's constants as module-local consts. A member of an imported enum object is a property lookup at
 * every use, and under the per-file transpilers of vitest and tsx a lookup through the import object first;
 * that made this loop ten times slower. V8 folds module-local consts under every build.
 */
const ALU_ADD = AluSub.Add;
const ALU_AND = AluSub.And;
const ALU_ARSH = AluSub.Arsh;
const ALU_DIV = AluSub.Div;
const ALU_LSH = AluSub.Lsh;
const ALU_MOD = AluSub.Mod;
const ALU_MOV = AluSub.Mov;
const ALU_MUL = AluSub.Mul;
const ALU_OR = AluSub.Or;
const ALU_RSH = AluSub.Rsh;
const ALU_SUB = AluSub.Sub;
const ALU_XOR = AluSub.Xor;
const FRAME_LOOP = FrameKind.Loop;
const OP_ALU32_IMM = Op.Alu32Imm;
const OP_ALU32_REG = Op.Alu32Reg;
const OP_ALU64_IMM = Op.Alu64Imm;
const OP_ALU64_REG = Op.Alu64Reg;
const OP_CALL_KERNEL = Op.CallKernel;
const OP_CALL_SUB = Op.CallSub;
const OP_EXIT = Op.Exit;
const OP_INVALID = Op.Invalid;
const OP_JA = Op.Ja;
const OP_JMP32_IMM = Op.Jmp32Imm;
const OP_JMP32_REG = Op.Jmp32Reg;
const OP_JMP64_IMM = Op.Jmp64Imm;
const OP_JMP64_REG = Op.Jmp64Reg;
const OP_LDDW = Op.Lddw;
const OP_LDFUNC = Op.Ldfunc;
const OP_LDX = Op.Ldx;
const OP_NEG32 = Op.Neg32;
const OP_NEG64 = Op.Neg64;
const OP_ST = Op.St;
const OP_STX = Op.Stx;
const STATUS_CALL_ENTRY = Status.CallEntry;
const STATUS_CALL_EXIT = Status.CallExit;
const STATUS_DONE = Status.Done;
const STATUS_RUNNING = Status.Running;
const TAG_FUNC = Tag.Func;
const TAG_SCALAR = Tag.Scalar;
const TAG_UNINIT = Tag.Uninit;

/** Run until the invocation ends, the budget is spent, or (yieldAtCalls) a kernel call is reached. */
export function run(m: Machine, budget: number): Status {
  if (m.finished) return STATUS_DONE;
  const code = m.code;
  const tag = m.tag;
  const lo = m.lo;
  const hi = m.hi;
  const limit = Math.min(budget, m.fuel);
  let pc = m.pc;
  let steps = 0;
  while (steps < limit) {
    steps++;
    const at = pc << 2;
    const word = code[at]!;
    switch (word & 0xff) {
      case OP_ALU64_IMM:
      case OP_ALU64_REG: {
        const d = code[at + 1]! & 15;
        const sub = word >> 8;
        let slo: number;
        let shi: number;
        if ((word & 0xff) === OP_ALU64_IMM) {
          slo = code[at + 3]!;
          shi = slo >> 31;
        } else {
          const s = code[at + 1]! >> 4;
          if (tag[s] !== TAG_SCALAR || (tag[d] !== TAG_SCALAR && sub !== ALU_MOV)) {
            m.pc = pc;
            if (!pointerAlu(m, sub, false, d, s, 0, 0)) return stop(m, steps);
            pc++;
            break;
          }
          slo = lo[s]!;
          shi = hi[s]!;
        }
        if (sub === ALU_MOV) {
          tag[d] = TAG_SCALAR;
          lo[d] = slo;
          hi[d] = shi;
          pc++;
          break;
        }
        if (tag[d] !== TAG_SCALAR) {
          m.pc = pc;
          if (!pointerAlu(m, sub, false, d, -1, slo, shi)) return stop(m, steps);
          pc++;
          break;
        }
        const dlo = lo[d]!;
        const dhi = hi[d]!;
        switch (sub) {
          case ALU_ADD: {
            const r = (dlo >>> 0) + (slo >>> 0);
            lo[d] = r;
            hi[d] = (dhi + shi + (r > 0xffffffff ? 1 : 0)) | 0;
            break;
          }
          case ALU_SUB:
            lo[d] = (dlo - slo) | 0;
            hi[d] = (dhi - shi - (dlo >>> 0 < slo >>> 0 ? 1 : 0)) | 0;
            break;
          case ALU_MUL:
            mul64(dlo, dhi, slo, shi);
            lo[d] = out[0]!;
            hi[d] = out[1]!;
            break;
          case ALU_DIV:
            div64(dlo, dhi, slo, shi);
            lo[d] = out[0]!;
            hi[d] = out[1]!;
            break;
          case ALU_OR:
            lo[d] = dlo | slo;
            hi[d] = dhi | shi;
            break;
          case ALU_AND:
            lo[d] = dlo & slo;
            hi[d] = dhi & shi;
            break;
          case ALU_LSH:
            lsh64(dlo, dhi, slo & 63);
            lo[d] = out[0]!;
            hi[d] = out[1]!;
            break;
          case ALU_RSH:
            rsh64(dlo, dhi, slo & 63);
            lo[d] = out[0]!;
            hi[d] = out[1]!;
            break;
          case ALU_MOD:
            mod64(dlo, dhi, slo, shi);
            lo[d] = out[0]!;
            hi[d] = out[1]!;
            break;
          case ALU_XOR:
            lo[d] = dlo ^ slo;
            hi[d] = dhi ^ shi;
            break;
          case ALU_ARSH:
            arsh64(dlo, dhi, slo & 63);
            lo[d] = out[0]!;
            hi[d] = out[1]!;
            break;
        }
        pc++;
        break;
      }
      case OP_ALU32_IMM:
      case OP_ALU32_REG: {
        const d = code[at + 1]! & 15;
        const sub = word >> 8;
        let s32: number;
        if ((word & 0xff) === OP_ALU32_IMM) s32 = code[at + 3]!;
        else {
          const s = code[at + 1]! >> 4;
          if (tag[s] !== TAG_SCALAR) {
            m.pc = pc;
            if (!pointerAlu(m, sub, true, d, s, 0, 0)) return stop(m, steps);
            pc++;
            break;
          }
          s32 = lo[s]!;
        }
        if (sub !== ALU_MOV && tag[d] !== TAG_SCALAR) {
          m.pc = pc;
          if (!pointerAlu(m, sub, true, d, -1, s32, s32 >> 31)) return stop(m, steps);
          pc++;
          break;
        }
        const d32 = lo[d]!;
        let r: number;
        switch (sub) {
          case ALU_ADD:
            r = (d32 + s32) | 0;
            break;
          case ALU_SUB:
            r = (d32 - s32) | 0;
            break;
          case ALU_MUL:
            r = Math.imul(d32, s32);
            break;
          case ALU_DIV:
            r = s32 === 0 ? 0 : Math.floor((d32 >>> 0) / (s32 >>> 0)) | 0;
            break;
          case ALU_OR:
            r = d32 | s32;
            break;
          case ALU_AND:
            r = d32 & s32;
            break;
          case ALU_LSH:
            r = d32 << (s32 & 31);
            break;
          case ALU_RSH:
            r = d32 >>> (s32 & 31);
            break;
          case ALU_MOD:
            r = s32 === 0 ? d32 : ((d32 >>> 0) % (s32 >>> 0)) | 0;
            break;
          case ALU_XOR:
            r = d32 ^ s32;
            break;
          case ALU_MOV:
            r = s32;
            break;
          default:
            r = d32 >> (s32 & 31);
            break;
        }
        tag[d] = TAG_SCALAR;
        lo[d] = r;
        hi[d] = 0;
        pc++;
        break;
      }
      case OP_NEG64:
      case OP_NEG32: {
        const d = code[at + 1]! & 15;
        if (tag[d] !== TAG_SCALAR) {
          m.pc = pc;
          if (!pointerNeg(m, (word & 0xff) === OP_NEG32, d)) return stop(m, steps);
          pc++;
          break;
        }
        const dlo = lo[d]!;
        if ((word & 0xff) === OP_NEG64) {
          lo[d] = -dlo | 0;
          hi[d] = (-hi[d]! - (dlo !== 0 ? 1 : 0)) | 0;
        } else {
          lo[d] = -dlo | 0;
          hi[d] = 0;
        }
        pc++;
        break;
      }
      case OP_JA:
        pc = code[at + 2]!;
        break;
      case OP_JMP64_IMM:
      case OP_JMP64_REG:
      case OP_JMP32_IMM:
      case OP_JMP32_REG: {
        const op = word & 0xff;
        const d = code[at + 1]! & 15;
        let blo: number;
        let bhi: number;
        let bTag: number;
        if (op === OP_JMP64_IMM || op === OP_JMP32_IMM) {
          blo = code[at + 3]!;
          bhi = blo >> 31;
          bTag = TAG_SCALAR;
        } else {
          const s = code[at + 1]! >> 4;
          blo = lo[s]!;
          bhi = hi[s]!;
          bTag = tag[s]!;
          if (bTag !== TAG_SCALAR) {
            m.pc = pc;
            const taken = jumpPointer(m, word >> 8, op === OP_JMP32_REG, d, s, 0, 0);
            if (taken < 0) return stop(m, steps);
            pc = taken === 1 ? code[at + 2]! : pc + 1;
            break;
          }
        }
        if (tag[d] !== TAG_SCALAR) {
          m.pc = pc;
          const taken = jumpPointer(
            m,
            word >> 8,
            op === OP_JMP32_IMM || op === OP_JMP32_REG,
            d,
            -1,
            blo,
            bhi,
          );
          if (taken < 0) return stop(m, steps);
          pc = taken === 1 ? code[at + 2]! : pc + 1;
          break;
        }
        const alo = lo[d]!;
        let ahi = hi[d]!;
        if (op === OP_JMP32_IMM || op === OP_JMP32_REG) {
          // JMP32 compares the low halves: as sign-extended 64-bit values for the signed conditions, as
          // zero-extended ones for the others, so one predicate serves both widths.
          const signed = isSigned(word >> 8);
          ahi = signed ? alo >> 31 : 0;
          bhi = signed ? blo >> 31 : 0;
        }
        pc = compare(word >> 8, alo, ahi, blo, bhi) ? code[at + 2]! : pc + 1;
        break;
      }
      case OP_LDX: {
        const r = code[at + 1]!;
        if (!load(m, word >> 8, r & 15, r >> 4, code[at + 2]!, pc)) return stop(m, steps);
        pc++;
        break;
      }
      case OP_STX: {
        const r = code[at + 1]!;
        const s = r >> 4;
        // An uninitialised register stored is a read (check_reg_arg: `R0 !read_ok`), except the 8-byte spill
        // a rewrite makes after a marked call (SPEC §5): the RFC patches after verifying, so the JIT copies
        // whatever R0 holds, and the fill gives the caller back an R0 it never reads (else the original
        // would have been rejected). memory.ts keeps it as an uninitialised spill.
        if (tag[s] === TAG_UNINIT && (m.mode !== 'instrumented' || word >> 8 !== 8)) {
          m.pc = pc;
          return stop(m, steps, m.raise('uninit-register', pc, `r${s} is read before it is written`));
        }
        if (!store(m, word >> 8, r & 15, code[at + 2]!, tag[s]!, lo[s]!, hi[s]!, pc)) return stop(m, steps);
        pc++;
        break;
      }
      case OP_ST: {
        const imm = code[at + 3]!;
        if (!store(m, word >> 8, code[at + 1]! & 15, code[at + 2]!, TAG_SCALAR, imm, imm >> 31, pc)) {
          return stop(m, steps);
        }
        pc++;
        break;
      }
      case OP_LDDW: {
        const d = code[at + 1]! & 15;
        tag[d] = TAG_SCALAR;
        lo[d] = code[at + 3]!;
        hi[d] = code[at + 7]!;
        pc += 2;
        break;
      }
      case OP_LDFUNC: {
        const d = code[at + 1]! & 15;
        tag[d] = TAG_FUNC;
        lo[d] = 0;
        hi[d] = code[at + 2]!;
        pc += 2;
        break;
      }
      case OP_CALL_KERNEL: {
        const kfn = (word >> 8) as Kfn;
        const traceable = m.yieldAtCalls && isTraceable(kfn);
        if (traceable && !m.callEntered) {
          m.callEntered = true;
          m.pc = pc;
          return stop(m, steps - 1, STATUS_CALL_ENTRY);
        }
        m.callEntered = false;
        const topBefore = m.top;
        const status = callKernel(m, kfn, m.compiled.kernelNames[code[at + 3]!]!, pc);
        if (status === STATUS_DONE) return stop(m, steps);
        pc = m.pc;
        // bpf_loop returns to the program when its last callback does (kernel-calls.ts stops there); it returns
        // here only when it entered no callback (the frame stack did not grow).
        if (traceable && m.top === topBefore) {
          return stop(m, steps, STATUS_CALL_EXIT);
        }
        break;
      }
      case OP_CALL_SUB: {
        const target = code[at + 2]!;
        if (!m.pushBpfFrame(target, pc + 1)) {
          return stop(m, steps, m.raise('call-depth', pc, 'more than 8 frames'));
        }
        const callee = m.compiled.subprogAt.get(target);
        // A global is verified with only its prototype's arguments; the others are not initialised inside it.
        if (callee && callee.linkage === 'global') {
          tag.fill(TAG_UNINIT, 1 + callee.args, 6);
          m.frames[m.top]!.global = true;
        }
        pc = target;
        break;
      }
      case OP_EXIT: {
        // Only check_return_code reads R0 at an exit: main's and a global's. A static subprogram hands an
        // unwritten R0 to its caller as it is (prepare_func_exit), where reading it is the fault; a callback's
        // is checked in callbackReturned.
        if (tag[0] === TAG_UNINIT && (m.top === 0 || m.frames[m.top]!.global)) {
          m.pc = pc;
          return stop(m, steps, m.raise('uninit-register', pc, 'r0 is not initialised at exit'));
        }
        if (m.top === 0) {
          // check_return_code: is_pointer_value is false for a privileged loader (allow_ptr_leaks), so main
          // may return a pointer, and the kernel returns its address: only the stand-in is known here.
          if (tag[0] !== TAG_SCALAR) leak(m, 0, standInAddress(tag[0]!, lo[0]!, hi[0]!), false);
          m.retLo = lo[0]!;
          m.retHi = hi[0]!;
          m.finished = true;
          m.pc = pc;
          return stop(m, steps, STATUS_DONE);
        }
        const frame = m.popBpfFrame();
        if (m.frames[m.top]!.kind === FRAME_LOOP) {
          const status = callbackReturned(m, pc);
          pc = m.pc;
          if (status !== STATUS_RUNNING) return stop(m, steps, status);
        } else pc = frame.retPc;
        break;
      }
      case OP_INVALID:
      default:
        m.pc = pc;
        return stop(
          m,
          steps,
          m.raise(
            'bad-insn',
            pc,
            word >> 8 === INVALID_WRITES_R10
              ? 'r10 is read only'
              : pc >= m.compiled.slotCount
                ? `execution left the program at pc ${pc}`
                : `pc ${pc} is the second half of ld_imm64`,
          ),
        );
    }
  }
  m.pc = pc;
  return stop(m, steps, STATUS_RUNNING);
}

/** Account for the executed steps and turn an exhausted fuel budget into a fault. */
function stop(m: Machine, steps: number, status: Status = Status.Done): Status {
  m.fuel -= steps;
  if (status === Status.Running && m.fuel <= 0) {
    return m.raise('fuel-exhausted', m.pc, 'the fuel budget ran out');
  }
  return status;
}

function isSigned(sub: number): boolean {
  return sub === JmpSub.Jsgt || sub === JmpSub.Jsge || sub === JmpSub.Jslt || sub === JmpSub.Jsle;
}

/** Conditional-jump predicate on 64-bit values given as halves. */
function compare(sub: number, alo: number, ahi: number, blo: number, bhi: number): boolean {
  switch (sub as JmpSub) {
    case JmpSub.Jeq:
      return alo === blo && ahi === bhi;
    case JmpSub.Jne:
      return alo !== blo || ahi !== bhi;
    case JmpSub.Jset:
      return (alo & blo) !== 0 || (ahi & bhi) !== 0;
    case JmpSub.Jgt:
      return ahi !== bhi ? ahi >>> 0 > bhi >>> 0 : alo >>> 0 > blo >>> 0;
    case JmpSub.Jge:
      return ahi !== bhi ? ahi >>> 0 > bhi >>> 0 : alo >>> 0 >= blo >>> 0;
    case JmpSub.Jlt:
      return ahi !== bhi ? ahi >>> 0 < bhi >>> 0 : alo >>> 0 < blo >>> 0;
    case JmpSub.Jle:
      return ahi !== bhi ? ahi >>> 0 < bhi >>> 0 : alo >>> 0 <= blo >>> 0;
    case JmpSub.Jsgt:
      return ahi !== bhi ? ahi > bhi : alo >>> 0 > blo >>> 0;
    case JmpSub.Jsge:
      return ahi !== bhi ? ahi > bhi : alo >>> 0 >= blo >>> 0;
    case JmpSub.Jslt:
      return ahi !== bhi ? ahi < bhi : alo >>> 0 < blo >>> 0;
    case JmpSub.Jsle:
      return ahi !== bhi ? ahi < bhi : alo >>> 0 <= blo >>> 0;
    default: {
      const unreachable: never = sub as never;
      throw new Error(`unhandled jump condition ${String(unreachable)}`);
    }
  }
}

/**
 * A conditional jump with a pointer operand (s < 0: an immediate): faults on an uninitialised operand, else
 * decided as at run time (pointer-compare.ts). 1 taken, 0 not taken, -1 faulted.
 */
function jumpPointer(
  m: Machine,
  sub: number,
  is32: boolean,
  d: number,
  s: number,
  blo: number,
  bhi: number,
): number {
  const { tag, lo, hi } = m;
  const bTag = s < 0 ? Tag.Scalar : tag[s]!;
  if (s >= 0) {
    blo = lo[s]!;
    bhi = hi[s]!;
  }
  const aTag = tag[d]!;
  if (aTag === Tag.Uninit || bTag === Tag.Uninit) {
    m.raise('uninit-register', m.pc, `r${aTag === Tag.Uninit ? d : s} is read before it is written`);
    return -1;
  }
  const a = { tag: aTag, lo: lo[d]!, hi: hi[d]! };
  return pointerJumpTaken(m, sub as JmpSub, is32, a, { tag: bTag, lo: blo, hi: bhi }) ? 1 : 0;
}
