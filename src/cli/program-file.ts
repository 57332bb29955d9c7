import type { Program } from '../bpf/program.js';
import type { Case } from '../corpus/case.js';
import { readCase } from '../corpus/read.js';
import { readUserFile, type Io } from './io.js';
import { userErrorLine } from './user-error.js';

export interface ProgramFile {
  readonly file: string;
  readonly text: string;
  /** The program without its case lines (src/corpus/case.ts). */
  readonly program: Program;
  /** The file as a case: its `; case ...` lines, checked (a mistake is file:line:col, exit code 2). */
  readonly case: Case;
}

/**
 * Read and parse a program file, which may be a case file (SourceError and UsageError propagate to main,
 * which prints one line).
 */
export async function readProgram(io: Io, path: string): Promise<ProgramFile> {
  const text = (await readUserFile(io, path)).toString('utf8');
  const c = readCase(text, path);
  return { file: path, text, program: c.program, case: c };
}

/**
 * The batch rule of every command that takes several files: read them all, print one line on stderr for
 * each that cannot be read or parsed, and go on with the rest. The caller exits 2 when `failed` > 0.
 */
export async function readPrograms(
  io: Io,
  paths: readonly string[],
): Promise<{ readonly good: ProgramFile[]; readonly failed: number }> {
  const good: ProgramFile[] = [];
  let failed = 0;
  for (const path of paths) {
    try {
      good.push(await readProgram(io, path));
    } catch (e) {
      const line = userErrorLine(e);
      if (line === null) throw e;
      io.stderr(`${line}\n`);
      failed++;
    }
  }
  return { good, failed };
}
