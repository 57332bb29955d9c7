/**
 * The committed corpus as the campaign reads it: every `.s` case file under corpus/, sorted by path (corpus
 * case i is the i-th), read as a case (its `; case` lines are not the program's); a file that does not parse is the corpus test's business and is left out.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Program } from '../bpf/program.js';
import { readCase } from '../corpus/read.js';

export interface CorpusProgram {
  /** Path relative to the package root. */
  readonly file: string;
  readonly program: Program;
}

export async function readCorpusPrograms(root: string): Promise<CorpusProgram[]> {
  const dir = join(root, 'corpus');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile() && d.name.endsWith('.s'))
    .map((d) => relative(root, join(d.parentPath, d.name)))
    .sort();
  const out: CorpusProgram[] = [];
  for (const file of files) {
    try {
      out.push({ file, program: readCase(await readFile(join(root, file), 'utf8'), file).program });
    } catch {
      // left out: test/corpus checks that every committed case parses
    }
  }
  return out;
}
