/** Shared by the minimizer's tests and bench: quirk findings from a campaign, and the 1-minimality check. */
import { deleteRange, dropInput, dropSubprogram } from '../../src/bpf/edit.js';
import type { Profile, Quirk } from '../../src/bpf/profile.js';
import type { Program } from '../../src/bpf/program.js';
import { structureProblem } from '../../src/bpf/structure.js';
import type { ModelEngineName } from '../../src/engines/contract.js';
import { runCampaign, type FindingBucket } from '../../src/fuzz/campaign.js';
import { isQuirkFinding } from '../../src/fuzz/quirk-finding.js';
import type { CampaignSettings } from '../../src/fuzz/settings.js';
import { dropOrphans } from '../../src/minimize/passes.js';

export const NO_KERNEL = { kernel: { unavailable: 'not asked' }, corpus: [], clock: () => 0 } as const;

export const quirkSettings = (
  engine: ModelEngineName,
  quirk: Quirk,
  profile: Profile,
  seed: string,
): CampaignSettings => ({
  runSeed: seed,
  models: [engine],
  kernel: false,
  profile,
  quirks: { [engine]: [quirk] },
  slots: ['task-ctx', 'prog-global', 'per-cpu'],
  beyond: 0,
  join: false,
});

/** The first finding of a campaign that is the quirk's own (quirk-finding.ts), within `cases` cases. */
export async function quirkFinding(
  settings: CampaignSettings,
  quirk: Quirk,
  cases = 2000,
): Promise<FindingBucket> {
  let found: FindingBucket | null = null;
  await runCampaign(
    settings,
    { kind: 'cases', count: cases },
    {
      ...NO_KERNEL,
      known: () => null,
      interrupted: () => found !== null,
      onBucket: async (b) => {
        if (found === null && (await isQuirkFinding(b, quirk, settings, NO_KERNEL))) found = b;
      },
    },
  );
  if (found === null) throw new Error(`no ${quirk} finding in ${cases} cases of seed ${settings.runSeed}`);
  return found;
}

/**
 * Every program one removal away (an instruction, with the subprograms only it called; a subprogram with its
 * calls; an input) that is well formed and still satisfies the predicate: empty when 1-minimal.
 */
export async function oneRemovalsThatKeep(
  p: Program,
  predicate: (q: Program) => Promise<boolean>,
): Promise<string[]> {
  const out: string[] = [];
  const tryOne = async (what: string, q: Program): Promise<void> => {
    if (structureProblem(q) === null && (await predicate(q))) out.push(what);
  };
  for (let i = 0; i < p.insns.length; i++) {
    await tryOne(`insn ${i}`, deleteRange(p, i, i + 1));
    await tryOne(`insn ${i} and its orphans`, dropOrphans(deleteRange(p, i, i + 1)));
  }
  for (let k = 1; k < p.funcs.length; k++)
    await tryOne(`subprogram ${p.funcs[k]!.name}`, dropSubprogram(p, k));
  for (let k = 0; k < p.inputs.length; k++) await tryOne(`input ${k}`, dropInput(p, k));
  return out;
}
