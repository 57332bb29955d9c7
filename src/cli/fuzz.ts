/**
 * `throwfuzz fuzz`: the campaign on a pool of worker threads (src/fuzz/pool.ts) with its effects: the live
 * kernel's probe, the corpus and triage files, signals, progress, and the report directory (each new
 * finding's case file and report.json written as merged batches come in, atomically, never two at once).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { PROFILES, isProfile, type Profile } from '../bpf/profile.js';
import { ENGINE_NAMES, MODEL_ENGINES, modelEngine } from '../engines/index.js';
import { openKernelSession } from '../engines/kernel/index.js';
import { readCorpusPrograms } from '../fuzz/corpus-files.js';
import { mutationSeeds } from '../fuzz/mutation-seeds.js';
import { CampaignPool } from '../fuzz/pool.js';
import { progressOf, statusLine } from '../fuzz/progress.js';
import { otherReleaseNote } from '../fuzz/replayed.js';
import { ReportSink } from '../fuzz/report-sink.js';
import type { CampaignResult, Shard, StopRule } from '../fuzz/result.js';
import { parseShard, type SequencePlan } from '../fuzz/sequence.js';
import type { CampaignSettings } from '../fuzz/settings.js';
import { packageRoot } from '../package-root.js';
import { buildReport } from '../report/build.js';
import { renderJson, writeReportFiles } from '../report/files.js';
import type { RunReport } from '../report/model.js';
import { collectMachine } from '../report/machine.js';
import { SLOT_MODELS } from '../runtime/index.js';
import { parseTriage } from '../../oracles/triage.js';
import type { CliContext } from './context.js';
import {
  parseCount,
  parseDuration,
  parseEngines,
  parseQuirks,
  parseShare,
  parseSlots,
} from './fuzz-options.js';
import { readUserFile, UsageError, writeFileAtomic } from './io.js';
import { packageVersion } from './version.js';

interface FuzzCliOptions {
  time?: number;
  maxCases?: number;
  seed?: string;
  engines: string;
  profile: string;
  quirks?: string;
  slots: string;
  beyond: number;
  out?: string;
  triage: string;
  workers: number;
  shard?: Shard;
  replay: boolean;
  corpus?: string;
  hangTimeout: number;
  workerMemory: number;
  join?: boolean;
  minimize: boolean;
  minimizeChecks: number;
  minimizeTime: number;
}

/** Default share of cases outside the fragment (kernel-health only): where both kernel defects sat. */
export const DEFAULT_BEYOND = 0.03;
/**
 * Checks per new finding's minimization: the cap that keeps the result the same on any machine. Most
 * findings reach their fixpoint well within it (README, "The campaign": numbers).
 */
export const DEFAULT_MINIMIZE_CHECKS = 1000;
/** The wall-clock safety cap per minimization (a slow kernel); a result it stops says so. */
export const DEFAULT_MINIMIZE_TIME_MS = 20_000;
/** Status lines when stderr is not a terminal (nightly logs). */
const STATUS_EVERY_MS = 5000;
/** report.md, junit.xml and report.html while the run goes (report.json after every merge). */
const FULL_REPORT_EVERY_MS = 5000;

function runIdOf(now: Date, seed: string, shard: Shard | null): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `${stamp}-seed${seed}${shard === null ? '' : `-shard${shard.index}of${shard.count}`}`;
}

function shardOption(text: string): Shard {
  const shard = parseShard(text);
  if (typeof shard === 'string') throw new InvalidArgumentError(shard);
  return shard;
}

export function registerFuzz(cli: Command, ctx: CliContext): void {
  cli
    .command('fuzz')
    .description('run a campaign: generate programs, ask every engine, run them, judge with the oracles')
    .addOption(
      new Option('--time <duration>', 'stop after this long (default 60s)')
        .argParser(parseDuration)
        .conflicts('maxCases'),
    )
    .addOption(new Option('--max-cases <n>', 'stop after this many generated cases').argParser(parseCount))
    .option('--seed <seed>', 'run seed (default: from the clock, recorded in the report)')
    .option(
      '--engines <list>',
      `kernel, ${MODEL_ENGINES.map((e) => e.name).join(', ')}, or all`,
      ENGINE_NAMES.join(','),
    )
    .option(
      '--profile <profile>',
      `profile the programs are generated and judged under (${PROFILES.join(', ')})`,
      'mainline',
    )
    .option('--quirks <list>', 'quirks to switch on: NAME@ENGINE, or NAME for every model engine')
    .option(
      '--slots <list>',
      `slot models the rewrites run under (${SLOT_MODELS.join(', ')})`,
      SLOT_MODELS.join(','),
    )
    .addOption(
      new Option('--beyond <share>', 'share of cases outside the fragment (kernel health only)')
        .argParser(parseShare)
        .default(DEFAULT_BEYOND),
    )
    .option('--out <dir>', 'report directory (default reports/<run-id>)')
    .option('--triage <file>', 'known signatures', join(packageRoot(), 'corpus', 'triage.json'))
    .addOption(
      new Option('--workers <n>', 'worker threads (default: all cores)')
        .argParser(parseCount)
        .default(availableParallelism(), 'all cores'),
    )
    .addOption(
      new Option('--shard <i/n>', 'run shard i of n (1-based) of the campaign').argParser(shardOption),
    )
    .option('--no-replay', 'do not replay the committed corpus before generating')
    .option(
      '--corpus <dir>',
      'the case files replayed (against their expectations) and mutated (default: the corpus/ directory)',
    )
    .option(
      '--join',
      'also ask each model engine that supports it with states merged at control-flow joins (the precision oracle)',
    )
    .addOption(
      new Option('--hang-timeout <duration>', 'a case with no answer for this long is a hang finding')
        .argParser(parseDuration)
        .default(30_000, '30s'),
    )
    .addOption(
      new Option('--worker-memory <MiB>', "each worker's heap limit; past it the case is a crash finding")
        .argParser(parseCount)
        .default(2048),
    )
    .option('--no-minimize', 'do not minimize new findings (findings/NAME.min.s)')
    .addOption(
      new Option(
        '--minimize-checks <n>',
        "each new finding's minimization: at most this many checks (the pipeline run again on a candidate)",
      )
        .argParser(parseCount)
        .default(DEFAULT_MINIMIZE_CHECKS),
    )
    .addOption(
      new Option(
        '--minimize-time <duration>',
        "each new finding's minimization: a safety cap on its time (the note says when it stopped one)",
      )
        .argParser(parseDuration)
        .default(DEFAULT_MINIMIZE_TIME_MS, '20s'),
    )
    .action(async (opts: FuzzCliOptions) => {
      ctx.exitCode = await fuzz(ctx, opts);
    });
}

async function fuzz(ctx: CliContext, opts: FuzzCliOptions): Promise<number> {
  const { io } = ctx;
  if (!isProfile(opts.profile))
    throw new UsageError(`unknown profile '${opts.profile}' (profiles: ${PROFILES.join(', ')})`);
  const profile: Profile = opts.profile;
  const engines = parseEngines(opts.engines);
  const seed = opts.seed ?? String(Date.now() % 1_000_000_000);
  if (!/^(0|[1-9]\d{0,18})$/.test(seed))
    throw new UsageError(`--seed '${seed}': an unsigned decimal integer`);
  const settings: CampaignSettings = {
    runSeed: seed,
    models: engines.models,
    kernel: engines.kernel,
    profile,
    quirks: parseQuirks(opts.quirks ?? '', engines.models),
    slots: parseSlots(opts.slots),
    beyond: opts.beyond,
    join: opts.join === true,
  };
  if (settings.join) {
    const asked = engines.models.map(modelEngine);
    if (!asked.some((e) => e.join === null))
      throw new UsageError(
        `--join: no engine asked supports join mode (${asked.map((e) => `${e.name}: ${e.join ?? ''}`).join('; ') || 'no model engine asked'})`,
      );
  }
  const stop: StopRule =
    opts.maxCases !== undefined
      ? { kind: 'cases', count: opts.maxCases }
      : { kind: 'time', ms: opts.time ?? 60_000 };
  const shard = opts.shard ?? null;
  const minimize = opts.minimize ? { checks: opts.minimizeChecks, timeMs: opts.minimizeTime } : null;
  const triage = parseTriage((await readUserFile(io, opts.triage)).toString('utf8'), opts.triage);
  if (!triage.ok) throw new UsageError(triage.message);
  const notes = new Map(triage.triage.known.map((k) => [k.signature, k.note]));
  const root = packageRoot();
  const corpusFiles = await readCorpusPrograms(root, opts.corpus).catch((e: unknown) => {
    if (opts.corpus === undefined) throw e;
    throw new UsageError(
      `--corpus ${opts.corpus}: cannot read the directory (${e instanceof Error && 'code' in e ? String(e.code) : String(e)})`,
    );
  });
  const replay = opts.replay ? corpusFiles.map((c) => c.program) : [];
  const expectations = opts.replay
    ? corpusFiles.map((c) => ({ file: c.file, expectations: c.expectations }))
    : [];
  const init = {
    replay,
    expectations,
    mutationSeeds: mutationSeeds(
      corpusFiles.map((c) => c.program),
      settings,
    ),
  };
  const plan: SequencePlan = {
    shard,
    replay: replay.length,
    generated: stop.kind === 'cases' ? stop.count : null,
  };

  // Each worker opens its own session; this probe only tells the report (and the user) whether it can.
  let kernel: RunReport['kernel'] = { asked: false, reason: 'not asked (--engines)' };
  if (settings.kernel) {
    const opened = await openKernelSession();
    if (opened.available) {
      kernel = { asked: true, release: opened.session.release };
      await opened.session.close();
      const note = otherReleaseNote(expectations, kernel.release);
      if (note !== null) io.stderr(`throwfuzz: ${note}\n`);
    } else {
      kernel = { asked: false, reason: opened.reason };
      io.stderr(`throwfuzz: ${opened.reason}; the campaign goes on without the kernel\n`);
    }
  }

  const started = new Date();
  const runId = runIdOf(started, seed, shard);
  const outDir = opts.out ?? join('reports', runId);
  await mkdir(join(outDir, 'findings'), { recursive: true });
  const machine = collectMachine();
  const reportOf = (r: CampaignResult, complete: boolean): RunReport =>
    buildReport(r, {
      runId,
      startedAt: started.toISOString(),
      stop,
      kernel,
      complete,
      machine,
      version: packageVersion(),
      minimize,
    });

  // One writer, after each merge: each new finding's case file, then report.json (so it never names a case
  // file that is not there); the Markdown, JUnit and HTML files every few seconds and at the end.
  let latest: (() => CampaignResult) | null = null;
  const written = new Set<string>();
  let fullAt = performance.now();
  const sink = new ReportSink(async () => {
    if (latest === null) return;
    const report = reportOf(latest(), false);
    if (performance.now() - fullAt >= FULL_REPORT_EVERY_MS) {
      fullAt = performance.now();
      await writeReportFiles(outDir, report);
      return;
    }
    // A minimized case file too, before report.json names it.
    for (const f of report.findings) {
      const files = [{ file: f.caseFile, text: f.caseText }];
      if (f.minimized?.status === 'minimized')
        files.push({ file: f.minimized.caseFile, text: f.minimized.caseText });
      for (const { file, text } of files)
        if (!written.has(file)) {
          await writeFileAtomic(join(outDir, file), text);
          written.add(file);
        }
    }
    await writeFileAtomic(join(outDir, 'report.json'), renderJson(report));
  });

  const progress = progressReporter(io, stop, plan);
  // First Ctrl-C: no new batches, the running ones finish, the report is written. Second: at once.
  let stopping = false;
  const pool = new CampaignPool(
    settings,
    plan,
    stop,
    init,
    {
      workers: opts.workers,
      workerScript: join(root, 'dist', 'src', 'fuzz', 'worker.js'),
      hangMs: opts.hangTimeout,
      heapMiB: opts.workerMemory,
      maxBatch: 512,
      minimize,
    },
    {
      clock: () => performance.now(),
      known: (signature) => notes.get(signature) ?? null,
      stopRequested: () => stopping,
      onMerged: (snapshot) => {
        latest = snapshot;
        sink.request();
        progress.update(snapshot);
      },
    },
  );
  const onSigint = (): void => {
    if (stopping) {
      pool.abort();
      return;
    }
    stopping = true;
    progress.say('stopping: finishing the running batches (Ctrl-C again to stop at once)');
  };
  process.on('SIGINT', onSigint);
  let run;
  try {
    run = await pool.run();
  } finally {
    process.off('SIGINT', onSigint);
    progress.stop();
  }
  latest = () => run.result;
  const report = reportOf(run.result, run.complete);
  sink.request();
  await sink.flush();
  await writeReportFiles(outDir, report);
  const { summary } = report;
  // Precision findings (artefacts of re-verification) are reported, never failed on.
  const failing = report.findings.filter((f) => f.status === 'new' && f.severity !== 'precision').length;
  io.stdout(
    `${report.cases} cases in ${(report.elapsedMs / 1000).toFixed(1)} s (${report.casesPerSecond.toFixed(0)}/s` +
      ` on ${opts.workers} worker${opts.workers === 1 ? '' : 's'})${run.complete ? '' : ', interrupted'}, ` +
      `${summary.signatures} signatures: ${summary.new} new (${summary.new - failing} of them precision), ` +
      `${summary.known} known\n`,
  );
  for (const f of report.findings) {
    const m = f.minimized;
    const small =
      m === null
        ? ''
        : m.status === 'minimized'
          ? ` -> ${m.caseFile} (${m.insnsBefore} -> ${m.insnsAfter} instructions${m.stop === 'fixpoint' ? '' : `, stopped by the ${m.stop === 'time' ? 'time cap' : 'check budget'}`})`
          : ` (not minimized: ${m.reason})`;
    io.stdout(
      `  ${f.status === 'new' ? 'NEW  ' : 'known'} ${f.severity.padEnd(9)} ${f.signature} (x${f.count}) ${f.caseFile}${small}\n`,
    );
  }
  io.stdout(`report: ${join(outDir, 'report.json')}\n`);
  if (stopping) return 130;
  return failing > 0 ? 1 : 0;
}

interface ProgressReporter {
  update(snapshot: () => CampaignResult): void;
  say(line: string): void;
  stop(): void;
}

/** A bar on a terminal; otherwise a status line every few seconds (nightly logs show progress). */
function progressReporter(io: CliContext['io'], stop: StopRule, plan: SequencePlan): ProgressReporter {
  if (io.isTty && process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: '{bar} {status}', hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(1, 0, { status: 'starting workers' });
    return {
      update: (snapshot) => {
        const r = snapshot();
        const p = progressOf(r, stop, plan);
        const done =
          stop.kind === 'time'
            ? r.elapsedMs / stop.ms
            : p.total !== null && p.total > 0
              ? p.cases / p.total
              : 0;
        bar.update(Math.min(1, done), { status: statusLine(p) });
      },
      say: (line) => {
        io.stderr(`\n${line}\n`);
      },
      stop: () => {
        bar.stop();
      },
    };
  }
  let last = performance.now();
  return {
    update: (snapshot) => {
      const now = performance.now();
      if (now - last < STATUS_EVERY_MS) return;
      last = now;
      io.stderr(`throwfuzz: ${statusLine(progressOf(snapshot(), stop, plan))}\n`);
    },
    say: (line) => {
      io.stderr(`throwfuzz: ${line}\n`);
    },
    stop: () => {},
  };
}
