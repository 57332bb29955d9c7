/**
 * Reading a report.json back: the text to a validated RunReport, or what is wrong with it (where, for a JSON
 * syntax error: the CLI prints `path:line:col: message`; else `path: message`). Pure.
 */
import { jsonErrorOffset, positionAt, type TextPosition } from './json-position.js';
import { REPORT_FORMAT, runReportSchema, type RunReport } from './model.js';

export type ParsedReport =
  | { readonly ok: true; readonly report: RunReport }
  | { readonly ok: false; readonly message: string; readonly at: TextPosition | null };

export function parseReport(text: string): ParsedReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const at = positionAt(text, jsonErrorOffset(text) ?? 0);
    // V8's message quotes the whole text after a comma: keep its first clause.
    const why = e instanceof Error ? e.message.split('\n')[0]!.replace(/, ".*$/, '') : String(e);
    return { ok: false, message: `not JSON: ${why}`, at };
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && format !== REPORT_FORMAT)
    return {
      ok: false,
      message: `format ${JSON.stringify(format ?? null)}, but this throwfuzz reads ${REPORT_FORMAT}`,
      at: null,
    };
  const parsed = runReportSchema.safeParse(data);
  if (parsed.success) return { ok: true, report: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return { ok: false, message: `not a throwfuzz report: ${where}${issue.message}`, at: null };
}
