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
      const m = /^\t"(.*)"/.exec(lines[j]!);
      if (m) body.push(m[1]!);
    }
    for (; lines[j] !== '}'; j++)
      for (const [, op] of lines[j]!.matchAll(/(__imm(?:_addr)?\(\w+\))/g)) operands.push(op!);
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
