/**
 * Editing the triage file (`throwfuzz triage add|remove`): pure, on the parsed file; the CLI reads and
 * writes it. Entries keep their order (a new one goes last) and the text is the file's own form: JSON with
 * two-space indentation and a final newline, so a diff shows the one entry that changed.
 */
import type { Triage } from './triage.js';

export type TriageEdit =
  { readonly ok: true; readonly triage: Triage } | { readonly ok: false; readonly message: string };

/** The triage with `signature` added last; refused when it is listed already. */
export function addKnown(triage: Triage, signature: string, note: string): TriageEdit {
  if (triage.known.some((k) => k.signature === signature))
    return { ok: false, message: `${signature}: already listed` };
  if (note.trim() === '') return { ok: false, message: '--note: say why the signature is known' };
  return { ok: true, triage: { ...triage, known: [...triage.known, { signature, note }] } };
}

/** The triage without `signature`; refused when it is not listed. */
export function removeKnown(triage: Triage, signature: string): TriageEdit {
  const known = triage.known.filter((k) => k.signature !== signature);
  if (known.length === triage.known.length) return { ok: false, message: `${signature}: not listed` };
  return { ok: true, triage: { ...triage, known } };
}

/** The file's text. */
export const triageText = (triage: Triage): string => `${JSON.stringify(triage, null, 2)}\n`;
