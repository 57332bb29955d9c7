/** `--profile` and `--quirks` of the commands that run model engines (check, rewrite). */
import { isProfile, isQuirk, PROFILES, QUIRKS, type Profile, type Quirk } from '../bpf/profile.js';
import type { ModelEngine } from '../engines/contract.js';
import { UsageError } from './io.js';

export const PROFILE_HELP = `model engines: verify under this profile (${PROFILES.join(', ')}); default: each file's .profile`;
export const QUIRKS_HELP = `model engines: known defects to reproduce, comma-separated (${QUIRKS.join(', ')})`;

export function parseProfile(value: string | undefined): Profile | undefined {
  if (value === undefined || isProfile(value)) return value;
  throw new UsageError(`unknown profile '${value}' (profiles: ${PROFILES.join(', ')})`);
}

/**
 * The quirks named, each once, in the order given; a quirk one of `engines` cannot apply (it would do
 * nothing) is refused with the engine's reason.
 */
export function parseQuirks(value: string | undefined, engines: readonly ModelEngine[]): Quirk[] {
  const quirks: Quirk[] = [];
  for (const q of (value ?? '').split(',').map((s) => s.trim())) {
    if (q === '' || quirks.includes(q as Quirk)) continue;
    if (!isQuirk(q)) throw new UsageError(`unknown quirk '${q}' (quirks: ${QUIRKS.join(', ')})`);
    for (const engine of engines) {
      const whyNot = engine.quirks[q];
      if (whyNot !== null) throw new UsageError(`--quirks ${q}: ${engine.name} cannot apply it: ${whyNot}`);
    }
    quirks.push(q);
  }
  return quirks;
}
