/**
 * The run report: one results model that every writer renders (JSON now; Markdown, HTML and JUnit with the
 * campaign-at-scale issue). The zod schema is the contract of `report.json`.
 */
import { z } from 'zod';
import { ORACLE_NAMES } from '../../oracles/finding.js';

const count = z.number().int().min(0);

export const reportFindingSchema = z.strictObject({
  signature: z.string().min(1),
  oracle: z.enum(ORACLE_NAMES as [string, ...string[]]),
  severity: z.enum(['critical', 'high', 'medium', 'precision']),
  title: z.string(),
  engines: z.array(z.string()),
  /** `new`: not in the triage file; `known`: in it, with its note. */
  status: z.enum(['new', 'known']),
  note: z.string().nullable(),
  /** Cases that produced this signature, and the first of them. */
  count: count.min(1),
  firstCase: count,
  strategy: z.string(),
  /** The case file that reproduces it (`throwfuzz check FILE`), relative to the report's directory. */
  caseFile: z.string(),
  diffs: z.array(
    z.strictObject({
      field: z.string(),
      expectedFrom: z.string(),
      expected: z.unknown(),
      actualFrom: z.string(),
      actual: z.unknown(),
    }),
  ),
  input: z.string().nullable(),
});

export const runReportSchema = z.strictObject({
  format: z.literal('throwfuzz-report/1'),
  runId: z.string(),
  runSeed: z.string(),
  options: z.strictObject({
    models: z.array(z.string()),
    kernel: z.boolean(),
    profile: z.enum(['mainline', 'rfc']),
    quirks: z.record(z.string(), z.array(z.string())),
    slots: z.array(z.string()),
    beyond: z.number().min(0).max(1),
    stop: z.union([
      z.strictObject({ kind: z.literal('time'), ms: count }),
      z.strictObject({ kind: z.literal('cases'), count }),
    ]),
  }),
  /** `uname -r` when the kernel was asked, else why it was not. */
  kernel: z.union([
    z.strictObject({ asked: z.literal(true), release: z.string() }),
    z.strictObject({ asked: z.literal(false), reason: z.string() }),
  ]),
  startedAt: z.string(),
  elapsedMs: z.number().min(0),
  /** Whether the run ended early (interrupted) rather than by its stop rule. */
  complete: z.boolean(),
  cases: count,
  casesPerSecond: z.number().min(0),
  strategies: z.record(z.string(), count),
  verdicts: z.record(z.string(), z.record(z.string(), count)),
  features: z.record(z.string(), count),
  /** Share of the case time per stage, 0..1. */
  timeShare: z.record(z.string(), z.number().min(0).max(1)),
  findings: z.array(reportFindingSchema),
  summary: z.strictObject({ signatures: count, new: count, known: count }),
});

export type RunReport = z.infer<typeof runReportSchema>;
export type ReportFinding = z.infer<typeof reportFindingSchema>;
