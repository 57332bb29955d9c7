import type { Command } from 'commander';
import { decode, encode, fromHex, toHex } from '../bpf/codec.js';
import { discoverSubprogStarts, layoutOf } from '../bpf/layout.js';
import { makeProgram, type FuncDecl } from '../bpf/program.js';
import { printProgram } from '../bpf/text/print.js';
import type { CliContext } from './context.js';
import { readUserFile, UsageError } from './io.js';
import { readProgram } from './program-file.js';

export function registerCodec(cli: Command, ctx: CliContext): void {
  cli
    .command('encode')
    .description(
      "hex of a program's raw instructions (kernel format; kfuncs without an id get the model's ids)",
    )
    .argument('<file>', 'program file (.s)')
    .action(async (file: string) => {
      const { program } = await readProgram(ctx.io, file);
      ctx.io.stdout(`${toHex(encode(program.insns))}\n`);
    });

  cli
    .command('decode')
    .description('text form of raw instructions given as hex (or a file of hex or raw bytes)')
    .argument('[hex]', 'instructions as hex')
    .option('--file <file>', 'read the instructions from a file instead')
    .action(async (hex: string | undefined, opts: { file?: string }) => {
      if ((hex === undefined) === (opts.file === undefined))
        throw new UsageError('decode takes HEX or --file F');
      let bytes: Uint8Array;
      let source = 'hex';
      if (opts.file !== undefined) {
        source = opts.file;
        const raw = await readUserFile(ctx.io, opts.file);
        const text = raw.toString('latin1');
        bytes = /^[0-9a-fA-F\s]*$/.test(text) ? hexOrFail(text, source) : new Uint8Array(raw);
      } else bytes = hexOrFail(hex!, source);
      let insns;
      try {
        insns = decode(bytes);
      } catch (e) {
        throw new UsageError(`${source}: ${(e as Error).message}`);
      }
      if (insns.length === 0) throw new UsageError(`${source}: no instructions`);
      ctx.io.stdout(printProgram(makeProgram(insns, discoveredFuncs(insns))));
    });
}

function hexOrFail(text: string, source: string): Uint8Array {
  try {
    return fromHex(text);
  } catch (e) {
    throw new UsageError(`${source}: ${(e as Error).message}`);
  }
}

/** Raw instructions carry no func_info: name every subprogram the kernel would discover (func#N). */
function discoveredFuncs(insns: Parameters<typeof layoutOf>[0]): FuncDecl[] {
  const { insnAt } = layoutOf(insns);
  return discoverSubprogStarts(insns)
    .filter((pc) => pc >= 0 && (insnAt[pc] ?? -1) >= 0)
    .map((pc) => ({ name: pc === 0 ? 'main' : `func${pc}`, insn: insnAt[pc]!, linkage: 'static', args: 0 }));
}
