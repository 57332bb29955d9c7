/**
 * What a campaign runs under: plain data, recorded in every report, so the same settings and seed give the
 * same cases and findings.
 */
import type { Profile, Quirk } from '../bpf/profile.js';
import type { ModelEngineName } from '../engines/contract.js';
import type { SlotModel } from '../../oracles/observation.js';

export interface CampaignSettings {
  /** Every random choice derives from it (case i = f(runSeed, i)). */
  readonly runSeed: string;
  /** Model engines asked, in this order. */
  readonly models: readonly ModelEngineName[];
  /** Whether the live kernel is asked (when it is available). */
  readonly kernel: boolean;
  readonly profile: Profile;
  /** Quirks switched on per model engine (SPEC §4). */
  readonly quirks: { readonly [E in ModelEngineName]?: readonly Quirk[] };
  /** Slot models the rewrites run under, scheduled on several CPUs (SPEC §6). */
  readonly slots: readonly SlotModel[];
  /** Share of cases that step outside the fragment on purpose (judged by kernel-health alone). */
  readonly beyond: number;
  /**
   * Join mode (`ModelOptions.join`): each model engine that supports it is asked again with `join: true`,
   * and the precision oracle compares the joined answer with its exact one (oracles/precision.ts).
   */
  readonly join: boolean;
}
