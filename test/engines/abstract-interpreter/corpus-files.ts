/** The committed corpus, read once for the abstract-interpreter suites (tests do the file I/O). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCase } from '../../../src/corpus/read.js';
import type { Case } from '../../../src/corpus/case.js';
import type { Verdict } from '../../../src/bpf/result.js';

const root = join(import.meta.dirname, '../../../corpus');

export function corpusCases(): { file: string; c: Case }[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.s'))
    .sort()
    .map((file) => ({ file, c: readCase(readFileSync(join(root, file), 'utf8'), file) }));
}

/** Reference ids depend on exploration order (SPEC §4): compared as id=N. */
export const normId = (m: string | null): string | null => (m === null ? null : m.replace(/id=\d+/g, 'id=N'));

/** A verdict as one comparable line (an unsupported verdict's reason is the engine's own words). */
export function verdictLine(v: Verdict): string {
  if (v.accepted === true) return 'accepted';
  if (v.accepted === false) return `${v.class}: ${normId(v.message)}`;
  return v.status;
}
