/**
 * Abstract states: one per (instruction, path class). A state holds every call frame (registers and stack),
 * the references and regions (global to the state, as in this kernel), and the smallest depth-first path
 * key that reaches it (SPEC §4, Reporting).
 */
import type { Scalar } from './scalar.js';

/** A register's abstract value (struct bpf_reg_state, the part the fragment needs). */
export type Val =
  | { readonly k: 'none' }
  | { readonly k: 'scalar'; readonly s: Scalar }
  | { readonly k: 'ctx'; readonly off: number }
  | { readonly k: 'fp'; readonly frame: number; readonly off: number }
  /** A referenced object: `id` links copies for the null check, `ref` is its reference (ref_obj_id). */
  | { readonly k: 'obj'; readonly id: number; readonly ref: number; readonly maybeNull: boolean }
  | { readonly k: 'func'; readonly subprog: number };

export const NONE: Val = { k: 'none' };

/** One 8-byte stack slot: a spilled register, or bytes (i: never written, m: misc, z: zero). */
export interface Slot {
  readonly spill: Val | null;
  readonly bytes: string;
}

export interface Frame {
  readonly subprog: number;
  /** pc of the call (or bpf_loop) that made this frame; -1 for the entry frame. */
  readonly callsite: number;
  readonly callback: boolean;
  readonly regs: readonly Val[];
  /** Slot i covers fp-8(i+1) .. fp-8i-1. */
  readonly stack: readonly (Slot | undefined)[];
}

export interface Ref {
  readonly id: number;
  readonly insn: number;
  /**
   * rfc: the depth of the callback frame that acquired it directly (the RFC's `callback_ref`), which
   * must release it before its exit; 0 otherwise, and always 0 under mainline.
   */
  readonly cb: number;
}

export interface State {
  readonly frames: readonly Frame[];
  readonly refs: readonly Ref[];
  readonly rcu: boolean;
  readonly preempt: number;
  /** The id counter (env->id_gen): not part of the state's identity. */
  readonly idGen: number;
  /** Smallest depth-first path key reaching this state: '0' fall-through, '1' taken, per choice. */
  readonly key: string;
}

export const top = (s: State): Frame => s.frames[s.frames.length - 1]!;

export function withTop(s: State, f: Frame): State {
  const frames = s.frames.slice();
  frames[frames.length - 1] = f;
  return { ...s, frames };
}

export function setReg(s: State, r: number, v: Val): State {
  const f = top(s);
  const regs = f.regs.slice();
  regs[r] = v;
  return withTop(s, { ...f, regs });
}

/**
 * assign_scalar_id_before_mov: a scalar about to be copied (a mov, a spill) gets a fresh link id when it
 * has none and is not a constant. An id that carries a delta (BPF_ADD_CONST) is dropped first: a link
 * holds one delta at most.
 */
export function withIdBeforeMov(s: State, r: number): State {
  const v = top(s).regs[r];
  if (v?.k !== 'scalar') return s;
  let sc = v.s.delta !== null ? { ...v.s, id: 0, delta: null } : v.s;
  let idGen = s.idGen;
  if (sc.id === 0 && sc.t.mask !== 0n) sc = { ...sc, id: ++idGen };
  if (sc === v.s) return s;
  return setReg({ ...s, idGen }, r, { k: 'scalar', s: sc });
}

/** The value's printed type (reg_type_str). */
export function typeName(v: Val): string {
  switch (v.k) {
    case 'none':
      return '?';
    case 'scalar':
      return 'scalar';
    case 'ctx':
      return 'ctx';
    case 'fp':
      return 'fp';
    case 'obj':
      return v.maybeNull ? 'ptr_or_null_' : 'ptr_';
    case 'func':
      return 'func';
    default: {
      const never: never = v;
      throw new Error(`unknown value ${String(never)}`);
    }
  }
}
