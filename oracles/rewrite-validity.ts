/**
 * The rewrite-validity oracle: a model engine's rewrite, verified again as it runs instrumented
 * (ModelAnswer.rewriteVerdict), must be accepted. Two kinds of rejection (docs/path-explorer.md, "Rewrite
 * validity"):
 * - defects of the design: what a patched program breaks whatever paths it takes (the callsite slot past 512
 *   bytes of stack, class `stack`; a program grown past the limits, `too-complex`; `structure`): severity
 *   `high`, symptom `design`.
 * - every other class is an artefact: re-verification cannot know which paths threw, so it follows the
 *   "no exception" continuation after an always-throwing call (code the original never reached, which may
 *   hold anything: a misaligned access, a leak, an uninitialised read) and the exception exit after a path
 *   that did not throw. The kernel never re-verifies a rewrite; the instrumented runs still equal the
 *   originals'. Severity `precision`, symptom `artefact`.
 * `unsupported` (the rfc loop rewrite's 32-bit jump) and `internal-error` are not rejections.
 */
import type { RejectClass } from '../src/bpf/result.js';
import type { ModelAnswer } from '../src/engines/contract.js';
import type { Finding } from './finding.js';
import type { Observation } from './observation.js';
import { engineLabel, signatureOf } from './signature.js';

const DESIGN: ReadonlySet<RejectClass> = new Set<RejectClass>(['stack', 'too-complex', 'structure']);

/** A rewrite no verifier would load (a design rejection): its runs are this oracle's finding, not outcome's. */
export function rewriteCannotLoad(answer: ModelAnswer): boolean {
  const v = answer.rewriteVerdict;
  return v?.accepted === false && DESIGN.has(v.class);
}

export function rewriteValidityOracle(obs: Observation): Finding[] {
  if (obs.origin.beyond) return [];
  const findings: Finding[] = [];
  for (const answer of obs.models) {
    const v = answer.rewriteVerdict;
    if (v?.accepted !== false) continue;
    const label = engineLabel(answer);
    const artefact = !DESIGN.has(v.class);
    findings.push({
      oracle: 'rewrite-validity',
      severity: artefact ? 'precision' : 'high',
      signature: signatureOf(
        'rewrite-validity',
        [`${label}=${v.class}`],
        artefact ? 'artefact' : 'design',
        // The class names the defect (the slot past 512 bytes is `stack`), whatever the program does.
        'none',
      ),
      title: `${label}'s rewrite would be rejected (${v.class}): ${v.message}`,
      engines: [label],
      diffs: [
        {
          field: 'rewriteVerdict',
          expectedFrom: 'SPEC §5',
          expected: 'accept',
          actualFrom: label,
          actual: v,
        },
      ],
      input: null,
    });
  }
  return findings;
}
