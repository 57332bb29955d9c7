/**
 * The run report: one results model that every writer renders (report.json, report.md, junit.xml,
 * report.html). The zod schema is the contract of `report.json`; docs/report.schema.json is generated from
 * it (`npm run schema`, test/report/schema.test.ts keeps them equal).
 */
import { z } from 'zod';
import { ORACLE_NAMES } from '../../oracles/finding.js';

/** Bumped whenever a field changes meaning or is added: readers check it. */
export const REPORT_FORMAT = 'throwfuzz-report/3';

const count = z.number().int().min(0);

export const diffSchema = z.strictObject({
  field: z.string(),
  expectedFrom: z.string(),
  expected: z.unknown(),
  actualFrom: z.string(),
  actual: z.unknown(),
});

/** A new finding's first case, minimized by the campaign (`--minimize-checks`, `--minimize-time`). */
export const minimizedSchema = z.union([
  z.strictObject({
    status: z.literal('minimized'),
    /** The minimized case file, relative to the report's directory (`findings/NAME.min.s`). */
    caseFile: z.string(),
    /** Its whole text: program, provenance, options, and a note with the signature and sizes. */
    caseText: z.string(),
    insnsBefore: count,
    insnsAfter: count,
    functionsBefore: count,
    functionsAfter: count,
    inputsBefore: count,
    inputsAfter: count,
    /** Times the pipeline was run again on a candidate. */
    checks: count,
    /** `fixpoint`: 1-minimal; `checks`: the check budget ran out; `time`: the wall-clock safety cap did. */
    stop: z.enum(['fixpoint', 'checks', 'time']),
    /** Milliseconds it took. */
    ms: z.number().min(0),
  }),
  /** Not minimized: the first case did not give its signature again, or its worker hung or died. */
  z.strictObject({ status: z.literal('failed'), reason: z.string() }),
]);

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
  /** How the first case came about: `corpus` (replayed), `generate`, `mutate`. */
  strategy: z.string(),
  /** The case file that reproduces it, relative to the report's directory. */
  caseFile: z.string(),
  /** The whole text of that case file: program, provenance, options, note. */
  caseText: z.string(),
  /** The command that reproduces it, run in the report's directory. */
  reproduce: z.string(),
  /** Both sides of the disagreement, field by field. */
  diffs: z.array(diffSchema),
  input: z.string().nullable(),
  /**
   * The first case minimized; null when it was not: a known or `precision` finding, a `regression`, a hang
   * or crash, `--no-minimize`, or a run that ended first.
   */
  minimized: minimizedSchema.nullable(),
});

export const shardSchema = z.strictObject({ index: count.min(1), count: count.min(1) });

export const optionsSchema = z.strictObject({
  models: z.array(z.string()),
  kernel: z.boolean(),
  profile: z.enum(['mainline', 'rfc']),
  quirks: z.record(z.string(), z.array(z.string())),
  slots: z.array(z.string()),
  beyond: z.number().min(0).max(1),
  /** `--join`: model engines that support join mode asked again with it (the precision oracle). */
  join: z.boolean().default(false),
  stop: z.union([
    z.strictObject({ kind: z.literal('time'), ms: count }),
    z.strictObject({ kind: z.literal('cases'), count }),
  ]),
  /** `--shard I/N`, 1-based; null for a run of every case (and for a merged report). */
  shard: shardSchema.nullable(),
  /** Worker threads (summed over the shards of a merged report). */
  workers: count.min(1),
  /** Each new finding minimized with at most `checks` checks (a safety cap of `timeMs`); null: `--no-minimize`. */
  minimize: z.strictObject({ checks: count, timeMs: count }).nullable(),
});

export const machineSchema = z.strictObject({
  hostname: z.string(),
  platform: z.string(),
  cpus: count,
  cpuModel: z.string(),
  memoryMiB: count,
  node: z.string(),
});

export const runReportSchema = z.strictObject({
  format: z.literal(REPORT_FORMAT),
  runId: z.string(),
  runSeed: z.string(),
  options: optionsSchema,
  /** `uname -r` when the kernel was asked, else why it was not. */
  kernel: z.union([
    z.strictObject({ asked: z.literal(true), release: z.string() }),
    z.strictObject({ asked: z.literal(false), reason: z.string() }),
  ]),
  /** The machine the run ran on (a merged report: its first shard's). */
  machine: machineSchema,
  /** Each engine and its version: a model engine is throwfuzz's own; the kernel's is its release or null. */
  engines: z.array(z.strictObject({ name: z.string(), version: z.string().nullable() })),
  /** Generator version: a run seed and case index reproduce a case only under the same one. */
  generator: z.string(),
  startedAt: z.string(),
  elapsedMs: z.number().min(0),
  /** False when the run was interrupted (or a merge lacks shards): the counts cover fewer cases. */
  complete: z.boolean(),
  cases: count,
  casesPerSecond: z.number().min(0),
  /** Cases finished by `ms` into the run (cumulative): the throughput curve. */
  timeline: z.array(z.strictObject({ ms: z.number().min(0), cases: count })),
  strategies: z.record(z.string(), count),
  verdicts: z.record(z.string(), z.record(z.string(), count)),
  features: z.record(z.string(), count),
  /** Milliseconds per part of the pipeline (generate, each model engine, kernel, runtime, oracles), summed. */
  times: z.record(z.string(), z.number().min(0)),
  /** The same as shares of their sum, 0..1. */
  timeShare: z.record(z.string(), z.number().min(0).max(1)),
  /** New findings first, then known; each group by first case. */
  findings: z.array(reportFindingSchema),
  summary: z.strictObject({ signatures: count, new: count, known: count }),
  /** The run ids a merged report was made of; empty for a run's own report. */
  shards: z.array(z.string()),
});

export type RunReport = z.infer<typeof runReportSchema>;
export type ReportFinding = z.infer<typeof reportFindingSchema>;
export type ReportMachine = z.infer<typeof machineSchema>;
export type ReportDiff = z.infer<typeof diffSchema>;
export type ReportMinimized = z.infer<typeof minimizedSchema>;

/** A finding that fails a run (exit 1, a JUnit failure): new, and not a precision artefact. */
export const isFailing = (f: ReportFinding): boolean => f.status === 'new' && f.severity !== 'precision';
