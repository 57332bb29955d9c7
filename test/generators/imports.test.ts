/** generators/ imports only src/bpf (and, for types, the engine contract): never an engine, the CLI or files. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const dir = join(root, 'generators');

describe('generators/ imports', () => {
  it('only itself, src/bpf, src/engines/contract.ts and the fast-check and seedrandom packages', () => {
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const offending: string[] = [];
    for (const f of files) {
      const file = join(dir, f);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
      )) {
        const spec = m[1] ?? m[2]!;
        if (!spec.startsWith('.')) {
          if (spec !== 'fast-check' && spec !== 'seedrandom') offending.push(`${f} imports ${spec}`);
          continue;
        }
        const to = relative(root, resolve(dirname(file), spec));
        if (!to.startsWith('generators/') && !to.startsWith('src/bpf/') && to !== 'src/engines/contract.js')
          offending.push(`${f} imports ${to}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
