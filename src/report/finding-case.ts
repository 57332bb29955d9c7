/**
 * A campaign finding as a case file (src/corpus): the program with its inputs, where it came from, what it
 * was judged under, and the finding in its note, so `throwfuzz check FILE` reproduces it.
 */
import type { Program } from '../bpf/program.js';
import { printCase } from '../corpus/write.js';
import type { FindingBucket } from '../fuzz/campaign.js';
import type { MinimizeStats } from '../minimize/reduce.js';
import { minimizedNote } from '../minimize/note.js';
import type { CampaignSettings } from '../fuzz/settings.js';

/** The note: the finding's title, signature and each differing field, one line each. */
function noteOf(b: FindingBucket): string {
  const lines = [
    `${b.first.severity} ${b.first.oracle} finding: ${b.first.title}`,
    `signature: ${b.signature}`,
  ];
  if (b.first.input !== null) lines.push(`input: ${b.first.input}`);
  for (const d of b.first.diffs)
    lines.push(
      `${d.field}: ${d.expectedFrom} ${JSON.stringify(d.expected)} / ${d.actualFrom} ${JSON.stringify(d.actual)}`,
    );
  return lines.join('\n');
}

const provenanceOf = (b: FindingBucket) => ({
  runSeed: b.origin.runSeed,
  index: b.origin.index,
  generator: b.origin.generator,
  strategy: b.origin.beyond ? `${b.origin.strategy}+beyond` : b.origin.strategy,
});

/** The minimized case (`NAME.min.s`): the same provenance and options, a note with signature and sizes. */
export function minimizedCaseText(
  b: FindingBucket,
  settings: CampaignSettings,
  program: Program,
  stats: MinimizeStats,
): string {
  return printCase({
    program,
    provenance: provenanceOf(b),
    options: { profile: settings.profile, quirks: settings.quirks },
    expectations: [],
    note: `${b.first.severity} ${b.first.oracle} finding: ${b.first.title}\n${minimizedNote(stats, b.signature)}`,
  });
}

export function findingCaseText(b: FindingBucket, settings: CampaignSettings): string {
  return printCase({
    program: b.program,
    provenance: provenanceOf(b),
    options: { profile: settings.profile, quirks: settings.quirks },
    expectations: [],
    note: noteOf(b),
  });
}
