/** Item 1 of the hardening issue: nothing in the CLI recurses or spreads per instruction. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const N = 80_000;

describe('a straight-line program of 80,000 instructions', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'throwfuzz-')), 'big.s');
  writeFileSync(file, `${'    r0 = 0\n'.repeat(N)}    exit\n`);

  it('check --engine path-explorer: text, --json and --rewrite all answer', async () => {
    const text = await runCli('check', file, '--engine', 'path-explorer');
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout).toContain(`path-explorer: accepted (${N + 1} insns processed, mainline)`);
    // The default text is the verdict and the facts, not the listing.
    expect(text.stdout.split('\n').length).toBeLessThan(20);

    const json = await runCli('check', file, '--engine', 'path-explorer', '--json');
    expect(json.code).toBe(0);
    const [entry] = JSON.parse(json.stdout) as [{ engines: { 'path-explorer': { accepted: boolean } } }];
    expect(entry.engines['path-explorer'].accepted).toBe(true);

    const full = await runCli('check', file, '--engine', 'path-explorer', '--rewrite');
    expect(full.code).toBe(0);
    // listing and rewrite: a line per instruction each
    expect(full.stdout.split('\n').length).toBeGreaterThan(2 * N);
  });

  it('fmt and rewrite print it', async () => {
    const fmt = await runCli('fmt', file);
    expect(fmt.code).toBe(0);
    expect(fmt.stdout.split('\n')).toHaveLength(N + 2);
    const rewrite = await runCli('rewrite', file);
    expect(rewrite.code).toBe(0);
    expect(rewrite.stdout).toBe(fmt.stdout);
  });
});
