/**
 * Message normalisation (SPEC §4, Reporting): against the kernel, engines are compared on the message with
 * its numbers normalised; two model engines on the message exactly except for reference ids (`id=N`), which
 * the kernel draws from a counter it shares with scalar links, so their values depend on exploration order.
 */

/** Every number (decimal or hex, with its sign) replaced by N: for comparing with the kernel. */
export function normaliseNumbers(message: string): string {
  return message.replace(/-?\b(?:0x[0-9a-fA-F]+|\d+)\b/g, 'N');
}

/** Only reference ids replaced: for comparing two model engines. */
export function normaliseRefIds(message: string): string {
  return message.replace(/\bid=\d+/g, 'id=N');
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
