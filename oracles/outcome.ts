/**
 * The outcome oracle (SPEC §7): for each accepted program and each input, the reference run (the original,
 * bpf_throw unwinding), each model engine's rewrite run instrumented (alone, and scheduled under each slot
 * model) and the kernel's test-run must agree, on what both sides observe (outcome-compare.ts).
 *
 * - Solo runs see one slot whatever the slot model, so a solo mismatch is reported once per engine and
 *   input (symptom `solo`). Scheduled runs judge the slot model, so only a rewrite right alone is judged
 *   there (symptom `scheduled/<slots>`): a rewrite wrong alone (one that leaves the slot thrown, say) also
 *   disturbs the invocations sharing its slot, and that is the same defect.
 * - Scheduled invocations are matched to the reference by their input's position: the campaign runs them
 *   on the reference's prandom/ktime streams.
 * - The kernel reports a u32 retval: compared with the low 32 bits of the reference's u64, and the final
 *   ctx, only for inputs the kernel ran and only when the reference neither faulted, nor was indeterminate,
 *   nor drew from prandom or the clock (the kernel's are its own).
 * The cause is the throw path the reference run took on that input (signature.ts, throwPathCause), else a
 * static throw feature.
 */
import { programFeatures } from '../src/bpf/features.js';
import type { KernelOutcome, RunOutcome } from '../src/bpf/result.js';
import type { Diff, Finding } from './finding.js';
import type { InstrumentedRuns, Observation } from './observation.js';
import { isCrash, outcomeDiffs, type FieldDiff } from './outcome-compare.js';
import { rewriteCannotLoad } from './rewrite-validity.js';
import {
  engineLabel,
  pickCause,
  signatureOf,
  THROW_CAUSES,
  throwPathCause,
  type Cause,
} from './signature.js';

function causeOf(obs: Observation, reference: RunOutcome, diffs: readonly FieldDiff[]): Cause {
  // A rewrite that faults where the original did not: its slot past 512 bytes of stack (SPEC §5).
  const faults = diffs.some((d) => d.field === 'fault');
  if (faults && programFeatures(obs.program).has('stack-512')) return 'stack-512';
  return (
    throwPathCause(obs.program, reference.unwound) ?? pickCause(programFeatures(obs.program), THROW_CAUSES)
  );
}

const asDiffs = (diffs: readonly FieldDiff[], actualFrom: string): Diff[] =>
  diffs.map((d) => ({
    field: d.field,
    expectedFrom: 'reference',
    expected: d.expected,
    actualFrom,
    actual: d.actual,
  }));

function finding(
  obs: Observation,
  label: string,
  symptom: string,
  reference: RunOutcome,
  diffs: readonly FieldDiff[],
  from: string,
): Finding {
  return {
    oracle: 'outcome',
    severity: 'high',
    // A rewrite right alone and wrong scheduled is the slot model's defect (a slot two invocations share),
    // whatever the program throws from: one signature per slot model.
    signature: signatureOf(
      'outcome',
      [label],
      symptom,
      symptom.startsWith('scheduled/') ? 'shared-slot' : causeOf(obs, reference, diffs),
    ),
    title: `${from} differs from the reference run on ${diffs.map((d) => d.field).join(', ')}`,
    engines: [label],
    diffs: asDiffs(diffs, from),
    input: reference.input,
  };
}

/** The engine's label as InstrumentedRuns names it, with the answer's profile and quirks. */
function labelFor(obs: Observation, runs: InstrumentedRuns): string {
  const answer = obs.models.find((m) => m.engine === runs.engine);
  return answer === undefined ? runs.engine : engineLabel(answer);
}

function instrumentedFindings(obs: Observation, reference: readonly RunOutcome[]): Finding[] {
  const findings: Finding[] = [];
  /** Engines whose rewrite differs alone, and the inputs it differs on (reported once, not per slot model). */
  const soloDiffers = new Map<string, Set<number>>();
  for (const runs of obs.instrumented) {
    const label = labelFor(obs, runs);
    const answer = obs.models.find((m) => m.engine === runs.engine);
    // A rewrite that could never load faults where it cannot: rewrite-validity reports that, once.
    if (isCrash(runs.solo) || (answer !== undefined && rewriteCannotLoad(answer))) continue;
    const seen = soloDiffers.get(label) ?? new Set<number>();
    runs.solo.forEach((actual, i) => {
      const expected = reference[i];
      if (expected === undefined || seen.has(i)) return;
      const diffs = outcomeDiffs(expected, actual);
      if (diffs.length === 0) return;
      seen.add(i);
      findings.push(finding(obs, label, 'solo', expected, diffs, `${label} rewrite (instrumented, alone)`));
    });
    if (seen.size > 0) soloDiffers.set(label, seen);
  }
  for (const runs of obs.instrumented) {
    const label = labelFor(obs, runs);
    const answer = obs.models.find((m) => m.engine === runs.engine);
    // A rewrite wrong alone also disturbs the invocations it shares a slot with: that is the same defect.
    // A rewrite that could never load faults scheduled as it does alone: rewrite-validity's, as above.
    if (runs.scheduled === null || isCrash(runs.scheduled) || soloDiffers.has(label)) continue;
    if (answer !== undefined && rewriteCannotLoad(answer)) continue;
    const reported = new Set<number>();
    for (const { input: i, outcome: actual } of runs.scheduled) {
      const expected = reference[i];
      if (expected === undefined || reported.has(i)) continue;
      const diffs = outcomeDiffs(expected, actual);
      if (diffs.length === 0) continue;
      reported.add(i);
      const from = `${label} rewrite (instrumented, scheduled, ${runs.slots})`;
      findings.push(finding(obs, label, `scheduled/${runs.slots}`, expected, diffs, from));
    }
  }
  return findings;
}

function kernelRuns(obs: Observation): readonly KernelOutcome[] {
  if (!obs.kernel.asked || obs.kernel.result.status !== 'accepted') return [];
  const run = obs.kernel.result.run;
  switch (run.status) {
    case 'ran':
    case 'failed':
      return run.outcomes;
    case 'declined':
      return [];
    default: {
      const unreachable: never = run;
      throw new Error(`unknown kernel run ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * The kernel's prandom and clock are its own: a reference run that drew from the runtime's seeded streams
 * (bpf_get_prandom_u32, bpf_ktime_get_ns) predicts nothing about the kernel's retval or ctx.
 */
const drewFromStreams = (o: RunOutcome): boolean =>
  o.events.some((e) => e.startsWith('bpf_get_prandom_u32(') || e.startsWith('bpf_ktime_get_ns('));

function kernelFindings(obs: Observation, reference: readonly RunOutcome[]): Finding[] {
  const findings: Finding[] = [];
  kernelRuns(obs).forEach((k, i) => {
    const expected = reference[i];
    if (expected?.input !== k.input || expected.retval === null || expected.indeterminate) return;
    if (drewFromStreams(expected)) return;
    const low32 = Number(BigInt(expected.retval) & 0xffffffffn);
    const diffs: FieldDiff[] = [];
    if (low32 !== k.retval >>> 0) diffs.push({ field: 'retval', expected: low32, actual: k.retval });
    if (expected.ctx !== k.ctx) diffs.push({ field: 'ctx', expected: expected.ctx, actual: k.ctx });
    if (diffs.length > 0)
      findings.push(finding(obs, 'kernel', 'test-run', expected, diffs, 'kernel test-run'));
  });
  return findings;
}

export function outcomeOracle(obs: Observation): Finding[] {
  if (obs.origin.beyond || isCrash(obs.reference)) return [];
  return [...instrumentedFindings(obs, obs.reference), ...kernelFindings(obs, obs.reference)];
}
