/**
 * `throwfuzz minimize FILE`: a finding's case file made small. Runs the campaign's pipeline on FILE (the
 * engines, profile and quirks recorded in its `; case options`, or given here), keeps the signature of its
 * first finding (or --signature), and reduces the program (src/minimize) while the pipeline, run again on
 * each candidate, still gives that signature. Effects here: the file, the kernel session, the clock, the
 * progress line, the atomic write.
 */
import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { PROFILES, type Profile } from '../bpf/profile.js';
import type { Program } from '../bpf/program.js';
import { printable } from '../bpf/source-error.js';
import type { Case, CaseOptions } from '../corpus/case.js';
import { printCase } from '../corpus/write.js';
import type { ModelEngineName } from '../engines/contract.js';
import { MODEL_ENGINES } from '../engines/index.js';
import { checkWithKernel, openKernelSession, type KernelSession } from '../engines/kernel/index.js';
import { findingPredicate, originOfProvenance, safeKernel, signaturesOf } from '../fuzz/finding-predicate.js';
import type { KernelPort } from '../fuzz/pipeline.js';
import type { CampaignSettings } from '../fuzz/settings.js';
import { minimizedNote } from '../minimize/note.js';
import { minimize, type MinimizeStats } from '../minimize/reduce.js';
import { SLOT_MODELS } from '../runtime/index.js';
import type { CliContext } from './context.js';
import { parseDuration, parseEngines, parseQuirks, parseSlots } from './fuzz-options.js';
import { UsageError } from './io.js';
import { parseProfile } from './model-options.js';
import { readProgram } from './program-file.js';

interface MinimizeCliOptions {
  out?: string;
  signature?: string;
  time: number;
  engines?: string;
  profile?: string;
  quirks?: string;
  slots: string;
}

/** Status lines when stderr is not a terminal. */
const STATUS_EVERY_MS = 5000;

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

/** The campaign settings a case is judged under: the command line first, then the case's own options. */
function settingsOf(c: Case, opts: MinimizeCliOptions): CampaignSettings {
  const recorded: CaseOptions = c.options ?? {};
  const engines =
    opts.engines !== undefined
      ? parseEngines(opts.engines)
      : { kernel: true, models: MODEL_ENGINES.map((e) => e.name) };
  const profile: Profile = parseProfile(opts.profile) ?? recorded.profile ?? c.program.profile;
  const quirks =
    opts.quirks !== undefined
      ? parseQuirks(opts.quirks, engines.models)
      : Object.fromEntries(
          Object.entries(recorded.quirks ?? {}).filter(([e]) =>
            engines.models.includes(e as ModelEngineName),
          ),
        );
  return {
    runSeed: originOfProvenance(c.provenance).runSeed,
    models: engines.models,
    kernel: engines.kernel,
    profile,
    quirks,
    slots: parseSlots(opts.slots),
    beyond: 0,
    join: false,
  };
}

/** The live kernel as the pipeline's port, a kernelUnsafe candidate never loaded (safeKernel). */
function livePort(session: KernelSession): KernelPort | { unavailable: string } {
  return safeKernel({
    release: session.release,
    check: (program, noRun) => checkWithKernel(program, session, noRun === null ? {} : { noRun }),
  });
}

async function minimizeCommand(ctx: CliContext, file: string, opts: MinimizeCliOptions): Promise<number> {
  const { io } = ctx;
  const read = await readProgram(io, file);
  const settings = settingsOf(read.case, opts);
  const origin = originOfProvenance(read.case.provenance);
  let session: KernelSession | null = null;
  let kernel: KernelPort | { unavailable: string } = { unavailable: 'not asked (--engines)' };
  if (settings.kernel) {
    const opened = await openKernelSession();
    if (opened.available) {
      session = opened.session;
      kernel = livePort(session);
    } else {
      kernel = { unavailable: opened.reason };
      io.stderr(`throwfuzz: ${opened.reason}; minimizing without the kernel\n`);
    }
  }
  try {
    const deps = { kernel, clock: () => performance.now() };
    const found = await signaturesOf(read.program, origin, settings, deps);
    const signature = opts.signature ?? found[0];
    if (signature === undefined) throw new UsageError(`${printable(file)}: no finding to minimize`);
    if (!found.includes(signature))
      throw new UsageError(
        `${printable(file)}: no finding with signature ${signature} (it has ${found.length === 0 ? 'none' : found.join(', ')})`,
      );
    const progress = progressReporter(ctx, read.program.insns.length, opts.time);
    const started = performance.now();
    let result;
    try {
      result = await minimize(read.program, findingPredicate(signature, origin, settings, deps), {
        timeMs: opts.time,
        clock: () => performance.now(),
        onProgress: (p) => {
          progress.update(p.insns, p.calls, performance.now() - started);
        },
      });
    } finally {
      progress.stop();
    }
    const text = printCase(minimizedCase(read.case, result.program, settings, signature, result.stats));
    if (opts.out !== undefined) await io.writeFile(opts.out, text);
    else io.stdout(text);
    const s = result.stats;
    io.stderr(
      `throwfuzz: ${s.insnsBefore} -> ${s.insnsAfter} instructions in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
        `(${s.calls} checks${s.stop === 'fixpoint' ? '' : `, stopped by the ${s.stop === 'time' ? 'time cap' : 'check budget'}: not minimal`})\n`,
    );
    return 0;
  } finally {
    await session?.close();
  }
}

/** The minimized case: the same provenance, the options it was judged under, a note with signature and sizes. */
function minimizedCase(
  c: Case,
  program: Program,
  settings: CampaignSettings,
  signature: string,
  s: MinimizeStats,
): Case {
  const quirks = Object.fromEntries(Object.entries(settings.quirks).filter(([, q]) => (q ?? []).length > 0));
  return {
    program,
    provenance: c.provenance,
    options: { profile: settings.profile, ...(Object.keys(quirks).length > 0 ? { quirks } : {}) },
    expectations: [],
    note: minimizedNote(s, signature),
  };
}

interface Progress {
  update(insns: number, calls: number, elapsedMs: number): void;
  stop(): void;
}

/** A bar over the time cap on a terminal; otherwise a status line every few seconds. */
function progressReporter(ctx: CliContext, before: number, capMs: number): Progress {
  const { io } = ctx;
  const status = (insns: number, calls: number): string =>
    `${before} -> ${insns} instructions, ${calls} checks`;
  if (io.isTty && process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: '{bar} {status}', hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(1, 0, { status: status(before, 0) });
    return {
      update: (insns, calls, elapsed) => {
        bar.update(Math.min(1, elapsed / capMs), { status: status(insns, calls) });
      },
      stop: () => {
        bar.stop();
      },
    };
  }
  let last = 0;
  return {
    update: (insns, calls, elapsed) => {
      if (elapsed - last < STATUS_EVERY_MS) return;
      last = elapsed;
      io.stderr(`throwfuzz: ${status(insns, calls)}\n`);
    },
    stop: () => {},
  };
}
