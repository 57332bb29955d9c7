/** The facts every writer opens with, as plain strings. Pure. */
import { isFailing, type RunReport } from './model.js';
import { grouped, seconds } from './text.js';

export function runTitle(r: RunReport): string {
  return r.shards.length > 0
    ? `throwfuzz run ${r.runId} (${r.shards.length} merged)`
    : `throwfuzz run ${r.runId}`;
}

/** `12,000 cases in 60.0 s (200/s)` */
export function throughputLine(r: RunReport): string {
  return `${grouped(r.cases)} cases in ${seconds(r.elapsedMs)} (${r.casesPerSecond.toFixed(0)}/s)`;
}

export function kernelLine(r: RunReport): string {
  return r.kernel.asked ? `kernel ${r.kernel.release}` : `kernel not asked: ${r.kernel.reason}`;
}

/** Seed, profile, engines, quirks, shard and workers. */
export function settingsLine(r: RunReport): string {
  const o = r.options;
  const quirks = Object.entries(o.quirks)
    .filter(([, q]) => q.length > 0)
    .map(([e, q]) => `${q.join(',')}@${e}`);
  return [
    `seed ${r.runSeed}`,
    `profile ${o.profile}`,
    `engines ${[...(o.kernel ? ['kernel'] : []), ...o.models].join(', ')}`,
    ...(quirks.length > 0 ? [`quirks ${quirks.join(' ')}`] : []),
    ...(o.shard !== null ? [`shard ${o.shard.index}/${o.shard.count}`] : []),
    `${o.workers} worker${o.workers === 1 ? '' : 's'}`,
    `generator ${r.generator}`,
  ].join(' · ');
}

export function findingsLine(r: RunReport): string {
  const failing = r.findings.filter(isFailing).length;
  const { signatures, known } = r.summary;
  return `${signatures} signatures: ${r.summary.new} new (${failing} failing, ${r.summary.new - failing} precision), ${known} known`;
}

/** Why the counts may be short: interrupted, or a merge that lacks shards. */
export function incompleteLine(r: RunReport): string | null {
  if (r.complete) return null;
  return r.shards.length > 0
    ? 'INCOMPLETE: a shard is missing or was interrupted; the counts cover fewer cases than the run asked for'
    : 'INCOMPLETE: the run was interrupted; the counts cover the cases it finished';
}
