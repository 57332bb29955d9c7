/**
 * Engine A, the path explorer: a kernel-style verifier (SPEC §3-§5), behind the engine contract
 * (src/engines/contract.ts) as `pathExplorer`. `verify` is the engine itself, for tests and benchmarks that
 * look inside (the log, the instrumented mode).
 */
import type { Quirk } from '../../bpf/profile.js';
import type { Program } from '../../bpf/program.js';
import type { ModelResult, Verdict } from '../../bpf/result.js';
import type { ModelAnswer, ModelEngine, ModelOptions } from '../contract.js';
import { verify } from './verify.js';

export { verify, type PathExplorerOptions } from './verify.js';
export { rewriteVerdict } from './rewrite-verdict.js';

/** The quirks of SPEC §4 the path explorer reproduces (null), or why it cannot (one line). */
const QUIRKS: { readonly [Q in Quirk]: string | null } = {
  'seed-global-order': null,
  'seed-global-resources': null,
  'seed-loop-inline': null,
  // The quirk is about an ext program's entry (SPEC §4); the engine answers `unsupported` for ext programs.
  'seed-entry-clobber': 'it needs ext programs, which path-explorer does not verify yet',
};

const internalError = (e: unknown): Verdict => ({
  accepted: null,
  status: 'internal-error',
  reason: `path-explorer internal error: ${e instanceof Error ? e.message : String(e)}`,
});

/**
 * The answer on one program: the verdict, facts and rewrite, and rewrite validity (the rewrite verified
 * again as it runs instrumented, under the same profile and quirks; see rewrite-verdict.ts). Never throws:
 * `verify` turns an exception into `internal-error`, and so does this wrapper for anything around it.
 */
function answer(program: Program, options: ModelOptions): ModelAnswer {
  const { profile, quirks } = options;
  let result: ModelResult;
  try {
    result = verify(program, { profile, quirks, log: options.log === true });
  } catch (e) {
    const verdict = internalError(e);
    const stats = { insnsProcessed: 0, states: 0 };
    result = { verdict, facts: null, rewrite: null, stats, log: options.log === true ? [] : null };
  }
  let rewriteVerdict: Verdict | null = null;
  if (result.facts !== null && !result.facts.marks.some((m) => m.mark !== 'none')) {
    // Nothing marked: the rewrite is the program itself (SPEC §5 patches only marked calls and a throwing
    // main's entry), explored along the same paths, so its verdict is the program's: accepted. Half the
    // engine's time on a campaign is spared.
    rewriteVerdict = result.verdict;
  } else if (result.rewrite !== null) {
    try {
      rewriteVerdict = verify(result.rewrite, { profile, quirks, instrumented: true }).verdict;
    } catch (e) {
      rewriteVerdict = internalError(e);
    }
  }
  return { engine: 'path-explorer', profile, quirks, result, rewriteVerdict };
}

export const pathExplorer: ModelEngine = {
  name: 'path-explorer',
  description: "engine A: a kernel-style verifier (do_check's paths, pruning) with SPEC §5 facts and rewrite",
  quirks: QUIRKS,
  join: 'it explores paths one at a time, as do_check does, and has no join of states',
  verify: answer,
};
