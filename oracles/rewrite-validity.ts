/**
 * The rewrite-validity oracle: a model engine's rewrite, verified again as it runs instrumented
 * (ModelAnswer.rewriteVerdict), must be accepted. Two kinds of rejection (docs/path-explorer.md, "Rewrite
 * validity"):
 * - artefacts (`ref-leak`, `region-open`, `region-misuse`, `uninit`): re-verification cannot know which paths
 *   threw, so it follows the "no exception" continuation after an always-throwing call and the exception
 *   exit after a path that did not throw. The kernel never re-verifies a rewrite; the instrumented runs
 *   still equal the originals'. Severity `precision`, symptom `artefact`.
 * - every other class is a defect of the design (the slot past 512 bytes of stack, `too-complex`,
 *   `structure`, and anything not known to be an artefact): severity `high`, symptom `design`.
 * `unsupported` (the rfc loop rewrite's 32-bit jump) and `internal-error` are not rejections.
 */
import type { RejectClass } from '../src/bpf/result.js';
import type { Finding } from './finding.js';
import type { Observation } from './observation.js';
import { engineLabel, featuresOf, signatureOf, verdictCause } from './signature.js';

const ARTEFACTS: ReadonlySet<RejectClass> = new Set<RejectClass>([
  'ref-leak',
  'region-open',
  'region-misuse',
  'uninit',
]);

export function rewriteValidityOracle(obs: Observation): Finding[] {
  if (obs.origin.beyond) return [];
  const findings: Finding[] = [];
  for (const answer of obs.models) {
    const v = answer.rewriteVerdict;
    if (v?.accepted !== false) continue;
    const label = engineLabel(answer);
    const artefact = ARTEFACTS.has(v.class);
    const cause = artefact ? 'none' : verdictCause(featuresOf(obs.program), [v.class]);
    findings.push({
      oracle: 'rewrite-validity',
      severity: artefact ? 'precision' : 'high',
      signature: signatureOf(
        'rewrite-validity',
        [`${label}=${v.class}`],
        artefact ? 'artefact' : 'design',
        cause,
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
