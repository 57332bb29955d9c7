/**
 * A finding: one oracle's complaint about one case, as data. Reporters render it; the signature buckets
 * duplicates (signature.ts).
 */
import type { Observation } from './observation.js';

/** The oracles of SPEC §7 and DESIGN.md, one file each (index.ts lists them). */
export type OracleName =
  | 'verdict'
  | 'outcome'
  | 'soundness'
  | 'rewrite-validity'
  | 'kernel-health'
  | 'engine-fault'
  | 'precision'
  | 'regression';

export const ORACLE_NAMES: readonly OracleName[] = [
  'verdict',
  'outcome',
  'soundness',
  'rewrite-validity',
  'kernel-health',
  'engine-fault',
  'precision',
  'regression',
];

/**
 * `critical`: the kernel's own bug or an engine crash; `high`: a verifier accepts what is unsafe, or a rewrite
 * that behaves differently from a throw; `medium`: engines disagree; `precision`: an engine is less precise
 * than it could be (engine B's `--join`), never a defect on its own.
 */
export type Severity = 'critical' | 'high' | 'medium' | 'precision';

/** One field on which two sides differ: `expected` from one source, `actual` from the other. */
export interface Diff {
  readonly field: string;
  readonly expectedFrom: string;
  readonly expected: unknown;
  readonly actualFrom: string;
  readonly actual: unknown;
}

export interface Finding {
  readonly oracle: OracleName;
  readonly severity: Severity;
  /** The dedup key (signature.ts): stable, short, the unit of triage and JUnit. */
  readonly signature: string;
  /** One line a person reads first. */
  readonly title: string;
  /** The engines involved, `kernel` included, in a fixed order. */
  readonly engines: readonly string[];
  readonly diffs: readonly Diff[];
  /** The input (ctx hex) the finding is about, for outcome findings. */
  readonly input: string | null;
}

/** An oracle: a pure function of one observation. */
export type Oracle = (obs: Observation) => readonly Finding[];
