/**
 * Nothing is lost: `kill -9` mid-run leaves a readable report of the batches merged so far; Ctrl-C stops
 * generating, finishes the running batches and writes the final report; a second Ctrl-C ends at once, still
 * with a readable report.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport, spawnThrowfuzz, waitFor } from './child.js';

const start = () => {
  const out = mkdtempSync(join(tmpdir(), 'throwfuzz-signals-'));
  const child = spawnThrowfuzz([
    'fuzz',
    '--engines',
    'path-explorer',
    '--time',
    '120s',
    '--seed',
    '9',
    '--no-replay',
    '--workers',
    '2',
    '--out',
    out,
  ]);
  return { out, child };
};

/** Waits until the run has merged some batches (report.json with cases). */
const running = (out: string) =>
  waitFor('a report with cases', 60_000, () => {
    const r = readReport(out);
    return r !== null && r.cases > 0 ? r : null;
  });

describe('signals', () => {
  it('kill -9 leaves a readable report whose case files all exist', async () => {
    const { out, child } = start();
    await running(out);
    child.process.kill('SIGKILL');
    const done = await child.done;
    expect(done.signal).toBe('SIGKILL');
    const report = readReport(out)!;
    expect(report.complete).toBe(false);
    expect(report.cases).toBeGreaterThan(0);
    for (const f of report.findings) expect(existsSync(join(out, f.caseFile))).toBe(true);
  });

  it('Ctrl-C finishes the running batches and writes the final report', async () => {
    const { out, child } = start();
    const before = await running(out);
    child.process.kill('SIGINT');
    const done = await child.done;
    expect(done.code).toBe(130);
    expect(done.stderr).toContain('stopping: finishing the running batches');
    const report = readReport(out)!;
    expect(report.complete).toBe(false);
    expect(report.cases).toBeGreaterThanOrEqual(before.cases);
    expect(done.stdout).toContain(`${report.cases} cases in`);
    expect(report.elapsedMs).toBeLessThan(110_000);
  });

  it('a second Ctrl-C stops at once, with a readable report', async () => {
    const { out, child } = start();
    await running(out);
    child.process.kill('SIGINT');
    child.process.kill('SIGINT');
    const done = await child.done;
    expect(done.code).toBe(130);
    const report = readReport(out)!;
    expect(report.complete).toBe(false);
    for (const f of report.findings) expect(existsSync(join(out, f.caseFile))).toBe(true);
  });
});
