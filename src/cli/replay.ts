/**
 * `throwfuzz replay [DIR|FILE...]`: every case file (default: the committed corpus/) checked again with
 * every engine asked against its `; case expect` lines (src/corpus/replay.ts says what is compared). Exit 1
 * on a regression, with a diff per check; 2 for a file that cannot be read or parsed, or a kernel asked for
 * by name that is not here.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import type { ModelEngineName } from '../engines/contract.js';
import { checkWithKernel, openKernelSession, type KernelSession } from '../engines/kernel/index.js';
import { isReplayEngine, REPLAY_ENGINES, type ExtraQuirks, type ReplayEngine } from '../corpus/replay.js';
import { replayCase } from '../corpus/replay-run.js';
import { packageRoot } from '../package-root.js';
import type { CliContext } from './context.js';
import { parseQuirks } from './fuzz-options.js';
import { UsageError } from './io.js';
import { readPrograms } from './program-file.js';
import { regressionText, releaseNote, replayJson, summaryLine, type FileReplay } from './replay-render.js';

interface ReplayCliOptions {
  engines: string;
  quirks?: string;
  json?: boolean;
}

const ALL = 'all';
const CHOICES = [...REPLAY_ENGINES, ALL].join(', ');

/** `--engines`: names or `all`; `all` leaves an unavailable kernel out, a kernel named is required. */
function parseReplayEngines(text: string): { engines: ReplayEngine[]; kernelNamed: boolean } {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) throw new UsageError(`--engines needs engine names (${CHOICES})`);
  const out: ReplayEngine[] = [];
  for (const n of names) {
    if (n === ALL) out.push(...REPLAY_ENGINES);
    else if (isReplayEngine(n)) out.push(n);
    else throw new UsageError(`unknown engine '${n}' (engines: ${CHOICES})`);
  }
  return {
    engines: REPLAY_ENGINES.filter((e) => out.includes(e)),
    kernelNamed: names.includes('kernel'),
  };
}

/** The `.s` files under a directory, recursively, sorted by path. */
async function caseFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((d) => d.isFile() && d.name.endsWith('.s'))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/** The files named: a directory is its case files; anything else is read as a file (or said unreadable). */
async function expand(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const isDir = await stat(path).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) out.push(path);
    else {
      const files = await caseFilesUnder(path);
      if (files.length === 0) throw new UsageError(`${path}: no case files (.s) in this directory`);
      out.push(...files);
    }
  }
  return out;
}

export function registerReplay(cli: Command, ctx: CliContext): void {
  cli
    .command('replay')
    .description(
      'check case files again with every engine against their recorded expectations; exit 1 on a regression',
    )
    .argument('[paths...]', 'case files (.s) or directories of them (default: the corpus/ directory)')
    .option(
      '--engines <list>',
      `engines, comma-separated (${CHOICES}); all: the kernel only where it is available`,
      ALL,
    )
    .option(
      '--quirks <list>',
      'model engines: quirks switched on besides those each expectation names: NAME@ENGINE, or NAME for every model engine asked',
    )
    .option('--json', 'print one JSON object (regressions, counts) instead of text')
    .action(async (paths: string[], opts: ReplayCliOptions) => {
      ctx.exitCode = await replay(ctx, paths, opts);
    });
}

async function replay(ctx: CliContext, paths: readonly string[], opts: ReplayCliOptions): Promise<number> {
  const { io } = ctx;
  const { engines: asked, kernelNamed } = parseReplayEngines(opts.engines);
  const models = asked.filter((e): e is ModelEngineName => e !== 'kernel' && e !== 'runtime');
  if (opts.quirks !== undefined && models.length === 0)
    throw new UsageError('--quirks applies to model engines; none was asked for');
  const quirks: ExtraQuirks = opts.quirks === undefined ? {} : parseQuirks(opts.quirks, models);

  // The default is the committed corpus, named relative to the package root (corpus/kernel/NAME.s).
  const root = packageRoot();
  const files =
    paths.length > 0
      ? await expand(paths)
      : (await caseFilesUnder(join(root, 'corpus'))).map((f) => relative(root, f));
  const { good, failed } = await readPrograms(
    paths.length > 0 ? io : { ...io, readFile: (p, max) => io.readFile(join(root, p), max) },
    files,
  );
  let worst = failed > 0 ? 2 : 0;

  let session: KernelSession | null = null;
  const skipped: { engine: string; reason: string }[] = [];
  if (asked.includes('kernel')) {
    const opened = await openKernelSession();
    if (opened.available) session = opened.session;
    else {
      skipped.push({ engine: 'kernel', reason: opened.reason });
      io.stderr(`throwfuzz: replay: kernel side skipped: ${opened.reason}\n`);
      if (kernelNamed) worst = 2;
    }
  }
  const live = session;
  const engines = asked.filter((e) => e !== 'kernel' || live !== null);
  const results: FileReplay[] = [];
  try {
    for (const { file, case: c } of good) {
      const checked = await replayCase(c, {
        engines,
        quirks,
        kernel: live && { release: live.release, check: (program) => checkWithKernel(program, live) },
      });
      if (!opts.json)
        for (const r of checked) if (r.mismatches.length > 0) io.stdout(regressionText(file, r));
      results.push({ file, results: checked });
    }
  } finally {
    await live?.close();
  }
  const run = { files: results, engines, skipped, kernelRelease: live?.release ?? null };
  if (opts.json) io.stdout(`${JSON.stringify(replayJson(run), null, 2)}\n`);
  else {
    const note = releaseNote(run);
    if (note !== null) io.stdout(note);
    io.stdout(summaryLine(run));
  }
  const regressions = results.some((f) => f.results.some((r) => r.mismatches.length > 0));
  return Math.max(worst, regressions ? 1 : 0);
}
