import type { Program } from '../bpf/program.js';
import { parseProgram } from '../bpf/text/parse.js';
import { readUserFile, type Io } from './io.js';

/** Read and parse a program file (SourceError and UsageError propagate to main, which prints one line). */
export async function readProgram(io: Io, path: string): Promise<{ text: string; program: Program }> {
  const text = (await readUserFile(io, path)).toString('utf8');
  return { text, program: parseProgram(text, path) };
}
