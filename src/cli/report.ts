/**
 * `throwfuzz report show DIR` and `throwfuzz report merge DIR... --out DIR`: a run's report read back
 * (src/report/parse.ts), printed as report.md's summary, or shards merged into one report directory.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { SourceError } from '../bpf/source-error.js';
import { writeReportFiles } from '../report/files.js';
import { findingsLine } from '../report/headline.js';
import { renderMarkdownSummary } from '../report/markdown.js';
import { mergeReports } from '../report/merge.js';
import type { RunReport } from '../report/model.js';
import { parseReport } from '../report/parse.js';
import type { CliContext } from './context.js';
import { readUserFile, UsageError, type ReadLimit } from './io.js';

/** A report carries every finding's program: larger than a program text may be. */
const REPORT_LIMIT: ReadLimit = { bytes: 1024 * 1024 * 1024, why: 'the limit for a report' };

/** DIR/report.json, validated; anything wrong is the user's mistake, in one line. */
async function readReport(ctx: CliContext, dir: string): Promise<RunReport> {
  const path = join(dir, 'report.json');
  const text = (await readUserFile(ctx.io, path, REPORT_LIMIT)).toString('utf8');
  const parsed = parseReport(text);
  if (parsed.ok) return parsed.report;
  if (parsed.at !== null) throw new SourceError(parsed.message, parsed.at.line, parsed.at.col, path);
  throw new UsageError(`${path}: ${parsed.message}`);
}

export function registerReport(cli: Command, ctx: CliContext): void {
  const report = cli.command('report').description("read campaign reports: show one, merge shards' reports");
  report
    .command('show')
    .description("print the summary of DIR/report.json (report.md's first part)")
    .argument('<dir>', 'report directory')
    .action(async (dir: string) => {
      ctx.io.stdout(renderMarkdownSummary(await readReport(ctx, dir)));
    });
  report
    .command('merge')
    .description("merge the reports of one run's shards into one report directory")
    .argument('<dirs...>', 'report directories (each holds report.json)')
    .requiredOption('--out <dir>', 'directory to write the merged report to')
    .action(async (dirs: string[], opts: { out: string }) => {
      // Every input is read and checked before anything is written.
      const inputs = [];
      for (const dir of dirs)
        inputs.push({ path: join(dir, 'report.json'), report: await readReport(ctx, dir) });
      const merged = mergeReports(inputs);
      if (!merged.ok) throw new UsageError(merged.message);
      await writeReportFiles(opts.out, merged.report);
      ctx.io.stdout(
        `merged ${inputs.length} reports: ${merged.report.cases} cases, ${findingsLine(merged.report)}` +
          `${merged.report.complete ? '' : ' (incomplete)'}\nreport: ${join(opts.out, 'report.json')}\n`,
      );
    });
}
