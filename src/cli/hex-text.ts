/** Byte buffers in text output: a 64-byte ctx is 128 hex digits, mostly zeros. JSON keeps the full hex. */

/** Trailing zero bytes are elided when that saves space: `0200…(+62 zero bytes)`, `(64 zero bytes)`. */
export function shortHex(hex: string): string {
  let end = hex.length;
  while (end >= 2 && hex[end - 1] === '0' && hex[end - 2] === '0') end -= 2;
  const zeros = (hex.length - end) / 2;
  // `…(+N zero bytes)` takes the room of about 8 bytes of hex: only shorter runs are printed as they are.
  if (zeros <= 8) return hex;
  return end === 0 ? `(${zeros} zero bytes)` : `${hex.slice(0, end)}…(+${zeros} zero bytes)`;
}

/** A final buffer next to the input it came from: `unchanged`, or its short hex. */
export function finalHex(input: string, final: string): string {
  return final === input ? 'unchanged' : shortHex(final);
}

/** At most `max` items of a list, then how many were left out (text output; JSON keeps them all). */
export function capped(items: readonly string[], max: number, noun: string): string[] {
  if (items.length <= max) return items.slice();
  const shown = items.slice(0, max);
  shown.push(`… (${items.length - max} more ${noun}, --json has all)`);
  return shown;
}
