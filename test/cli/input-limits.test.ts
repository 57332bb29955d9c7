/**
 * Input the CLI must refuse or read with care: endless and huge files (a bounded reader, stated limits), hex
 * with a 0x prefix, and raw instructions that carry the running kernel's kfunc ids.
 */
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INSNS, MAX_RAW_BYTES, MAX_TEXT_BYTES } from '../../src/bpf/limits.js';
import { readFileBounded, writeFileAtomic, type Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { funcIdsByName } from '../../src/engines/kernel/btf-reader.js';
import { VMLINUX_BTF } from '../../src/engines/kernel/index.js';
import { runCli, type CliRun } from './helpers.js';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'throwfuzz-limits-'));
const textLimit = `larger than ${MAX_TEXT_BYTES} bytes (the limit for a text file)`;
const rawLimit = `larger than ${MAX_RAW_BYTES} bytes (${MAX_INSNS} instructions, twice the kernel's limit)`;

describe('files that never end or are too large', () => {
  it('fmt /dev/zero: one line, exit 2', async () => {
    expect(existsSync('/dev/zero')).toBe(true);
    expect(await runCli('fmt', '/dev/zero')).toEqual({
      code: 2,
      stdout: '',
      stderr: `throwfuzz: /dev/zero: ${textLimit}\n`,
    });
  });

  it('decode --file /dev/zero: one line, exit 2', async () => {
    expect(await runCli('decode', '--file', '/dev/zero')).toEqual({
      code: 2,
      stdout: '',
      stderr: `throwfuzz: /dev/zero: ${textLimit}\n`,
    });
  });

  it('a text file one byte over the limit (sparse, so it costs no disk)', async () => {
    const file = join(scratch(), 'big.s');
    writeFileSync(file, '');
    truncateSync(file, MAX_TEXT_BYTES + 1);
    for (const command of [['fmt'], ['encode'], ['check', '--engine', 'path-explorer']]) {
      expect(await runCli(...command, file)).toEqual({
        code: 2,
        stdout: '',
        stderr: `throwfuzz: ${file}: ${textLimit}\n`,
      });
    }
  });

  it('raw instructions: exactly the limit decodes, one slot more is refused', async () => {
    const dir = scratch();
    const mov = Buffer.from('b700000000000000', 'hex');
    const exit = Buffer.from('9500000000000000', 'hex');
    const atLimit = Buffer.concat([...Array<Buffer>(MAX_INSNS - 1).fill(mov), exit]);
    writeFileSync(join(dir, 'ok.bin'), atLimit);
    const ok = await runCli('decode', '--file', join(dir, 'ok.bin'));
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\n')).toHaveLength(MAX_INSNS + 1);

    writeFileSync(join(dir, 'big.bin'), Buffer.concat([mov, atLimit]));
    expect(await runCli('decode', '--file', join(dir, 'big.bin'))).toEqual({
      code: 2,
      stdout: '',
      stderr: `throwfuzz: ${join(dir, 'big.bin')}: ${rawLimit}\n`,
    });
  });

  it('hex that decodes to more than the limit, from a file or the command line', async () => {
    const hex = 'b700000000000000'.repeat(MAX_INSNS + 1);
    const file = join(scratch(), 'big.hex');
    writeFileSync(file, hex);
    expect(await runCli('decode', '--file', file)).toEqual({
      code: 2,
      stdout: '',
      stderr: `throwfuzz: ${file}: ${rawLimit}\n`,
    });
    expect(await runCli('decode', hex)).toEqual({
      code: 2,
      stdout: '',
      stderr: `throwfuzz: hex: ${rawLimit}\n`,
    });
  });

  it('the bounded reader stops one byte past the limit', async () => {
    expect((await readFileBounded('/dev/zero', 1000)).length).toBe(1001);
    const file = join(scratch(), 'small');
    writeFileSync(file, 'abc');
    expect((await readFileBounded(file, 1000)).toString()).toBe('abc');
  });
});

describe('decode: hex as people paste it', () => {
  it('takes a 0x prefix and white space', async () => {
    const want = { code: 0, stdout: '    r0 = 5\n    exit\n', stderr: '' };
    expect(await runCli('decode', '0xb700000005000000 0x9500000000000000')).toEqual(want);
    expect(await runCli('decode', '  0xb7000000050000009500000000000000\n')).toEqual(want);
    const file = join(scratch(), 'p.hex');
    writeFileSync(file, '0xb700000005000000\n0x9500000000000000\n');
    expect(await runCli('decode', '--file', file)).toEqual(want);
  });
});

/** A BTF blob with the given FUNC names at ids 2, 3, ... (id 1 is a pointer, as real blobs start). */
function btfWithFuncs(names: readonly string[]): Buffer {
  const strings = Buffer.from(`\0${names.join('\0')}\0`, 'latin1');
  const types = Buffer.alloc(12 * (names.length + 1));
  types.writeUInt32LE(2 << 24, 4); // id 1: PTR to void
  let nameOff = 1;
  names.forEach((name, i) => {
    const at = 12 * (i + 1);
    types.writeUInt32LE(nameOff, at);
    types.writeUInt32LE(12 << 24, at + 4); // FUNC, static linkage
    types.writeUInt32LE(1, at + 8);
    nameOff += name.length + 1;
  });
  const header = Buffer.alloc(24);
  header.writeUInt16LE(0xeb9f, 0);
  header.writeUInt8(1, 2);
  header.writeUInt32LE(24, 4);
  header.writeUInt32LE(0, 8);
  header.writeUInt32LE(types.length, 12);
  header.writeUInt32LE(types.length, 16);
  header.writeUInt32LE(strings.length, 20);
  return Buffer.concat([header, types, strings]);
}

/** Run the CLI with the kernel's BTF replaced by `btf` (null: no such file). */
async function withKernelBtf(btf: Buffer | null, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: async (p, max) => {
      if (p !== VMLINUX_BTF) return readFileBounded(p, max);
      if (btf === null) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return btf;
    },
    writeFile: writeFileAtomic,
    isTty: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe("decode: kfunc ids of the running kernel's BTF", () => {
  const call = (id: number): string => `85200000${Buffer.from(Int32Array.of(id).buffer).toString('hex')}`;
  const exit = '9500000000000000';

  it('resolves ids of modelled kfuncs by name and keeps the id', async () => {
    const btf = btfWithFuncs(['bpf_other', 'bpf_throw']);
    expect(await withKernelBtf(btf, 'decode', call(3) + exit)).toEqual({
      code: 0,
      stdout: '    call bpf_throw#3\n    exit\n',
      stderr: '',
    });
  });

  it('prints an id it cannot name as kfunc#N (an unmodelled kfunc, no BTF, or broken BTF)', async () => {
    const want = { code: 0, stdout: '    call kfunc#2\n    exit\n', stderr: '' };
    expect(await withKernelBtf(btfWithFuncs(['bpf_other', 'bpf_throw']), 'decode', call(2) + exit)).toEqual(
      want,
    );
    expect(await withKernelBtf(null, 'decode', call(2) + exit)).toEqual(want);
    expect(await withKernelBtf(Buffer.from('not btf'), 'decode', call(2) + exit)).toEqual(want);
  });

  it('round-trips this machine: encode bpf_throw with the kernel id, decode, encode again', async () => {
    const ids = existsSync(VMLINUX_BTF)
      ? funcIdsByName(readFileSync(VMLINUX_BTF), ['bpf_throw'])
      : new Map<string, number>();
    const kernelId = ids.get('bpf_throw');
    const dir = scratch();
    // 66008 is bpf_throw on some other kernel; here it is whatever this kernel's BTF says (or nothing).
    for (const id of [kernelId ?? 65979, 66008]) {
      const src = join(dir, `k${id}.s`);
      writeFileSync(src, `    call bpf_throw#${id}\n    exit\n`);
      const hex = (await runCli('encode', src)).stdout.trim();
      expect(hex).toBe(call(id) + exit);
      const decoded = await runCli('decode', hex);
      expect(decoded.code).toBe(0);
      const named = id === kernelId ? `bpf_throw#${id}` : `kfunc#${id}`;
      expect(decoded.stdout).toBe(`    call ${named}\n    exit\n`);
      const back = join(dir, `back${id}.s`);
      writeFileSync(back, decoded.stdout);
      expect((await runCli('encode', back)).stdout.trim()).toBe(hex);
    }
  });
});
