/** The installed bin: write errors, --version, help. */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/throwfuzz.js');
const example = join(root, 'corpus/examples/throw-in-static.s');

describe('writing the output', () => {
  it('a full disk is one line and exit 2, no stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [bin, 'fmt', example], {
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('throwfuzz: cannot write output: ENOSPC\n');
      expect(run.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  it('a closed pipe ends the output quietly', () => {
    // `| head -c 1`: the reader goes away after one byte of a long output
    const run = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${bin}" fmt ${example} ${example} ${example} | head -c 1`],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('--version and help', () => {
  it('--version prints the version in package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(await runCli('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('check --help names the default engine', async () => {
    const help = await runCli('check', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('default: kernel)');
  });
});

describe('argv echoed in a usage error', () => {
  it('is escaped: an engine name or an --input value with control bytes stays one printable line', async () => {
    const engine = await runCli(
      'check',
      join(root, 'corpus/examples/throw-in-main.s'),
      '--engine',
      'k\x1b[2J\x00',
    );
    expect(engine.code).toBe(2);
    expect(engine.stderr).toBe(
      "throwfuzz: unknown engine 'k\\x1b[2J\\x00' (engines: kernel, path-explorer, abstract-interpreter)\n",
    );
    const input = await runCli('run', join(root, 'corpus/examples/throw-in-main.s'), '--input', 'ctx\x07');
    expect(input).toEqual({ code: 2, stdout: '', stderr: 'throwfuzz: --input ctx\\x07: expected ctx=HEX\n' });
  });
});
