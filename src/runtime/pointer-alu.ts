/**
 * ALU with a pointer operand, as it behaves at run time. The rules of what a privileged loader may do
 * (allow_ptr_leaks is on) are the kernel's:
 *
 * - adjust_ptr_min_max_vals: `ptr += scalar`, `scalar += ptr` and `ptr -= scalar` move the pointer (64-bit
 *   only; ctx, stack, object and callback pointers all take it). `scalar -= ptr` is rejected; a 32-bit
 *   operation on a pointer is allowed only as a subtraction, and is then a (meaningless) scalar.
 * - adjust_reg_min_max_vals: `ptr -= ptr` (either width) is an unknown scalar; any other `ptr op ptr` is
 *   rejected, and so are bitwise, multiplicative and shift operations on a pointer.
 * - check_alu_op: `neg` of a pointer and a 32-bit `wX = wY` of a pointer are unknown scalars (is_pointer_value
 *   is false for root).
 *
 * The JIT then computes on the real address. A result that is the same for every address the runtime allows
 * (pointer-address.ts) is exact: a moved pointer keeps its memory and adds to its offset; the difference of
 * two pointers into the same memory is the difference of their offsets (also in its low 32 bits). Any other
 * (a negated address, a difference across memories, the low half of an address) is computed from the
 * stand-in addresses and marks the outcome `indeterminate`. Offsets are pinned to ±MAX_OFFSET (the verifier
 * rejects any beyond 2^29, so only a program the kernel rejects can reach the pin). Operations the kernel
 * rejects fault with `bad-pointer`. The exact moves do not allocate (a pointer stepping through a loop is
 * common); only the indeterminate results use BigInt.
 */
import { Tag, type Machine } from './machine.js';
import { AluSub } from './ops.js';
import { MAX_OFFSET, sameMemory, standInAddress } from './pointer-address.js';
import { fromBigInt, out, toBigInt } from './u64.js';

const TAG_SCALAR = Tag.Scalar;
const TAG_UNINIT = Tag.Uninit;
const ALU_ADD = AluSub.Add;
const ALU_SUB = AluSub.Sub;
const ALU_MOV = AluSub.Mov;

/** A scalar (lo, hi) as an offset: itself when it fits an int32, else pinned to the side it lies on. */
function asOffset(l: number, h: number): number {
  return h === l >> 31 ? l : h < 0 ? -MAX_OFFSET : MAX_OFFSET;
}

function pin(v: number): number {
  return v < -MAX_OFFSET ? -MAX_OFFSET : v > MAX_OFFSET ? MAX_OFFSET : v;
}

/** The register's value: a scalar's own, a pointer's stand-in address. */
function standInValue(tag: number, lo: number, hi: number): bigint {
  return tag === TAG_SCALAR ? toBigInt(lo, hi) : standInAddress(tag, lo, hi);
}

/** `d` = a value computed from a stand-in address: depends on the real one. 32-bit results zero-extend. */
export function leak(m: Machine, d: number, value: bigint, is32: boolean): true {
  m.indeterminate = true;
  fromBigInt(is32 ? BigInt.asUintN(32, value) : value);
  m.setScalar(d, out[0]!, out[1]!);
  return true;
}

function uninit(m: Machine, r: number): false {
  m.raise('uninit-register', m.pc, `r${r} is read before it is written`);
  return false;
}

function prohibited(m: Machine, message: string): false {
  m.raise('bad-pointer', m.pc, message);
  return false;
}

/** The operator as the kernel's messages spell it (bpf_alu_string). */
function opString(sub: number): string {
  return ['+=', '-=', '*=', '/=', '|=', '&=', '<<=', '>>=', '%=', '^=', '=', 's>>='][sub] ?? `op ${sub}`;
}

/**
 * `d op= s` (s < 0: the immediate given as halves) where at least one operand is not a scalar. `is32`: an
 * ALU32 instruction. False after a fault.
 */
export function pointerAlu(
  m: Machine,
  sub: number,
  is32: boolean,
  d: number,
  s: number,
  slo: number,
  shi: number,
): boolean {
  const { tag, lo, hi } = m;
  const sTag = s < 0 ? TAG_SCALAR : tag[s]!;
  if (s >= 0) {
    slo = lo[s]!;
    shi = hi[s]!;
  }
  if (sTag === TAG_UNINIT) return uninit(m, s);
  if (sub === ALU_MOV) {
    if (is32) return leak(m, d, standInValue(sTag, slo, shi), true);
    tag[d] = sTag;
    lo[d] = slo;
    hi[d] = shi;
    return true;
  }
  const dTag = tag[d]!;
  if (dTag === TAG_UNINIT) return uninit(m, d);
  const dPointer = dTag !== TAG_SCALAR;
  const sPointer = sTag !== TAG_SCALAR;
  if (dPointer && sPointer) {
    if (sub !== ALU_SUB) return prohibited(m, `r${d} pointer ${opString(sub)} pointer prohibited`);
    if (!sameMemory(dTag, hi[d]!, sTag, shi)) {
      return leak(m, d, standInAddress(dTag, lo[d]!, hi[d]!) - standInAddress(sTag, slo, shi), is32);
    }
    // Same base: the bases cancel. Offsets are within ±2^30, so the difference fits 32 bits as a two's
    // complement (2^31 itself reads back as 2^31 through its zero high half).
    const diff = lo[d]! - slo;
    m.setScalar(d, diff | 0, is32 || diff >= 0 ? 0 : -1);
    return true;
  }
  if (is32) {
    if (sub !== ALU_SUB) return prohibited(m, `r${d} 32-bit pointer arithmetic prohibited`);
    return leak(m, d, standInValue(dTag, lo[d]!, hi[d]!) - standInValue(sTag, slo, shi), true);
  }
  if (sub === ALU_ADD) {
    if (dPointer) lo[d] = pin(lo[d]! + asOffset(slo, shi));
    else {
      // scalar += pointer: the scalar becomes the offset of a copy of the pointer
      lo[d] = pin(asOffset(lo[d]!, hi[d]!) + slo);
      tag[d] = sTag;
      hi[d] = shi;
    }
    return true;
  }
  if (sub === ALU_SUB) {
    if (!dPointer) return prohibited(m, `r${d} tried to subtract pointer from scalar`);
    lo[d] = pin(lo[d]! - asOffset(slo, shi));
    return true;
  }
  return prohibited(m, `r${dPointer ? d : s} pointer arithmetic with ${opString(sub)} prohibited`);
}

/** `d = -d` on a pointer (check_alu_op lets root negate one): the negated stand-in address. */
export function pointerNeg(m: Machine, is32: boolean, d: number): boolean {
  const { tag, lo, hi } = m;
  if (tag[d] === TAG_UNINIT) return uninit(m, d);
  return leak(m, d, -standInAddress(tag[d]!, lo[d]!, hi[d]!), is32);
}

/**
 * A copy of a released reference in register r is, to the verifier, an unknown scalar (release_reference ->
 * mark_reg_invalid, __mark_reg_unknown for a privileged loader): where a scalar is required (bpf_throw's
 * cookie) the runtime takes the object's address, which it can only stand in for. True when r now
 * holds a scalar.
 */
export function releasedAsScalar(m: Machine, r: number): boolean {
  if (m.tag[r] === Tag.Obj && m.objects[m.hi[r]!] === 2)
    leak(m, r, standInAddress(m.tag[r], m.lo[r]!, m.hi[r]!), false);
  return m.tag[r] === Tag.Scalar;
}
