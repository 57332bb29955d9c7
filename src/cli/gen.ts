/**
 * `throwfuzz gen --seed S --count N`: generated programs (generators/), in canonical text; `--stats` sums
 * their features and asks the first registered model engine (path-explorer) for the accepted share and the
 * class mix (only here: generators never call an engine).
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { generateCase, type GeneratedCase } from '../../generators/index.js';
import type { Profile } from '../bpf/profile.js';
import { printCase } from '../corpus/write.js';
import { firstModelEngine } from '../engines/index.js';
import type { CliContext } from './context.js';
import { UsageError } from './io.js';
import { parseProfile, PROFILE_HELP } from './model-options.js';

interface GenOptions {
  seed?: string;
  count?: string;
  out?: string;
  stats?: boolean;
  beyond?: string;
  profile?: string;
}

const MAX_COUNT = 10_000_000;

function parseCount(value: string | undefined): number {
  if (value === undefined) throw new UsageError('gen: --count N is required');
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_COUNT)
    throw new UsageError(`gen: --count must be an integer from 1 to ${MAX_COUNT}, not '${value}'`);
  return Number(value);
}

function parseShare(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new UsageError(`gen: --beyond must be a share from 0 to 1, not '${value}'`);
  return n;
}

/** A file name from the seed and index: the seed's unsafe characters replaced. */
export function caseFileName(seed: string, index: number): string {
  return `${seed.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64)}-${String(index).padStart(6, '0')}.s`;
}

/** A generated program as a case file (src/corpus): its provenance, and the beyond edit in its note. */
const caseText = (c: GeneratedCase, profile: Profile): string =>
  printCase({
    program: c.program,
    provenance: {
      runSeed: c.origin.runSeed,
      index: c.origin.index,
      generator: c.origin.generator,
      strategy: c.origin.beyond ? `${c.origin.strategy}+beyond` : c.origin.strategy,
    },
    options: { profile },
    expectations: [],
    note: c.origin.beyond ? `beyond the fragment: ${c.beyondEdit ?? 'none'}` : null,
  });

export function registerGen(cli: Command, ctx: CliContext): void {
  cli
    .command('gen')
    .description('generate programs of the fragment (SPEC §3) from a run seed, as the fuzzing campaign does')
    .option('--seed <seed>', 'run seed (any string); case i is a pure function of (seed, i)')
    .option('--count <n>', 'number of programs (cases 0..N-1)')
    .option('--out <dir>', 'write one file per program into DIR (an existing directory) instead of printing')
    .option(
      '--stats',
      `print feature counts, the share ${firstModelEngine().name} accepts and the class mix instead of programs`,
    )
    .option(
      '--beyond <share>',
      'share (0..1) of cases that step just outside the fragment on purpose (default 0)',
    )
    .option('--profile <profile>', PROFILE_HELP.replace('model engines: verify under', 'generate for'))
    .action(async (opts: GenOptions) => {
      if (opts.seed === undefined) throw new UsageError('gen: --seed S is required');
      const count = parseCount(opts.count);
      const beyond = parseShare(opts.beyond);
      const profile = parseProfile(opts.profile) ?? 'mainline';
      const engine = firstModelEngine();
      const features: Record<string, number> = {};
      const classes: Record<string, number> = {};
      for (let i = 0; i < count; i++) {
        const c = generateCase(opts.seed, i, { profile, beyond });
        if (opts.stats) {
          for (const [k, n] of Object.entries(c.features)) features[k] = (features[k] ?? 0) + n;
          if (c.fault !== null) features[`fault:${c.fault}`] = (features[`fault:${c.fault}`] ?? 0) + 1;
          const v = engine.verify(c.program, { profile, quirks: [] }).result.verdict;
          const k = v.accepted === true ? 'accepted' : v.accepted === false ? v.class : v.status;
          classes[k] = (classes[k] ?? 0) + 1;
          continue;
        }
        const text = caseText(c, profile);
        if (opts.out !== undefined) {
          const path = join(opts.out, caseFileName(opts.seed, i));
          try {
            await ctx.io.writeFile(path, text);
          } catch (e) {
            throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
          }
        } else ctx.io.stdout(`${i > 0 ? '\n' : ''}${text}`);
      }
      if (opts.stats) {
        const lines = [
          `cases: ${count}`,
          `accepted by ${engine.name}: ${(((classes.accepted ?? 0) / count) * 100).toFixed(1)}%`,
          'class mix:',
        ];
        for (const [k, n] of Object.entries(classes).sort((a, b) => b[1] - a[1]))
          lines.push(`  ${k.padEnd(24)} ${n}`);
        lines.push('features:');
        for (const [k, n] of Object.entries(features).sort((a, b) => a[0].localeCompare(b[0])))
          lines.push(`  ${k.padEnd(40)} ${n}`);
        ctx.io.stdout(`${lines.join('\n')}\n`);
      }
      ctx.exitCode = 0;
    });
}
