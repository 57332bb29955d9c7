/**
 * Field-by-field comparison of two outcomes (CONVENTIONS: mismatches as data). Rendering is in
 * render-diff.ts.
 */
import type { RunOutcome } from '../bpf/result.js';

export type OutcomeField = keyof RunOutcome;

/** One field that differs, with both values as they are in the outcomes. */
export interface OutcomeDiff {
  readonly field: OutcomeField;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** The fields in the order they are compared and reported. */
export const OUTCOME_FIELDS: readonly OutcomeField[] = [
  'input',
  'retval',
  'ctx',
  'thrown',
  'cookie',
  'unwound',
  'events',
  'held',
  'slotAfter',
  'fault',
  'indeterminate',
];

/** Fields only the reference mode observes (null in an instrumented outcome). */
const THROW_FIELDS: ReadonlySet<OutcomeField> = new Set<OutcomeField>(['thrown', 'cookie', 'unwound']);

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (
    a !== null &&
    b !== null &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every(
        (k) =>
          Object.hasOwn(b, k) && equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return false;
}

/**
 * The fields where `actual` differs from `expected`, in OUTCOME_FIELDS order. thrown, cookie and unwound
 * are compared only when both outcomes observed them (both from the reference mode), so a reference run
 * compares with an instrumented run of its rewrite on what the two can both see.
 */
export function compareOutcomes(expected: RunOutcome, actual: RunOutcome): OutcomeDiff[] {
  const bothObserveThrow = expected.thrown !== null && actual.thrown !== null;
  return OUTCOME_FIELDS.filter((field) => bothObserveThrow || !THROW_FIELDS.has(field))
    .filter((field) => !equal(expected[field], actual[field]))
    .map((field) => ({ field, expected: expected[field], actual: actual[field] }));
}
