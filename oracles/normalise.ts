/**
 * Message normalisation for signatures. Whether two engines' messages agree is not decided here: every
 * comparison goes through the projection's `sameMessage` (src/engines/projection.ts; SPEC §4, Reporting:
 * reference ids normalised, every other number exact).
 */

/** Every number (decimal or hex, with its sign) replaced by N: a message's bucket in a signature. */
export function normaliseNumbers(message: string): string {
  return message.replace(/-?\b(?:0x[0-9a-fA-F]+|\d+)\b/g, 'N');
}

/** A short token for a signature: the first words of a normalised message, lowercase, dash-separated. */
export function slug(message: string, words = 6): string {
  const parts = normaliseNumbers(message)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .slice(0, words);
  return parts.length > 0 ? parts.join('-') : 'empty';
}
