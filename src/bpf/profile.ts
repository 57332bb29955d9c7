/** Profiles and quirks of SPEC §4. */

/** `mainline`: a current kernel (bpf_throw(cookie), the program returns the cookie). `rfc`: RFC v1. */
export type Profile = 'mainline' | 'rfc';
export const PROFILES: readonly Profile[] = ['mainline', 'rfc'];

/** Known defects reproduced on demand, so the harness can prove it finds them. */
export type Quirk = 'seed-global-order' | 'seed-global-resources' | 'seed-entry-clobber' | 'seed-loop-inline';
export const QUIRKS: readonly Quirk[] = [
  'seed-global-order',
  'seed-global-resources',
  'seed-entry-clobber',
  'seed-loop-inline',
];

/** Program kinds of SPEC §1. */
export type ProgramKind = 'syscall' | 'ext' | 'fexit';
export const PROGRAM_KINDS: readonly ProgramKind[] = ['syscall', 'ext', 'fexit'];

export type Linkage = 'static' | 'global';

/** What every model engine is asked to verify under. */
export interface VerifyOptions {
  readonly profile: Profile;
  readonly quirks: readonly Quirk[];
}

export const isProfile = (s: string): s is Profile => (PROFILES as readonly string[]).includes(s);
export const isQuirk = (s: string): s is Quirk => (QUIRKS as readonly string[]).includes(s);
export const isProgramKind = (s: string): s is ProgramKind =>
  (PROGRAM_KINDS as readonly string[]).includes(s);
