/**
 * Triage: the known signatures (corpus/triage.json) with a note each, so a run tells new findings from known
 * ones. Pure: the reader parses a string (the CLI reads the file).
 */
import { z } from 'zod';
import type { Finding } from './finding.js';

export const TRIAGE_SCHEMA = z
  .object({
    version: z.literal(1),
    known: z.array(
      z
        .object({
          signature: z.string().min(1),
          /** Why it is known: the defect, where it is written up, what would fix it. */
          note: z.string().min(1),
        })
        .strict(),
    ),
  })
  .strict();

export type Triage = z.infer<typeof TRIAGE_SCHEMA>;

/** The triage file's text parsed and checked, or one line saying what is wrong (`where: message`). */
export function parseTriage(
  text: string,
  where = 'triage.json',
): { ok: true; triage: Triage } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `${where}: not JSON: ${(e as Error).message}` };
  }
  const parsed = TRIAGE_SCHEMA.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    return { ok: false, message: `${where}: ${path}: ${issue.message}` };
  }
  const seen = new Set<string>();
  for (const [i, k] of parsed.data.known.entries()) {
    if (seen.has(k.signature))
      return { ok: false, message: `${where}: known.${i}.signature: listed twice: ${k.signature}` };
    seen.add(k.signature);
  }
  return { ok: true, triage: parsed.data };
}

export interface Classified {
  readonly finding: Finding;
  readonly status: 'new' | 'known';
  /** The triage note of a known finding, else null. */
  readonly note: string | null;
}

/** Each finding, in order, as new or known by its signature. */
export function classify(findings: readonly Finding[], triage: Triage): Classified[] {
  const notes = new Map(triage.known.map((k) => [k.signature, k.note]));
  return findings.map((finding) => {
    const note = notes.get(finding.signature);
    return note === undefined ? { finding, status: 'new', note: null } : { finding, status: 'known', note };
  });
}
