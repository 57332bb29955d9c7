/**
 * Comparing two run outcomes, restated from the runtime's rules (src/runtime/compare.ts; oracles import no
 * runtime) with what an oracle must add:
 * - thrown, cookie and unwound only when both sides observed them (an instrumented run cannot: null);
 * - retval and ctx not when either run read stack it never wrote (`indeterminate`, SPEC §3);
 * - a fault by its kind only: a rewrite's pcs are not the original's;
 * - events without the exception's own bookkeeping (bpf_throw, bpf_get_exception, bpf_reset_exception: a
 *   rewrite calls them where the original did not; the runtime already leaves them out).
 */
import type { RunOutcome } from '../src/bpf/result.js';
import type { RunCrash } from './observation.js';

export type ComparedField =
  'retval' | 'ctx' | 'thrown' | 'cookie' | 'unwound' | 'events' | 'held' | 'slotAfter' | 'fault';

export interface FieldDiff {
  readonly field: ComparedField;
  readonly expected: unknown;
  readonly actual: unknown;
}

const BOOKKEEPING = /^(?:bpf_throw|bpf_get_exception|bpf_reset_exception)\(/;

export function isCrash(runs: readonly unknown[] | RunCrash): runs is RunCrash {
  return !Array.isArray(runs);
}

/** Structural equality of plain JSON data (key order does not matter). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]))
    );
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra);
  return (
    ka.length === Object.keys(rb).length && ka.every((k) => Object.hasOwn(rb, k) && sameData(ra[k], rb[k]))
  );
}

const events = (o: RunOutcome): string[] => o.events.filter((e) => !BOOKKEEPING.test(e));

/** The fields where `actual` differs from `expected`, on what both observe. */
export function outcomeDiffs(expected: RunOutcome, actual: RunOutcome): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  const check = (field: ComparedField, e: unknown, a: unknown): void => {
    if (!sameData(e, a)) diffs.push({ field, expected: e, actual: a });
  };
  if (!expected.indeterminate && !actual.indeterminate) {
    check('retval', expected.retval, actual.retval);
    check('ctx', expected.ctx, actual.ctx);
  }
  if (expected.thrown !== null && actual.thrown !== null) {
    check('thrown', expected.thrown, actual.thrown);
    check('cookie', expected.cookie, actual.cookie);
    check('unwound', expected.unwound, actual.unwound);
  }
  check('events', events(expected), events(actual));
  check('held', expected.held, actual.held);
  check('slotAfter', expected.slotAfter, actual.slotAfter);
  check('fault', expected.fault?.kind ?? null, actual.fault?.kind ?? null);
  return diffs;
}
