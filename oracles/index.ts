/**
 * The oracles as a table (DESIGN.md): each a pure `(obs) => Finding[]` in its own file, listed once here. A
 * new oracle is one file and one line.
 */
import type { Finding, Oracle, OracleName } from './finding.js';
import { engineFaultOracle } from './engine-fault.js';
import { kernelHealthOracle } from './kernel-health.js';
import type { Observation } from './observation.js';
import { precisionOracle } from './precision.js';
import { outcomeOracle } from './outcome.js';
import { regressionOracle } from './regression.js';
import { rewriteValidityOracle } from './rewrite-validity.js';
import { soundnessOracle } from './soundness.js';
import { verdictOracle } from './verdict.js';

export const ORACLES: { readonly [N in OracleName]: Oracle } = {
  verdict: verdictOracle,
  outcome: outcomeOracle,
  soundness: soundnessOracle,
  'rewrite-validity': rewriteValidityOracle,
  'kernel-health': kernelHealthOracle,
  'engine-fault': engineFaultOracle,
  precision: precisionOracle,
  regression: regressionOracle,
};

/** Every oracle on one observation, in ORACLE_NAMES order. */
export function judge(obs: Observation): Finding[] {
  return (Object.keys(ORACLES) as OracleName[]).flatMap((name) => [...ORACLES[name](obs)]);
}

export type { Finding, Oracle, OracleName, Severity, Diff } from './finding.js';
export type { Observation } from './observation.js';
export { classify, parseTriage, TRIAGE_SCHEMA, type Classified, type Triage } from './triage.js';
export { engineLabel } from './signature.js';
export { caseFault } from './engine-fault.js';
