/**
 * Minimizing a finding's case file, the part `throwfuzz minimize` and `throwfuzz corpus add` share: the
 * settings a case is judged under (the command line first, then the case's `; case options`), the live
 * kernel as the pipeline's port (never loading a program that may trip a known kernel WARN), the signature
 * to keep, and the reduction with its progress line. Effects here: the kernel session, the clock, stderr.
 */
import cliProgress from 'cli-progress';
import type { Profile } from '../bpf/profile.js';
import type { Program } from '../bpf/program.js';
import { printable } from '../bpf/source-error.js';
import type { Case, CaseOptions } from '../corpus/case.js';
import type { ModelEngineName } from '../engines/contract.js';
import { MODEL_ENGINES } from '../engines/index.js';
import { checkWithKernel, openKernelSession, type KernelSession } from '../engines/kernel/index.js';
import { findingPredicate, originOfProvenance, safeKernel, signaturesOf } from '../fuzz/finding-predicate.js';
import type { KernelPort } from '../fuzz/pipeline.js';
import type { CampaignSettings } from '../fuzz/settings.js';
import { minimizedNote } from '../minimize/note.js';
import { minimize, type MinimizeStats } from '../minimize/reduce.js';
import type { CliContext } from './context.js';
import { parseEngines, parseQuirks, parseSlots } from './fuzz-options.js';
import { UsageError } from './io.js';
import { parseProfile } from './model-options.js';

/** The options that say how a finding is judged (minimize's and corpus add's). */
export interface JudgeOptions {
  engines?: string;
  profile?: string;
  quirks?: string;
  slots: string;
}

/** Status lines when stderr is not a terminal. */
const STATUS_EVERY_MS = 5000;

/** The campaign settings a case is judged under: the command line first, then the case's own options. */
export function judgeSettings(c: Case, opts: JudgeOptions): CampaignSettings {
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

/** The live kernel as the pipeline's port; a kernelUnsafe candidate is never loaded (safeKernel). */
function livePort(session: KernelSession): JudgeKernel['port'] {
  return safeKernel({
    release: session.release,
    check: (program, noRun) => checkWithKernel(program, session, noRun === null ? {} : { noRun }),
  });
}

/** The kernel a judgement asks: a session (the caller closes it) and its port, or why there is none. */
export interface JudgeKernel {
  readonly session: KernelSession | null;
  readonly port: KernelPort | { readonly unavailable: string };
}

/** Opens the live kernel when the settings ask for it; an unavailable one is said once (`doing` goes on). */
export async function openJudgeKernel(
  ctx: CliContext,
  settings: CampaignSettings,
  doing: string,
): Promise<JudgeKernel> {
  if (!settings.kernel) return { session: null, port: { unavailable: 'not asked (--engines)' } };
  const opened = await openKernelSession();
  if (opened.available) return { session: opened.session, port: livePort(opened.session) };
  ctx.io.stderr(`throwfuzz: ${opened.reason}; ${doing} without the kernel\n`);
  return { session: null, port: { unavailable: opened.reason } };
}

/** What reducing a finding gave. */
export interface ReducedFinding {
  readonly signature: string;
  readonly program: Program;
  readonly stats: MinimizeStats;
  readonly elapsedMs: number;
}

/**
 * Reduces a case file's program while the pipeline still gives the signature `wanted` (default: the
 * file's first finding). A file without a finding, or without that one, is a UsageError (exit 2).
 */
export async function reduceFinding(
  ctx: CliContext,
  file: string,
  c: Case,
  settings: CampaignSettings,
  kernel: JudgeKernel['port'],
  wanted: string | undefined,
  timeMs: number,
): Promise<ReducedFinding> {
  const origin = originOfProvenance(c.provenance);
  const deps = { kernel, clock: () => performance.now() };
  const found = await signaturesOf(c.program, origin, settings, deps);
  const signature = wanted ?? found[0];
  if (signature === undefined) throw new UsageError(`${printable(file)}: no finding to minimize`);
  if (!found.includes(signature))
    throw new UsageError(
      `${printable(file)}: no finding with signature ${signature} (it has ${found.length === 0 ? 'none' : found.join(', ')})`,
    );
  const progress = progressReporter(ctx, c.program.insns.length, timeMs);
  const started = performance.now();
  try {
    const result = await minimize(c.program, findingPredicate(signature, origin, settings, deps), {
      timeMs,
      clock: () => performance.now(),
      onProgress: (p) => {
        progress.update(p.insns, p.calls, performance.now() - started);
      },
    });
    return {
      signature,
      program: result.program,
      stats: result.stats,
      elapsedMs: performance.now() - started,
    };
  } finally {
    progress.stop();
  }
}

/** The one stderr line after a reduction: sizes, time, checks, and whether it is minimal. */
export function reducedLine(r: ReducedFinding): string {
  const s = r.stats;
  return (
    `throwfuzz: ${s.insnsBefore} -> ${s.insnsAfter} instructions in ${(r.elapsedMs / 1000).toFixed(1)} s ` +
    `(${s.calls} checks${s.stop === 'fixpoint' ? '' : `, stopped by the ${s.stop === 'time' ? 'time cap' : 'check budget'}: not minimal`})\n`
  );
}

/** The minimized case: the same provenance, the options it was judged under, a note with signature and sizes. */
export function minimizedCase(c: Case, settings: CampaignSettings, r: ReducedFinding): Case {
  const s = r.stats;
  const quirks = Object.fromEntries(Object.entries(settings.quirks).filter(([, q]) => (q ?? []).length > 0));
  return {
    program: r.program,
    provenance: c.provenance,
    options: { profile: settings.profile, ...(Object.keys(quirks).length > 0 ? { quirks } : {}) },
    expectations: [],
    note: minimizedNote(s, r.signature),
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
