/**
 * One file's answers from every engine `check` was asked for, and how each output format shows them:
 * text (a block per file), JSON (an array), and the rows of table/CSV (check-table.ts). Pure.
 */
import type { Program } from '../bpf/program.js';
import type { EngineName, EngineResult } from '../engines/contract.js';
import { answerOf, compareAnswers, comparisonText, type Answer, type Comparison } from './check-compare.js';
import { engineJson, engineText, skippedJson, type EngineJson, type TextOptions } from './check-render.js';

export type EngineEntry =
  | { readonly kind: 'result'; readonly engine: EngineName; readonly result: EngineResult }
  /** The engine is unavailable here; the reason was said once, on stderr. */
  | { readonly kind: 'skipped'; readonly engine: EngineName; readonly reason: string };

export interface FileReport {
  readonly file: string;
  /** The program the engines were asked about (text output lists it). */
  readonly program: Program;
  readonly entries: readonly EngineEntry[];
  /** Null when one engine was asked for: nothing to compare. */
  readonly comparison: Comparison | null;
}

export function entryAnswer(e: EngineEntry): Answer {
  switch (e.kind) {
    case 'result':
      return answerOf(e.result);
    case 'skipped':
      return { kind: 'skipped' };
    default: {
      const never: never = e;
      return never;
    }
  }
}

export function fileReport(file: string, program: Program, entries: readonly EngineEntry[]): FileReport {
  const comparison =
    entries.length > 1
      ? compareAnswers(entries.map((e) => ({ engine: e.engine, answer: entryAnswer(e) })))
      : null;
  return { file, program, entries, comparison };
}

/** The text block of one file: its name, each engine's lines, and (several engines) agree or differ. */
export function fileText(report: FileReport, options: TextOptions): string {
  const lines = [report.file];
  const emit = (line: string): void => {
    lines.push(`  ${line}`);
  };
  for (const e of report.entries) {
    switch (e.kind) {
      case 'result':
        engineText(e.result, report.program, options, emit);
        break;
      case 'skipped':
        emit(`${e.engine}: skipped (unavailable)`);
        break;
      default: {
        const never: never = e;
        return never;
      }
    }
  }
  if (report.comparison) emit(comparisonText(report.comparison));
  return `${lines.join('\n')}\n`;
}

export interface Tally {
  readonly files: number;
  readonly agree: number;
  readonly differ: number;
  readonly notCompared: number;
  /** Files that could not be read or parsed. */
  readonly unreadable: number;
}

export function tally(reports: readonly FileReport[], unreadable: number): Tally {
  let agree = 0;
  let differ = 0;
  let notCompared = 0;
  for (const { comparison: c } of reports) {
    if (c === null) continue;
    switch (c.kind) {
      case 'agree':
        agree++;
        break;
      case 'differ':
        differ++;
        break;
      case 'not-compared':
        notCompared++;
        break;
      default: {
        const never: never = c;
        return never;
      }
    }
  }
  return { files: reports.length + unreadable, agree, differ, notCompared, unreadable };
}

/** `summary: 82 files, 80 agree, 1 differ, 1 not compared` (and how many could not be read). */
export function summaryText(t: Tally): string {
  const unreadable = t.unreadable > 0 ? `, ${t.unreadable} unreadable` : '';
  const files = t.files === 1 ? '1 file' : `${t.files} files`;
  return `summary: ${files}, ${t.agree} agree, ${t.differ} differ, ${t.notCompared} not compared${unreadable}\n`;
}

export interface FileJson {
  readonly file: string;
  readonly engines: Partial<Record<EngineName, EngineJson>>;
  /** With several engines: how their verdicts compare (accept/reject, class, message with ids normalised). */
  readonly agreement?: Comparison['kind'];
}

export function fileJson(report: FileReport): FileJson {
  const engines: Partial<Record<EngineName, EngineJson>> = {};
  for (const e of report.entries)
    engines[e.engine] = e.kind === 'result' ? engineJson(e.result) : skippedJson(e.reason);
  return {
    file: report.file,
    engines,
    ...(report.comparison ? { agreement: report.comparison.kind } : {}),
  };
}
