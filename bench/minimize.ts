/**
 * `npm run bench -- minimize`: quirk findings of 100-300 instructions (the first ones campaigns with each
 * quirk switched on find, model engines only), minimized with the finding predicate: the size before and
 * after, the predicate calls and the time, each against a hand-written case of the same signature (what a
 * person would write; checked to give the signature). Aim: under 10 s each, at most twice the hand-written
 * size.
 */
import { performance } from 'node:perf_hooks';
import type { Profile, Quirk } from '../src/bpf/profile.js';
import type { Program } from '../src/bpf/program.js';
import { parseProgram } from '../src/bpf/text/parse.js';
import { runCampaign, type FindingBucket } from '../src/fuzz/campaign.js';
import { findingPredicate } from '../src/fuzz/finding-predicate.js';
import { isQuirkFinding } from '../src/fuzz/quirk-finding.js';
import type { CampaignSettings } from '../src/fuzz/settings.js';
import { minimize } from '../src/minimize/reduce.js';
import { SLOT_MODELS } from '../src/runtime/index.js';

const PER_QUIRK = 3;
const MIN_INSNS = 100;
const MAX_INSNS = 300;
const CAP_MS = 30_000;
const deps = { kernel: { unavailable: 'not asked' }, corpus: [], clock: () => performance.now() } as const;

/** Per quirk: its profile, and a case a person would write for its finding (r6 keeps ctx; no inputs). */
const QUIRKS: readonly { quirk: Quirk; profile: Profile; byHand: string }[] = [
  {
    quirk: 'seed-global-order',
    profile: 'mainline',
    // main calls g1, which calls g2, which throws: g1's call of the later global is left unmarked
    byHand: `
    r1 = 0
    call g1
    exit
.func g1 global args=1
    r1 = 0
    call g2
    r0 = 0
    exit
.func g2 global args=1
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
`,
  },
  {
    quirk: 'seed-global-resources',
    profile: 'mainline',
    // a reference held across a call of a throwing global
    byHand: `
    call bpf_cpumask_create
    if r0 == 0x0 goto out
    *(u64 *)(r10 -8) = r0
    r1 = 0
    call g
    r1 = *(u64 *)(r10 -8)
    call bpf_cpumask_release
out:
    r0 = 0
    exit
.func g global args=1
    r1 = 1
    call bpf_throw
    r0 = 0
    exit
`,
  },
  {
    quirk: 'seed-loop-inline',
    profile: 'rfc',
    // a bpf_loop callback that throws on its first iteration, under rfc
    byHand: `.profile rfc
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop#181
    exit
.func cb static args=2
    if r1 != 0x0 goto out
    call bpf_throw
out:
    r0 = 0
    exit
`,
  },
];

const settingsOf = (quirk: Quirk, profile: Profile, seed: string): CampaignSettings => ({
  runSeed: seed,
  models: ['path-explorer'],
  kernel: false,
  profile,
  quirks: { 'path-explorer': [quirk] },
  slots: [...SLOT_MODELS],
  beyond: 0,
  join: false,
});

/** The quirk's own findings of 100-300 instructions, from seeds 1, 2, ... until there are `count`. */
async function bigFindings(quirk: Quirk, profile: Profile, count: number) {
  const out: { bucket: FindingBucket; settings: CampaignSettings }[] = [];
  for (let seed = 1; seed <= 20 && out.length < count; seed++) {
    const settings = settingsOf(quirk, profile, String(seed));
    await runCampaign(
      settings,
      { kind: 'cases', count: 3000 },
      {
        ...deps,
        known: () => null,
        interrupted: () => out.length >= count,
        onBucket: async (b) => {
          const n = b.program.insns.length;
          if (out.length >= count || n < MIN_INSNS || n > MAX_INSNS) return;
          if (await isQuirkFinding(b, quirk, settings, deps)) out.push({ bucket: b, settings });
        },
      },
    );
  }
  return out;
}

export async function run(): Promise<void> {
  for (const { quirk, profile, byHand } of QUIRKS) {
    const found = await bigFindings(quirk, profile, PER_QUIRK);
    if (found.length === 0) console.log(`${quirk}: no finding of ${MIN_INSNS}-${MAX_INSNS} instructions`);
    for (const { bucket, settings } of found) {
      const keeps = findingPredicate(bucket.signature, bucket.origin, settings, deps);
      const hand: Program = parseProgram(byHand, `${quirk} by hand`);
      const handOk = await keeps(hand);
      const start = performance.now();
      const { program, stats } = await minimize(bucket.program, keeps, {
        timeMs: CAP_MS,
        clock: () => performance.now(),
      });
      const seconds = (performance.now() - start) / 1000;
      const ratio = program.insns.length / hand.insns.length;
      console.log(
        `${quirk} seed ${bucket.origin.runSeed} case ${bucket.origin.index}: ${stats.insnsBefore} -> ${stats.insnsAfter} insns ` +
          `in ${seconds.toFixed(2)} s (${stats.calls} checks, ${stats.rounds} rounds, ${stats.stop}); ` +
          `by hand ${hand.insns.length}${handOk ? '' : ' (another signature)'}, ${ratio.toFixed(1)}x` +
          `${seconds > 10 ? '; OVER 10 s' : ''}${ratio > 2 ? '; OVER 2x' : ''}\n    ${bucket.signature}`,
      );
    }
  }
}
