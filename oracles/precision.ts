/**
 * The precision oracle: each join-mode answer (Observation.joined, the campaign's `--join`) against the same
 * engine's exact answer. Merging states at control-flow joins over-approximates the states that reach an
 * instruction, so a joined analysis may reject more and mark more; it must never reject less or mark less.
 *
 * - joined rejects what exact accepts: `precision` (`extra-reject`);
 * - both accept, joined marks a callsite exact leaves unmarked: `precision` (`extra-mark`); a mark of the
 *   other type: `precision` (`mark-type`);
 * - both reject, with another class or message (ids normalised, as every comparison): `precision`
 *   (`class`, `message`): the over-approximation may meet another violation first;
 * - joined accepts what exact rejects for a safety reason (every class but `too-complex`, which a join
 *   exists to avoid): `high` (`lost-reject`); joined leaves unmarked a callsite exact marks: `high`
 *   (`lost-mark`, its rewrite would not unwind that throw). A join that loses soundness is a bug.
 *
 * An answer without a verdict (`unsupported`, `internal-error`) is not compared: an internal error is the
 * engine-fault oracle's. Programs outside the fragment on purpose (`beyond`) are judged by kernel health alone.
 */
import { programFeatures } from '../src/bpf/features.js';
import type { Mark } from '../src/bpf/result.js';
import type { KernelClass, ModelAnswer } from '../src/engines/contract.js';
import { sameMessage } from '../src/engines/projection.js';
import type { Diff, Finding, Severity } from './finding.js';
import type { Observation } from './observation.js';
import { engineLabel, joinedLabel, pickCause, signatureOf, THROW_CAUSES, verdictCause } from './signature.js';

type Symptom =
  'extra-reject' | 'extra-mark' | 'mark-type' | 'class' | 'message' | 'lost-reject' | 'lost-mark';

/** A rejection a join may trade for an acceptance: giving up on complexity is what a join avoids. */
const NOT_SAFETY: readonly KernelClass[] = ['too-complex'];

const word = (a: ModelAnswer): KernelClass | 'accept' | null => {
  const v = a.result.verdict;
  if (v.accepted === null) return null;
  return v.accepted ? 'accept' : v.class;
};

/** Marked callsites whose marks differ, as (pc, exact, joined); `none` where one side has no entry. */
function markDiffs(exact: ModelAnswer, joined: ModelAnswer): { insn: number; exact: Mark; joined: Mark }[] {
  const byPc = new Map<number, { exact: Mark; joined: Mark }>();
  for (const m of exact.result.facts?.marks ?? []) byPc.set(m.insn, { exact: m.mark, joined: 'none' });
  for (const m of joined.result.facts?.marks ?? [])
    byPc.set(m.insn, { exact: byPc.get(m.insn)?.exact ?? 'none', joined: m.mark });
  return [...byPc]
    .filter(([, m]) => m.exact !== m.joined)
    .map(([insn, m]) => ({ insn, ...m }))
    .sort((a, b) => a.insn - b.insn);
}

function compare(
  exact: ModelAnswer,
  joined: ModelAnswer,
): { symptom: Symptom; severity: Severity; diffs: Diff[] } | null {
  const e = exact.result.verdict;
  const j = joined.result.verdict;
  if (e.accepted === null || j.accepted === null) return null;
  const [from, to] = [engineLabel(exact), joinedLabel(joined)];
  const diff = (field: string, expected: unknown, actual: unknown): Diff => ({
    field,
    expectedFrom: from,
    expected,
    actualFrom: to,
    actual,
  });
  if (e.accepted && !j.accepted)
    return {
      symptom: 'extra-reject',
      severity: 'precision',
      diffs: [diff('verdict', 'accept', j.class), diff('message', null, j.message)],
    };
  if (!e.accepted && j.accepted)
    return {
      symptom: 'lost-reject',
      severity: NOT_SAFETY.includes(e.class) ? 'precision' : 'high',
      diffs: [diff('verdict', e.class, 'accept'), diff('message', e.message, null)],
    };
  if (!e.accepted && !j.accepted) {
    if (e.class !== j.class)
      return {
        symptom: 'class',
        severity: 'precision',
        diffs: [diff('class', e.class, j.class), diff('message', e.message, j.message)],
      };
    if (!sameMessage(e.message, j.message))
      return { symptom: 'message', severity: 'precision', diffs: [diff('message', e.message, j.message)] };
    return null;
  }
  const marks = markDiffs(exact, joined);
  if (marks.length === 0) return null;
  const lost = marks.some((m) => m.exact !== 'none' && m.joined === 'none');
  const extra = marks.some((m) => m.exact === 'none' && m.joined !== 'none');
  const symptom: Symptom = lost ? 'lost-mark' : extra ? 'extra-mark' : 'mark-type';
  return {
    symptom,
    severity: lost ? 'high' : 'precision',
    diffs: marks.map((m) => diff(`mark insn ${m.insn}`, m.exact, m.joined)),
  };
}

export function precisionOracle(obs: Observation): Finding[] {
  if (obs.origin.beyond) return [];
  const findings: Finding[] = [];
  for (const joined of obs.joined) {
    const exact = obs.models.find(
      (m) =>
        m.engine === joined.engine &&
        m.profile === joined.profile &&
        m.quirks.join() === joined.quirks.join(),
    );
    if (exact === undefined) continue;
    const found = compare(exact, joined);
    if (found === null) continue;
    const [e, j] = [word(exact)!, word(joined)!];
    const features = programFeatures(obs.program);
    const marks =
      found.symptom === 'extra-mark' || found.symptom === 'lost-mark' || found.symptom === 'mark-type';
    const cause = marks ? pickCause(features, THROW_CAUSES) : verdictCause(features, [e, j]);
    // The joined side names what it said; the exact side only when it is not `accept` (it is the baseline).
    const sides = [`${joinedLabel(joined)}=${j}`, ...(e === 'accept' ? [] : [`${engineLabel(exact)}=${e}`])];
    findings.push({
      oracle: 'precision',
      severity: found.severity,
      signature: signatureOf('precision', sides, found.symptom, cause),
      title: `${joinedLabel(joined)} against its exact answer (${found.symptom}): ${e} vs ${j}`,
      engines: [engineLabel(exact), joinedLabel(joined)],
      diffs: found.diffs,
      input: null,
    });
  }
  return findings;
}
