/**
 * A committed corpus case, replayed by the campaign, checked against its `; case expect` lines: replay's own
 * checks and comparison (src/corpus/replay-run.ts, replay.ts), with the campaign's engines, kernel port and
 * quirks, restated as the plain data the regression oracle reads (oracles/observation.ts `ReplayedCase`).
 */
import type { Program } from '../bpf/program.js';
import type { Expectation } from '../corpus/case.js';
import { replayChecks, type ReplayEngine } from '../corpus/replay.js';
import { replayCase, type ReplayKernel } from '../corpus/replay-run.js';
import type { ReplayedCase } from '../../oracles/observation.js';
import { engineLabel } from '../../oracles/signature.js';
import type { PipelineDeps } from './pipeline.js';
import type { CampaignSettings } from './settings.js';

/** What the campaign keeps of a corpus case for the regression oracle: plain data (it crosses to workers). */
export interface CorpusExpectations {
  /** The case file, relative to the corpus directory (`kernel/NAME.s`). */
  readonly file: string;
  readonly expectations: readonly Expectation[];
}

export async function replayExpectations(
  program: Program,
  recorded: CorpusExpectations,
  settings: CampaignSettings,
  kernel: PipelineDeps['kernel'],
): Promise<ReplayedCase> {
  const port: ReplayKernel | null =
    settings.kernel && !('unavailable' in kernel)
      ? { release: kernel.release, check: (p) => kernel.check(p, null) }
      : null;
  const engines: ReplayEngine[] = [
    ...(port === null ? [] : ['kernel' as const]),
    ...settings.models,
    'runtime',
  ];
  const c = { program, provenance: null, options: null, expectations: recorded.expectations, note: null };
  const results = await replayCase(c, { engines, quirks: settings.quirks, kernel: port });
  // replayCase answers replayChecks' checks in their order: the same call names each result's side.
  const checks = replayChecks(c, engines, settings.quirks);
  return {
    file: recorded.file,
    checks: results.map((r, i) => {
      const check = checks[i]!;
      let side: string;
      switch (check.kind) {
        case 'kernel':
          side = 'kernel';
          break;
        case 'runtime':
          side = 'runtime';
          break;
        case 'model':
          // The campaign's quirks only: the expectation's own are its key's (`against`).
          side = engineLabel({
            engine: check.engine,
            profile: check.options.profile,
            quirks: settings.quirks[check.engine] ?? [],
          });
          break;
        default: {
          const never: never = check;
          return never;
        }
      }
      return {
        engine: r.engine,
        side,
        against: r.against,
        otherRelease: r.otherRelease,
        mismatches: r.mismatches.map((m) => ({ ...m })),
      };
    }),
  };
}

/**
 * The line a campaign says once when kernel expectations were recorded on another release than the one
 * running (replay's rule: those compare accept/reject and class only), or null.
 */
export function otherReleaseNote(recorded: readonly CorpusExpectations[], running: string): string | null {
  const other = new Map<string, number>();
  for (const r of recorded)
    for (const e of r.expectations)
      if (e.engine === 'kernel' && e.release !== running)
        other.set(e.release, (other.get(e.release) ?? 0) + 1);
  if (other.size === 0) return null;
  const total = [...other.values()].reduce((a, b) => a + b, 0);
  return (
    `kernel: running ${running}; ${total} kernel expectation${total === 1 ? '' : 's'} of the corpus recorded on ` +
    `${[...other.keys()].sort().join(', ')} compare accept/reject and class only`
  );
}
