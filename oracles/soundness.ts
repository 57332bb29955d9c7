/**
 * The soundness oracle (SPEC §7): a program a verifier accepted (the kernel, or a model engine) must, in the
 * reference run on every input, not fault, hold no reference or region at the end, and leave the exception
 * slot clear. One finding per accepting verifier and symptom (the first input that shows it), so the kernel's
 * hole and a model engine's quirk get different signatures.
 *
 * - `fuel-exhausted` is not a soundness issue: a verifier bounds every path, not the running time
 *   (bpf_loop runs up to 2^23 callbacks), and the runtime's fuel is far below what it accepts.
 * - The slot of an instrumented run is the outcome oracle's (it differs from the reference's clear slot);
 *   here only the reference run's, so one defect is not reported by two oracles.
 */
import { programFeatures } from '../src/bpf/features.js';
import type { Feature } from '../src/bpf/features.js';
import type { RunOutcome } from '../src/bpf/result.js';
import type { Finding } from './finding.js';
import type { Observation } from './observation.js';
import { isCrash } from './outcome-compare.js';
import { engineLabel, pickCause, signatureOf, THROW_CAUSES } from './signature.js';

interface Problem {
  readonly symptom: string;
  readonly field: string;
  readonly actual: unknown;
  readonly expected: unknown;
  readonly causes: readonly Feature[];
}

function problemsOf(o: RunOutcome): Problem[] {
  const out: Problem[] = [];
  if (o.fault !== null && o.fault.kind !== 'fuel-exhausted') {
    out.push({
      symptom: `fault-${o.fault.kind}`,
      field: 'fault',
      expected: null,
      actual: o.fault,
      causes: [],
    });
  }
  if (o.held.refs.length > 0) {
    out.push({
      symptom: 'held-ref',
      field: 'held.refs',
      expected: [],
      actual: o.held.refs,
      causes: ['ref-across-global-call'],
    });
  }
  if (o.held.rcu > 0 || o.held.preempt > 0) {
    out.push({
      symptom: 'held-region',
      field: 'held',
      expected: { rcu: 0, preempt: 0 },
      actual: { rcu: o.held.rcu, preempt: o.held.preempt },
      causes: ['region-across-global-call', 'region-across-call'],
    });
  }
  if (o.slotAfter.thrown) {
    out.push({
      symptom: 'slot-thrown',
      field: 'slotAfter',
      expected: { thrown: false, cookie: '0' },
      actual: o.slotAfter,
      causes: THROW_CAUSES,
    });
  }
  return out;
}

/** The verifiers that accepted the program, by label. */
function acceptedBy(obs: Observation): string[] {
  const labels: string[] = [];
  if (obs.kernel.asked && obs.kernel.result.status === 'accepted') labels.push('kernel');
  for (const m of obs.models) if (m.result.verdict.accepted === true) labels.push(engineLabel(m));
  return labels;
}

export function soundnessOracle(obs: Observation): Finding[] {
  if (obs.origin.beyond || isCrash(obs.reference)) return [];
  const verifiers = acceptedBy(obs);
  if (verifiers.length === 0) return [];
  const firstBySymptom = new Map<string, { problem: Problem; outcome: RunOutcome }>();
  for (const outcome of obs.reference) {
    for (const problem of problemsOf(outcome)) {
      if (!firstBySymptom.has(problem.symptom)) firstBySymptom.set(problem.symptom, { problem, outcome });
    }
  }
  const features = programFeatures(obs.program);
  return verifiers.flatMap((label) =>
    [...firstBySymptom.values()].map(({ problem, outcome }) => ({
      oracle: 'soundness' as const,
      severity: 'high' as const,
      signature: signatureOf(
        'soundness',
        [`${label}=accept`],
        problem.symptom,
        pickCause(features, problem.causes),
      ),
      title: `${label} accepted a program whose reference run ends with ${problem.symptom}`,
      engines: [label],
      diffs: [
        {
          field: problem.field,
          expectedFrom: label,
          expected: problem.expected,
          actualFrom: 'reference',
          actual: problem.actual,
        },
      ],
      input: outcome.input,
    })),
  );
}
