/** `throwfuzz fmt FILE...`: canonical text form; `--check` lists what is not canonical, `--write` fixes it. */
import type { Command } from 'commander';
import { printCase } from '../corpus/write.js';
import type { CliContext } from './context.js';
import { readPrograms } from './program-file.js';

export function registerFmt(cli: Command, ctx: CliContext): void {
  cli
    .command('fmt')
    .description('print programs in canonical text form')
    .argument('<files...>', 'program files (.s)')
    .option('--check', 'print nothing but the files that are not canonical; exit 1 if any')
    .option('--write', 'rewrite the files in place')
    .action(async (files: string[], opts: { check?: boolean; write?: boolean }) => {
      const { io } = ctx;
      // The batch rule: every file is handled; one that cannot be read or parsed is reported and skipped.
      const { good, failed } = await readPrograms(io, files);
      let unformatted = 0;
      for (const { file, text, case: c } of good) {
        // A case file's case lines come first, then the program (a plain program file has none).
        const canonical = printCase(c);
        if (opts.check) {
          if (canonical !== text) {
            unformatted++;
            io.stdout(`${file}: not canonical\n`);
          }
        } else if (opts.write) {
          if (canonical !== text) await io.writeFile(file, canonical);
        } else {
          io.stdout(files.length > 1 ? `; ==> ${file} <==\n${canonical}` : canonical);
        }
      }
      ctx.exitCode = failed > 0 ? 2 : unformatted > 0 ? 1 : 0;
    });
}
