/**
 * Verifier state: registers, stack slots and call frames of one path (bpf_reg_state, bpf_func_state,
 * bpf_verifier_state). Register values are immutable objects; frames and states are copied on branch.
 */
import { knownBounds, unknownBounds, type Bounds } from './bounds.js';

/** A scalar (SCALAR_VALUE). `id` links copies (`rX = rY`); `addConst`/`off` model BPF_ADD_CONST. */
export interface ScalarReg extends Readonly<Bounds> {
  readonly kind: 'scalar';
  readonly id: number;
  readonly addConst: boolean;
  readonly off: number;
  readonly precise: boolean;
}

/** Register types of the fragment. */
export type RegState =
  /** NOT_INIT */
  | { readonly kind: 'none' }
  | ScalarReg
  /** PTR_TO_CTX with a constant offset */
  | { readonly kind: 'ctx'; readonly off: number }
  /** PTR_TO_STACK: frame `frameno`'s fp + off */
  | { readonly kind: 'stack'; readonly off: number; readonly frameno: number }
  /** PTR_TO_FUNC (a callback address) */
  | { readonly kind: 'func'; readonly subprog: number }
  /** A referenced kernel object (bpf_cpumask): maybe-null until tested, `id` links the null test. */
  | { readonly kind: 'obj'; readonly id: number; readonly refObjId: number; readonly maybeNull: boolean };

export type RegKind = RegState['kind'];

export const NOT_INIT: RegState = { kind: 'none' };

export function scalar(b: Readonly<Bounds>, id = 0, precise = false, addConst = false, off = 0): ScalarReg {
  // field by field (not a spread of a copy): one object, always of the same shape
  return {
    kind: 'scalar',
    var: b.var,
    smin: b.smin,
    smax: b.smax,
    umin: b.umin,
    umax: b.umax,
    s32min: b.s32min,
    s32max: b.s32max,
    u32min: b.u32min,
    u32max: b.u32max,
    id,
    addConst,
    off,
    precise,
  };
}

export const unknownScalar = (): ScalarReg => scalar(unknownBounds());
export const knownScalar = (v: bigint): ScalarReg => scalar(knownBounds(v));

export const withPrecise = (r: ScalarReg, precise: boolean): ScalarReg =>
  r.precise === precise ? r : { ...r, precise };
export const withId = (r: ScalarReg, id: number, addConst = false, off = 0): ScalarReg => ({
  ...r,
  id,
  addConst,
  off,
});

/** Stack byte types (slot_type). */
export const enum SlotType {
  Invalid = 0,
  Spill = 1,
  Misc = 2,
  Zero = 3,
}

/**
 * One 8-byte stack slot (bpf_stack_state). `types[j]` is the type of the byte at address
 * `-(spi*8) - 1 - j`, as the kernel indexes slot_type.
 */
export interface StackSlot {
  readonly types: readonly SlotType[];
  readonly spilled: RegState;
}

export const EMPTY_SLOT: StackSlot = {
  types: new Array<SlotType>(8).fill(SlotType.Invalid),
  spilled: NOT_INIT,
};

export interface Frame {
  readonly regs: RegState[];
  stack: StackSlot[];
  /** pc of the call that created this frame; -1 for the entry frame (BPF_MAIN_FUNC). */
  readonly callsite: number;
  readonly subprog: number;
  readonly frameno: number;
  readonly inCallback: boolean;
  callbackDepth: number;
}

/** One acquired reference (bpf_reference_state). */
export interface Ref {
  readonly id: number;
  readonly insn: number;
  /** RFC v1 callback_ref: the frameno of the callback frame that acquired it, else 0. */
  readonly callbackRef: number;
}

/** A jump-history entry (bpf_jmp_history_entry). */
export interface HistEntry {
  readonly idx: number;
  readonly prevIdx: number;
  /** Stack slot a spill/fill touched: frame and spi; null when none. */
  stackAccess: { readonly frameno: number; readonly spi: number } | null;
  /** Linked registers of a conditional jump (for backtracking). */
  linked: readonly LinkedReg[] | null;
  srcIsStackPtr: boolean;
  dstIsStackPtr: boolean;
}

export interface LinkedReg {
  readonly frameno: number;
  readonly isReg: boolean;
  /** Register number or stack spi. */
  readonly index: number;
}

export interface VState {
  frames: Frame[];
  refs: Ref[];
  rcu: number;
  preempt: number;
  /** Checkpoint this state descends from (parent in the kernel's state chain). */
  parent: VState | null;
  firstInsn: number;
  lastInsn: number;
  insnIdx: number;
  history: HistEntry[];
  /** Live descendants of a checkpoint still being explored. */
  branches: number;
  dfsDepth: number;
  /** Path key (SPEC §4 reporting): not used by the algorithm, kept for the log. */
}

export const curFrame = (s: VState): Frame => s.frames[s.frames.length - 1]!;

export function copyFrame(f: Frame): Frame {
  return {
    regs: f.regs.slice(),
    stack: f.stack.slice(),
    callsite: f.callsite,
    subprog: f.subprog,
    frameno: f.frameno,
    inCallback: f.inCallback,
    callbackDepth: f.callbackDepth,
  };
}

/** copy_verifier_state */
export function copyState(s: VState): VState {
  return {
    frames: s.frames.map(copyFrame),
    refs: s.refs.slice(),
    rcu: s.rcu,
    preempt: s.preempt,
    parent: s.parent,
    firstInsn: s.firstInsn,
    lastInsn: s.lastInsn,
    insnIdx: s.insnIdx,
    history: s.history.map((h) => ({ ...h })),
    branches: s.branches,
    dfsDepth: s.dfsDepth,
  };
}

/** frame_insn_idx: the instruction a frame is at (the current one, or the call into the next frame). */
export const frameInsnIdx = (st: VState, fr: number): number =>
  fr === st.frames.length - 1 ? st.insnIdx : st.frames[fr + 1]!.callsite;

export function newFrame(callsite: number, frameno: number, subprog: number, inCallback: boolean): Frame {
  const regs: RegState[] = new Array<RegState>(11).fill(NOT_INIT);
  regs[10] = { kind: 'stack', off: 0, frameno };
  return { regs, stack: [], callsite, subprog, frameno, inCallback, callbackDepth: 0 };
}
