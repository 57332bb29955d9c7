/**
 * Every new finding of a campaign is minimized on the worker pool: findings/NAME.min.s, smaller, still giving
 * the signature, byte for byte the same on 1 or 2 workers (the budget is a number of checks); the report
 * names it in every form; `--no-minimize` switches it off; a live kernel port never sees a kernelUnsafe
 * candidate.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { readCase } from '../../src/corpus/read.js';
import { findingPredicate, originOfProvenance, safeKernel } from '../../src/fuzz/finding-predicate.js';
import type { KernelPort } from '../../src/fuzz/pipeline.js';
import type { CampaignSettings } from '../../src/fuzz/settings.js';
import { runReportSchema, type RunReport } from '../../src/report/model.js';
import { runCli } from '../cli/helpers.js';

const ARGS = [
  '--max-cases',
  '150',
  '--seed',
  '5',
  '--engines',
  'path-explorer',
  '--quirks',
  'seed-global-order',
  '--no-replay',
];

async function campaign(...more: string[]): Promise<{ out: string; report: RunReport; stdout: string }> {
  const out = mkdtempSync(join(tmpdir(), 'throwfuzz-min-'));
  const run = await runCli('fuzz', ...ARGS, '--out', out, ...more);
  expect(run.stderr).toBe('');
  const report = runReportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
  return { out, report, stdout: run.stdout };
}

const minFiles = (out: string): Map<string, string> =>
  new Map(
    readdirSync(join(out, 'findings'))
      .filter((f) => f.endsWith('.min.s'))
      .map((f) => [f, readFileSync(join(out, 'findings', f), 'utf8')]),
  );

describe('a campaign minimizes its new findings', () => {
  it('writes NAME.min.s: smaller, the same signature, the same bytes on 1 or 2 workers; every report names it', async () => {
    const one = await campaign('--workers', '1');
    const two = await campaign('--workers', '2');
    const r = one.report;
    expect(r.options.minimize).toEqual({ checks: 1000, timeMs: 20_000 });
    const minimized = r.findings.filter((f) => f.minimized?.status === 'minimized');
    expect(minimized.length).toBeGreaterThan(0);
    const files = minFiles(one.out);
    expect(files.size).toBe(minimized.length);
    expect(minFiles(two.out)).toEqual(files);

    const settings: CampaignSettings = {
      runSeed: '5',
      models: ['path-explorer'],
      kernel: false,
      profile: 'mainline',
      quirks: { 'path-explorer': ['seed-global-order'] },
      slots: ['task-ctx', 'prog-global', 'per-cpu'],
      beyond: 0.03,
      join: false,
    };
    const deps = { kernel: { unavailable: 'not asked' }, clock: () => 0 };
    let smaller = 0;
    for (const f of minimized) {
      const m = f.minimized!;
      if (m.status !== 'minimized') throw new Error('narrowed above');
      expect(m.caseFile).toBe(f.caseFile.replace(/\.s$/, '.min.s'));
      expect(files.get(m.caseFile.replace('findings/', ''))).toBe(m.caseText);
      const original = readCase(f.caseText, f.caseFile);
      const small = readCase(m.caseText, m.caseFile);
      expect(small.program.insns.length).toBe(m.insnsAfter);
      expect(original.program.insns.length).toBe(m.insnsBefore);
      expect(m.insnsAfter).toBeLessThanOrEqual(m.insnsBefore);
      if (m.insnsAfter < m.insnsBefore) smaller++;
      expect(m.stop).toBe('fixpoint');
      expect(m.checks).toBeGreaterThan(0);
      expect(small.note).toContain(`signature: ${f.signature}`);
      expect(small.note).toMatch(/minimized: \d+ -> \d+ instructions.*1-minimal/);
      // The predicate run again here, outside the pool: the minimized case still gives the signature.
      const keeps = findingPredicate(f.signature, originOfProvenance(small.provenance), settings, deps);
      expect(await keeps(small.program), f.signature).toBe(true);
      const md = readFileSync(join(one.out, 'report.md'), 'utf8');
      const html = readFileSync(join(one.out, 'report.html'), 'utf8');
      const junit = readFileSync(join(one.out, 'junit.xml'), 'utf8');
      for (const text of [md, html, junit]) expect(text).toContain(m.caseFile);
      expect(one.stdout).toContain(`-> ${m.caseFile} (${m.insnsBefore} -> ${m.insnsAfter} instructions)`);
    }
    expect(smaller).toBeGreaterThan(0);
    // Precision findings are listed, never minimized.
    for (const f of r.findings.filter((f) => f.severity === 'precision')) expect(f.minimized).toBeNull();
  });

  it('--no-minimize: no NAME.min.s, and the report says so', async () => {
    const { out, report } = await campaign('--workers', '2', '--no-minimize');
    expect(minFiles(out).size).toBe(0);
    expect(report.options.minimize).toBeNull();
    for (const f of report.findings) expect(f.minimized).toBeNull();
  });

  it('a live kernel port behind safeKernel never loads a kernelUnsafe candidate', async () => {
    const loaded: string[] = [];
    const port: KernelPort = {
      release: 'test',
      check: (p) => {
        loaded.push(p.funcs[0]!.name);
        return Promise.resolve({ status: 'not-applicable', reason: 'stand-in' });
      },
    };
    const unsafe = parseProgram(
      readFileSync(
        join(import.meta.dirname, '../engines/kernel/fixtures/programs/loop-zero-in-static.s'),
        'utf8',
      ),
    );
    const guarded = safeKernel(port) as KernelPort;
    expect(await guarded.check(unsafe, null)).toMatchObject({
      status: 'not-applicable',
      reason: /^not loaded: /,
    });
    expect(loaded).toEqual([]);
  });
});
