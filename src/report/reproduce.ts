/** The command that reproduces a finding from its case file (`throwfuzz check --help`). Pure. */
import type { CampaignSettings } from '../fuzz/settings.js';

/** Shell-quote a word only when it needs it (paths from findingFileName never do). */
const word = (w: string): string => (/^[A-Za-z0-9_./:=,@+-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

/** The engine a finding's label names: `path-explorer~seed-global-order@rfc+join` → `path-explorer`. */
const engineOfLabel = (label: string): string => label.split(/[@~+]/)[0] ?? label;

/**
 * `throwfuzz check FILE --engine E,... --profile P [--quirks Q,...] [--join]`: the engines the finding
 * involves that `check` knows (kernel and the run's model engines, each named by its label in the finding:
 * `ENGINE`, `ENGINE@PROFILE`, `ENGINE~QUIRK`, `ENGINE+join`; all of the run's when none is named), the run's
 * profile, the quirks those model engines ran with (check applies one list to every model engine), and
 * `--join` when a join-mode answer is involved (the precision oracle).
 */
export function reproduceCommand(
  caseFile: string,
  findingEngines: readonly string[],
  settings: Pick<CampaignSettings, 'models' | 'kernel' | 'profile' | 'quirks'>,
): string {
  const runEngines: string[] = [...(settings.kernel ? ['kernel'] : []), ...settings.models];
  const named = new Set(findingEngines.map(engineOfLabel));
  const involved = runEngines.filter((e) => named.has(e));
  const engines = involved.length > 0 ? involved : runEngines;
  const quirks = new Set<string>();
  for (const m of settings.models)
    if (engines.includes(m)) for (const q of settings.quirks[m] ?? []) quirks.add(q);
  const args = ['throwfuzz', 'check', caseFile, '--engine', engines.join(','), '--profile', settings.profile];
  if (quirks.size > 0) args.push('--quirks', [...quirks].sort().join(','));
  if (findingEngines.some((l) => l.endsWith('+join'))) args.push('--join');
  return args.map(word).join(' ');
}
