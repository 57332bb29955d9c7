/**
 * docs/kernel-defects/: each embedded selftest is exactly what `throwfuzz export --format selftest` prints
 * for the case file it names (so the mail never drifts from the tool), every case there reads, and the
 * README and corpus/triage.json point at the reports.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';
import { root } from './export-helpers.js';

const dir = join(root, 'docs/kernel-defects');
const docs = readdirSync(dir).filter((f) => f.endsWith('.md'));

describe('docs/kernel-defects', () => {
  it('has the two reports, each with a subject line and a suggested direction', () => {
    expect(docs.sort()).toEqual(['bpf-loop-pointer-count.md', 'bpf-loop-zero-count-static.md']);
    for (const d of docs) {
      const text = readFileSync(join(dir, d), 'utf8');
      expect(text, d).toMatch(/\*\*Subject:\*\* `\[BUG\] bpf: /);
      expect(text, d).toContain('## Suggested direction');
      expect(text, d).toContain('6.18.44');
    }
  });

  it.each(docs)('%s: every embedded selftest equals the export command output', async (d) => {
    const text = readFileSync(join(dir, d), 'utf8');
    const blocks = [...text.matchAll(/<!-- export: (\S+) -->\n+```c\n([\s\S]*?)```\n/g)];
    expect(blocks.length).toBeGreaterThan(0);
    for (const [, file, body] of blocks) {
      const r = await runCli('export', join(dir, file!), '--format', 'selftest');
      expect(r.code).toBe(0);
      expect(body, `${d}: ${file}`).toBe(r.stdout);
    }
  });

  it('the messages in the reports are the recorded kernel logs', () => {
    const logs = join(root, 'test/engines/kernel/fixtures/logs');
    const pointer = readFileSync(join(dir, 'bpf-loop-pointer-count.md'), 'utf8');
    expect(readFileSync(join(logs, 'loop-ctx-as-count.level1.log'), 'utf8')).toContain(
      'verifier bug: backtracking misuse',
    );
    expect(pointer).toContain('__msg("verifier bug: backtracking misuse")');
    const zero = readFileSync(join(dir, 'bpf-loop-zero-count-static.md'), 'utf8');
    const jit = readFileSync(join(logs, 'loop-zero-in-static.level1.log'), 'utf8').split('\n')[0]!;
    expect(zero).toContain(`__msg("${jit}")`);
    // the recorded case is the fixture program, instruction for instruction
    const program = (f: string): string =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => /^ {4}|^\.func/.test(l))
        .join('\n');
    expect(program(join(dir, 'bpf-loop-zero-count-static.s'))).toBe(
      program(join(root, 'test/engines/kernel/fixtures/programs/loop-zero-in-static.s')),
    );
  });

  it('links resolve, and README and corpus/triage.json point at the reports', () => {
    for (const d of docs) {
      const text = readFileSync(join(dir, d), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)\)/g)) {
        const path = resolve(dirname(join(dir, d)), target!);
        expect(existsSync(path), `${d} -> ${target}`).toBe(true);
      }
    }
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const triage = readFileSync(join(root, 'corpus/triage.json'), 'utf8');
    for (const d of docs) {
      expect(readme).toContain(`docs/kernel-defects/${d}`);
      expect(triage).toContain(`docs/kernel-defects/${d}`);
    }
  });
});
