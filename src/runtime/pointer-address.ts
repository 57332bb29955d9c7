/**
 * Where a pointer is at run time. The JIT works on real addresses; the runtime never knows them, only
 * where they can be:
 *
 * - Every pointer of the fragment (a referenced object, the ctx copy, a stack frame, a callback's code) is a
 *   kernel address plus the offset the program added. On x86-64 (4- and 5-level paging) and arm64 (48- and
 *   52-bit VA) kernel memory lies at or above KERNEL_MIN; offsets are within ±2^30 (pointer-alu.ts pins
 *   them) and the memories are far below the top of the address space. So a pointer's value lies in
 *   POINTER_RANGE: in the upper half, never 0, never wrapping past 2^64 or 2^63.
 * - Two pointers into the same memory differ by exactly their offsets.
 * - Distinct live memories (two live objects, an object and a live frame, ...) never share an address.
 *
 * A result (a comparison, pointer-compare.ts; an ALU result, pointer-alu.ts) that is the same for every
 * address these facts allow is exact; any other marks the outcome `indeterminate` (it depends on the actual
 * address) and continues with the deterministic stand-in addresses below, so a run is still reproducible.
 *
 * Stand-ins (only ever used for an indeterminate result): object ordinal n at 0xffff888100000000 + 0x100 n,
 * the ctx at 0xffff888200000000, the frame of serial s with its frame pointer at 0xffffc90000000000 +
 * 0x1000 s, a callback at 0xffffffffa0000000 + 8 pc.
 */
import { Tag } from './machine.js';

const TWO64 = 1n << 64n;
export const KERNEL_MIN = 0xff00000000000000n;
/** The largest offset magnitude a pointer keeps; the verifier rejects anything past BPF_MAX_VAR_OFF (2^29). */
export const MAX_OFFSET = 1 << 30;
/** Every value a pointer of the fragment can have at run time (unsigned, inclusive). */
export const POINTER_RANGE = { min: KERNEL_MIN - BigInt(MAX_OFFSET), max: TWO64 - 1n } as const;

/** Whether two pointers (tag, hi) point into the same memory: same kind and same object/frame/callback. */
export function sameMemory(aTag: number, aHi: number, bTag: number, bHi: number): boolean {
  // The ctx is one memory; its pointers do not use hi.
  return aTag === bTag && (aTag === Tag.Ctx || aHi === bHi);
}

/** The pointer's value under the stand-in addresses, as an unsigned 64-bit integer. */
export function standInAddress(tag: number, lo: number, hi: number): bigint {
  const off = BigInt(lo);
  let base: bigint;
  switch (tag as Tag) {
    case Tag.Obj:
      base = 0xffff888100000000n + 0x100n * BigInt(hi);
      break;
    case Tag.Ctx:
      base = 0xffff888200000000n;
      break;
    case Tag.Stack:
      base = 0xffffc90000000000n + 0x1000n * BigInt(hi);
      break;
    case Tag.Func:
      base = 0xffffffffa0000000n + 8n * BigInt(hi);
      break;
    case Tag.Scalar:
    case Tag.Uninit:
      throw new Error('standInAddress: not a pointer');
    default: {
      const unreachable: never = tag as never;
      throw new Error(`unhandled tag ${String(unreachable)}`);
    }
  }
  return BigInt.asUintN(64, base + off);
}
