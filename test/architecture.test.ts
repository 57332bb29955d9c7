/**
 * Project invariants read from the source: the two model engines share only src/bpf and the engine
 * contract, oracles and generators build on the same two, and the pure core reads no clock and no
 * unseeded randomness.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  const abs = join(root, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(abs, f));
}

/** Every relative module a file imports, as a path from the project root. */
function importsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const specs = [
    ...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? m[2]!);
  return specs.filter((s) => s.startsWith('.')).map((s) => relative(root, resolve(dirname(file), s)));
}

const MODEL_ENGINES = ['src/engines/path-explorer', 'src/engines/abstract-interpreter'];
const CONTRACT = 'src/engines/contract.js';

/** Imports of the files under `dir` that are neither under `dir` itself nor one of `allowed`. */
function importsOutside(dir: string, allowed: (dep: string) => boolean): string[] {
  return filesUnder(dir).flatMap((file) =>
    importsOf(file)
      .filter((dep) => !dep.startsWith(`${dir}/`) && !allowed(dep))
      .map((dep) => `${relative(root, file)} imports ${dep}`),
  );
}

const PROJECTION = 'src/engines/projection.js';
const bpfOrContract = (dep: string): boolean => dep.startsWith('src/bpf/') || dep === CONTRACT;

describe('engine independence', () => {
  // The abstract-interpreter arrives with its own issue; each engine is checked once it exists.
  for (const engine of MODEL_ENGINES.filter((e) => filesUnder(e).length > 0)) {
    it(`${engine} imports only itself, src/bpf and the engine contract`, () => {
      expect(importsOutside(engine, bpfOrContract)).toEqual([]);
    });
  }

  // Both arrive with the campaign issue; checked as soon as they hold a file. Oracles compare engine
  // answers through the one projection, itself built on src/bpf and the contract only.
  for (const dir of ['generators', 'oracles'].filter((d) => filesUnder(d).length > 0)) {
    it(`${dir}/ imports only itself, src/bpf and the engine contract`, () => {
      const allowed = dir === 'oracles' ? (d: string) => bpfOrContract(d) || d === PROJECTION : bpfOrContract;
      expect(importsOutside(dir, allowed)).toEqual([]);
    });
  }

  it('the projection imports only src/bpf and the contract', () => {
    expect(importsOf(join(root, 'src/engines/projection.ts')).filter((d) => !bpfOrContract(d))).toEqual([]);
  });

  it('the rule catches an engine that imports another engine or the registry', () => {
    const file = join(root, 'src/engines/path-explorer/x.ts');
    const deps = importsOf(
      file,
      "import { a } from '../abstract-interpreter/a.js';\nimport { b } from '../index.js';\nimport type { C } from '../contract.js';",
    );
    expect(deps.filter((d) => !bpfOrContract(d))).toEqual([
      'src/engines/abstract-interpreter/a.js',
      'src/engines/index.js',
    ]);
  });

  it('is checked against real files (the path-explorer exists)', () => {
    expect(filesUnder(MODEL_ENGINES[0]!).length).toBeGreaterThan(0);
  });

  it('the import reader sees static, re-exported and dynamic relative imports', () => {
    const file = join(root, 'src/engines/path-explorer/x.ts');
    const text =
      "import { a } from '../../runtime/vm.js';\nexport { b } from './b.js';\nawait import('../abstract-interpreter/c.js');\nimport fc from 'fast-check';";
    expect(importsOf(file, text)).toEqual([
      'src/runtime/vm.js',
      'src/engines/path-explorer/b.js',
      'src/engines/abstract-interpreter/c.js',
    ]);
  });
});

describe('layers', () => {
  // Only src/fuzz puts generators, engines, the runtime and oracles together; src/report renders its
  // results; src/cli is the edge. Nothing below imports what is above it.
  const above: readonly [string, readonly string[]][] = [
    ['src/bpf', ['src/fuzz/', 'src/report/', 'src/cli/', 'generators/', 'oracles/']],
    ['src/engines', ['src/fuzz/', 'src/report/', 'src/cli/', 'generators/', 'oracles/']],
    ['src/runtime', ['src/fuzz/', 'src/report/', 'src/cli/', 'generators/', 'oracles/']],
    ['src/corpus', ['src/fuzz/', 'src/report/', 'src/cli/']],
    ['generators', ['src/fuzz/', 'src/report/', 'src/cli/', 'oracles/']],
    ['oracles', ['src/fuzz/', 'src/report/', 'src/cli/', 'generators/']],
    ['src/fuzz', ['src/report/', 'src/cli/']],
    ['src/report', ['src/cli/']],
  ];
  for (const [dir, forbidden] of above) {
    it(`${dir} imports nothing from ${forbidden.join(', ')}`, () => {
      expect(importsOutside(dir, (dep) => !forbidden.some((f) => dep.startsWith(f)))).toEqual([]);
    });
  }
});

describe('the pure core', () => {
  const core = ['src/bpf', 'src/runtime', ...MODEL_ENGINES, 'generators', 'oracles', 'src/minimize'];
  it('reads no clock and no unseeded randomness', () => {
    const leaks = core
      .flatMap(filesUnder)
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(root, file)}:${i + 1}` }))
          .filter(
            ({ line }) =>
              !/^\s*(\/\/|\*)/.test(line) && /Math\.random\(|Date\.now\(|performance\.now\(/.test(line),
          ),
      )
      .map(({ at }) => at);
    expect(leaks).toEqual([]);
  });
});

describe('effects at the edge', () => {
  // Files, processes, threads and the machine are touched only by the CLI, the campaign's pool and worker
  // shell, the report writer, and the kernel engine's executor: everything else takes data and returns data.
  const EFFECTS = /from '(node:(fs|fs\/promises|child_process|worker_threads|os)|workerpool)'/;
  const EDGE = [
    'src/cli/',
    'src/engines/kernel/',
    'src/fuzz/corpus-files.ts',
    'src/fuzz/pool.ts',
    'src/fuzz/worker.ts',
    'src/report/files.ts',
    'src/report/machine.ts',
    'src/package-root.ts',
    'src/write-atomic.ts',
  ];
  it('only the edge imports node:fs, child_process, worker_threads, os or workerpool', () => {
    const offenders = ['src', 'generators', 'oracles']
      .flatMap(filesUnder)
      .map((f) => relative(root, f))
      .filter((f) => !EDGE.some((e) => f.startsWith(e)))
      .filter((f) => EFFECTS.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
