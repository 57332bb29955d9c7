/**
 * The engine-fault oracle: an engine or the runtime that failed instead of answering. It judges every
 * program, also those outside the fragment on purpose: a model engine must answer `unsupported` there,
 * never crash.
 * - a model engine's `internal-error` verdict (exact or join mode), and an engine that threw
 *   (obs.engineCrashes): critical;
 * - a runtime run that threw (a Runs that is a RunCrash: reference, instrumented alone or scheduled): critical;
 * - the kernel engine's `error` (throwfuzz could not present the program: a harness problem): medium.
 * The symptom is the failure's first words, numbers normalised, so two different crashes do not share a bucket.
 */
import type { Finding, Severity } from './finding.js';
import { slug } from './normalise.js';
import type { Observation, RunCrash } from './observation.js';
import { isCrash } from './outcome-compare.js';
import { engineLabel, joinedLabel, signatureOf } from './signature.js';

function fault(who: string, kind: string, message: string, severity: Severity = 'critical'): Finding {
  const firstLine = message.split('\n')[0] ?? '';
  return {
    oracle: 'engine-fault',
    severity,
    signature: signatureOf('engine-fault', [who], `${kind}/${slug(firstLine)}`, '-'),
    title: `${who}: ${kind}: ${firstLine}`,
    engines: [who],
    diffs: [{ field: kind, expectedFrom: who, expected: 'an answer', actualFrom: who, actual: message }],
    input: null,
  };
}

/**
 * A case that never answered: it passed the hang limit (`hang`) or took its worker down (`crash`: an
 * exception outside the engines, the worker's heap exhausted, the thread ended). The pool (src/fuzz) sees
 * these, not an oracle: the case left no observation. `part` is where the case was (an engine's name,
 * `runtime`, ...): the heartbeat says so.
 */
export function caseFault(part: string, kind: 'hang' | 'crash', message: string): Finding {
  return fault(part, kind, message);
}

export function engineFaultOracle(obs: Observation): Finding[] {
  const findings: Finding[] = [];
  for (const m of obs.models) {
    const v = m.result.verdict;
    if (v.accepted === null && v.status === 'internal-error')
      findings.push(fault(engineLabel(m), 'internal-error', v.reason));
  }
  for (const m of obs.joined) {
    const v = m.result.verdict;
    if (v.accepted === null && v.status === 'internal-error')
      findings.push(fault(joinedLabel(m), 'internal-error', v.reason));
  }
  for (const c of obs.engineCrashes) findings.push(fault(c.engine, 'crash', c.message));
  const runtime = (which: string, runs: readonly unknown[] | RunCrash | null): void => {
    if (runs !== null && isCrash(runs)) findings.push(fault(`runtime/${which}`, 'crash', runs.crash));
  };
  runtime('reference', obs.reference);
  for (const r of obs.instrumented) {
    runtime(`instrumented/${r.engine}`, r.solo);
    runtime(`instrumented/${r.engine}/${r.slots}`, r.scheduled);
  }
  if (obs.kernel.asked && obs.kernel.result.status === 'error') {
    const r = obs.kernel.result;
    findings.push(fault('kernel', `harness-${r.stage}`, r.detail, 'medium'));
  }
  return findings;
}
