/**
 * Loads and stores (check_mem_access) on the ctx and on the stack: check_ctx_access for SYSCALL programs,
 * check_stack_access_within_bounds, check_stack_write_fixed_off and check_stack_read_fixed_off with their
 * spill/fill tracking.
 */
import type { Size } from '../../bpf/insn.js';
import { coerceToSize, copyBounds } from './bounds.js';
import { Reject, unsupported, type Env } from './env.js';
import { markChainPrecision } from './precision.js';
import { pushHistory } from './prune.js';
import { markStackRead, markStackWrite } from './stack-liveness.js';
import {
  assignScalarIdBeforeMov,
  checkRead,
  checkWrite,
  regOf,
  regTypeStr,
  regWidth,
  setReg,
} from './regs.js';
import {
  knownScalar,
  NOT_INIT,
  scalar,
  SlotType,
  unknownScalar,
  type Frame,
  type RegState,
  type ScalarReg,
  type StackSlot,
  EMPTY_SLOT,
} from './state.js';
import { tnumIsConst } from './tnum.js';

const MAX_BPF_STACK = 512;

type Access = { kind: 'read'; dst: number } | { kind: 'write'; value: number | null; imm: number };

/** grow_stack_state: allocate slots and raise the subprogram's stack depth (rounded to 8). */
function growStack(env: Env, frame: Frame, bytes: number): void {
  const n = Math.ceil(bytes / 8);
  if (frame.stack.length < n) {
    frame.stack = frame.stack.concat(new Array<StackSlot>(n - frame.stack.length).fill(EMPTY_SLOT));
  }
  const size = n * 8;
  if ((env.stackDepth[frame.subprog] ?? 0) < size) env.stackDepth[frame.subprog] = size;
}

/** The frame a stack pointer points into (func(env, reg)). */
const frameOf = (env: Env, frameno: number): Frame => env.cur.frames[frameno]!;

const coerce = (r: ScalarReg, size: number): ScalarReg => {
  const b = copyBounds(r);
  coerceToSize(b, size);
  return scalar(b, r.id, r.precise, r.addConst, r.off);
};

/** check_mem_access for `base + off`, size bytes. */
export function memAccess(
  env: Env,
  pc: number,
  baseReg: number,
  off: number,
  size: Size,
  access: Access,
): void {
  const base = regOf(env, baseReg);
  switch (base.kind) {
    case 'ctx': {
      // check_ptr_off_reg (__check_ptr_off_reg): the sign of the fixed offset is tested first
      if (base.off < 0)
        throw new Reject('bad-access', `negative offset ctx ptr R${baseReg} off=${base.off} disallowed`, pc);
      if (base.off !== 0)
        throw new Reject(
          'bad-access',
          `dereference of modified ctx ptr R${baseReg} off=${base.off} disallowed`,
          pc,
        );
      // syscall_prog_is_valid_access
      if (off < 0 || off >= 0xffff || off % size !== 0)
        throw new Reject('bad-access', `invalid bpf_context access off=${off} size=${size}`, pc);
      if (off + size > env.ctxSize) throw unsupported(`ctx access beyond ${env.ctxSize} bytes`, pc);
      if (access.kind === 'read') {
        let v = unknownScalar();
        if (size < 8) v = coerce(v, size);
        setReg(env, access.dst, v);
      } else if (access.value !== null && regOf(env, access.value).kind !== 'scalar') {
        throw unsupported('storing a pointer into the ctx', pc);
      }
      return;
    }
    case 'stack': {
      const fullOff = base.off + off;
      // check_ptr_alignment: the stack is always strict
      if (fullOff % size !== 0)
        throw new Reject('bad-access', `misaligned stack access off 0+${base.off}+${off} size ${size}`, pc);
      // check_stack_access_within_bounds
      if (fullOff < -MAX_BPF_STACK || fullOff + size > 0) {
        const what = access.kind === 'read' ? 'read from' : 'write to';
        throw new Reject(
          fullOff < -MAX_BPF_STACK ? 'stack' : 'bad-access',
          `invalid ${what} stack R${baseReg} off=${fullOff} size=${size}`,
          pc,
        );
      }
      const frame = frameOf(env, base.frameno);
      growStack(env, frame, -fullOff);
      if (access.kind === 'read') {
        markStackRead(env, base.frameno, fullOff, size);
        stackRead(env, frame, fullOff, size, access.dst);
      } else {
        markStackWrite(env, base.frameno, fullOff, size);
        stackWrite(env, frame, fullOff, size, access.value, access.imm);
      }
      return;
    }
    case 'obj':
      // a maybe-NULL object falls through check_mem_access's PTR_TO_BTF_ID case to the last one
      if (!base.maybeNull) throw unsupported(`memory access through a ${regTypeStr(base)} pointer`, pc);
      throw new Reject('bad-access', `R${baseReg} invalid mem access '${regTypeStr(base)}'`, pc);
    case 'scalar':
    case 'none':
    case 'func':
      throw new Reject('bad-access', `R${baseReg} invalid mem access '${regTypeStr(base)}'`, pc);
    default: {
      const never: never = base;
      throw new Error(String(never));
    }
  }
}

const slotIndex = (addr: number): { spi: number; j: number } => {
  const slot = -addr - 1;
  return { spi: Math.floor(slot / 8), j: slot % 8 };
};

function setSlot(frame: Frame, spi: number, slot: StackSlot): void {
  frame.stack = frame.stack.slice();
  frame.stack[spi] = slot;
}

/** save_register_state */
function saveRegisterState(frame: Frame, spi: number, reg: RegState, size: number): void {
  const old = frame.stack[spi]!;
  const types = old.types.slice();
  let i = 8;
  for (; i > 8 - size; i--) types[i - 1] = SlotType.Spill;
  // mark_stack_slot_misc for the rest of a narrow spill
  for (; i > 0; i--) {
    const t = types[i - 1]!;
    if (t !== SlotType.Zero && t !== SlotType.Invalid) types[i - 1] = SlotType.Misc;
  }
  setSlot(frame, spi, { types, spilled: reg });
}

/** check_stack_write_fixed_off */
function stackWrite(
  env: Env,
  frame: Frame,
  off: number,
  size: number,
  valueReg: number | null,
  imm: number,
): void {
  const pc = env.insnIdx;
  const { spi } = slotIndex(off);
  const cur = env.cur.frames[env.cur.frames.length - 1]!;
  let flags = true;
  let reg: RegState | null = valueReg === null ? null : cur.regs[valueReg]!;
  if (reg !== null && off % 8 === 0 && reg.kind === 'scalar') {
    const fits = regWidth(reg) <= 8 * size;
    if (fits) {
      reg = assignScalarIdBeforeMov(env, reg);
      cur.regs[valueReg!] = reg;
    }
    let spilled: ScalarReg = reg;
    if (!fits) spilled = { ...spilled, id: 0, addConst: false, off: 0 };
    saveRegisterState(frame, spi, spilled, size);
  } else if (reg === null && off % 8 === 0) {
    saveRegisterState(frame, spi, knownScalar(BigInt(imm)), size);
  } else if (reg !== null && reg.kind !== 'scalar' && reg.kind !== 'none') {
    if (size !== 8) throw new Reject('bad-access', 'invalid size of register spill', pc);
    if (frame !== cur && reg.kind === 'stack')
      throw new Reject('bad-access', 'cannot spill pointers to stack into stack frame of the caller', pc);
    saveRegisterState(frame, spi, reg, size);
  } else {
    if (reg?.kind === 'none') throw new Error('unreachable: value register checked before');
    const old = frame.stack[spi]!;
    const types = old.types.slice();
    if (old.types[7] === SlotType.Spill)
      for (let i = 0; i < 8; i++) if (types[i] !== SlotType.Invalid) types[i] = SlotType.Misc;
    let type = SlotType.Misc;
    const isZero =
      (reg !== null && reg.kind === 'scalar' && tnumIsConst(reg.var) && reg.var.value === 0n) ||
      (reg === null && imm === 0);
    if (isZero) {
      if (valueReg !== null) markChainPrecision(env, valueReg);
      type = SlotType.Zero;
    }
    const slot = -off - 1;
    for (let i = 0; i < size; i++) types[(slot - i) % 8] = type;
    setSlot(frame, spi, { types, spilled: NOT_INIT });
    flags = false;
  }
  if (flags) pushHistory(env, (h) => (h.stackAccess = { frameno: frame.frameno, spi }));
}

const isSpilled = (s: StackSlot): boolean => s.types[7] === SlotType.Spill;

/** check_stack_read_fixed_off, then the narrow-load coercion of check_mem_access. */
function stackRead(env: Env, frame: Frame, off: number, size: number, dst: number): void {
  const pc = env.insnIdx;
  const { spi } = slotIndex(off);
  const slotNo = -off - 1;
  const st = frame.stack[spi]!;
  let flags = true;
  let out: RegState;
  if (isSpilled(st)) {
    let spillSize = 1;
    for (let i = 7; i > 0 && st.types[i - 1] === SlotType.Spill; i--) spillSize++;
    const reg = st.spilled;
    if (size !== 8 || spillSize !== 8) {
      if (reg.kind !== 'scalar') throw new Reject('bad-access', 'invalid size of register fill', pc);
      if (size <= spillSize && off % 8 === 0) {
        let r: ScalarReg = reg;
        if (size === 4 && spillSize === 4 && regWidth(r) <= 32) {
          r = assignScalarIdBeforeMov(env, r);
          setSlot(frame, spi, { ...st, spilled: r });
        }
        out = regWidth(r) > size * 8 ? { ...r, id: 0, addConst: false, off: 0 } : r;
      } else {
        let spillCnt = 0;
        let zeroCnt = 0;
        for (let i = 0; i < size; i++) {
          const t = st.types[(slotNo - i) % 8]!;
          if (t === SlotType.Spill) spillCnt++;
          else if (t === SlotType.Zero) zeroCnt++;
        }
        if (spillCnt === size && tnumIsConst(reg.var) && reg.var.value === 0n) out = knownScalar(0n);
        else if (zeroCnt === size) {
          out = knownScalar(0n);
          flags = false;
        } else {
          out = unknownScalar();
          flags = false;
        }
      }
    } else {
      if (reg.kind === 'none') throw unsupported('fill of a destroyed spill', pc);
      out = reg;
    }
  } else {
    let zeros = 0;
    for (let i = off; i < off + size; i++) {
      const { spi: s, j } = slotIndex(i);
      if (frame.stack[s]!.types[j] !== SlotType.Zero) break;
      zeros++;
    }
    out = zeros === size ? knownScalar(0n) : unknownScalar();
    flags = false;
  }
  if (size < 8 && out.kind === 'scalar') out = coerce(out, size);
  setReg(env, dst, out);
  if (flags) pushHistory(env, (h) => (h.stackAccess = { frameno: frame.frameno, spi }));
}

/** LDX: `dst = *(size *)(src + off)` */
export function checkLdx(env: Env, pc: number, dst: number, src: number, off: number, size: Size): void {
  checkRead(env, src);
  checkWrite(env, dst);
  memAccess(env, pc, src, off, size, { kind: 'read', dst });
}

/** STX: `*(size *)(dst + off) = src` */
export function checkStx(env: Env, pc: number, dst: number, src: number, off: number, size: Size): void {
  checkRead(env, src);
  checkRead(env, dst);
  memAccess(env, pc, dst, off, size, { kind: 'write', value: src, imm: 0 });
}

/** ST: `*(size *)(dst + off) = imm` */
export function checkSt(env: Env, pc: number, dst: number, off: number, size: Size, imm: number): void {
  checkRead(env, dst);
  memAccess(env, pc, dst, off, size, { kind: 'write', value: null, imm });
}
