/**
 * `check --format table|csv`: one row per file, a column per engine (verdict and class), and with several
 * engines an agree column; the shape of the kernel's `veristat` output, so the two can sit side by side.
 */
import type { EngineName } from '../engines/index.js';
import { verdictText, type Answer, type Comparison } from './check-compare.js';
import { entryAnswer, type FileReport } from './check-report.js';

function answerCell(a: Answer): string {
  switch (a.kind) {
    case 'verdict':
      return verdictText(a);
    case 'not-applicable':
      return 'not applicable';
    case 'skipped':
      return 'skipped';
    case 'fault':
      return 'no answer';
    default: {
      const never: never = a;
      return never;
    }
  }
}

function agreeCell(c: Comparison): string {
  switch (c.kind) {
    case 'agree':
      return 'yes';
    case 'differ':
      return 'no';
    case 'not-compared':
      return '-';
    default: {
      const never: never = c;
      return never;
    }
  }
}

/** Header and rows, cells as plain strings. */
export function tableRows(engines: readonly EngineName[], reports: readonly FileReport[]): string[][] {
  const several = engines.length > 1;
  const rows = [['file', ...engines, ...(several ? ['agree'] : [])]];
  for (const r of reports) {
    const row = [r.file];
    for (const e of r.entries) row.push(answerCell(entryAnswer(e)));
    if (r.comparison) row.push(agreeCell(r.comparison));
    rows.push(row);
  }
  return rows;
}

/** Columns padded to their widest cell, two spaces apart. */
export function renderTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  let out = '';
  for (const row of rows)
    out += `${row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()}\n`;
  return out;
}

/** RFC 4180: a cell with a comma, a quote or a line break is quoted, quotes doubled. */
function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function renderCsv(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (const row of rows) out += `${row.map(csvCell).join(',')}\n`;
  return out;
}
