/** The committed corpus as cases (src/corpus): what the corpus suites read. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile, Quirk } from '../../src/bpf/profile.js';
import type { Case, KernelExpectation, ModelExpectation } from '../../src/corpus/case.js';
import { readCase } from '../../src/corpus/read.js';
import type { ModelEngineName } from '../../src/engines/contract.js';

export const CORPUS = join(import.meta.dirname, '../../corpus');

export interface CorpusCase {
  /** `DIR/NAME`, e.g. `kernel/double-release`. */
  readonly name: string;
  readonly file: string;
  readonly case: Case;
}

/** Every `.s` of corpus/DIR, sorted, read as a case. */
export function loadCases(dir: string): CorpusCase[] {
  return readdirSync(join(CORPUS, dir))
    .filter((f) => f.endsWith('.s'))
    .sort()
    .map((f) => {
      const file = join(CORPUS, dir, f);
      return {
        name: `${dir}/${f.slice(0, -2)}`,
        file,
        case: readCase(readFileSync(file, 'utf8'), `corpus/${dir}/${f}`),
      };
    });
}

export function kernelExpectation(c: Case): KernelExpectation | null {
  return c.expectations.find((e): e is KernelExpectation => e.engine === 'kernel') ?? null;
}

export function modelExpectation(
  c: Case,
  engine: ModelEngineName,
  profile: Profile,
  quirks: readonly Quirk[] = [],
): ModelExpectation | null {
  return (
    c.expectations.find(
      (e): e is ModelExpectation =>
        e.engine === engine && e.profile === profile && e.quirks.join('+') === quirks.join('+'),
    ) ?? null
  );
}

/** Every `.s` under corpus/, in every directory, sorted by path: what `throwfuzz replay` reads by default. */
export function loadAllCases(): CorpusCase[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .flatMap(loadCases);
}
