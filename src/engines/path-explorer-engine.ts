/** The path explorer (engine A) behind the engine registry's interface (src/engines/index.ts). */
import type { Profile, Quirk } from '../bpf/profile.js';
import type { Program } from '../bpf/program.js';
import type { ModelResult, Verdict } from '../bpf/result.js';
import type { EngineDescriptor, EngineOptions } from './index.js';
import { rewriteVerdict, verify } from './path-explorer/index.js';

/** What `check` keeps of one verification: the program and settings it was verified with, and the result. */
export interface PathExplorerResult {
  readonly program: Program;
  readonly profile: Profile;
  readonly quirks: readonly Quirk[];
  readonly result: ModelResult;
  /**
   * The verdict of verifying the rewrite (SPEC §5) as it runs instrumented, under the same profile and
   * quirks (path-explorer's rewriteVerdict); null when there is no rewrite (the program was rejected).
   */
  readonly rewriteVerdict: Verdict | null;
}

/** The quirks of SPEC §4 the path explorer reproduces (null), or why it cannot (one line). */
export const PATH_EXPLORER_QUIRKS: { readonly [Q in Quirk]: string | null } = {
  'seed-global-order': null,
  'seed-global-resources': null,
  'seed-loop-inline': null,
  // The quirk is about an ext program's entry (SPEC §4); the engine answers `unsupported` for ext programs.
  'seed-entry-clobber': 'it needs ext programs, which path-explorer does not verify yet',
};

export function pathExplorerEngine(options: EngineOptions = {}): EngineDescriptor<'path-explorer'> {
  return {
    name: 'path-explorer',
    description:
      "engine A: a kernel-style verifier (do_check's paths, pruning) with SPEC §5 facts and rewrite",
    open() {
      return Promise.resolve({
        available: true,
        engine: {
          name: 'path-explorer',
          about: 'model engine (path explorer)',
          check: (program: Program) => {
            // The program's own `.profile` unless the caller chose one.
            const profile = options.profile ?? program.profile;
            const quirks = options.quirks ?? [];
            const result = verify(program, { profile, quirks, log: options.log === true });
            const rewrite = result.facts && rewriteVerdict(program, result.facts, { profile, quirks });
            return Promise.resolve({
              engine: 'path-explorer',
              result: { program, profile, quirks, result, rewriteVerdict: rewrite },
            });
          },
          close: () => Promise.resolve(),
        },
      });
    },
  };
}
