/**
 * `throwfuzz fuzz`: the campaign in one process (src/fuzz/campaign.ts) with its effects: the live kernel,
 * the corpus and triage files, the clock, and the report directory (every new finding's case file written as
 * it is found, report.json rewritten every few seconds and at the end, all atomically).
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Option, type Command } from 'commander';
import { PROFILES, isProfile, type Profile } from '../bpf/profile.js';
import type { Program } from '../bpf/program.js';
import { parseProgram } from '../bpf/text/parse.js';
import { MODEL_ENGINES } from '../engines/index.js';
import { checkWithKernel, openKernelSession } from '../engines/kernel/index.js';
import { runCampaign, type CampaignResult, type StopRule } from '../fuzz/campaign.js';
import type { KernelPort } from '../fuzz/pipeline.js';
import { mutationSeeds } from '../fuzz/mutation-seeds.js';
import type { CampaignSettings } from '../fuzz/settings.js';
import { packageRoot } from '../package-root.js';
import { buildReport, findingFileName } from '../report/build.js';
import { writeReportFiles } from '../report/files.js';
import { collectMachine } from '../report/machine.js';
import { SLOT_MODELS } from '../runtime/index.js';
import { parseTriage } from '../../oracles/triage.js';
import { findingCaseText } from '../report/finding-case.js';
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
}

/** Default share of cases outside the fragment (kernel-health only): where both kernel defects sat. */
export const DEFAULT_BEYOND = 0.03;

/** Every committed program under corpus/ (the mutation strategy's seeds); one that does not parse is skipped. */
async function corpusPrograms(root: string): Promise<Program[]> {
  const dir = join(root, 'corpus');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile() && d.name.endsWith('.s'))
    .map((d) => join(d.parentPath, d.name))
    .sort();
  const out: Program[] = [];
  for (const f of files) {
    try {
      out.push(parseProgram(await readFile(f, 'utf8'), relative(root, f)));
    } catch {
      // a corpus file that does not parse is the corpus test's business, not the campaign's
    }
  }
  return out;
}

function runIdOf(now: Date, seed: string): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `${stamp}-seed${seed}`;
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
    .addOption(new Option('--max-cases <n>', 'stop after this many cases').argParser(parseCount))
    .option('--seed <seed>', 'run seed (default: from the clock, recorded in the report)')
    .option('--engines <list>', `kernel, ${MODEL_ENGINES.map((e) => e.name).join(', ')}, or all`, 'all')
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
  };
  const stop: StopRule =
    opts.maxCases !== undefined
      ? { kind: 'cases', count: opts.maxCases }
      : { kind: 'time', ms: opts.time ?? 60_000 };
  const triage = parseTriage((await readUserFile(io, opts.triage)).toString('utf8'), opts.triage);
  if (!triage.ok) throw new UsageError(triage.message);
  const notes = new Map(triage.triage.known.map((k) => [k.signature, k.note]));
  const root = packageRoot();
  const corpus = mutationSeeds(await corpusPrograms(root), settings);

  let kernel: KernelPort | { unavailable: string } = { unavailable: 'not asked (--engines)' };
  let closeKernel = async (): Promise<void> => {};
  if (settings.kernel) {
    const opened = await openKernelSession();
    if (opened.available) {
      const { session } = opened;
      kernel = {
        release: session.release,
        check: (program, noRun) => checkWithKernel(program, session, noRun === null ? {} : { noRun }),
      };
      closeKernel = () => session.close();
    } else {
      kernel = { unavailable: opened.reason };
      io.stderr(`throwfuzz: ${opened.reason}; the campaign goes on without the kernel\n`);
    }
  }

  const started = new Date();
  const runId = runIdOf(started, seed);
  const outDir = opts.out ?? join('reports', runId);
  await mkdir(join(outDir, 'findings'), { recursive: true });
  const reportContext = (complete: boolean) => ({
    runId,
    startedAt: started.toISOString(),
    stop,
    kernel:
      'release' in kernel
        ? { asked: true as const, release: kernel.release }
        : { asked: false as const, reason: kernel.unavailable },
    complete,
    machine: collectMachine(),
    version: packageVersion(),
  });

  let interrupted = false;
  const onSigint = (): void => {
    interrupted = true;
  };
  process.on('SIGINT', onSigint);
  let result: CampaignResult;
  try {
    result = await runCampaign(settings, stop, {
      kernel,
      corpus,
      clock: () => performance.now(),
      known: (signature) => notes.get(signature) ?? null,
      interrupted: () => interrupted,
      onBucket: (bucket) =>
        writeFileAtomic(
          join(outDir, 'findings', findingFileName(bucket.signature)),
          findingCaseText(bucket, settings),
        ),
    });
  } finally {
    process.off('SIGINT', onSigint);
    await closeKernel();
  }
  const report = buildReport(result, reportContext(!interrupted));
  await writeReportFiles(outDir, report);
  const { summary } = report;
  // Precision findings (artefacts of re-verification) are reported, never failed on.
  const failing = report.findings.filter((f) => f.status === 'new' && f.severity !== 'precision').length;
  io.stdout(
    `${report.cases} cases in ${(report.elapsedMs / 1000).toFixed(1)} s (${report.casesPerSecond.toFixed(0)}/s), ` +
      `${summary.signatures} signatures: ${summary.new} new (${summary.new - failing} of them precision), ` +
      `${summary.known} known\n`,
  );
  for (const f of report.findings)
    io.stdout(
      `  ${f.status === 'new' ? 'NEW  ' : 'known'} ${f.severity.padEnd(9)} ${f.signature} (x${f.count}) ${f.caseFile}\n`,
    );
  io.stdout(`report: ${join(outDir, 'report.json')}\n`);
  return failing > 0 ? 1 : 0;
}
