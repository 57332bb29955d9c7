/**
 * Whether a finding is a quirk's own: the same case judged without the quirk does not produce it. Every
 * finding of an engine with a quirk names the quirk (engineLabel adds `~quirk`), including those the case
 * would produce anyway (a slot model's race, a rewrite past 512 bytes): only a re-run tells them apart.
 */
import type { Quirk } from '../bpf/profile.js';
import type { FindingBucket } from './campaign.js';
import { runCase, type PipelineDeps } from './pipeline.js';
import type { CampaignSettings } from './settings.js';

export async function isQuirkFinding(
  bucket: FindingBucket,
  quirk: Quirk,
  settings: CampaignSettings,
  deps: PipelineDeps,
): Promise<boolean> {
  if (bucket.first.severity === 'precision' || !bucket.signature.includes(`~${quirk}`)) return false;
  const quirks = Object.fromEntries(
    Object.entries(settings.quirks).map(([engine, qs]) => [engine, (qs ?? []).filter((q) => q !== quirk)]),
  ) as CampaignSettings['quirks'];
  const without = await runCase(
    { kind: bucket.origin.strategy === 'corpus' ? 'corpus' : 'generated', index: bucket.origin.index },
    { ...settings, quirks },
    deps,
  );
  const dequirked = bucket.signature.replaceAll(`~${quirk}`, '');
  return !without.findings.some((f) => f.signature === dequirked);
}
