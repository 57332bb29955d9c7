/**
 * `throwfuzz corpus add FINDING`: a campaign finding into the regression corpus. The finding's case file
 * (reports/RUN/findings/NAME.s or a minimized NAME.min.s) names its signature in a `; case note signature:`
 * line; the case is refused when a committed case already carries it. Otherwise it is minimized as
 * `throwfuzz minimize` does (minimize-run.ts), its expectations are recorded from the engines (the live
 * kernel as `replay` asks it, each model engine under the case's profile and quirks), it is replayed in
 * memory (a finding whose disagreement `replay` cannot hold is refused with the diff) and written
 * atomically to corpus/AREA/NAME.s, NAME made from the signature. Effects here: the corpus directory, the
 * kernel session, the write.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Option, type Command } from 'commander';
import type { Program } from '../bpf/program.js';
import { printable } from '../bpf/source-error.js';
import {
  CASE_NAME,
  kernelExpectationOf,
  modelExpectations,
  noteSignature,
  signatureSlug,
  signaturesInText,
  uniqueName,
} from '../corpus/add.js';
import type { Case, Expectation, KernelExpectation, ModelExpectation } from '../corpus/case.js';
import { expectationKey } from '../corpus/case.js';
import { REPLAY_ENGINES } from '../corpus/replay.js';
import { replayCase } from '../corpus/replay-run.js';
import { printCase } from '../corpus/write.js';
import { MODEL_ENGINES } from '../engines/index.js';
import { checkWithKernel, runDecision, type KernelSession } from '../engines/kernel/index.js';
import { packageRoot } from '../package-root.js';
import { SLOT_MODELS } from '../runtime/index.js';
import { kernelUnsafe } from '../../generators/index.js';
import type { CliContext } from './context.js';
import { parseDuration } from './fuzz-options.js';
import { UsageError } from './io.js';
import { judgeSettings, minimizedCase, openJudgeKernel, reducedLine, reduceFinding } from './minimize-run.js';
import { readProgram } from './program-file.js';
import { regressionText } from './replay-render.js';

interface CorpusAddOptions {
  area?: string;
  name?: string;
  time: number;
  corpus?: string;
  engines?: string;
  truth?: string;
}

export function registerCorpus(cli: Command, ctx: CliContext): void {
  const corpus = cli.command('corpus').description('edit the regression corpus (corpus/): add a finding');
  corpus
    .command('add')
    .description(
      "add a finding's case file to the corpus: minimized, de-duplicated by signature, named after it, with every engine's expectations",
    )
    .argument('<finding>', "a finding's case file (reports/RUN/findings/NAME.s or NAME.min.s)")
    .option(
      '--area <area>',
      'the corpus directory it goes in (default: kernel when the kernel answered, else examples)',
    )
    .option('--name <name>', 'the file name without .s (default: made from the signature)')
    .addOption(
      new Option('--time <duration>', 'stop minimizing after this long (as for minimize)')
        .argParser(parseDuration)
        .default(60_000, '60s'),
    )
    .option('--corpus <dir>', 'the corpus directory (default: the corpus/ of this checkout)')
    .option(
      '--engines <list>',
      `engines the finding is judged by while minimizing: kernel, ${MODEL_ENGINES.map((e) => e.name).join(', ')}, or all (default all); the kernel's expectation is recorded only when it is asked`,
    )
    .option(
      '--truth <engine>',
      `when the engines disagree: record only this engine's answer (kernel, ${MODEL_ENGINES.map((e) => e.name).join(', ')}); the others fail replay until fixed`,
    )
    .action(async (finding: string, opts: CorpusAddOptions) => {
      ctx.exitCode = await corpusAdd(ctx, finding, opts);
    });
}

/** The `.s` files under a directory, recursively. */
async function caseFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((d) => d.isFile() && d.name.endsWith('.s')).map((d) => join(d.parentPath, d.name));
}

/** The corpus's areas: its directories (not hidden). */
async function areasOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => {
    throw new UsageError(`${printable(dir)}: not a corpus directory`);
  });
  return entries
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort();
}

/** The model answers that say a program holds a resource or region at a throw or exit. */
const HELD = new Set(['ref-leak', 'region-open']);

/**
 * The kernel's expectation, asked as `replay` asks it (checkWithKernel, the engine's own safety check), or
 * why there is none. Never loaded: a program that may trip a known kernel WARN (kernelUnsafe). Never
 * recorded: an accepted program a model engine rejects for a held resource or open region that the
 * engine's safety check would test-run (replay would run it); it is loaded without a run to find out.
 */
async function kernelRecord(
  session: KernelSession,
  program: Program,
  models: readonly ModelExpectation[],
): Promise<KernelExpectation | string> {
  if (program.profile !== 'mainline') return `the kernel answers the mainline profile only`;
  const unsafe = kernelUnsafe(program);
  if (unsafe !== null) return `not loaded: ${unsafe} (a known kernel WARN)`;
  const held = models.find((m) => !m.accepted && m.class !== null && HELD.has(m.class));
  if (held !== undefined && runDecision(program).run) {
    const reason = `${held.engine} rejects it (${held.class}): a held resource or open region is never test-run`;
    const probe = await checkWithKernel(program, session, { noRun: reason });
    if (probe.status !== 'rejected')
      return `the kernel accepts what ${held.engine} rejects for a held resource (${held.class}); replay would test-run it`;
    return kernelExpectationOf(probe, session.release);
  }
  return kernelExpectationOf(await checkWithKernel(program, session), session.release);
}

async function corpusAdd(ctx: CliContext, file: string, opts: CorpusAddOptions): Promise<number> {
  const { io } = ctx;
  const root = packageRoot();
  const corpusDir = opts.corpus ?? join(root, 'corpus');
  const shown = (path: string): string =>
    opts.corpus === undefined ? relative(root, path) : join(opts.corpus, relative(corpusDir, path));
  const areas = await areasOf(corpusDir);
  if (opts.area !== undefined && !areas.includes(opts.area))
    throw new UsageError(`unknown area '${opts.area}' (areas: ${areas.join(', ')})`);
  if (opts.name !== undefined && !CASE_NAME.test(opts.name))
    throw new UsageError(`--name ${opts.name}: lowercase letters, digits and '-' only`);

  const truth = opts.truth;
  if (truth !== undefined && truth !== 'kernel' && !MODEL_ENGINES.some((e) => e.name === truth))
    throw new UsageError(`--truth ${truth}: one of kernel, ${MODEL_ENGINES.map((e) => e.name).join(', ')}`);

  const read = await readProgram(io, file);
  const signature = noteSignature(read.case.note);
  if (signature === null)
    throw new UsageError(
      `${printable(file)}: no signature (a finding's case file has a '; case note signature: ...' line)`,
    );
  for (const f of await caseFiles(corpusDir))
    if (signaturesInText(await readFile(f, 'utf8')).includes(signature))
      throw new UsageError(
        `${printable(file)}: signature ${signature} is already in the corpus: ${shown(f)}`,
      );

  const settings = judgeSettings(read.case, { engines: opts.engines, slots: SLOT_MODELS.join(',') });
  const noKernelCase = `${printable(file)}: a corpus/kernel case records the kernel's answer, and this one has none`;
  if (opts.area === 'kernel' && (!settings.kernel || settings.profile !== 'mainline'))
    throw new UsageError(
      `${noKernelCase} (${settings.kernel ? `profile ${settings.profile}` : 'the kernel is not asked'})`,
    );
  const kernel = await openJudgeKernel(ctx, settings, 'adding');
  try {
    if (opts.area === 'kernel' && kernel.session === null)
      throw new UsageError(`${noKernelCase} (the kernel is not available)`);
    const reduced = await reduceFinding(ctx, file, read.case, settings, kernel.port, signature, opts.time);
    const base = minimizedCase(read.case, settings, reduced);
    // The program carries the profile it is judged under: replay and the corpus suites read it from there.
    const program: Program = { ...base.program, profile: settings.profile };

    /** Said on stderr once the case is written (or refused by replay): what could not be recorded. */
    const notes: string[] = [];
    const records = modelExpectations(program, settings.profile, settings.quirks);
    const models = records.flatMap((r) => ('expect' in r ? [r.expect] : []));
    for (const r of records) if (!('expect' in r)) notes.push(`no ${r.engine} expectation: ${r.why}`);
    let kernelExpect: KernelExpectation | null = null;
    let kernelWhy = 'the kernel is not asked';
    if (kernel.session !== null) {
      const k = await kernelRecord(kernel.session, program, models);
      if (typeof k === 'string') {
        kernelWhy = k;
        notes.push(`no kernel expectation: ${k}`);
      } else kernelExpect = k;
    }
    const recorded: Expectation[] = [...(kernelExpect ? [kernelExpect] : []), ...models];
    // A finding is a disagreement: with --truth only that engine's answer is the expectation, so replay
    // fails for the wrong engine until it is fixed and then keeps it fixed.
    const expectations = truth === undefined ? recorded : recorded.filter((e) => e.engine === truth);
    if (truth !== undefined && expectations.length === 0)
      throw new UsageError(
        `${printable(file)}: --truth ${truth}: no answer recorded from ${truth}${truth === 'kernel' ? ` (${kernelWhy})` : ''}`,
      );
    const title = (read.case.note ?? '').split('\n')[0]!;
    const note = /^\S+ \S+ finding: /.test(title) ? `${title}\n${base.note!}` : base.note;
    const added: Case = { ...base, program, expectations, note };

    const area = opts.area ?? (kernelExpect !== null && areas.includes('kernel') ? 'kernel' : 'examples');
    if (!areas.includes(area))
      throw new UsageError(`${printable(corpusDir)}: no '${area}' area; name one with --area`);
    if (area === 'kernel' && kernelExpect === null) throw new UsageError(`${noKernelCase} (${kernelWhy})`);
    const taken = new Set(
      (await readdir(join(corpusDir, area))).filter((f) => f.endsWith('.s')).map((f) => f.slice(0, -2)),
    );
    if (opts.name !== undefined && taken.has(opts.name))
      throw new UsageError(`${shown(join(corpusDir, area, `${opts.name}.s`))}: already exists`);
    const name = opts.name ?? uniqueName(signatureSlug(signature), taken);
    const path = join(corpusDir, area, `${name}.s`);

    // What `throwfuzz replay` will do with it, now: a disagreement replay holds against one answer (two
    // engines under the same options, a model engine against the kernel) cannot go in as it is.
    const replayed = await replayCase(added, {
      engines: REPLAY_ENGINES.filter((e) => e !== 'kernel' || kernel.session !== null),
      kernel: kernel.session && {
        release: kernel.session.release,
        check: (p) => checkWithKernel(p, kernel.session!),
      },
    });
    const bad = replayed.filter((r) => r.mismatches.length > 0);
    io.stderr(reducedLine(reduced));
    for (const n of notes) io.stderr(`throwfuzz: corpus add: ${n}\n`);
    if (bad.length > 0) {
      for (const r of bad) io.stdout(regressionText(shown(path), r));
      if (truth === undefined) {
        io.stderr(
          `throwfuzz: corpus add: ${printable(file)} would not replay clean (the engines disagree on one question replay asks); not added: name the right answer with --truth ENGINE\n`,
        );
        return 1;
      }
      io.stderr(
        `throwfuzz: corpus add: added with ${truth}'s answer; replay fails as above until the other engines are fixed\n`,
      );
    }
    await io.writeFile(path, printCase(added));
    io.stdout(
      `${shown(path)}: ${signature} (${expectations.map(expectationKey).join(', ') || 'no expectations'})\n`,
    );
    return 0;
  } finally {
    await kernel.session?.close();
  }
}
