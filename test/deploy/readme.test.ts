/** The README's "Running a campaign on many machines" commands use only what throwfuzz has, and point to files that exist. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invocationsIn, unknownUsage } from './shell.js';

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const start = readme.indexOf('### Running a campaign on many machines');
const section = readme.slice(start, readme.indexOf('\n## ', start));

describe('README: running a campaign on many machines', () => {
  it('shows sharded fuzz runs and their merge with commands and options that exist', async () => {
    expect(start).toBeGreaterThan(0);
    const calls = invocationsIn(section);
    expect(calls.map((c) => c.command)).toEqual(['fuzz', 'fuzz', 'report merge']);
    expect(await unknownUsage(calls)).toEqual([]);
  });

  it('points to the workflow, the Kubernetes set-up and the Dockerfile', () => {
    for (const path of [
      '.github/workflows/nightly.yml',
      'deploy/kubernetes/README.md',
      'deploy/Dockerfile',
    ]) {
      expect(section).toContain(`(${path})`);
      expect(existsSync(join(root, path)), path).toBe(true);
    }
    expect(section).toContain('kubectl apply -k deploy/kubernetes');
    expect(section).toContain('docker build -f deploy/Dockerfile');
  });
});
