/**
 * Which committed programs seed the mutation strategy: those inside the fragment, which every model engine
 * of the campaign answers (not `unsupported`). A runtime rewrite calling the instrumentation helpers, or a
 * kernel case probing pointer arithmetic past the fragment, would only make mutants no engine judges.
 */
import type { Program } from '../bpf/program.js';
import { modelEngine } from '../engines/index.js';
import { inFragment } from '../../generators/index.js';
import type { CampaignSettings } from './settings.js';

export function mutationSeeds(programs: readonly Program[], settings: CampaignSettings): Program[] {
  return programs.filter(
    (p) =>
      inFragment(p) &&
      settings.models.every(
        (name) =>
          modelEngine(name).verify(p, { profile: settings.profile, quirks: [] }).result.verdict.accepted !==
          null,
      ),
  );
}
