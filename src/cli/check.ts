/** `throwfuzz check FILE... --engine kernel [--json]`: ask engines about programs and show their answers. */
import type { Command } from 'commander';
import type { Program } from '../bpf/program.js';
import { isProfile, isQuirk, PROFILES, QUIRKS } from '../bpf/profile.js';
import {
  ENGINE_NAMES,
  ENGINES,
  isEngineName,
  type EngineName,
  type EngineOptions,
  type OpenEngine,
} from '../engines/index.js';
import { engineJson, engineText, skippedJson, type EngineJson } from './check-render.js';
import type { CliContext } from './context.js';
import { UsageError } from './io.js';
import { readProgram } from './program-file.js';

function engineList(value: string, previous: EngineName[] | undefined): EngineName[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const name of names) {
    if (!isEngineName(name))
      throw new UsageError(`unknown engine '${name}' (engines: ${ENGINE_NAMES.join(', ')})`);
  }
  return [...(previous ?? []), ...(names as EngineName[])].filter((n, i, all) => all.indexOf(n) === i);
}

export function registerCheck(cli: Command, ctx: CliContext): void {
  cli
    .command('check')
    .description('verify programs with engines and test-run them on their inputs')
    .argument('<files...>', 'program files (.s)')
    .option(
      '--engine <names>',
      `engines to use, comma-separated or repeated (${ENGINE_NAMES.join(', ')})`,
      engineList,
    )
    .option('--json', 'print one JSON array with an object per file')
    .option(
      '--profile <profile>',
      `model engines: verify under this profile (${PROFILES.join(', ')}); default: each file's .profile`,
    )
    .option(
      '--quirks <names>',
      `model engines: known defects to reproduce, comma-separated (${QUIRKS.join(', ')})`,
    )
    .option('--log', 'model engines: show a kernel-style verifier log')
    .action(
      async (
        files: string[],
        opts: { engine?: EngineName[]; json?: boolean; profile?: string; quirks?: string; log?: boolean },
      ) => {
        const { io } = ctx;
        const names = opts.engine ?? ['kernel'];
        if (opts.profile !== undefined && !isProfile(opts.profile))
          throw new UsageError(`unknown profile '${opts.profile}' (profiles: ${PROFILES.join(', ')})`);
        const quirks = (opts.quirks ?? '')
          .split(',')
          .map((q) => q.trim())
          .filter((q) => q !== '');
        for (const q of quirks)
          if (!isQuirk(q)) throw new UsageError(`unknown quirk '${q}' (quirks: ${QUIRKS.join(', ')})`);
        const engineOptions: EngineOptions = {
          ...(opts.profile !== undefined && isProfile(opts.profile) ? { profile: opts.profile } : {}),
          quirks: quirks.filter(isQuirk),
          log: opts.log === true,
        };
        // Every file is read and parsed before any engine starts: bad input is exit code 2 and nothing else.
        const programs: { file: string; program: Program }[] = [];
        for (const file of files) programs.push({ file, program: (await readProgram(io, file)).program });

        const open: OpenEngine[] = [];
        const skipped = new Map<EngineName, string>();
        for (const name of names) {
          const availability = await ENGINES[name](engineOptions).open();
          if (availability.available) open.push(availability.engine as OpenEngine);
          else {
            skipped.set(name, availability.reason);
            io.stderr(`throwfuzz: ${availability.reason} (skipped)\n`);
          }
        }
        try {
          const report: { file: string; engines: Partial<Record<EngineName, EngineJson>> }[] = [];
          for (const { file, program } of programs) {
            const engines: Partial<Record<EngineName, EngineJson>> = {};
            const lines = [file];
            for (const name of names) {
              const engine = open.find((e) => e.name === name);
              if (!engine) {
                engines[name] = skippedJson(skipped.get(name) ?? 'unavailable');
                lines.push(`  ${name}: skipped (${skipped.get(name) ?? 'unavailable'})`);
                continue;
              }
              const result = await engine.check(program);
              engines[name] = engineJson(result);
              for (const l of engineText(result)) lines.push(`  ${l}`);
            }
            if (opts.json) report.push({ file, engines });
            else io.stdout(`${lines.join('\n')}\n`);
          }
          if (opts.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        } finally {
          for (const engine of open) await engine.close();
        }
        ctx.exitCode = 0;
      },
    );
}
