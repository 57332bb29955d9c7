/** The orders a report lists things in. Pure. */
import type { ReportFinding } from './model.js';

/** Which of two cases of one signature is the "first": corpus replay cases before the rest, then by index. */
export function caseOrder(
  a: Pick<ReportFinding, 'strategy' | 'firstCase'>,
  b: Pick<ReportFinding, 'strategy' | 'firstCase'>,
): number {
  const replay = (f: Pick<ReportFinding, 'strategy'>): number => (f.strategy === 'corpus' ? 0 : 1);
  return replay(a) - replay(b) || a.firstCase - b.firstCase;
}

/** New findings first, then known; each group by first case (the order a person triages in). */
export function findingOrder(a: ReportFinding, b: ReportFinding): number {
  if (a.status !== b.status) return a.status === 'new' ? -1 : 1;
  return caseOrder(a, b);
}
