/**
 * One campaign on many machines: 3 shards run as separate processes with one seed and `--max-cases`, merged
 * with `report merge`, find exactly what the unsharded run finds (signatures, first cases, counts) and count
 * the same cases, corpus replay included.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/report/model.js';
import { readReport, spawnThrowfuzz } from './child.js';

const ARGS = [
  '--engines',
  'path-explorer',
  '--max-cases',
  '240',
  '--seed',
  '77',
  '--quirks',
  'seed-global-order',
];

const judged = (r: RunReport) => ({
  cases: r.cases,
  findings: r.findings.map((f) => `${f.signature} @${f.firstCase} x${f.count} ${f.status}`).sort(),
  verdicts: r.verdicts,
  features: r.features,
  strategies: r.strategies,
});

describe('shards', () => {
  it('3 shards merged equal the unsharded run', async () => {
    const root = mkdtempSync(join(tmpdir(), 'throwfuzz-shards-'));
    const dirs = [1, 2, 3].map((i) => join(root, `shard-${i}`));
    const runs = await Promise.all([
      spawnThrowfuzz(['fuzz', ...ARGS, '--workers', '1', '--out', join(root, 'whole')]).done,
      ...dirs.map(
        (dir, i) =>
          spawnThrowfuzz(['fuzz', ...ARGS, '--workers', '1', '--shard', `${i + 1}/3`, '--out', dir]).done,
      ),
    ]);
    // exit 1: the quirk is a new finding; stderr has status lines only
    for (const r of runs) {
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n').filter((l) => l !== '' && !/^throwfuzz: [\d,/]+ cases/.test(l))).toEqual(
        [],
      );
    }
    const merged = await spawnThrowfuzz(['report', 'merge', ...dirs, '--out', join(root, 'merged')]).done;
    expect(merged.stderr).toBe('');
    const whole = readReport(join(root, 'whole'))!;
    const all = readReport(join(root, 'merged'))!;
    expect(whole.findings.length).toBeGreaterThan(1);
    expect(whole.strategies.corpus).toBeGreaterThan(0);
    expect(judged(all)).toEqual(judged(whole));
    expect(all.complete).toBe(true);
    // each shard ran a third of it
    for (const dir of dirs) expect(readReport(dir)!.cases).toBeLessThan(whole.cases / 2);
  });
});
