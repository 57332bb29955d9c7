/**
 * Faults are findings: a case that hangs, throws outside the engines, ends its worker thread or exhausts its
 * worker's heap (the test-only fault switch, src/fuzz/fault-switch.ts) becomes an engine-fault finding of
 * its own case, and every other case of its batch is still judged.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAULTS_ENV } from '../../src/fuzz/fault-switch.js';
import { readReport, spawnThrowfuzz } from './child.js';

const run = async (faults: string) => {
  const out = mkdtempSync(join(tmpdir(), 'throwfuzz-faults-'));
  const args = ['fuzz', '--engines', 'path-explorer', '--max-cases', '60', '--seed', '42', '--no-replay'];
  const child = spawnThrowfuzz(
    [...args, '--out', out, '--hang-timeout', '2s', '--worker-memory', '64', '--workers', '2'],
    {
      [FAULTS_ENV]: faults,
    },
  );
  const done = await child.done;
  return { done, out, report: readReport(out)! };
};

describe('faults in a campaign', () => {
  it('turns a hang, an exception, a thread exit and an out-of-memory into findings and judges every other case', async () => {
    const clean = await run('');
    const faulty = await run('hang@5,throw@21,exit@22,oom@47');
    expect(clean.done.code).toBe(0);
    expect(faulty.done.code).toBe(1);
    expect(faulty.done.stderr).not.toMatch(/\n\s+at /);
    const faults = faulty.report.findings.filter((f) => f.oracle === 'engine-fault');
    expect(faults.map((f) => [f.firstCase, f.signature, f.status, f.severity])).toEqual([
      [5, 'engine-fault:path-explorer:hang/no-answer-within-n-ms:-', 'new', 'critical'],
      [21, 'engine-fault:path-explorer:crash/injected-fault-at-case-n:-', 'new', 'critical'],
      [22, 'engine-fault:path-explorer:crash/the-worker-thread-ended-exit-code:-', 'new', 'critical'],
      [47, 'engine-fault:path-explorer:crash/the-worker-ran-out-of-memory:-', 'new', 'critical'],
    ]);
    expect(faulty.report).toMatchObject({ cases: 60, complete: true });
    // Every other case was judged: 56 verdicts, and the same findings as the clean run but for faulted cases.
    const verdicts = Object.values(faulty.report.verdicts['path-explorer']!).reduce((a, b) => a + b, 0);
    expect(verdicts).toBe(56);
    const faulted = new Set([5, 21, 22, 47]);
    const rest = (r: typeof clean) =>
      r.report.findings
        .filter((f) => f.oracle !== 'engine-fault' && !faulted.has(f.firstCase))
        .map((f) => `${f.signature} @${f.firstCase}`);
    expect(rest(faulty)).toEqual(rest(clean));
    // Each fault's case file is there, so `throwfuzz check` can look at the program.
    const files = readdirSync(join(faulty.out, 'findings'));
    for (const f of faults) expect(files).toContain(f.caseFile.replace('findings/', ''));
  });
});
