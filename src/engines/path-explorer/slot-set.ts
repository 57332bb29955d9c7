/**
 * Sets of stack slots of one frame (spi 0..63: MAX_BPF_STACK / 8 slots) as two unsigned 32-bit halves,
 * the kernel's u64 slot masks (liveness.c, backtrack_state.stack_masks) without a bigint per operation.
 * Slots outside 0..63 are never stored: no frame has them, so no lookup can ask for them.
 */

/** Slots 0-31 (`lo`) and 32-63 (`hi`) of a set held in an array at `2 * i`, `2 * i + 1`. */
export type SlotWords = Uint32Array;

export const SLOTS = 64;

export function hasSlot(w: ArrayLike<number>, i: number, spi: number): boolean {
  if (spi < 0 || spi >= SLOTS) return false;
  return ((w[spi < 32 ? 2 * i : 2 * i + 1]! >>> (spi & 31)) & 1) === 1;
}

/** Adds `spi` to set i; false when it was there already (or is out of range). */
export function addSlot(w: SlotWords, i: number, spi: number): boolean {
  if (spi < 0 || spi >= SLOTS) return false;
  const k = spi < 32 ? 2 * i : 2 * i + 1;
  const bit = (1 << (spi & 31)) >>> 0;
  if ((w[k]! & bit) !== 0) return false;
  w[k] = (w[k]! | bit) >>> 0;
  return true;
}

export function removeSlot(w: SlotWords, i: number, spi: number): void {
  if (spi < 0 || spi >= SLOTS) return;
  const k = spi < 32 ? 2 * i : 2 * i + 1;
  w[k] = (w[k]! & ~(1 << (spi & 31))) >>> 0;
}

export const emptySlots = (w: ArrayLike<number>, i: number): boolean => w[2 * i] === 0 && w[2 * i + 1] === 0;
