/** The runtime's committed example programs (corpus/runtime/), by name. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Program } from '../../src/bpf/program.js';
import { parseProgram } from '../../src/bpf/text/parse.js';

export const RUNTIME_CORPUS = join(import.meta.dirname, '../../corpus/runtime');

export function loadRuntimeProgram(name: string): Program {
  const file = join(RUNTIME_CORPUS, `${name}.s`);
  return parseProgram(readFileSync(file, 'utf8'), file);
}
