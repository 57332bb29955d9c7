/** ALU instructions (check_alu_op, adjust_reg_min_max_vals); pointer operands are ptr-alu.ts. */
import type { Insn } from '../../bpf/insn.js';
import { lddwValue } from '../../bpf/insn.js';
import { copyBounds, mark32Unbounded, mark64Unbounded, type Bounds } from './bounds.js';
import { scalarAlu, type ScalarAluOp } from './alu.js';
import { boundsSane } from './branch.js';
import { Reject, unsupported, type Env } from './env.js';
import { markChainPrecision } from './precision.js';
import { assignScalarIdBeforeMov, checkRead, checkWrite, regOf, setReg } from './regs.js';
import { pointerAlu } from './ptr-alu.js';
import { knownScalar, scalar, unknownScalar, type RegState, type ScalarReg } from './state.js';
import { S32_MAX, S32_MIN, s64 } from './u64.js';
import { tnumIsConst } from './tnum.js';

type AluInsn = Extract<Insn, { kind: 'alu' | 'neg' | 'lddw' | 'ldfunc' }>;

export function checkAlu(env: Env, pc: number, insn: AluInsn): void {
  switch (insn.kind) {
    case 'lddw':
      checkWrite(env, insn.dst);
      setReg(env, insn.dst, knownScalar(s64(lddwValue(insn))));
      return;
    case 'ldfunc': {
      checkWrite(env, insn.dst);
      const target = pc + insn.off + 1;
      const sub = env.subprogs.findIndex((s) => s.startPc === target);
      // check_ld_imm: callbacks must be static
      if (env.subprogs[sub]!.linkage !== 'static')
        throw new Reject('structure', 'callback function not static', pc);
      setReg(env, insn.dst, { kind: 'func', subprog: sub });
      return;
    }
    case 'neg': {
      if (insn.width !== 64) throw unsupported('32-bit ALU', pc);
      const v = checkRead(env, insn.dst);
      checkWrite(env, insn.dst);
      if (v.kind !== 'scalar') {
        // check_alu_op: with allow_ptr_leaks a pointer is a value like any other; DST_OP makes it unknown
        setReg(env, insn.dst, unknownScalar());
        return;
      }
      const b = scalarAlu('neg', v, v);
      setReg(env, insn.dst, scalar(b, 0, v.precise));
      return;
    }
    case 'alu':
      aluOp(env, pc, insn);
      return;
    default: {
      const never: never = insn;
      throw new Error(String(never));
    }
  }
}

function aluOp(env: Env, pc: number, insn: Extract<Insn, { kind: 'alu' }>): void {
  const op = insn.op;
  if (op === 'mov') {
    if (insn.width !== 64) throw unsupported('32-bit ALU', pc);
    if (insn.src.kind === 'reg') {
      let src = checkRead(env, insn.src.reg);
      checkWrite(env, insn.dst);
      if (src.kind === 'scalar') {
        src = assignScalarIdBeforeMov(env, src);
        setReg(env, insn.src.reg, src);
      }
      setReg(env, insn.dst, src);
    } else {
      checkWrite(env, insn.dst);
      setReg(env, insn.dst, knownScalar(BigInt(insn.src.imm)));
    }
    return;
  }
  // check_alu_op: the source, then the destination, then the immediate's own checks
  if (insn.src.kind === 'reg') checkRead(env, insn.src.reg);
  const dst = checkRead(env, insn.dst);
  if ((op === 'div' || op === 'mod') && insn.src.kind === 'imm' && insn.src.imm === 0)
    throw new Reject('bad-access', 'div by zero', pc);
  if ((op === 'lsh' || op === 'rsh' || op === 'arsh') && insn.src.kind === 'imm') {
    if (insn.src.imm < 0 || insn.src.imm >= insn.width)
      throw new Reject('bad-access', `invalid shift ${insn.src.imm}`, pc);
  }
  checkWrite(env, insn.dst);

  const srcReg: RegState =
    insn.src.kind === 'reg' ? regOf(env, insn.src.reg) : knownScalar(BigInt(insn.src.imm));
  if (srcReg.kind !== 'scalar' || dst.kind !== 'scalar') {
    setReg(env, insn.dst, pointerAlu(env, pc, insn, dst, srcReg));
    return;
  }
  if (insn.width !== 64) throw unsupported('32-bit ALU', pc);
  if (op === 'mul' || op === 'div' || op === 'mod') throw unsupported(`ALU ${op}`, pc);
  if (insn.src.kind === 'reg' && dst.precise) markChainPrecision(env, insn.src.reg);
  const b = scalarAlu(op, dst, srcReg);
  if (!boundsSane(b)) {
    // reg_bounds_sanity_check: the kernel forgets the ranges and keeps going
    const r = copyBounds(b);
    mark64Unbounded(r);
    mark32Unbounded(r);
    setReg(env, insn.dst, linkAfterAdd(dst, srcReg, op, r));
    return;
  }
  setReg(env, insn.dst, linkAfterAdd(dst, srcReg, op, b));
}

/** adjust_reg_min_max_vals' tail: `rX += const` keeps a delta link to the register it was copied from. */
function linkAfterAdd(dst: ScalarReg, src: ScalarReg, op: ScalarAluOp, b: Bounds): ScalarReg {
  if ((op === 'add' || op === 'sub') && dst.id !== 0 && tnumIsConst(src.var)) {
    const val = s64(src.var.value);
    if (val < S32_MIN || val > S32_MAX) return scalar(b, 0, dst.precise);
    let off = Number(val);
    if (op === 'sub') {
      if (off === S32_MIN_N) return scalar(b, 0, dst.precise);
      off = -off;
    }
    if (dst.addConst) return scalar(b, 0, dst.precise);
    return scalar(b, dst.id, dst.precise, true, off);
  }
  return scalar(b, 0, dst.precise);
}

const S32_MIN_N = -0x8000_0000;
