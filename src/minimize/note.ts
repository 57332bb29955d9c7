/**
 * The note a minimized case file carries (`throwfuzz minimize`, and each finding a campaign minimizes): the
 * signature it keeps, the sizes before and after, how many checks it took, and whether the result is
 * 1-minimal or a budget stopped it. Pure.
 */
import type { MinimizeStats } from './reduce.js';

/** Why the reducer stopped, as a person reads it. */
export function stopText(stop: MinimizeStats['stop']): string {
  switch (stop) {
    case 'fixpoint':
      return '1-minimal';
    case 'calls':
      return 'stopped by the check budget: smaller, maybe not 1-minimal';
    case 'time':
      // The wall-clock cap is a safety fallback: where it stops depends on the machine, not on the program.
      return 'stopped by the time cap (a safety fallback; another machine may stop elsewhere): maybe not 1-minimal';
    default: {
      const never: never = stop;
      return never;
    }
  }
}

export function minimizedNote(s: MinimizeStats, signature: string): string {
  return [
    `minimized: ${s.insnsBefore} -> ${s.insnsAfter} instructions, ${s.subprogsBefore} -> ${s.subprogsAfter} functions, ` +
      `${s.inputsBefore} -> ${s.inputsAfter} inputs (${s.calls} checks, ${stopText(s.stop)})`,
    `signature: ${signature}`,
  ].join('\n');
}
