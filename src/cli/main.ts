/** The throwfuzz command line: the only place that parses argv and turns errors into exit codes. */
import { Command, CommanderError } from 'commander';
import { registerCheck } from './check.js';
import { registerCodec } from './codec.js';
import { registerCorpus } from './corpus-add.js';
import { registerExport } from './export.js';
import type { CliContext } from './context.js';
import { registerFmt } from './fmt.js';
import { registerGen } from './gen.js';
import { registerFuzz } from './fuzz.js';
import { registerMinimize } from './minimize.js';
import { registerReport } from './report.js';
import { registerReplay } from './replay.js';
import { registerTriage } from './triage.js';
import { processIo, type Io } from './io.js';
import { registerRewrite } from './rewrite.js';
import { registerRun } from './run.js';
import { userErrorLine } from './user-error.js';
import { packageVersion } from './version.js';

/**
 * Exit codes: 0 ok, 1 a check failed (fmt --check, engines differ, an engine fault), 2 bad input or usage
 * (or an engine that was asked for is unavailable). A command that takes several files goes through all
 * of them and exits with the worst code.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const ctx: CliContext = { io, exitCode: 0 };
  const cli = new Command('throwfuzz')
    .description('differential testing and fuzzing of BPF exceptions (bpf_throw)')
    .version(packageVersion(), '-V, --version', 'print the version of throwfuzz')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError();
  registerFmt(cli, ctx);
  registerCodec(cli, ctx);
  registerRun(cli, ctx);
  registerCheck(cli, ctx);
  registerRewrite(cli, ctx);
  registerGen(cli, ctx);
  registerFuzz(cli, ctx);
  registerMinimize(cli, ctx);
  registerReport(cli, ctx);
  registerReplay(cli, ctx);
  registerTriage(cli, ctx);
  registerExport(cli, ctx);
  registerCorpus(cli, ctx);
  try {
    await cli.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; commander has already printed its one-line error otherwise.
      return e.exitCode === 0 ? 0 : 2;
    }
    const line = userErrorLine(e);
    if (line === null) throw e;
    io.stderr(`${line}\n`);
    return 2;
  }
}
