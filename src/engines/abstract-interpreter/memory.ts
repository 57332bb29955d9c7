/**
 * Loads and stores (check_mem_access): the stack of any frame through an fp pointer (spills keep registers,
 * check_stack_read_fixed_off / check_stack_write_fixed_off), the ctx buffer (check_ctx_access), and the
 * kernel's words for everything else.
 */
import type { Insn } from '../../bpf/insn.js';
import type { Outcome } from './analyze.js';
import { S32_MIN, S32_MAX, SCALAR_UNKNOWN, scalarConst, scalarOfSize, sync, type Scalar } from './scalar.js';
import { U32, tnumCast } from './tnum.js';
import { setReg, top, typeName, type Frame, type Slot, type State, type Val } from './state.js';
import { idBeforeMov, rejectAt, unsupportedAt, type StepEnv } from './step.js';

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

function touchStack(env: StepEnv, s: State, frame: number, off: number): void {
  const sub = s.frames[frame]!.subprog;
  const depth = -off;
  if (depth > env.stackDepth[sub]!) env.stackDepth[sub] = depth;
}

export function loadMem(env: StepEnv, s: State, pc: number, insn: Extract<Insn, { kind: 'ldx' }>): Outcome[] {
  const f = top(s);
  const base = f.regs[insn.src]!;
  const early = baseCheck(s, pc, insn.src, base);
  if (early !== null) return [early];
  if (insn.dst === 10) return [bad(s, pc, 'frame pointer is read only')];
  const next = (v: Val): Outcome[] => [{ to: 'pc', pc: pc + 1, s: setReg(s, insn.dst, v) }];
  if (base.k === 'ctx') {
    if (insn.off < 0 || insn.off + insn.size > 0xffff)
      return [bad(s, pc, `invalid bpf_context access off=${insn.off} size=${insn.size}`)];
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
  const frame = s.frames[base.frame]!;
  const i = Math.floor(-off - 1) >> 3;
  const slot = frame.stack[i];
  const within = ((off % 8) + 8) % 8;
  if (within + insn.size > 8) return [unsupportedAt(s, pc, 'a stack access across slots')];
  if (slot?.spill) {
    const v = fill(slot, slot.spill, within, insn.size);
    return typeof v === 'string' ? [bad(s, pc, v)] : next(v);
  }
  const bytes = slot?.bytes ?? 'iiiiiiii';
  const read = bytes.slice(within, within + insn.size);
  if (read === 'z'.repeat(insn.size)) return next({ k: 'scalar', s: scalarConst(0n) });
  return next({ k: 'scalar', s: scalarOfSize(insn.size) });
}

/**
 * check_stack_read_fixed_off on a slot holding a spill (its bytes start with `spill size` times `s`): a
 * full fill restores the register; a narrower scalar fill at the slot's start copies it (unlinked when
 * its value is wider than the load) and coerce_reg_to_size keeps its low bytes; any other scalar read
 * looks at the bytes: all spilled bytes of a zero, or all zero bytes, read as 0, else unknown.
 */
function fill(slot: Slot, v: Val, within: number, size: number): Val | string {
  const spillSize = /^s*/.exec(slot.bytes)![0].length;
  if (size === 8 && spillSize === 8) return v;
  if (v.k !== 'scalar') return 'invalid size of register fill';
  if (size <= spillSize && within === 0) {
    const r = regWidth(v.s) > size * 8 ? { ...v.s, id: 0, delta: 0 } : v.s;
    return { k: 'scalar', s: coerceToSize(r, size) };
  }
  const read = slot.bytes.slice(within, within + size);
  const zero = v.s.t.mask === 0n && v.s.t.value === 0n;
  if ((read === 's'.repeat(size) && zero) || read === 'z'.repeat(size))
    return { k: 'scalar', s: scalarConst(0n) };
  return { k: 'scalar', s: scalarOfSize(size) };
}

/** get_reg_width: the bits the value's unsigned maximum needs (fls64). */
const regWidth = (s: Scalar): number => (s.umax === 0n ? 0 : s.umax.toString(2).length);

/** coerce_reg_to_size: the low `size` bytes of a scalar, zero-extended. */
function coerceToSize(s: Scalar, size: number): Scalar {
  if (size >= 8) return s;
  const mask = (1n << BigInt(size * 8)) - 1n;
  const same = (s.umin & ~mask) === (s.umax & ~mask);
  const umin = same ? s.umin & mask : 0n;
  const umax = same ? s.umax & mask : mask;
  const r: Scalar = { ...s, t: tnumCast(s.t, size), umin, umax, smin: umin, smax: umax };
  // Below 32 bits the 32-bit bounds were truncated too: they restart unbounded (__mark_reg32_unbounded).
  return sync(size < 4 ? { ...r, u32min: 0n, u32max: U32, s32min: S32_MIN, s32max: S32_MAX } : r);
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
    if (insn.off < 0 || insn.off + insn.size > 0xffff)
      return [bad(s, pc, `invalid bpf_context access off=${insn.off} size=${insn.size}`)];
    return next(s);
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
  const isPtr = value.k !== 'scalar';
  if (value.k === 'fp' && base.frame !== s.frames.length - 1)
    return [bad(s, pc, 'cannot spill pointers to stack into stack frame of the caller')];
  const within = ((off % 8) + 8) % 8;
  if (within + insn.size > 8) return [unsupportedAt(s, pc, 'a stack access across slots')];
  if (isPtr && insn.size !== 8) return [bad(s, pc, 'invalid size of register spill')];
  touchStack(env, s, base.frame, off);
  const i = Math.floor(-off - 1) >> 3;
  const old = s.frames[base.frame]!.stack[i];
  const prev = old?.bytes ?? 'iiiiiiii';
  let st = s;
  let slot: Slot;
  if (within === 0 && (isPtr || value.k === 'scalar')) {
    // check_stack_write_fixed_off (bpf_capable): at a slot's start a pointer (8 bytes) or a scalar of any
    // size is spilled; BPF_ST spills its immediate as a known scalar. A scalar that fits the store is
    // linked to its source (assign_scalar_id_before_mov), a wider one is not. save_register_state: the
    // bytes past a narrow spill become misc unless zero or never written (mark_stack_slot_misc).
    let spill = value;
    if (insn.kind === 'stx' && value.k === 'scalar') {
      if (regWidth(value.s) <= insn.size * 8) {
        const linked = idBeforeMov(s, insn.src, value.s);
        st = linked.s;
        spill = { k: 'scalar', s: linked.v };
      } else spill = { k: 'scalar', s: { ...value.s, id: 0, delta: 0 } };
    }
    const rest = prev.slice(insn.size).replace(/[^zi]/g, 'm');
    slot = { spill, bytes: 's'.repeat(insn.size) + rest };
  } else {
    // A plain write: a spill in the slot is scrubbed first (scrub_spilled_slot: misc unless never written);
    // zero stored bytes are STACK_ZERO.
    const isZero = value.k === 'scalar' && value.s.t.mask === 0n && value.s.t.value === 0n;
    const base8 = old?.spill ? prev.replace(/[^i]/g, 'm') : prev;
    const fill = (isZero ? 'z' : 'm').repeat(insn.size);
    slot = { spill: null, bytes: base8.slice(0, within) + fill + base8.slice(within + insn.size) };
  }
  const frame = st.frames[base.frame]!;
  const stack = frame.stack.slice();
  stack[i] = slot;
  const frames = st.frames.slice();
  frames[base.frame] = { ...frame, stack } satisfies Frame;
  return next({ ...st, frames });
}

export { SCALAR_UNKNOWN };

/**
 * check_stack_access_within_bounds rejects with EACCES either way; the class says which limit: past
 * MAX_BPF_STACK below the frame it is the stack size, otherwise (above fp) a bad access.
 */
const stackBoundsClass = (off: number): 'stack' | 'bad-access' => (off < -MAX_STACK ? 'stack' : 'bad-access');
