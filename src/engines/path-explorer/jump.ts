/** Conditional jumps (check_cond_jmp_op): feasibility, both branches refined, linked registers synced. */
import type { Insn } from '../../bpf/insn.js';
import {
  copyBounds,
  knownBounds,
  mark32Unbounded,
  mark64Unbounded,
  regBoundsSync,
  type Bounds,
} from './bounds.js';
import { boundsSane, flipOp, refineBranch, scalarBranchTaken } from './branch.js';
import { tnumIsConst } from './tnum.js';
import { unsupported, type Env } from './env.js';
import { markChainPrecision } from './precision.js';
import { pushHistory } from './prune.js';
import { checkRead } from './regs.js';
import {
  curFrame,
  frameInsnIdx,
  scalar,
  SlotType,
  type LinkedReg,
  type RegState,
  type ScalarReg,
  type VState,
} from './state.js';
import { addWithoutSync } from './alu.js';
import { pushStack } from './stack.js';
import { knownScalar } from './state.js';

type JmpInsn = Extract<Insn, { kind: 'jmp' }>;

/** LINKED_REGS_MAX */
const LINKED_MAX = 6;

/**
 * collect_linked_regs: scalars sharing `id` in every frame, at most six (others lose their id). Of the
 * registers, only those live at the frame's instruction are collected (live_regs_before at the jump, or at
 * the call for a caller's frame; 6.18 stable has upstream 2658a1720a19 "bpf: collect only live registers
 * in linked regs"); spilled scalars are collected whatever their liveness. A test of two registers that share an id collects the
 * set twice, so with more than three live members the second pass overflows and clears ids, as in the
 * kernel; a dead member is neither collected nor refined and keeps its id.
 */
function collectLinked(st: VState, liveRegs: Uint16Array, id: number, out: LinkedReg[]): void {
  for (let fr = st.frames.length - 1; fr >= 0; fr--) {
    const f = st.frames[fr]!;
    const live = liveRegs[frameInsnIdx(st, fr)] ?? 0x7ff;
    for (let r = 0; r < 10; r++) {
      if (((live >> r) & 1) === 0) continue;
      const v = f.regs[r]!;
      if (v.kind !== 'scalar' || v.id !== id) continue;
      if (out.length < LINKED_MAX) out.push({ frameno: fr, isReg: true, index: r });
      else f.regs[r] = { ...v, id: 0, addConst: false, off: 0 };
    }
    f.stack.forEach((slot, spi) => {
      const v = slot.spilled;
      if (slot.types[7] !== SlotType.Spill || v.kind !== 'scalar' || v.id !== id) return;
      if (out.length < LINKED_MAX) out.push({ frameno: fr, isReg: false, index: spi });
      else {
        f.stack = f.stack.slice();
        f.stack[spi] = { ...slot, spilled: { ...v, id: 0, addConst: false, off: 0 } };
      }
    });
  }
}

function getLinked(st: VState, e: LinkedReg): RegState {
  const f = st.frames[e.frameno]!;
  return e.isReg ? f.regs[e.index]! : f.stack[e.index]!.spilled;
}
function setLinked(st: VState, e: LinkedReg, v: RegState): void {
  const f = st.frames[e.frameno]!;
  if (e.isReg) f.regs[e.index] = v;
  else {
    f.stack = f.stack.slice();
    f.stack[e.index] = { ...f.stack[e.index]!, spilled: v };
  }
}

/** sync_linked_regs: what a test learnt about one register holds for its copies (shifted by their delta). */
function syncLinked(
  st: VState,
  known: ScalarReg,
  knownAt: LinkedReg | null,
  linked: readonly LinkedReg[],
): void {
  for (const e of linked) {
    const reg = getLinked(st, e);
    if (reg.kind !== 'scalar') continue;
    if (knownAt && e.frameno === knownAt.frameno && e.isReg === knownAt.isReg && e.index === knownAt.index)
      continue;
    if (reg.id !== known.id) continue;
    if ((!reg.addConst && !known.addConst) || reg.off === known.off) {
      setLinked(st, e, { ...known, precise: known.precise });
    } else {
      // reg = known + (reg.off - known.off): ranges by scalar{32,}_min_max_add, known bits by tnum_add, then
      // reg_bounds_sync (6.18 stable syncs here: without it a [3, 14] signed range kept u64 [0, U64_MAX]
      // and `if r6 <= 0x100` stayed open; the kernel decides it)
      const delta = knownBounds(BigInt(reg.off - known.off));
      const added = addWithoutSync(known, delta);
      regBoundsSync(added);
      setLinked(st, e, scalar(added, reg.id, known.precise, reg.addConst, reg.off));
    }
  }
}

function sane(b: Bounds): Bounds {
  if (boundsSane(b)) return b;
  const r = copyBounds(b);
  mark64Unbounded(r);
  mark32Unbounded(r);
  return r;
}

/** mark_ptr_or_null_regs: the null test of a maybe-null object, in one branch. */
function markPtrOrNull(st: VState, id: number, refObjId: number, isNull: boolean): void {
  if (refObjId && refObjId === id && isNull) st.refs = st.refs.filter((r) => r.id !== id);
  for (const f of st.frames) {
    f.regs.forEach((v, i) => {
      const w = ptrOrNull(v, id, isNull);
      if (w) f.regs[i] = w;
    });
    f.stack.forEach((slot, spi) => {
      const w = ptrOrNull(slot.spilled, id, isNull);
      if (w) {
        f.stack = f.stack.slice();
        f.stack[spi] = { ...slot, spilled: w };
      }
    });
  }
}
function ptrOrNull(v: RegState, id: number, isNull: boolean): RegState | null {
  if (v.kind !== 'obj' || !v.maybeNull || v.id !== id) return null;
  if (isNull) return knownScalar(0n);
  return { ...v, maybeNull: false, id: 0 };
}

/**
 * reg_not_null: the pointers whose test against 0 is_branch_taken decides. Of the fragment's, only a
 * referenced (so trusted) object after its NULL test; ctx, stack and callback pointers are not in the
 * kernel's list, so `if r1 == 0` on the ctx explores both branches (asked of 6.18: it does).
 */
const notNull = (v: RegState): boolean => v.kind === 'obj' && !v.maybeNull && v.refObjId !== 0;

/** check_cond_jmp_op. Returns the pc to continue at. */
export function checkCondJmp(env: Env, pc: number, insn: JmpInsn): number {
  if (insn.width !== 64) throw unsupported('32-bit jumps', pc);
  const next = pc + 1;
  const target = pc + insn.off + 1;
  const dst = checkRead(env, insn.dst);
  let src: RegState;
  if (insn.src.kind === 'reg') {
    src = checkRead(env, insn.src.reg);
    if (dst.kind === 'stack' || src.kind === 'stack')
      pushHistory(env, (h) => {
        h.srcIsStackPtr = src.kind === 'stack';
        h.dstIsStackPtr = dst.kind === 'stack';
      });
  } else {
    src = knownScalar(BigInt(insn.src.imm));
    if (dst.kind === 'stack') pushHistory(env, (h) => (h.dstIsStackPtr = true));
  }

  // Pointers (is_branch_taken's pointer case): only `==`/`!=` against a constant 0 of a pointer that
  // reg_not_null vouches for is decided; otherwise both branches, unrefined (reg_set_min_max leaves
  // pointers alone), with the null test of a maybe-null object marking both (mark_ptr_or_null_regs).
  if (dst.kind !== 'scalar' || src.kind !== 'scalar') {
    let pred = -1;
    let op = insn.op;
    let p1: RegState = dst;
    let p2: RegState = src;
    if (!(p2.kind === 'scalar' && tnumIsConst(p2.var))) {
      op = flipOp(op) as JmpInsn['op'];
      [p1, p2] = [p2, p1];
    }
    if (p2.kind === 'scalar' && tnumIsConst(p2.var) && notNull(p1) && p2.var.value === 0n) {
      if (op === 'jeq') pred = 0;
      else if (op === 'jne') pred = 1;
    }
    if (pred >= 0) {
      if (dst.kind === 'scalar') markChainPrecision(env, insn.dst);
      if (insn.src.kind === 'reg' && src.kind === 'scalar') markChainPrecision(env, insn.src.reg);
      return pred === 1 ? target : next;
    }
    const other = pushStack(env, target, pc);
    const nullTest =
      insn.src.kind === 'imm' && insn.src.imm === 0 && (insn.op === 'jeq' || insn.op === 'jne');
    if (nullTest && dst.kind === 'obj' && dst.maybeNull) {
      markPtrOrNull(env.cur, dst.id, dst.refObjId, insn.op === 'jne');
      markPtrOrNull(other, dst.id, dst.refObjId, insn.op === 'jeq');
    }
    return next;
  }

  const same = insn.src.kind === 'reg' && insn.src.reg === insn.dst;
  const pred = scalarBranchTaken(dst, src, insn.op);
  if (pred >= 0) {
    markChainPrecision(env, insn.dst);
    if (insn.src.kind === 'reg') markChainPrecision(env, insn.src.reg);
    return pred === 1 ? target : next;
  }

  const linked: LinkedReg[] = [];
  if (insn.src.kind === 'reg' && src.id) collectLinked(env.cur, env.pcs.liveRegs, src.id, linked);
  if (dst.id) collectLinked(env.cur, env.pcs.liveRegs, dst.id, linked);
  if (linked.length > 1) pushHistory(env, (h) => (h.linked = linked.slice()));

  const other = pushStack(env, target, pc);
  const fr = env.cur.frames.length - 1;
  // The registers may have lost their ids in collectLinked.
  const d0 = curFrame(env.cur).regs[insn.dst] as ScalarReg;
  const s0 = insn.src.kind === 'reg' ? (curFrame(env.cur).regs[insn.src.reg] as ScalarReg) : src;
  {
    // `if rX op rX` refines one register twice, as the kernel does (it passes the same bpf_reg_state)
    const { taken, fall } = refineBranch(d0, s0, insn.op, same);
    const tf = other.frames[fr]!;
    const ff = env.cur.frames[fr]!;
    if (insn.src.kind === 'reg') {
      tf.regs[insn.src.reg] = scalar(sane(taken[1]), s0.id, s0.precise, s0.addConst, s0.off);
      ff.regs[insn.src.reg] = scalar(sane(fall[1]), s0.id, s0.precise, s0.addConst, s0.off);
    }
    tf.regs[insn.dst] = scalar(sane(taken[0]), d0.id, d0.precise, d0.addConst, d0.off);
    ff.regs[insn.dst] = scalar(sane(fall[0]), d0.id, d0.precise, d0.addConst, d0.off);
  }
  if (insn.src.kind === 'reg' && s0.id) {
    const at = { frameno: fr, isReg: true, index: insn.src.reg };
    syncLinked(env.cur, curFrame(env.cur).regs[insn.src.reg] as ScalarReg, at, linked);
    syncLinked(other, curFrame(other).regs[insn.src.reg] as ScalarReg, at, linked);
  }
  if (d0.id) {
    const at = { frameno: fr, isReg: true, index: insn.dst };
    syncLinked(env.cur, curFrame(env.cur).regs[insn.dst] as ScalarReg, at, linked);
    syncLinked(other, curFrame(other).regs[insn.dst] as ScalarReg, at, linked);
  }
  return next;
}
