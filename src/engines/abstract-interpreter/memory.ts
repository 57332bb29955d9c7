/**
 * Loads and stores (check_mem_access): the stack of any frame through an fp pointer (spills keep registers,
 * check_stack_read_fixed_off / check_stack_write_fixed_off), the ctx buffer (check_ctx_access), and the
 * kernel's words for everything else.
 */
import type { Insn } from '../../bpf/insn.js';
import type { Outcome } from './analyze.js';
import { SCALAR_UNKNOWN, regWidth, scalarConst, scalarOfSize } from './scalar.js';
import { readSlot, spillSlot, writeSlot } from './stack-slot.js';
import {
  setReg,
  top,
  typeName,
  withIdBeforeMov,
  type Frame,
  type Slot,
  type State,
  type Val,
} from './state.js';
import { rejectAt, unsupportedAt, type StepEnv } from './step.js';

/** MAX_BPF_STACK */
export const MAX_STACK = 512;

const bad = (s: State, pc: number, message: string): Outcome =>
  rejectAt(s, pc, { class: 'bad-access', message });

function baseCheck(s: State, pc: number, reg: number, base: Val): Outcome | null {
  if (base.k === 'none') return rejectAt(s, pc, { class: 'uninit', message: `R${reg} !read_ok` });
  if (base.k === 'scalar' || base.k === 'func' || (base.k === 'obj' && base.maybeNull))
    return bad(s, pc, `R${reg} invalid mem access '${typeName(base)}'`);
  if (base.k === 'obj') return unsupportedAt(s, pc, 'a kernel object access');
  if (base.k === 'ctx') {
    if (base.off < 0) return bad(s, pc, `negative offset ctx ptr R${reg} off=${base.off} disallowed`);
    if (base.off !== 0)
      return bad(s, pc, `dereference of modified ctx ptr R${reg} off=${base.off} disallowed`);
  }
  return null;
}

/**
 * check_ctx_access through syscall_prog_is_valid_access (BPF_PROG_TYPE_SYSCALL), loads and stores alike:
 * the offset must be in [0, U16_MAX) and a multiple of the access size. The ctx buffer's real size is not
 * the verifier's business (the test run checks it against max_ctx_offset). x86 has efficient unaligned
 * access, so check_ptr_alignment says nothing about a ctx pointer before this.
 */
function ctxAccessDenied(s: State, pc: number, off: number, size: number): Outcome | null {
  if (off >= 0 && off < 0xffff && off % size === 0) return null;
  return bad(s, pc, `invalid bpf_context access off=${off} size=${size}`);
}

function touchStack(env: StepEnv, s: State, frame: number, off: number): void {
  const sub = s.frames[frame]!.subprog;
  const depth = -off;
  if (depth > env.stackDepth[sub]!) env.stackDepth[sub] = depth;
}

export function loadMem(env: StepEnv, s: State, pc: number, insn: Extract<Insn, { kind: 'ldx' }>): Outcome[] {
  const f = top(s);
  const base = f.regs[insn.src]!;
  // check_load_mem: the source register is read (check_reg_arg SRC_OP), then the destination is checked
  // (DST_OP_NO_MARK: r10 is read only), and only then the access itself (check_mem_access).
  if (base.k === 'none') return [rejectAt(s, pc, { class: 'uninit', message: `R${insn.src} !read_ok` })];
  if (insn.dst === 10) return [bad(s, pc, 'frame pointer is read only')];
  const early = baseCheck(s, pc, insn.src, base);
  if (early !== null) return [early];
  const next = (v: Val): Outcome[] => [{ to: 'pc', pc: pc + 1, s: setReg(s, insn.dst, v) }];
  if (base.k === 'ctx') {
    const denied = ctxAccessDenied(s, pc, insn.off, insn.size);
    if (denied !== null) return [denied];
    return next({ k: 'scalar', s: scalarOfSize(insn.size) });
  }
  if (base.k !== 'fp') return [unsupportedAt(s, pc, 'memory access')];
  const off = base.off + insn.off;
  if (off % insn.size !== 0)
    return [bad(s, pc, `misaligned stack access off 0+${base.off}+${insn.off} size ${insn.size}`)];
  if (off < -MAX_STACK || off + insn.size > 0)
    return [
      rejectAt(s, pc, {
        class: stackBoundsClass(off),
        message: `invalid read from stack R${insn.src} off=${off} size=${insn.size}`,
      }),
    ];
  touchStack(env, s, base.frame, off);
  const within = ((off % 8) + 8) % 8;
  if (within + insn.size > 8) return [unsupportedAt(s, pc, 'a stack access across slots')];
  const read = readSlot(s.frames[base.frame]!.stack[slotIndex(off)], within, insn.size);
  if (!read.ok) return [bad(s, pc, read.message)];
  return next(read.v);
}

export function storeMem(
  env: StepEnv,
  s: State,
  pc: number,
  insn: Extract<Insn, { kind: 'stx' } | { kind: 'st' }>,
): Outcome[] {
  const f = top(s);
  let value: Val;
  if (insn.kind === 'stx') {
    value = f.regs[insn.src]!;
    if (value.k === 'none') return [rejectAt(s, pc, { class: 'uninit', message: `R${insn.src} !read_ok` })];
  } else value = { k: 'scalar', s: scalarConst(BigInt(insn.imm)) };
  const base = f.regs[insn.dst]!;
  const early = baseCheck(s, pc, insn.dst, base);
  if (early !== null) return [early];
  const next = (st: State): Outcome[] => [{ to: 'pc', pc: pc + 1, s: st }];
  if (base.k === 'ctx') {
    const denied = ctxAccessDenied(s, pc, insn.off, insn.size);
    return denied !== null ? [denied] : next(s);
  }
  if (base.k !== 'fp') return [unsupportedAt(s, pc, 'memory access')];
  const off = base.off + insn.off;
  if (off % insn.size !== 0)
    return [bad(s, pc, `misaligned stack access off 0+${base.off}+${insn.off} size ${insn.size}`)];
  if (off < -MAX_STACK || off + insn.size > 0)
    return [
      rejectAt(s, pc, {
        class: stackBoundsClass(off),
        message: `invalid write to stack R${insn.dst} off=${off} size=${insn.size}`,
      }),
    ];
  const within = ((off % 8) + 8) % 8;
  if (within + insn.size > 8) return [unsupportedAt(s, pc, 'a stack access across slots')];
  // check_stack_write_fixed_off (bpf_capable): an 8-byte aligned store of a scalar register or of an
  // immediate spills it, whatever its size; a pointer spills at 8 bytes only; anything else is bytes.
  const aligned = within === 0;
  let st = s;
  let slot: (old: Slot | undefined) => Slot;
  if (insn.kind === 'stx' && value.k === 'scalar' && aligned) {
    // The spill shares a link with the register when the value fits (assign_scalar_id_before_mov);
    // a narrowing spill breaks it.
    const fits = regWidth(value.s) <= insn.size * 8;
    if (fits) st = withIdBeforeMov(st, insn.src);
    const r = top(st).regs[insn.src]!;
    const spilled: Val = fits || r.k !== 'scalar' ? r : { k: 'scalar', s: { ...r.s, id: 0, delta: null } };
    slot = (old) => spillSlot(old, spilled, insn.size);
  } else if (insn.kind === 'st' && aligned) {
    const known: Val = { k: 'scalar', s: scalarConst(BigInt(insn.imm)) };
    slot = (old) => spillSlot(old, known, insn.size);
  } else if (value.k !== 'scalar') {
    if (insn.size !== 8) return [bad(s, pc, 'invalid size of register spill')];
    if (value.k === 'fp' && base.frame !== s.frames.length - 1)
      return [bad(s, pc, 'cannot spill pointers to stack into stack frame of the caller')];
    slot = (old) => spillSlot(old, value, 8);
  } else {
    // register_is_null, or an immediate 0: the bytes are known zeros.
    const zero = value.s.t.mask === 0n && value.s.t.value === 0n;
    slot = (old) => writeSlot(old, within, insn.size, zero);
  }
  touchStack(env, st, base.frame, off);
  const i = slotIndex(off);
  const frame = st.frames[base.frame]!;
  const stack = frame.stack.slice();
  stack[i] = slot(frame.stack[i]);
  const frames = st.frames.slice();
  frames[base.frame] = { ...frame, stack } satisfies Frame;
  return next({ ...st, frames });
}

/** The slot of a stack offset: slot i covers fp-8(i+1) .. fp-8i-1. */
const slotIndex = (off: number): number => Math.floor(-off - 1) >> 3;

export { SCALAR_UNKNOWN };

/**
 * check_stack_access_within_bounds rejects with EACCES either way; the class says which limit: past
 * MAX_BPF_STACK below the frame it is the stack size, otherwise (above fp) a bad access.
 */
export const stackBoundsClass = (off: number): 'stack' | 'bad-access' =>
  off < -MAX_STACK ? 'stack' : 'bad-access';
