/**
 * What "smaller" means to the reducer. A program's size is its instruction count (what a person reads);
 * each pass makes one thing strictly smaller without making an earlier one larger: instructions,
 * subprograms, inputs, then what is left of them (instructions that do something, conditional jumps,
 * constants, nonzero input bytes). Pure.
 */
import { S32_MAX, S32_MIN } from '../bpf/insn.js';

/** 0 is simplest; then 1 and -1; then the 32-bit boundaries; then by magnitude (bits of |v|). */
export function constantCost(v: number): number {
  if (v === 0) return 0;
  if (v === 1 || v === -1) return 1;
  if (v === S32_MAX || v === S32_MIN) return 2;
  return 3 + Math.ceil(Math.log2(Math.abs(v) + 1));
}
