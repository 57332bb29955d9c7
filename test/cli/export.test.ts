/** `throwfuzz export`: the forms on stdout or --out, and one line with exit code 2 for bad input. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'throwfuzz-export-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const root = join(import.meta.dirname, '../..');
const example = join(root, 'corpus/kernel/loop-callback-count.s');

describe('throwfuzz export', () => {
  it('prints each form on stdout, the selftest by default', async () => {
    const def = await runCli('export', example);
    expect(def).toMatchObject({ code: 0, stderr: '' });
    expect(def.stdout).toContain('SEC("syscall")');
    expect(def.stdout).toContain('__naked void loop_callback_count(void)');
    expect((await runCli('export', example, '--format', 'selftest')).stdout).toBe(def.stdout);
    expect((await runCli('export', example, '--format', 'test_verifier')).stdout).toContain(
      '.result = ACCEPT,',
    );
    expect((await runCli('export', example, '--format', 'c-array')).stdout).toContain(
      'static const struct bpf_insn loop_callback_count[] = {',
    );
  });

  it('--out writes the same text to a file and prints nothing', async () => {
    const out = join(dir, 'out.c');
    const r = await runCli('export', example, '--out', out);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toBe((await runCli('export', example)).stdout);
  });

  it('bad input is one line on stderr and exit code 2', async () => {
    const bad = join(dir, 'bad.s');
    writeFileSync(bad, '    r0 = 0\n    r0 +== 1\n    exit\n');
    const rewriteOnly = join(dir, 'rewrite-only.s');
    writeFileSync(rewriteOnly, '    call bpf_get_exception\n    exit\n');
    const cases: [string[], RegExp][] = [
      [['export', join(dir, 'missing.s')], /^throwfuzz: .*missing\.s: no such file\n$/],
      [['export', bad], /^.*bad\.s:2:\d+: .+\n$/],
      [
        ['export', example, '--format', 'llvm'],
        /^throwfuzz: unknown format 'llvm' \(formats: selftest, test_verifier, c-array\)\n$/,
      ],
      [
        ['export', rewriteOnly],
        /^throwfuzz: .*rewrite-only\.s: cannot be written as a selftest: insn 0 calls bpf_get_exception, which only the model's rewrites have\n$/,
      ],
      [
        ['export', join(root, 'corpus/kernel/func-info-mismatch.s'), '--format', 'c-array'],
        /^throwfuzz: .*func-info-mismatch\.s: cannot be written as a C array: .+\n$/,
      ],
      [
        ['export', example, '--out', join(dir, 'no/such/dir/x.c')],
        /^throwfuzz: cannot write .*x\.c: ENOENT\n$/,
      ],
    ];
    for (const [argv, line] of cases) {
      const r = await runCli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout, argv.join(' ')).toBe('');
      expect(r.stderr, argv.join(' ')).toMatch(line);
    }
  });
});
