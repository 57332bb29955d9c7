import type { Command } from 'commander';
import { decode, encode, fromHex, toHex, type KfuncNames } from '../bpf/codec.js';
import { KFUNC_NAMES } from '../bpf/kernel-functions.js';
import { discoverSubprogStarts, layoutOf } from '../bpf/layout.js';
import { MAX_INSNS, MAX_KERNEL_BTF_BYTES, MAX_RAW_BYTES, MAX_TEXT_BYTES } from '../bpf/limits.js';
import { makeProgram, type FuncDecl } from '../bpf/program.js';
import { printable } from '../bpf/source-error.js';
import { printProgram } from '../bpf/text/print.js';
import { funcIdsByName } from '../engines/kernel/btf-reader.js';
import { VMLINUX_BTF } from '../engines/kernel/index.js';
import type { CliContext } from './context.js';
import { readUserFile, UsageError, type Io } from './io.js';
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
    .description(
      "text form of raw instructions given as hex (or a file of hex or raw bytes); kfunc ids are named from the running kernel's BTF",
    )
    .argument('[hex]', 'instructions as hex (0x prefixes and white space allowed)')
    .option('--file <file>', 'read the instructions from a file instead')
    .action(async (hex: string | undefined, opts: { file?: string }) => {
      if ((hex === undefined) === (opts.file === undefined))
        throw new UsageError('decode takes HEX or --file F');
      let bytes: Uint8Array;
      let source = 'hex';
      if (opts.file !== undefined) {
        source = printable(opts.file);
        const raw = await readUserFile(ctx.io, opts.file);
        const text = raw.toString('latin1');
        bytes = /^[0-9a-fA-FxX\s]*$/.test(text) ? hexOrFail(text, source) : new Uint8Array(raw);
      } else {
        if (hex!.length > MAX_TEXT_BYTES)
          throw new UsageError(`hex: larger than ${MAX_TEXT_BYTES} bytes (the limit for a text file)`);
        bytes = hexOrFail(hex!, source);
      }
      // bpf_prog_load takes at most BPF_COMPLEXITY_LIMIT_INSNS slots.
      if (bytes.length > MAX_RAW_BYTES)
        throw new UsageError(
          `${source}: larger than ${MAX_RAW_BYTES} bytes (${MAX_INSNS} instructions, twice the kernel's limit)`,
        );
      const insns = await decodeWithKernelNames(ctx.io, bytes, source);
      if (insns.length === 0) throw new UsageError(`${source}: no instructions`);
      ctx.io.stdout(printProgram(makeProgram(insns, discoveredFuncs(insns))));
    });
}

/**
 * Decode, naming kfunc ids that are not the model's from the running kernel's BTF. The BTF is read only
 * when the instructions carry such an id; without it (or with one it does not name) a call prints
 * `call kfunc#N`.
 */
async function decodeWithKernelNames(
  io: Io,
  bytes: Uint8Array,
  source: string,
): Promise<ReturnType<typeof decode>> {
  const attempt = (kfuncName: KfuncNames): ReturnType<typeof decode> => {
    try {
      return decode(bytes, { kfuncName });
    } catch (e) {
      throw new UsageError(`${source}: ${(e as Error).message}`);
    }
  };
  let foreign = false;
  const first = attempt(() => {
    foreign = true;
    return undefined;
  });
  return foreign ? attempt(await kernelKfuncNames(io)) : first;
}

const kernelNames = new WeakMap<Io, Promise<KfuncNames>>();

/** The modelled kfuncs' ids in this kernel's BTF, read once per Io; no names when it cannot be read. */
function kernelKfuncNames(io: Io): Promise<KfuncNames> {
  let names = kernelNames.get(io);
  if (names === undefined) {
    names = readKernelKfuncNames(io);
    kernelNames.set(io, names);
  }
  return names;
}

async function readKernelKfuncNames(io: Io): Promise<KfuncNames> {
  try {
    const btf = await io.readFile(VMLINUX_BTF, MAX_KERNEL_BTF_BYTES);
    if (btf.length > MAX_KERNEL_BTF_BYTES) return () => undefined;
    const byId = new Map([...funcIdsByName(btf, KFUNC_NAMES)].map(([name, id]) => [id, name]));
    return (id) => byId.get(id);
  } catch {
    // No BTF (not Linux, no CONFIG_DEBUG_INFO_BTF) or a blob the reader refuses: ids stay numbers.
    return () => undefined;
  }
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
