/**
 * The committed corpus as the campaign reads it: every `.s` case file under corpus/ (or `--corpus DIR`),
 * sorted by path (corpus case i is the i-th), read as a case (its `; case` lines are not the program's, its
 * expectations are the regression oracle's); a file that does not parse is the corpus test's business and
 * is left out.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Program } from '../bpf/program.js';
import type { Expectation } from '../corpus/case.js';
import { readCase } from '../corpus/read.js';

export interface CorpusProgram {
  /** Path relative to the corpus directory (`kernel/NAME.s`). */
  readonly file: string;
  readonly program: Program;
  readonly expectations: readonly Expectation[];
}

/** The case files under `dir` (default: the package's corpus/). */
export async function readCorpusPrograms(root: string, dir = join(root, 'corpus')): Promise<CorpusProgram[]> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile() && d.name.endsWith('.s'))
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
  const out: CorpusProgram[] = [];
  for (const file of files) {
    try {
      const c = readCase(await readFile(join(dir, file), 'utf8'), file);
      out.push({ file, program: c.program, expectations: c.expectations });
    } catch {
      // left out: test/corpus checks that every committed case parses
    }
  }
  return out;
}
