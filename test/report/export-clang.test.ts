/**
 * The exported selftest form compiles with clang (`--target=bpf -O2`, as the selftests build) against a
 * minimal header set of our own (fixtures/selftest-headers), and clang lays out the same instructions as
 * the case, slot for slot (relocated fields aside: libbpf fills them). Skipped, with the reason printed,
 * where there is no clang. Nothing here is loaded into the kernel.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { bareCase, type Case } from '../../src/corpus/case.js';
import { exportSelftest } from '../../src/report/export-selftest.js';
import { ALL_KINDS, bytesOf, caseAt, root } from './export-helpers.js';

const headers = join(root, 'test/report/fixtures/selftest-headers');

function tool(name: string): string | null {
  const r = spawnSync(name, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? name : null;
}
const clang = tool('clang');
const objdump = tool('llvm-objdump');
const skipReason =
  clang === null
    ? 'clang not found (apt-get install clang)'
    : objdump === null
      ? 'llvm-objdump not found (apt-get install llvm)'
      : null;
if (skipReason !== null) console.log(`[export-clang] skipped: ${skipReason}`);

const dir = mkdtempSync(join(tmpdir(), 'throwfuzz-export-'));
// A raw instruction's macros come from "../../../include/linux/filter.h", found through an include
// directory three levels down, as the selftests find tools/include from tools/testing/selftests/bpf.
const deep = join(dir, 'a/b/c');
mkdirSync(deep, { recursive: true });
mkdirSync(join(dir, 'include/linux'), { recursive: true });
copyFileSync(join(headers, 'include/linux/filter.h'), join(dir, 'include/linux/filter.h'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A slot of the object: its bytes and whether a relocation (libbpf's to resolve) points at it. */
interface ObjSlot {
  readonly bytes: number[];
  readonly relocated: boolean;
}

/** Compile a selftest; the slots of each function (llvm-objdump -d -r), labels folded into their function. */
function compile(
  name: string,
  text: string,
  functions: ReadonlySet<string> = new Set(),
): Map<string, ObjSlot[]> {
  const src = join(dir, `${name}.c`);
  const obj = join(dir, `${name}.o`);
  writeFileSync(src, text);
  const args = [
    '--target=bpf',
    '-O2',
    '-g',
    '-mcpu=v3',
    '-nostdinc',
    '-I',
    headers,
    '-I',
    deep,
    '-c',
    src,
    '-o',
    obj,
  ];
  execFileSync(clang!, args);
  const dump = execFileSync(objdump!, ['-d', '-r', obj], { encoding: 'utf8' });
  // slots by section and index in the section (objdump numbers slots per section, relocations by byte offset)
  const bySection = new Map<string, { fn: string; bytes: number[] }[]>();
  const relocs = new Set<string>();
  let section = '';
  let fn = '';
  for (const line of dump.split('\n')) {
    const sec = /^Disassembly of section (\S+):$/.exec(line);
    if (sec) section = sec[1]!;
    const sym = /^[0-9a-f]+ <(\w+)>:$/.exec(line);
    // a label of the assembly is a symbol too: only a function's name starts a new function
    if (sym && functions.has(sym[1]!)) fn = sym[1]!;
    const insn = /^\s+(\d+):\t([0-9a-f]{2}(?: [0-9a-f]{2})*)/.exec(line);
    if (insn) {
      const bytes = insn[2]!.split(' ').map((b) => parseInt(b, 16));
      const list = bySection.get(section) ?? [];
      for (let k = 0; k < bytes.length; k += 8) list.push({ fn, bytes: bytes.slice(k, k + 8) });
      bySection.set(section, list);
    }
    const reloc = /^\s+([0-9a-f]+):\s+R_BPF/.exec(line);
    if (reloc) relocs.add(`${section}:${parseInt(reloc[1]!, 16) / 8}`);
  }
  const fns = new Map<string, ObjSlot[]>();
  for (const [sec, list] of bySection)
    list.forEach(({ fn: f, bytes }, k) => {
      const slots = fns.get(f) ?? [];
      // the second slot of a relocated ld_imm64 is libbpf's too
      slots.push({ bytes, relocated: relocs.has(`${sec}:${k}`) || relocs.has(`${sec}:${k - 1}`) });
      fns.set(f, slots);
    });
  return fns;
}

const CASES: readonly [string, () => Case][] = [
  [
    'callback, static call, kfunc throw, label',
    () => caseAt('corpus/kernel/throw-in-callback-also-called-directly.s'),
  ],
  ['bpf_loop with a callback', () => caseAt('corpus/kernel/loop-callback-count.s')],
  ['a global subprogram', () => caseAt('corpus/kernel/global-pointer-arg.s')],
  ['cpumask kfuncs', () => caseAt('corpus/kernel/double-release.s')],
  ['throw in a static subprogram, ctx read', () => caseAt('corpus/examples/throw-in-static.s')],
  [
    'kernel defect: ctx pointer as count',
    () => caseAt('test/engines/kernel/fixtures/programs/loop-ctx-as-count.s'),
  ],
  [
    'kernel defect: count 0 in a static subprogram',
    () => caseAt('test/engines/kernel/fixtures/programs/loop-zero-in-static.s'),
  ],
  ['every instruction kind', () => bareCase(parseProgram(ALL_KINDS, 'all-kinds.s'))],
];

describe.skipIf(skipReason)('the selftest form built by clang', () => {
  it.each(CASES)('%s: compiles, and clang emits the case instruction for instruction', (_, make) => {
    const c = make();
    const text = exportSelftest(c, { name: 'prog', source: 'prog.s' });
    // main's section first, then the subprograms in the case's order: the case's slots, in sequence
    const names = ['prog', ...c.program.funcs.slice(1).map((f) => f.name)];
    const fns = compile('prog', text, new Set(names));
    const slots = names.flatMap((n) => (fns.get(n) ?? []).map((slot, k) => ({ n, k, ...slot })));
    const want = bytesOf(c.program);
    expect(slots.length).toBe(want.length / 8);
    slots.forEach(({ n, k, bytes, relocated }, s) => {
      const exp = [...want.slice(s * 8, s * 8 + 8)];
      // opcode and destination register always; a relocated slot's src_reg and imm are libbpf's to fill
      expect([bytes[0], bytes[1]! & 0xf], `${n}+${k}`).toEqual([exp[0], exp[1]! & 0xf]);
      if (!relocated) expect(bytes, `${n}+${k}`).toEqual(exp);
    });
  });

  it('the annotations are BTF declaration tags in the object', () => {
    const text = exportSelftest(caseAt('corpus/kernel/loop-callback-count.s'), {
      name: 'tags',
      source: 'tags.s',
    });
    compile('tags', text, new Set(['tags']));
    const strings = readFileSync(join(dir, 'tags.o')).toString('latin1');
    for (const tag of [
      'comment:test_expect_success',
      'comment:test_retval=4',
      'comment:test_prog_flags=BPF_F_SLEEPABLE',
    ])
      expect(strings).toContain(tag);
  });
});
