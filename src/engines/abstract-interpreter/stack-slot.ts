/**
 * One 8-byte stack slot as the kernel keeps it (struct bpf_stack_state): a byte kind per byte and, while
 * the slot holds a spill, the spilled register. Bytes are listed lowest address first, so byte 0 is the
 * kernel's slot_type[7]: i STACK_INVALID, m STACK_MISC, z STACK_ZERO, s STACK_SPILL. A spill always
 * covers bytes 0..size-1 (only an 8-byte aligned store spills), so the `s` bytes are a prefix.
 */
import { coerceToSize, regWidth, scalarConst, scalarOfSize, type Scalar } from './scalar.js';
import type { Slot, Val } from './state.js';

const NEVER_WRITTEN = 'iiiiiiii';

/** is_spilled_reg: the slot's lowest byte is STACK_SPILL. */
export const isSpilled = (slot: Slot | undefined): slot is Slot & { spill: Val } =>
  slot !== undefined && slot.spill !== null && slot.bytes.startsWith('s');

/** The spill's size: the run of STACK_SPILL bytes from the lowest (check_stack_read_fixed_off's spill_size). */
const spillSize = (slot: Slot): number => {
  let n = 0;
  while (n < 8 && slot.bytes[n] === 's') n++;
  return n;
};

/**
 * save_register_state: the value's `size` low bytes become STACK_SPILL; the rest of the slot is
 * mark_stack_slot_misc'd (STACK_ZERO and STACK_INVALID stay, anything else, an older spill too, is misc).
 */
export function spillSlot(old: Slot | undefined, v: Val, size: number): Slot {
  const prev = old?.bytes ?? NEVER_WRITTEN;
  let rest = '';
  for (let j = size; j < 8; j++) {
    const c = prev[j]!;
    rest += c === 'z' || c === 'i' ? c : 'm';
  }
  return { spill: v, bytes: 's'.repeat(size) + rest };
}

/**
 * check_stack_write_fixed_off's plain write (not a spill): a slot holding a spill loses it, every byte
 * of it that was written becomes STACK_MISC (scrub_spilled_slot, STACK_ZERO included); then the written
 * bytes become STACK_ZERO for a known zero, STACK_MISC otherwise.
 */
export function writeSlot(old: Slot | undefined, within: number, size: number, zero: boolean): Slot {
  let prev = old?.bytes ?? NEVER_WRITTEN;
  if (isSpilled(old)) prev = prev.replace(/[^i]/g, 'm');
  const fill = (zero ? 'z' : 'm').repeat(size);
  return { spill: null, bytes: prev.slice(0, within) + fill + prev.slice(within + size) };
}

/** What a load from a slot gives: a value, or the kernel's refusal. */
export type SlotRead =
  { readonly ok: true; readonly v: Val } | { readonly ok: false; readonly message: string };

const scalar = (s: Scalar): SlotRead => ({ ok: true, v: { k: 'scalar', s } });

/**
 * check_stack_read_fixed_off, then check_mem_access's coerce_reg_to_size for a narrow load. A full fill
 * of a full spill restores the register. A narrower-or-equal fill from the spill's first byte
 * (bpf_stack_narrow_access_ok, little endian) copies the spilled scalar, keeping its link only when the
 * value fits the fill (get_reg_width), and cuts it to size. Any other load from a spilled slot is zero
 * when it covers only spill bytes of a spilled constant zero, or only STACK_ZERO bytes, and unknown
 * otherwise. A slot without a spill reads as zero only when every byte read is STACK_ZERO
 * (mark_reg_stack_read). Never-written bytes read as unknown: root may read uninitialised stack
 * (allow_uninit_stack).
 */
export function readSlot(slot: Slot | undefined, within: number, size: number): SlotRead {
  const bytes = (slot?.bytes ?? NEVER_WRITTEN).slice(within, within + size);
  if (isSpilled(slot)) {
    const spilled = spillSize(slot);
    const v = slot.spill;
    if (size === 8 && spilled === 8) return { ok: true, v };
    if (v.k !== 'scalar') return { ok: false, message: 'invalid size of register fill' };
    if (size <= spilled && within === 0) {
      const copy = regWidth(v.s) > size * 8 ? { ...v.s, id: 0, delta: null } : v.s;
      return scalar(coerceToSize(copy, size));
    }
    const spillIsZero = v.s.t.mask === 0n && v.s.t.value === 0n;
    if ((bytes === 's'.repeat(size) && spillIsZero) || bytes === 'z'.repeat(size))
      return scalar(scalarConst(0n));
    return scalar(scalarOfSize(size));
  }
  if (bytes === 'z'.repeat(size)) return scalar(scalarConst(0n));
  return scalar(scalarOfSize(size));
}
