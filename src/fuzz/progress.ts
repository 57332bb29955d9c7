/**
 * What a running campaign says about itself: cases, cases per second, findings new / known, time left. The
 * CLI draws it as a progress bar on a terminal and prints it as a status line every few seconds otherwise
 * (nightly logs). Pure.
 */
import type { CampaignResult, StopRule } from './result.js';
import { shareOf, type SequencePlan } from './sequence.js';

export interface Progress {
  readonly cases: number;
  /** Cases the run will have done at the end, when known (`--max-cases`). */
  readonly total: number | null;
  readonly perSecond: number;
  readonly newFindings: number;
  readonly knownFindings: number;
  /** Milliseconds left, when it can be told. */
  readonly leftMs: number | null;
}

export function progressOf(r: CampaignResult, stop: StopRule, plan: SequencePlan): Progress {
  const perSecond = r.elapsedMs > 0 ? (r.cases * 1000) / r.elapsedMs : 0;
  const total =
    stop.kind === 'cases' ? shareOf(plan.replay, plan.shard) + shareOf(stop.count, plan.shard) : null;
  const leftMs =
    stop.kind === 'time'
      ? Math.max(0, stop.ms - r.elapsedMs)
      : total !== null && perSecond > 0
        ? ((total - r.cases) * 1000) / perSecond
        : null;
  const newFindings = r.buckets.filter((b) => b.known === null).length;
  return {
    cases: r.cases,
    total,
    perSecond,
    newFindings,
    knownFindings: r.buckets.length - newFindings,
    leftMs,
  };
}

const seconds = (ms: number): string =>
  ms >= 3_600_000
    ? `${Math.floor(ms / 3_600_000)}h${Math.floor((ms % 3_600_000) / 60_000)}m`
    : ms >= 60_000
      ? `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`
      : `${Math.round(ms / 1000)}s`;

/** One status line: `12,345 cases (2,104/s), findings 2 new / 8 known, 35s left`. */
export function statusLine(p: Progress): string {
  const cases =
    p.total === null
      ? p.cases.toLocaleString('en')
      : `${p.cases.toLocaleString('en')}/${p.total.toLocaleString('en')}`;
  const left = p.leftMs === null ? '' : `, ${seconds(p.leftMs)} left`;
  return `${cases} cases (${Math.round(p.perSecond).toLocaleString('en')}/s), findings ${p.newFindings} new / ${p.knownFindings} known${left}`;
}
