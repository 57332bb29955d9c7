/** Reading the exported forms back, so tests compare them with the case instruction by instruction. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from '../../src/bpf/codec.js';
import type { Program } from '../../src/bpf/program.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import type { Case } from '../../src/corpus/case.js';
import { readCase } from '../../src/corpus/read.js';

export const root = join(import.meta.dirname, '../..');

export function caseAt(path: string): Case {
  return readCase(readFileSync(join(root, path), 'utf8'), path);
}

/** One function of a selftest: its C head line and the assembly strings of its asm statement. */
export interface AsmFunction {
  readonly name: string;
  readonly linkage: 'static' | 'global' | 'main';
  readonly args: number;
  readonly lines: string[];
  /** The operand list of its asm statement. */
  readonly operands: string[];
}

/** The functions of an exported selftest, in file order. */
export function selftestFunctions(text: string): AsmFunction[] {
  const out: AsmFunction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head =
      /^(static )?long (\w+)\((.*)\)$/.exec(lines[i]!) ?? /^__naked void (\w+)\(void\)$/.exec(lines[i]!);
    if (!head || lines[i + 1] !== '{') continue;
    const isMain = head.length === 2;
    const params = isMain ? 'void' : head[3]!;
    const body: string[] = [];
    const operands: string[] = [];
    let j = i + 3;
    for (; !lines[j]!.startsWith('\t:') && !lines[j]!.startsWith('\t::'); j++) {
      // a raw instruction (`.8byte %[insnN]`) carries its text form in the comment after it
      const raw = /^\t"\.8byte %\[\w+\];"\t\/\* (.*?) \*\//.exec(lines[j]!);
      const m = /^\t"(.*)"/.exec(lines[j]!);
      if (raw) body.push(`${raw[1]!};`);
      else if (m) body.push(m[1]!);
    }
    for (; lines[j] !== '}'; j++)
      for (const [, op] of lines[j]!.matchAll(/(__imm(?:_addr)?\(\w+\)|__imm_insn\(\w+, [^)]*\)\))/g))
        operands.push(op!);
    out.push({
      name: isMain ? head[1]! : head[2]!,
      linkage: isMain ? 'main' : head[1] ? 'static' : 'global',
      args: params === 'void' ? 0 : params.split(',').length,
      lines: body,
      operands,
    });
  }
  return out;
}

/**
 * The selftest's assembly read back as the text form: `%[x]` is x, labels lose `_%=`, `%%` is `%`, memory
 * operands lose the space after the sign. Main first, then the subprograms in the case's order.
 */
export function selftestAsProgram(text: string): Program {
  const fns = selftestFunctions(text);
  const main = fns.find((f) => f.linkage === 'main')!;
  const rest = fns.filter((f) => f.linkage !== 'main');
  const asText = (f: AsmFunction): string[] =>
    f.lines.map((l) =>
      l
        .replace(/;$/, '')
        .replace(/%\[(\w+)\]/g, '$1')
        .replace(/_%=/g, '')
        .replace(/%%/g, '%')
        .replace(/\((r\d+) ([+-]) (\d+)\)/g, '($1 $2$3)'),
    );
  const src = [
    ...asText(main),
    ...rest.flatMap((f) => [`.func ${f.name} ${f.linkage} args=${f.args}`, ...asText(f)]),
  ];
  return parseProgram(src.join('\n') + '\n', 'selftest');
}

/** Bytes of a program with every kfunc id 0 (as the C forms write them). */
export function bytesOf(program: Program): Uint8Array {
  return encode(
    program.insns.map((i) => (i.kind === 'kfunc' ? { ...i, btfId: null } : i)),
    { kfuncId: () => 0 },
  );
}

/** Every instruction kind the model has, in two functions and a callback. */
export const ALL_KINDS = `; every kind of instruction
    r6 = r1
    r1 = 0x112345678 ll
    w2 = -3
    w2 %= 3
    r3 = r2
    r3 s>>= 1
    r3 = -r3
    w3 = -w3
    r4 = *(u32 *)(r6 +4)
    *(u64 *)(r10 -8) = r4
    r5 = *(u64 *)(r10 -8)
    if w5 s< 0xfffffffd goto neg
    if r5 & r4 goto +1
    r5 = 1
    goto pc+0
    r5 = 2
neg:
    r1 = 2
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    call bpf_get_prandom_u32#7
    call helper_fn
    if r0 == 0x0 goto out
    r1 = 7
    call bpf_throw
out:
    r0 = 0
    exit
.func helper_fn global args=1
    r0 = r1
    exit
.func cb static args=2
    r0 = 0
    exit
`;
