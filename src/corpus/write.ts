/**
 * Writing a case file: the case lines first (provenance, options, expectations in their order, notes),
 * then the program in canonical text. `readCase(printCase(c))` equals `c`, and a file `printCase` wrote is
 * canonical: `fmt` leaves it as it is. Writing to disk is the CLI's (Io.writeFile is atomic).
 */
import { printProgram } from '../bpf/text/print.js';
import type { Case, Expectation } from './case.js';
import { expectationKey } from './case.js';
import { CASE_COMMENT } from './read.js';

/** The JSON of an expectation line, fields in a fixed order. */
function expectationJson(e: Expectation): string {
  if (e.engine === 'kernel') {
    const { release, accepted, message, run, outcomes } = e;
    return JSON.stringify({
      release,
      accepted,
      class: e.class,
      message,
      ...(run !== undefined ? { run } : {}),
      outcomes: outcomes.map(({ input, retval, ctx }) => ({ input, retval, ctx })),
    });
  }
  const { accepted, message, throwsException } = e;
  return JSON.stringify({
    accepted,
    class: e.class,
    message,
    ...(throwsException !== undefined ? { throwsException } : {}),
  });
}

/** The `case ...` comment texts of a case, in canonical order. */
export function caseLineTexts(c: Case): string[] {
  const out: string[] = [];
  if (c.provenance) {
    const { runSeed, index, generator, strategy } = c.provenance;
    out.push(`case provenance ${JSON.stringify({ runSeed, index, generator, strategy })}`);
  }
  if (c.options) {
    const { profile, quirks } = c.options;
    out.push(
      `case options ${JSON.stringify({ ...(profile !== undefined ? { profile } : {}), ...(quirks !== undefined ? { quirks } : {}) })}`,
    );
  }
  for (const e of c.expectations) out.push(`case expect ${expectationKey(e)} ${expectationJson(e)}`);
  if (c.note !== null) for (const line of c.note.split('\n')) out.push(line === '' ? 'case note' : `case note ${line}`);
  return out;
}

/** The case file's text. Throws (a programming error) when a comment of the program would read as a case line. */
export function printCase(c: Case): string {
  const clash = c.program.notes.find((n) => n.kind === 'line' && CASE_COMMENT.test(n.text));
  if (clash) throw new Error(`a comment of the program reads as a case line: ; ${clash.text}`);
  const head = caseLineTexts(c).map((t) => `; ${t}\n`);
  return head.join('') + printProgram(c.program);
}
