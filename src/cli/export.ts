/**
 * `throwfuzz export FILE --format selftest|test_verifier|c-array [--out FILE]`: a case as a reproducer
 * upstream can run (src/report/export-*.ts), on stdout or written atomically to --out.
 */
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import type { Case } from '../corpus/case.js';
import { exportCArray } from '../report/export-c-array.js';
import {
  EXPORT_FORMATS,
  ExportError,
  isExportFormat,
  type ExportFormat,
  type ExportOptions,
} from '../report/export-common.js';
import { exportSelftest } from '../report/export-selftest.js';
import { exportTestVerifier } from '../report/export-test-verifier.js';
import type { CliContext } from './context.js';
import { UsageError } from './io.js';
import { readProgram } from './program-file.js';

/** The writer of each format. */
export function exporter(format: ExportFormat): (c: Case, opts: ExportOptions) => string {
  switch (format) {
    case 'selftest':
      return exportSelftest;
    case 'test_verifier':
      return exportTestVerifier;
    case 'c-array':
      return exportCArray;
    default: {
      const never: never = format;
      return never;
    }
  }
}

/** The test's name: the file's base name without its extension. */
export function exportName(file: string): string {
  const base = basename(file);
  return base.slice(0, base.length - extname(base).length) || base;
}

export function registerExport(cli: Command, ctx: CliContext): void {
  cli
    .command('export')
    .description('a case as a reproducer for upstream: a BPF selftest, a test_verifier entry or a C array')
    .argument('<file>', 'program or case file (.s)')
    .option('--format <format>', `${EXPORT_FORMATS.join(' | ')} (default selftest)`, 'selftest')
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .action(async (file: string, opts: { format: string; out?: string }) => {
      if (!isExportFormat(opts.format))
        throw new UsageError(`unknown format '${opts.format}' (formats: ${EXPORT_FORMATS.join(', ')})`);
      const { case: c } = await readProgram(ctx.io, file);
      let text: string;
      try {
        text = exporter(opts.format)(c, { name: exportName(file), source: basename(file) });
      } catch (e) {
        if (e instanceof ExportError) throw new UsageError(`${file}: ${e.message}`);
        throw e;
      }
      if (opts.out === undefined) ctx.io.stdout(text);
      else {
        try {
          await ctx.io.writeFile(opts.out, text);
        } catch (e) {
          throw new UsageError(`cannot write ${opts.out}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
        }
      }
      ctx.exitCode = 0;
    });
}
