/**
 * Loads and stores (check_mem_access): the stack of any frame through an fp pointer (spills keep registers,
 * check_stack_read_fixed_off / check_stack_write_fixed_off), the ctx buffer (check_ctx_access), and the
 * kernel's words for everything else.
 */
import type { Insn } from '../../bpf/insn.js';
import type { Outcome } from './analyze.js';
import { SCALAR_UNKNOWN, scalarConst, scalarOfSize } from './scalar.js';
import { setReg, top, typeName, type Frame, type Slot, type State, type Val } from './state.js';
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
    const v = slot.spill;
    if (insn.size === 8) return next(v);
    if (v.k !== 'scalar') return [bad(s, pc, 'invalid size of register fill')];
    if (v.s.t.mask === 0n && within === 0)
      return next({ k: 'scalar', s: scalarConst(v.s.t.value & ((1n << BigInt(insn.size * 8)) - 1n)) });
    return next({ k: 'scalar', s: scalarOfSize(insn.size) });
  }
  const bytes = slot?.bytes ?? 'iiiiiiii';
  const read = bytes.slice(within, within + insn.size);
  if (read === 'z'.repeat(insn.size)) return next({ k: 'scalar', s: scalarConst(0n) });
  return next({ k: 'scalar', s: scalarOfSize(insn.size) });
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
  const frame = s.frames[base.frame]!;
  const old = frame.stack[i];
  let slot: Slot;
  const isZero = value.k === 'scalar' && value.s.t.mask === 0n && value.s.t.value === 0n;
  if (insn.size === 8 && (insn.kind === 'stx' || !isZero)) slot = { spill: value, bytes: 'ssssssss' };
  else {
    const prev = old === undefined ? 'iiiiiiii' : old.spill ? 'mmmmmmmm' : old.bytes;
    const fill = (isZero ? 'z' : 'm').repeat(insn.size);
    slot = { spill: null, bytes: prev.slice(0, within) + fill + prev.slice(within + insn.size) };
  }
  const stack = frame.stack.slice();
  stack[i] = slot;
  const frames = s.frames.slice();
  frames[base.frame] = { ...frame, stack } satisfies Frame;
  return next({ ...s, frames });
}

export { SCALAR_UNKNOWN };

/**
 * check_stack_access_within_bounds rejects with EACCES either way; the class says which limit: past
 * MAX_BPF_STACK below the frame it is the stack size, otherwise (above fp) a bad access.
 */
const stackBoundsClass = (off: number): 'stack' | 'bad-access' => (off < -MAX_STACK ? 'stack' : 'bad-access');
