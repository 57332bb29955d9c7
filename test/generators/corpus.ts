/** The committed corpus, parsed: what the mutation strategy starts from (tests do the file I/O). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Program } from '../../src/bpf/program.js';
import { parseProgram } from '../../src/bpf/text/parse.js';

const root = join(import.meta.dirname, '../../corpus');

export function corpusPrograms(): Program[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.s'))
    .sort()
    .map((f) => parseProgram(readFileSync(join(root, f), 'utf8'), f));
}
