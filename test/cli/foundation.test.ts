import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const root = join(import.meta.dirname, '../..');
const examples = readdirSync(join(root, 'corpus/examples'))
  .filter((f) => f.endsWith('.s'))
  .map((f) => join(root, 'corpus/examples', f));
const scratch = (): string => mkdtempSync(join(tmpdir(), 'throwfuzz-'));

describe('throwfuzz fmt', () => {
  it('leaves every committed corpus program as it is (they are canonical)', async () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const corpus = readdirSync(join(root, 'corpus'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.s'))
      .map((f) => join(root, 'corpus', f));
    expect(corpus.length).toBeGreaterThan(100);
    const run = await runCli('fmt', '--check', ...corpus);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('prints canonical text, and --check fails (exit 1) on text that is not', async () => {
    const file = join(scratch(), 'a.s');
    writeFileSync(file, 'r0=0 ; zero\n  if r0 == 0 goto +0\nexit\n');
    const printed = await runCli('fmt', file);
    expect(printed).toEqual({
      code: 0,
      stdout: '    r0 = 0 ; zero\n    if r0 == 0x0 goto pc+0\n    exit\n',
      stderr: '',
    });
    expect(await runCli('fmt', '--check', file)).toEqual({
      code: 1,
      stdout: `${file}: not canonical\n`,
      stderr: '',
    });
    expect((await runCli('fmt', '--write', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
    expect((await runCli('fmt', '--check', file)).code).toBe(0);
  });
});

describe('throwfuzz encode / decode', () => {
  for (const file of examples) {
    it(`decode(encode(${file.split('/').pop()})) gives the same instructions`, async () => {
      const hex = (await runCli('encode', file)).stdout.trim();
      expect(hex).toMatch(/^([0-9a-f]{16})+$/);
      const decoded = await runCli('decode', hex);
      expect(decoded.code).toBe(0);
      const again = await runCli('encode', writeTemp(decoded.stdout));
      expect(again.stdout.trim()).toBe(hex);
    });
  }

  it('decodes from a file of hex or of raw bytes', async () => {
    const hex = 'b700000005000000' + '9500000000000000';
    const dir = scratch();
    writeFileSync(join(dir, 'p.hex'), `${hex}\n`);
    writeFileSync(join(dir, 'p.bin'), Buffer.from(hex, 'hex'));
    const want = { code: 0, stdout: '    r0 = 5\n    exit\n', stderr: '' };
    expect(await runCli('decode', '--file', join(dir, 'p.hex'))).toEqual(want);
    expect(await runCli('decode', '--file', join(dir, 'p.bin'))).toEqual(want);
  });

  it('names the subprograms it discovers', async () => {
    // call pc+1; exit; r0 = 0; exit
    const run = await runCli(
      'decode',
      '8510000001000000950000000000000' + '0b7000000000000009500000000000000',
    );
    expect(run.stdout).toBe('    call func2\n    exit\n.func func2 static\n    r0 = 0\n    exit\n');
  });
});

function writeTemp(text: string): string {
  const file = join(scratch(), 't.s');
  writeFileSync(file, text);
  return file;
}

describe('bad input: one line, exit 2, for each command', () => {
  const bad = (): string => writeTemp('r0 = 0\nfrob\nexit\n');
  it('fmt', async () => {
    const f = bad();
    expect(await runCli('fmt', f)).toEqual({
      code: 2,
      stdout: '',
      stderr: `${f}:2:1: unknown instruction 'frob'\n`,
    });
  });
  it('encode', async () => {
    const f = bad();
    expect(await runCli('encode', f)).toEqual({
      code: 2,
      stdout: '',
      stderr: `${f}:2:1: unknown instruction 'frob'\n`,
    });
  });
  it('decode: bad hex', async () => {
    expect(await runCli('decode', 'b70z')).toEqual({
      code: 2,
      stdout: '',
      stderr: "throwfuzz: hex: invalid hex digit 'z' at position 4\n",
    });
  });
  it('decode: not whole instructions', async () => {
    const run = await runCli('decode', 'b700');
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'throwfuzz: hex: length 2 is not a multiple of 8 bytes\n',
    });
  });
  it('decode: an instruction outside the model', async () => {
    const run = await runCli('decode', 'd700000010000000');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('throwfuzz: hex: insn 0 (code 0xd7): unsupported ALU operation\n');
  });
  it('a missing file', async () => {
    expect(await runCli('fmt', '/nonexistent/x.s')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'throwfuzz: /nonexistent/x.s: no such file\n',
    });
  });
  it('an unknown option or command', async () => {
    const opt = await runCli('fmt', '--frob', 'x.s');
    expect(opt.code).toBe(2);
    expect(opt.stderr.trim().split('\n')).toHaveLength(1);
    expect((await runCli('frobnicate')).code).toBe(2);
  });
});

describe('the installed bin', () => {
  it('runs from dist/ (built by npm ci / npm test) and exits 2 on bad input', () => {
    const bin = join(root, 'bin/throwfuzz.js');
    const ok = execFileSync(process.execPath, [bin, 'fmt', examples[0]!], { encoding: 'utf8' });
    expect(ok).toBe(readFileSync(examples[0]!, 'utf8'));
    const bad = spawnSync(process.execPath, [bin, 'decode', 'zz'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("throwfuzz: hex: invalid hex digit 'z' at position 1\n");
  });
});
