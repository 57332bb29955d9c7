/** Register access with the kernel's checks (check_reg_arg) and scalar id handling. */
import { tnumIsConst } from './tnum.js';
import { Reject, type Env } from './env.js';
import { curFrame, type RegState, type ScalarReg } from './state.js';

export const regOf = (env: Env, r: number): RegState => curFrame(env.cur).regs[r]!;

export function setReg(env: Env, r: number, v: RegState): void {
  curFrame(env.cur).regs[r] = v;
}

/** check_reg_arg(SRC_OP) */
export function checkRead(env: Env, r: number): RegState {
  const v = regOf(env, r);
  if (v.kind === 'none') throw new Reject('uninit', `R${r} !read_ok`, env.insnIdx);
  return v;
}

/** check_reg_arg(DST_OP...) */
export function checkWrite(env: Env, r: number): void {
  if (r === 10) throw new Reject('bad-access', 'frame pointer is read only', env.insnIdx);
}

/** reg_type_str, for the messages that name a register's type. */
export function regTypeStr(v: RegState): string {
  switch (v.kind) {
    case 'none':
      return '?';
    case 'scalar':
      return 'scalar';
    case 'ctx':
      return 'ctx';
    case 'stack':
      return 'fp';
    case 'func':
      return 'func';
    case 'obj':
      // PTR_TO_BTF_ID: reg_type_str names the type without the struct (the state dump adds it)
      return v.maybeNull ? 'ptr_or_null_' : 'ptr_';
    default: {
      const never: never = v;
      return String(never);
    }
  }
}

/**
 * assign_scalar_id_before_mov: a non-constant scalar being copied gets an id (from the one counter the
 * kernel also draws reference ids from) so the copies stay linked. Updates the register in `frame`.
 */
export function assignScalarIdBeforeMov(env: Env, src: ScalarReg): ScalarReg {
  let s = src;
  if (s.addConst) s = { ...s, id: 0, addConst: false, off: 0 };
  if (s.id === 0 && !tnumIsConst(s.var)) s = { ...s, id: ++env.idGen };
  return s;
}

/** get_reg_width: bits needed for the register's unsigned maximum. */
export function regWidth(s: ScalarReg): number {
  let n = 0;
  let v = s.umax;
  while (v > 0n) {
    v >>= 1n;
    n++;
  }
  return n;
}
