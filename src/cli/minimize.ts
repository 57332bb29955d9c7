/**
 * `throwfuzz minimize FILE`: a finding's case file made small. Runs the campaign's pipeline on FILE (the
 * engines, profile and quirks recorded in its `; case options`, or given here), keeps the signature of its
 * first finding (or --signature), and reduces the program (src/minimize) while the pipeline, run again on
 * each candidate, still gives that signature. Effects here: the file, the kernel session, the clock, the
 * progress line, the atomic write.
 */
import { Option, type Command } from 'commander';
import { PROFILES } from '../bpf/profile.js';
import { printCase } from '../corpus/write.js';
import { MODEL_ENGINES } from '../engines/index.js';
import { SLOT_MODELS } from '../runtime/index.js';
import type { CliContext } from './context.js';
import { parseDuration } from './fuzz-options.js';
import {
  judgeSettings,
  minimizedCase,
  openJudgeKernel,
  reducedLine,
  reduceFinding,
  type JudgeOptions,
} from './minimize-run.js';
import { readProgram } from './program-file.js';

interface MinimizeCliOptions extends JudgeOptions {
  out?: string;
  signature?: string;
  time: number;
}

export function registerMinimize(cli: Command, ctx: CliContext): void {
  cli
    .command('minimize')
    .description("make a finding's case file small: the fewest instructions that still give its signature")
    .argument('<file>', 'a case file (a campaign finding) or any program file')
    .option('--out <file>', 'write the minimized case file here (atomically) instead of to stdout')
    .option('--signature <signature>', "the finding to keep (default: the file's first finding)")
    .addOption(
      new Option(
        '--time <duration>',
        'stop reducing after this long (the result is smaller, maybe not minimal)',
      )
        .argParser(parseDuration)
        .default(60_000, '60s'),
    )
    .option(
      '--engines <list>',
      `kernel, ${MODEL_ENGINES.map((e) => e.name).join(', ')}, or all (default all)`,
    )
    .option(
      '--profile <profile>',
      `profile to judge under (${PROFILES.join(', ')}); default: the case's options, else its .profile`,
    )
    .option(
      '--quirks <list>',
      "quirks to switch on: NAME@ENGINE, or NAME for every model engine; default: the case's options",
    )
    .option(
      '--slots <list>',
      `slot models the rewrites run under (${SLOT_MODELS.join(', ')})`,
      SLOT_MODELS.join(','),
    )
    .action(async (file: string, opts: MinimizeCliOptions) => {
      ctx.exitCode = await minimizeCommand(ctx, file, opts);
    });
}

async function minimizeCommand(ctx: CliContext, file: string, opts: MinimizeCliOptions): Promise<number> {
  const read = await readProgram(ctx.io, file);
  const settings = judgeSettings(read.case, opts);
  const kernel = await openJudgeKernel(ctx, settings, 'minimizing');
  try {
    const reduced = await reduceFinding(
      ctx,
      file,
      read.case,
      settings,
      kernel.port,
      opts.signature,
      opts.time,
    );
    const text = printCase(minimizedCase(read.case, settings, reduced));
    if (opts.out !== undefined) await ctx.io.writeFile(opts.out, text);
    else ctx.io.stdout(text);
    ctx.io.stderr(reducedLine(reduced));
    return 0;
  } finally {
    await kernel.session?.close();
  }
}
