/** The line each writer shows for a finding's minimized form (report.md, junit.xml, report.html). Pure. */
import type { ReportFinding } from './model.js';

export function minimizedLine(f: ReportFinding): string | null {
  const m = f.minimized;
  if (m === null) return null;
  switch (m.status) {
    case 'failed':
      return `not minimized: ${m.reason}`;
    case 'minimized': {
      const stop =
        m.stop === 'fixpoint'
          ? '1-minimal'
          : m.stop === 'checks'
            ? 'stopped by the check budget, maybe not 1-minimal'
            : 'stopped by the time cap (a safety fallback), maybe not 1-minimal';
      return (
        `minimized: ${m.caseFile}, ${m.insnsBefore} -> ${m.insnsAfter} instructions, ` +
        `${m.functionsBefore} -> ${m.functionsAfter} functions, ${m.inputsBefore} -> ${m.inputsAfter} inputs ` +
        `(${m.checks} checks, ${stop})`
      );
    }
    default: {
      const never: never = m;
      return never;
    }
  }
}
