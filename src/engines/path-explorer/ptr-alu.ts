/**
 * ALU on pointers: the pointer half of adjust_reg_min_max_vals and adjust_ptr_min_max_vals, with
 * check_reg_sane_offset, for a privileged loader (allow_ptr_leaks and bypass_spec_v1 are on, so the Spectre
 * sanitation and its `... prohibited for !root` messages never apply). The checks run in the kernel's order,
 * so a program that breaks several rules gets the kernel's first message. What the kernel accepts but this
 * engine does not track (a variable offset, an offset on a callback or object pointer) is `unsupported`.
 */
import type { AluOp, Insn } from '../../bpf/insn.js';
import { ALU_SYMBOL } from '../../bpf/text/print.js';
import { Reject, unsupported, type Env } from './env.js';
import { markChainPrecision } from './precision.js';
import { regTypeStr } from './regs.js';
import { unknownScalar, type RegState, type ScalarReg } from './state.js';
import { tnumIsConst } from './tnum.js';
import { S64_MIN, s64 } from './u64.js';

/** BPF_MAX_VAR_OFF */
const MAX_VAR_OFF = 1 << 29;
const MAX_VAR_OFF_N = BigInt(MAX_VAR_OFF);

/** bpf_alu_string: how the kernel's messages name an operator. */
export const ALU_STRING: Readonly<Record<AluOp | 'neg', string>> = { ...ALU_SYMBOL, neg: 'neg' };

type AluInsn = Extract<Insn, { kind: 'alu' }>;
type Pointer = Exclude<RegState, ScalarReg | { kind: 'none' }>;

/**
 * adjust_reg_min_max_vals when one operand is a pointer: `ptr op ptr`, `ptr op scalar` or `scalar op ptr`.
 * Returns the destination's new value.
 */
export function pointerAlu(env: Env, pc: number, insn: AluInsn, dst: RegState, src: RegState): RegState {
  if (dst.kind === 'none' || src.kind === 'none') throw new Error('unreachable: operands were read');
  if (src.kind !== 'scalar') {
    if (dst.kind !== 'scalar') {
      // Two pointers: only subtraction, which with allow_ptr_leaks yields an unknown scalar
      if (insn.op === 'sub') return unknownScalar();
      throw new Reject('bad-access', `R${insn.dst} pointer ${ALU_STRING[insn.op]} pointer prohibited`, pc);
    }
    // scalar op= pointer: the scalar's value becomes the offset
    markChainPrecision(env, insn.dst);
    return adjustPtrMinMaxVals(pc, insn, src, dst, true);
  }
  if (dst.kind === 'scalar') throw new Error('unreachable: no pointer operand');
  if (insn.src.kind === 'reg') markChainPrecision(env, insn.src.reg);
  return adjustPtrMinMaxVals(pc, insn, dst, src, false);
}

/** reg->off of a pointer: callback and object pointers of the fragment are never moved. */
const fixedOff = (p: Pointer): number => (p.kind === 'ctx' || p.kind === 'stack' ? p.off : 0);

/** check_reg_sane_offset for the offset register or the pointer (`type` is the pointer's reg_type_str). */
function checkRegSaneOffset(pc: number, reg: ScalarReg | Pointer, type: string): void {
  // A pointer of the fragment has a constant zero var_off: only its fixed offset can be out of range.
  const known = reg.kind === 'scalar' ? tnumIsConst(reg.var) : true;
  const val = reg.kind === 'scalar' ? s64(reg.var.value) : 0n;
  // a scalar's `off` is its BPF_ADD_CONST delta, which the kernel keeps in the same field
  const off = reg.kind === 'scalar' ? reg.off : fixedOff(reg);
  const smin = reg.kind === 'scalar' ? reg.smin : 0n;
  if (known && (val >= MAX_VAR_OFF_N || val <= -MAX_VAR_OFF_N))
    throw new Reject('bad-access', `math between ${type} pointer and ${val} is not allowed`, pc);
  if (off >= MAX_VAR_OFF || off <= -MAX_VAR_OFF)
    throw new Reject('bad-access', `${type} pointer offset ${off} is not allowed`, pc);
  if (smin === S64_MIN)
    throw new Reject(
      'bad-access',
      `math between ${type} pointer and register with unbounded min value is not allowed`,
      pc,
    );
  if (smin >= MAX_VAR_OFF_N || smin <= -MAX_VAR_OFF_N)
    throw new Reject('bad-access', `value ${smin} makes ${type} pointer be out of bounds`, pc);
}

/** adjust_ptr_min_max_vals: `ptr op off` into `insn.dst` (which holds `off` when `offIsDst`). */
function adjustPtrMinMaxVals(
  pc: number,
  insn: AluInsn,
  ptr: Pointer,
  off: ScalarReg,
  offIsDst: boolean,
): RegState {
  const dst = insn.dst;
  const op = insn.op;
  const known = tnumIsConst(off.var);
  // An offset with impossible bounds (from a dead branch) taints the destination
  if (
    (known && (off.smin !== off.smax || off.umin !== off.umax)) ||
    off.smin > off.smax ||
    off.umin > off.umax
  )
    return unknownScalar();
  if (insn.width !== 64) {
    // 32-bit ALU on a pointer: a (meaningless) scalar for a subtraction with allow_ptr_leaks
    if (op === 'sub') return unknownScalar();
    throw new Reject('bad-access', `R${dst} 32-bit pointer arithmetic prohibited`, pc);
  }
  const type = regTypeStr(ptr);
  if (ptr.kind === 'obj' && ptr.maybeNull)
    throw new Reject(
      'bad-access',
      `R${dst} pointer arithmetic on ${type} prohibited, null-check it first`,
      pc,
    );
  // PTR_TO_CTX, PTR_TO_STACK, PTR_TO_FUNC and PTR_TO_BTF_ID all take arithmetic
  checkRegSaneOffset(pc, off, type);
  checkRegSaneOffset(pc, ptr, type);
  const val = Number(s64(off.var.value));
  let next: number;
  switch (op) {
    case 'add':
      // pointer += K accumulates into the fixed offset (it always fits s32 after the checks above)
      if (!known) throw unsupported('pointer plus a variable offset', pc);
      next = fixedOff(ptr) + val;
      break;
    case 'sub':
      if (offIsDst) throw new Reject('bad-access', `R${dst} tried to subtract pointer from scalar`, pc);
      // the JITs may not cope with a frame pointer moved down by a subtraction
      if (ptr.kind === 'stack')
        throw new Reject('bad-access', `R${dst} subtraction from stack pointer prohibited`, pc);
      if (!known) {
        // the new variable offset's smin is 0 - smax of the subtrahend; check_reg_sane_offset(dst_reg)
        const smin = -off.smax;
        if (smin <= -MAX_VAR_OFF_N)
          throw new Reject('bad-access', `value ${smin} makes ${type} pointer be out of bounds`, pc);
        throw unsupported('pointer minus a variable offset', pc);
      }
      next = fixedOff(ptr) - val;
      break;
    case 'and':
    case 'or':
    case 'xor':
      throw new Reject('bad-access', `R${dst} bitwise operator ${ALU_STRING[op]} on pointer prohibited`, pc);
    case 'lsh':
    case 'rsh':
    case 'arsh':
    case 'mul':
    case 'div':
    case 'mod':
      throw new Reject(
        'bad-access',
        `R${dst} pointer arithmetic with ${ALU_STRING[op]} operator prohibited`,
        pc,
      );
    case 'mov':
      throw new Error('unreachable: mov is not arithmetic');
    default: {
      const never: never = op;
      throw new Error(String(never));
    }
  }
  // check_reg_sane_offset(dst_reg): the accumulated fixed offset
  if (next >= MAX_VAR_OFF || next <= -MAX_VAR_OFF)
    throw new Reject('bad-access', `${type} pointer offset ${next} is not allowed`, pc);
  return withOffset(pc, ptr, next);
}

/** The pointer moved to fixed offset `off`. */
function withOffset(pc: number, ptr: Pointer, off: number): RegState {
  switch (ptr.kind) {
    case 'ctx':
    case 'stack':
      return { ...ptr, off };
    case 'func':
    case 'obj':
      // the kernel accepts the arithmetic; a moved callback or object pointer is not tracked here
      if (off === 0) return ptr;
      throw unsupported(`an offset on a ${ptr.kind === 'func' ? 'callback' : 'kernel object'} pointer`, pc);
    default: {
      const never: never = ptr;
      throw new Error(String(never));
    }
  }
}
