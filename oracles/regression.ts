/**
 * The regression oracle: a committed corpus case the campaign replayed (before generating) whose recorded
 * `; case expect` line an engine no longer gives. The comparison is replay's (src/corpus/replay.ts: the kernel
 * on another release compared on accept/reject and class only); this turns each check that mismatched into
 * one finding, its fields as diffs.
 *
 * Signature: `regression:SIDE:CASE/vs-EXPECTATION/FIELD:-`, e.g.
 * `regression:path-explorer:kernel/ref-across-throwing-global/vs-kernel/verdict:-` (the case file's path in
 * the corpus without `.s`, the expectation's key and the first field that differs, each as lowercase words).
 */
import type { Finding, Oracle } from './finding.js';
import type { ReplayedCase, ReplayedCheck } from './observation.js';
import { signatureOf } from './signature.js';

/** A signature segment: lowercase letters, digits and dashes (signature-form.ts). */
function seg(text: string): string {
  const s = text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'x' : s;
}

function finding(r: ReplayedCase, c: ReplayedCheck): Finding {
  const path = r.file
    .replace(/\.s$/, '')
    .split('/')
    .filter((p) => p !== '')
    .map(seg);
  const fields = c.mismatches.map((m) => m.field);
  const coarse =
    c.otherRelease === null
      ? ''
      : ` (recorded on ${c.otherRelease.recorded}, running ${c.otherRelease.running}: accept/reject and class only)`;
  return {
    oracle: 'regression',
    severity: 'high',
    signature: signatureOf(
      'regression',
      [c.side],
      [...path, `vs-${seg(c.against)}`, seg(fields[0]!)].join('/'),
      '-',
    ),
    title: `${r.file}: ${c.engine} differs from case expect ${c.against} (${fields.join(', ')})${coarse}`,
    engines: [c.side],
    diffs: c.mismatches.map((m) => ({
      field: m.field,
      expectedFrom: `case expect ${c.against}`,
      expected: m.expected,
      actualFrom: c.engine,
      actual: m.actual,
    })),
    input: null,
  };
}

export const regressionOracle: Oracle = (obs) => {
  const r = obs.replayed ?? null;
  if (r === null) return [];
  return r.checks.filter((c) => c.mismatches.length > 0).map((c) => finding(r, c));
};
