/**
 * Conditional jumps with a pointer operand, as they behave at run time. As root the verifier lets a program
 * compare a pointer with anything (check_cond_jmp_op; is_branch_taken decides only a non-NULL pointer tested
 * with ==/!= against 0 and explores both branches of every other comparison), and the JIT then compares
 * the pointer's real address. The runtime knows only where that address can be (pointer-address.ts): a
 * comparison whose result is the same for every allowed address is decided; any other marks the outcome
 * `indeterminate` and continues on the branch the stand-in addresses give.
 */
import { JmpSub } from './ops.js';
import { FrameKind, STACK_SIZE, Tag, type Machine } from './machine.js';
import { POINTER_RANGE, standInAddress } from './pointer-address.js';
import { toBigInt } from './u64.js';

const TWO64 = 1n << 64n;
/** Bits set in every value of POINTER_RANGE (its common high prefix). */
const POINTER_ONES = 0xfe00000000000000n;

type Operand =
  | { readonly kind: 'scalar'; readonly value: bigint }
  | {
      readonly kind: 'pointer';
      /** What the pointer points into: tag and ordinal/serial/pc. */
      readonly memory: string;
      readonly off: bigint;
      /** The memory is live and the offset within it, so no other live memory has this address. */
      readonly distinct: boolean;
      readonly standIn: bigint;
    };

const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);

function operand(m: Machine, tag: number, lo: number, hi: number): Operand {
  const off = BigInt(lo);
  switch (tag as Tag) {
    case Tag.Scalar:
      return { kind: 'scalar', value: toBigInt(lo, hi) };
    case Tag.Obj:
      return {
        kind: 'pointer',
        memory: `obj${hi}`,
        off,
        // A released object's memory may be handed out again (the allocator reuses it).
        distinct: m.objects[hi] === 1 && lo === 0,
        standIn: standInAddress(tag, lo, hi),
      };
    case Tag.Ctx:
      return {
        kind: 'pointer',
        memory: 'ctx',
        off,
        distinct: lo >= 0 && lo <= m.ctx.length,
        standIn: standInAddress(tag, lo, hi),
      };
    case Tag.Stack: {
      const live = m.frameBySerial(hi)?.kind === FrameKind.Bpf;
      return {
        kind: 'pointer',
        memory: `stack${hi}`,
        off,
        // A returned frame's stack is reused by the next call.
        distinct: live && lo >= -STACK_SIZE && lo <= 0,
        standIn: standInAddress(tag, lo, hi),
      };
    }
    case Tag.Func:
      return {
        kind: 'pointer',
        memory: `func${hi}`,
        off,
        distinct: lo === 0,
        standIn: standInAddress(tag, lo, hi),
      };
    case Tag.Uninit:
      throw new Error('operand: an uninitialised register has no value');
    default: {
      const unreachable: never = tag as never;
      throw new Error(`unhandled tag ${String(unreachable)}`);
    }
  }
}

function isSigned(sub: JmpSub): boolean {
  return sub === JmpSub.Jsgt || sub === JmpSub.Jsge || sub === JmpSub.Jslt || sub === JmpSub.Jsle;
}

/** The predicate on two values already in the signedness (and width) of the comparison. */
function holds(sub: JmpSub, a: bigint, b: bigint): boolean {
  switch (sub) {
    case JmpSub.Jeq:
      return a === b;
    case JmpSub.Jne:
      return a !== b;
    case JmpSub.Jset:
      return (a & b) !== 0n;
    case JmpSub.Jgt:
    case JmpSub.Jsgt:
      return a > b;
    case JmpSub.Jge:
    case JmpSub.Jsge:
      return a >= b;
    case JmpSub.Jlt:
    case JmpSub.Jslt:
      return a < b;
    case JmpSub.Jle:
    case JmpSub.Jsle:
      return a <= b;
    default: {
      const unreachable: never = sub;
      throw new Error(`unhandled jump condition ${String(unreachable)}`);
    }
  }
}

/** The value an operand has under the stand-in addresses, in the comparison's width and signedness. */
function standInValue(x: Operand, sub: JmpSub, is32: boolean): bigint {
  const v = x.kind === 'scalar' ? x.value : x.standIn;
  if (is32) return isSigned(sub) ? BigInt.asIntN(32, v) : BigInt.asUintN(32, v);
  return isSigned(sub) ? s64(v) : BigInt.asUintN(64, v);
}

/**
 * The result when it is the same for every address the facts above allow, else null. 64-bit only: the low
 * 32 bits of an address are anything, so a JMP32 involving a pointer is never decided here (the verifier
 * decides only `if wX == 0` on a pointer it knows is not NULL, a state the runtime does not keep).
 */
function decided(sub: JmpSub, a: Operand, b: Operand, is32: boolean): boolean | null {
  if (is32) return null;
  if (a.kind === 'pointer' && b.kind === 'pointer') {
    if (a.memory === b.memory) {
      // Same base: the order of the offsets, for signed and unsigned conditions alike (no wrap-around in
      // POINTER_RANGE). The bits of the sum (JSET) depend on the base.
      return sub === JmpSub.Jset ? null : holds(sub, a.off, b.off);
    }
    if ((sub === JmpSub.Jeq || sub === JmpSub.Jne) && a.distinct && b.distinct) return sub === JmpSub.Jne;
    return null;
  }
  // A pointer against a scalar: decided when the scalar lies on one side of the whole range.
  const flip = a.kind === 'scalar';
  const c = flip ? (a as { value: bigint }).value : (b as { value: bigint }).value;
  const { min, max } = POINTER_RANGE;
  let result: boolean | null;
  switch (sub) {
    case JmpSub.Jeq:
    case JmpSub.Jne: {
      const inRange = c >= min && c <= max;
      result = inRange ? null : sub === JmpSub.Jne;
      break;
    }
    case JmpSub.Jset:
      result = c === 0n ? false : (c & POINTER_ONES) !== 0n ? true : null;
      break;
    default: {
      // pointer OP c, with the pointer in [lo, hi] in the comparison's signedness.
      const signed = isSigned(sub);
      const lo = signed ? min - TWO64 : min;
      const hi = signed ? max - TWO64 : max;
      const k = signed ? s64(c) : c;
      // Swapping the operands turns `c OP ptr` into `ptr OP' c`.
      const op = flip ? mirrored(sub) : sub;
      const atLo = holds(op, lo, k);
      const atHi = holds(op, hi, k);
      // Every ordered predicate against a constant is monotone in the pointer, so the ends decide it.
      result = atLo === atHi ? atLo : null;
    }
  }
  return result;
}

/** `c OP ptr` as `ptr OP' c`. */
function mirrored(sub: JmpSub): JmpSub {
  switch (sub) {
    case JmpSub.Jgt:
      return JmpSub.Jlt;
    case JmpSub.Jge:
      return JmpSub.Jle;
    case JmpSub.Jlt:
      return JmpSub.Jgt;
    case JmpSub.Jle:
      return JmpSub.Jge;
    case JmpSub.Jsgt:
      return JmpSub.Jslt;
    case JmpSub.Jsge:
      return JmpSub.Jsle;
    case JmpSub.Jslt:
      return JmpSub.Jsgt;
    case JmpSub.Jsle:
      return JmpSub.Jsge;
    case JmpSub.Jeq:
    case JmpSub.Jne:
    case JmpSub.Jset:
      return sub;
    default: {
      const unreachable: never = sub;
      throw new Error(`unhandled jump condition ${String(unreachable)}`);
    }
  }
}

/**
 * `if a OP b` where at least one operand is a pointer and neither is uninitialised (the caller checks).
 * Returns whether the jump is taken; marks the outcome indeterminate when that depends on the address.
 */
export function pointerJumpTaken(
  m: Machine,
  sub: JmpSub,
  is32: boolean,
  a: { tag: number; lo: number; hi: number },
  b: { tag: number; lo: number; hi: number },
): boolean {
  const x = operand(m, a.tag, a.lo, a.hi);
  const y = operand(m, b.tag, b.lo, b.hi);
  const result = decided(sub, x, y, is32);
  if (result !== null) return result;
  m.indeterminate = true;
  return holds(sub, standInValue(x, sub, is32), standInValue(y, sub, is32));
}
