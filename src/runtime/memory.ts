/**
 * Loads and stores through ctx and stack pointers. Stack bytes remember which frame wrote them (reading one
 * that was never written makes the outcome indeterminate, SPEC §3), and an 8-byte aligned slot can hold a
 * spilled pointer, which a full 8-byte load brings back (the verifier's spilled-register tracking).
 * Each function returns false after raising a fault.
 */
import { FrameKind, STACK_SIZE, Tag, type Machine } from './machine.js';

// Module-local copies of the enum members the hot paths use (see interpreter.ts for why).
const TAG_SCALAR = Tag.Scalar;
const TAG_CTX = Tag.Ctx;
const TAG_STACK = Tag.Stack;
const TAG_UNINIT = Tag.Uninit;
const FRAME_BPF = FrameKind.Bpf;

function readLe(bytes: Uint8Array, at: number, size: number, m: Machine, d: number): void {
  if (size === 8) {
    m.lo[d] = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
    m.hi[d] = bytes[at + 4]! | (bytes[at + 5]! << 8) | (bytes[at + 6]! << 16) | (bytes[at + 7]! << 24);
  } else if (size === 4) {
    m.lo[d] = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
    m.hi[d] = 0;
  } else if (size === 2) {
    m.lo[d] = bytes[at]! | (bytes[at + 1]! << 8);
    m.hi[d] = 0;
  } else {
    m.lo[d] = bytes[at]!;
    m.hi[d] = 0;
  }
  m.tag[d] = TAG_SCALAR;
}

function writeLe(bytes: Uint8Array, at: number, size: number, lo: number, hi: number): void {
  bytes[at] = lo;
  if (size === 1) return;
  bytes[at + 1] = lo >>> 8;
  if (size === 2) return;
  bytes[at + 2] = lo >>> 16;
  bytes[at + 3] = lo >>> 24;
  if (size === 4) return;
  bytes[at + 4] = hi;
  bytes[at + 5] = hi >>> 8;
  bytes[at + 6] = hi >>> 16;
  bytes[at + 7] = hi >>> 24;
}

/**
 * Resolve a stack access: the arena address, or -1 after raising. `serial` is the frame the pointer was
 * taken in; a pointer into a frame that has returned is out of bounds.
 */
function stackAddress(m: Machine, ptr: number, off: number, size: number, pc: number): number {
  const serial = m.hi[ptr]!;
  const top = m.frames[m.top]!;
  const frame = top.kind === FRAME_BPF && top.serial === serial ? top : m.frameBySerial(serial);
  const rel = m.lo[ptr]! + off;
  if (frame === undefined) {
    m.raise('out-of-bounds', pc, `r${ptr} points into the stack of a frame that has returned`);
    return -1;
  }
  if (rel < -STACK_SIZE || rel + size > 0) {
    m.raise('out-of-bounds', pc, `stack access at fp${rel} of ${size} bytes is outside the 512-byte frame`);
    return -1;
  }
  return frame.memBase + STACK_SIZE + rel;
}

function nonPointerBase(m: Machine, ptr: number, pc: number, what: string): false {
  switch (m.tag[ptr] as Tag) {
    case Tag.Uninit:
      m.raise('uninit-register', pc, `r${ptr} is read before it is written`);
      return false;
    case Tag.Scalar:
      m.raise('bad-pointer', pc, `${what} through r${ptr}, a scalar`);
      return false;
    case Tag.Obj:
      m.raise('bad-pointer', pc, `${what} through r${ptr}, a cpumask (its memory is not modelled)`);
      return false;
    case Tag.Func:
      m.raise('bad-pointer', pc, `${what} through r${ptr}, a callback address`);
      return false;
    case Tag.Ctx:
    case Tag.Stack:
      throw new Error('nonPointerBase called on a memory pointer');
    default: {
      const unreachable: never = m.tag[ptr] as never;
      throw new Error(`unhandled tag ${String(unreachable)}`);
    }
  }
}

/** Byte offset into the ctx of an access through ctx pointer `r`, or -1 after raising out-of-bounds. */
function ctxAddress(m: Machine, r: number, off: number, size: number, pc: number): number {
  const at = m.lo[r]! + off;
  if (at >= 0 && at + size <= m.ctx.length) return at;
  m.raise(
    'out-of-bounds',
    pc,
    `ctx access at ${at} of ${size} bytes is outside the ${m.ctx.length}-byte ctx`,
  );
  return -1;
}

/** `d = *(uN *)(s + off)` */
export function load(m: Machine, size: number, d: number, s: number, off: number, pc: number): boolean {
  const t = m.tag[s];
  if (t === TAG_CTX) {
    const at = ctxAddress(m, s, off, size, pc);
    if (at < 0) return false;
    readLe(m.ctx, at, size, m, d);
    return true;
  }
  if (t !== TAG_STACK) return nonPointerBase(m, s, pc, 'load');
  const serial = m.hi[s]!;
  const at = stackAddress(m, s, off, size, pc);
  if (at < 0) return false;
  const first = at >> 3;
  const last = (at + size - 1) >> 3;
  if (m.spillStamp[first] === serial || m.spillStamp[last] === serial) {
    if (size !== 8 || (at & 7) !== 0) {
      if (m.spillTag[first] === TAG_UNINIT || m.spillTag[last] === TAG_UNINIT)
        m.raise('uninit-register', pc, `a ${size}-byte load reads part of a spilled uninitialised register`);
      else m.raise('bad-pointer', pc, `a ${size}-byte load reads part of a spilled pointer`);
      return false;
    }
    m.tag[d] = m.spillTag[first]!;
    m.lo[d] = m.spillLo[first]!;
    m.hi[d] = m.spillHi[first]!;
    return true;
  }
  const stamp = m.stamp;
  for (let k = 0; k < size; k++) if (stamp[at + k] !== serial) m.indeterminate = true;
  readLe(m.stack, at, size, m, d);
  return true;
}

/** `*(uN *)(d + off) = value`, the value given as tag and halves (from a register or an immediate). */
export function store(
  m: Machine,
  size: number,
  d: number,
  off: number,
  vTag: number,
  vLo: number,
  vHi: number,
  pc: number,
): boolean {
  const t = m.tag[d];
  const pointer = vTag !== TAG_SCALAR;
  // Only the interpreter's instrumented 8-byte spill passes an uninitialised value (interpreter.ts, OP_STX).
  if (vTag === TAG_UNINIT && t !== TAG_STACK) {
    m.raise('uninit-register', pc, 'an uninitialised register is stored outside the stack');
    return false;
  }
  if (t === TAG_CTX) {
    const at = ctxAddress(m, d, off, size, pc);
    if (at < 0) return false;
    if (pointer) {
      m.raise('bad-pointer', pc, 'a pointer stored into ctx would leak a kernel address');
      return false;
    }
    writeLe(m.ctx, at, size, vLo, vHi);
    return true;
  }
  if (t !== TAG_STACK) return nonPointerBase(m, d, pc, 'store');
  const serial = m.hi[d]!;
  const at = stackAddress(m, d, off, size, pc);
  if (at < 0) return false;
  const first = at >> 3;
  const last = (at + size - 1) >> 3;
  const stamp = m.stamp;
  if (pointer) {
    if (vTag === TAG_UNINIT && (at & 7) !== 0) {
      m.raise('uninit-register', pc, 'an uninitialised register is spilled with a misaligned store');
      return false;
    }
    if (size !== 8 || (at & 7) !== 0) {
      m.raise(
        'bad-pointer',
        pc,
        `a pointer spilled with a ${size}-byte${(at & 7) !== 0 ? ' misaligned' : ''} store`,
      );
      return false;
    }
    m.spillStamp[first] = serial;
    m.spillTag[first] = vTag;
    m.spillLo[first] = vLo;
    m.spillHi[first] = vHi;
    for (let k = 0; k < 8; k++) stamp[at + k] = serial;
    return true;
  }
  for (let slot = first; slot <= last; slot++) {
    if (m.spillStamp[slot] !== serial) continue;
    // A scalar written over part of a spilled pointer: the rest of the slot holds address bytes no model
    // can know, so it reads as never written.
    m.spillStamp[slot] = 0;
    for (let k = slot * 8; k < slot * 8 + 8; k++) stamp[k] = 0;
  }
  writeLe(m.stack, at, size, vLo, vHi);
  for (let k = 0; k < size; k++) stamp[at + k] = serial;
  return true;
}
