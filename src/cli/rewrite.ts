/**
 * `throwfuzz rewrite FILE`: the SPEC §5 rewrite of an accepted program, in canonical text, as the first
 * registered model engine makes it (any correct engine makes the same).
 */
import type { Command } from 'commander';
import { printProgram } from '../bpf/text/print.js';
import { firstModelEngine } from '../engines/index.js';
import type { CliContext } from './context.js';
import { UsageError } from './io.js';
import { parseProfile, parseQuirks, PROFILE_HELP, QUIRKS_HELP } from './model-options.js';
import { readProgram } from './program-file.js';

export function registerRewrite(cli: Command, ctx: CliContext): void {
  cli
    .command('rewrite')
    .description(
      `print the rewrite of an accepted program (SPEC §5) in canonical text, as ${firstModelEngine().name} makes it`,
    )
    .argument('<file>', 'program file (.s)')
    .option('--profile <profile>', PROFILE_HELP)
    .option('--quirks <names>', QUIRKS_HELP)
    .action(async (file: string, opts: { profile?: string; quirks?: string }) => {
      const profileOption = parseProfile(opts.profile);
      const engine = firstModelEngine();
      const quirks = parseQuirks(opts.quirks, [engine]);
      const { program } = await readProgram(ctx.io, file);
      const profile = profileOption ?? program.profile;
      const { verdict: v, rewrite } = engine.verify(program, { profile, quirks }).result;
      if (v.accepted === true) {
        // An accepted program always has its rewrite (ModelResult); text only here, at the edge.
        ctx.io.stdout(rewrite === null ? '' : printProgram(rewrite));
        ctx.exitCode = 0;
        return;
      }
      if (v.accepted === false) {
        // Not the user's mistake and not a crash: the check (is it accepted?) failed.
        ctx.io.stderr(`throwfuzz: ${file}: rejected (${v.class}): ${v.message}; nothing to rewrite\n`);
        ctx.exitCode = 1;
        return;
      }
      switch (v.status) {
        case 'unsupported':
          throw new UsageError(`${file}: not applicable: ${v.reason}`);
        case 'internal-error':
          ctx.io.stderr(`throwfuzz: ${file}: ${v.reason}\n`);
          ctx.exitCode = 1;
          return;
        default: {
          const never: never = v;
          return never;
        }
      }
    });
}
