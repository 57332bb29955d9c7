/**
 * `throwfuzz replay` output: a block per regressed check (file, engine@profile, and per field the expected
 * and the actual value), the release note said once, one summary line; or all of it as one JSON object.
 */
import type { CheckResult, Mismatch } from '../corpus/replay.js';

/** The checks of one case file. */
export interface FileReplay {
  readonly file: string;
  readonly results: readonly CheckResult[];
}

export interface ReplayRun {
  readonly files: readonly FileReplay[];
  /** The engines that answered (an unavailable kernel left out). */
  readonly engines: readonly string[];
  /** Engines asked and left out, each with its one-line reason. */
  readonly skipped: readonly { readonly engine: string; readonly reason: string }[];
  /** The running kernel's release, when it was asked. */
  readonly kernelRelease: string | null;
}

/** Words stay words; anything else (a message, an outcome) is shown as JSON, so null and "" differ. */
const WORD_FIELDS = new Set(['verdict', 'run', 'outcomes']);

function value(field: string, v: unknown): string {
  return typeof v === 'string' && WORD_FIELDS.has(field) ? v : JSON.stringify(v);
}

const mismatchLine = (m: Mismatch): string =>
  `  ${m.field}: expected ${value(m.field, m.expected)}, actual ${value(m.field, m.actual)}\n`;

/** One regressed check: `FILE: ENGINE vs case expect KEY`, then a line per field. */
export function regressionText(file: string, r: CheckResult): string {
  return `${file}: ${r.engine} vs case expect ${r.against}\n${r.mismatches.map(mismatchLine).join('')}`;
}

const regressed = (r: CheckResult): boolean => r.mismatches.length > 0;

/** Kernel expectations of another release, by release: compared on accept/reject and class only. */
function otherReleases(run: ReplayRun): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of run.files)
    for (const r of f.results)
      if (r.otherRelease !== null)
        out.set(r.otherRelease.recorded, (out.get(r.otherRelease.recorded) ?? 0) + 1);
  return out;
}

/** The release note (once), or null when every kernel expectation is of the running release. */
export function releaseNote(run: ReplayRun): string | null {
  const other = otherReleases(run);
  if (other.size === 0 || run.kernelRelease === null) return null;
  const total = [...other.values()].reduce((a, b) => a + b, 0);
  const list = [...other.keys()].sort().join(', ');
  return `kernel: running ${run.kernelRelease}; ${total} kernel expectation${total === 1 ? '' : 's'} recorded on ${list} compare accept/reject and class only\n`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(run: ReplayRun): string {
  const results = run.files.flatMap((f) => f.results);
  const withChecks = run.files.filter((f) => f.results.length > 0).length;
  const fields = results.reduce((n, r) => n + r.fields.length, 0);
  const bad = results.filter(regressed).length;
  const badFiles = run.files.filter((f) => f.results.some(regressed)).length;
  const verdict = bad === 0 ? 'no regression' : `${plural(bad, 'regression')} in ${plural(badFiles, 'case')}`;
  return `replay: ${plural(run.files.length, 'case')} (${withChecks} checked), engines ${run.engines.join(', ') || 'none'}: ${plural(results.length, 'check')}, ${plural(fields, 'field')} compared, ${verdict}\n`;
}

/** The whole run as one JSON object (`--json`). */
export function replayJson(run: ReplayRun): unknown {
  const results = run.files.flatMap((f) => f.results);
  return {
    cases: run.files.length,
    engines: run.engines,
    skipped: run.skipped,
    kernelRelease: run.kernelRelease,
    otherReleases: Object.fromEntries([...otherReleases(run)].sort(([a], [b]) => a.localeCompare(b))),
    checks: results.length,
    fields: results.reduce((n, r) => n + r.fields.length, 0),
    regressions: run.files.flatMap((f) =>
      f.results.filter(regressed).map((r) => ({
        file: f.file,
        engine: r.engine,
        against: r.against,
        mismatches: r.mismatches,
      })),
    ),
  };
}
