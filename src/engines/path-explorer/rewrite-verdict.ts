/**
 * Rewrite validity: would a verifier accept the instrumented program? The RFC patches a program after
 * verifying it (do_misc_rewrites, do_misc_fixups) and never verifies the result, so a rewrite can break a
 * rule the original kept: most plainly the callsite slot at r10 - (S + 8) of SPEC §5 step 3, out of the
 * 512-byte frame when a subprogram already uses all of it. This verifies the rewrite as it runs
 * instrumented (verify's `instrumented` option: bpf_throw returns, the instrumentation helpers exist),
 * under the same profile and quirks. Pure; any engine's facts will do.
 */
import type { VerifyOptions } from '../../bpf/profile.js';
import type { Program } from '../../bpf/program.js';
import type { Facts, Verdict } from '../../bpf/result.js';
import { rewriteProgram } from '../../bpf/rewrite.js';
import { verify } from './verify.js';

/**
 * The verdict on the SPEC §5 rewrite of `program` built from `facts`. Its `insn` and the numbers in its
 * message are pcs of the rewrite, not of the original.
 */
export function rewriteVerdict(program: Program, facts: Facts, options: VerifyOptions): Verdict {
  const rewrite = rewriteProgram(program, facts, options.profile, options.quirks);
  return verify(rewrite, { profile: options.profile, quirks: options.quirks, instrumented: true }).verdict;
}
