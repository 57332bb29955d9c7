/** The throwfuzz command line: the only place that parses argv and turns errors into exit codes. */
import { Command, CommanderError } from 'commander';
import { SourceError } from '../bpf/source-error.js';
import { registerCheck } from './check.js';
import { registerCodec } from './codec.js';
import type { CliContext } from './context.js';
import { registerFmt } from './fmt.js';
import { processIo, UsageError, type Io } from './io.js';
import { registerRun } from './run.js';

/** Exit codes: 0 ok, 1 a check failed (e.g. fmt --check), 2 bad input or usage. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const ctx: CliContext = { io, exitCode: 0 };
  const cli = new Command('throwfuzz')
    .description('differential testing and fuzzing of BPF exceptions (bpf_throw)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError();
  registerFmt(cli, ctx);
  registerCodec(cli, ctx);
  registerRun(cli, ctx);
  registerCheck(cli, ctx);
  try {
    await cli.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; commander has already printed its one-line error otherwise.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof SourceError) {
      io.stderr(`${e.format()}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`throwfuzz: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
