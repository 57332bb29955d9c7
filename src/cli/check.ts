/** `throwfuzz check FILE... [--engine NAMES] [--format F]`: ask engines about programs, compare their answers. */
import { type Command, Option } from 'commander';
import {
  ENGINE_NAMES,
  isEngineName,
  isModelEngineName,
  joinEngines,
  MODEL_ENGINES,
  modelEngine,
  openEngine,
  type EngineName,
  type EngineOptions,
  type OpenEngine,
} from '../engines/index.js';
import type { TextOptions } from './check-render.js';
import {
  entryAnswer,
  fileJson,
  fileReport,
  fileText,
  summaryText,
  tally,
  type EngineEntry,
  type FileReport,
} from './check-report.js';
import { renderCsv, renderTable, tableRows } from './check-table.js';
import type { CliContext } from './context.js';
import { UsageError } from './io.js';
import { parseProfile, parseQuirks, PROFILE_HELP, QUIRKS_HELP } from './model-options.js';
import { readPrograms } from './program-file.js';

const FORMATS = ['text', 'table', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const DEFAULT_ENGINE: EngineName = 'kernel';

/** `--engine all`: every engine; the kernel only where it is available (its absence is said, not an error). */
const ALL = 'all';
type EngineArg = EngineName | typeof ALL;

interface CheckCliOptions {
  engine?: EngineArg[];
  format: Format;
  json?: boolean;
  profile?: string;
  quirks?: string;
  log?: boolean;
  rewrite?: boolean;
  join?: boolean;
}

/** What one `check` runs: the engines and what they are asked under, and how the answers are shown. */
interface CheckSettings {
  readonly engines: readonly EngineName[];
  /** `--engine all`: an engine unavailable here is said once and left out (no exit code 2). */
  readonly all: boolean;
  readonly engineOptions: EngineOptions;
  readonly format: Format;
  readonly text: TextOptions;
}

const ENGINE_CHOICES = [...ENGINE_NAMES, ALL].join(', ');

function engineList(value: string, previous: EngineArg[] | undefined): EngineArg[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) throw new UsageError(`--engine needs an engine name (engines: ${ENGINE_CHOICES})`);
  for (const name of names) {
    if (name !== ALL && !isEngineName(name))
      throw new UsageError(`unknown engine '${name}' (engines: ${ENGINE_CHOICES})`);
  }
  return [...(previous ?? []), ...(names as EngineArg[])].filter((n, i, all) => all.indexOf(n) === i);
}

/** Options that do nothing with the engines asked for are refused, each with one line saying why. */
function settingsOf(o: CheckCliOptions): CheckSettings {
  const asked = o.engine ?? [DEFAULT_ENGINE];
  const all = asked.includes(ALL);
  const engines: readonly EngineName[] = all ? ENGINE_NAMES : (asked as EngineName[]);
  const format: Format = o.json ? 'json' : o.format;
  const profile = parseProfile(o.profile);
  const models = engines.filter(isModelEngineName).map(modelEngine);
  const quirks = parseQuirks(o.quirks, models);
  const modelOnly = [
    ...(profile !== undefined ? ['--profile'] : []),
    ...(quirks.length > 0 ? ['--quirks'] : []),
    ...(o.log ? ['--log'] : []),
    ...(o.rewrite ? ['--rewrite'] : []),
    ...(o.join ? ['--join'] : []),
  ];
  if (models.length === 0 && modelOnly.length > 0) {
    const names = MODEL_ENGINES.map((e) => e.name).join(', ');
    throw new UsageError(`${modelOnly[0]!} applies to model engines (${names}); none was asked for`);
  }
  if (o.join && models.length > 0 && joinEngines(models).length === 0)
    throw new UsageError(
      `--join: no engine asked supports join mode (${models.map((m) => `${m.name}: ${m.join ?? ''}`).join('; ')})`,
    );
  if ((format === 'table' || format === 'csv') && (o.log || o.rewrite))
    throw new UsageError(
      `${o.log ? '--log' : '--rewrite'} adds to text and JSON output; ${format} has no room for it`,
    );
  return {
    engines,
    all,
    engineOptions: {
      ...(profile !== undefined ? { profile } : {}),
      quirks,
      log: o.log === true,
      ...(o.join ? { join: true } : {}),
    },
    format,
    text: { rewrite: o.rewrite === true },
  };
}

export function registerCheck(cli: Command, ctx: CliContext): void {
  cli
    .command('check')
    .description('verify programs with engines, test-run them on their inputs, and compare the answers')
    .argument('<files...>', 'program files (.s)')
    .option(
      '--engine <names>',
      `engines to use, comma-separated or repeated (${ENGINE_CHOICES}; default: ${DEFAULT_ENGINE}); all: every model engine and the kernel where it is available`,
      engineList,
    )
    .addOption(
      new Option('--format <format>', 'output: a block per file, a table, CSV, or one JSON array')
        .choices(FORMATS)
        .default('text'),
    )
    .addOption(new Option('--json', 'same as --format json').conflicts('format'))
    .option('--profile <profile>', PROFILE_HELP)
    .option('--quirks <names>', QUIRKS_HELP)
    .option('--log', 'model engines: show a kernel-style verifier log')
    .option('--rewrite', 'model engines: show the whole listing with its marks, and the rewrite')
    .option(
      '--join',
      'model engines that support it: merge states at control-flow joins (faster, may lose precision)',
    )
    .action(async (files: string[], opts: CheckCliOptions) => {
      ctx.exitCode = await check(ctx, files, settingsOf(opts));
    });
}

/** Returns the exit code: the worst of every file and engine (see main.ts). */
async function check(ctx: CliContext, files: readonly string[], s: CheckSettings): Promise<number> {
  const { io } = ctx;
  const { good, failed } = await readPrograms(io, files);
  let worst = failed > 0 ? 2 : 0;
  if (good.length === 0) return worst;

  // An engine that was asked for and is not here: said once, exit code 2; the others still run.
  // With `--engine all` it is said once and left out: `all` asks for what is here.
  const open: OpenEngine[] = [];
  const unavailable = new Map<EngineName, string>();
  for (const name of s.engines) {
    const availability = await openEngine(name, s.engineOptions);
    if (availability.available) open.push(availability.engine);
    else {
      unavailable.set(name, availability.reason);
      io.stderr(`throwfuzz: ${availability.reason}${s.all ? ` (${name} left out)` : ''}\n`);
      if (!s.all) worst = 2;
    }
  }
  if (open.length === 0) return worst;
  const engines = s.all ? s.engines.filter((n) => !unavailable.has(n)) : s.engines;

  const reports: FileReport[] = [];
  try {
    for (const { file, program } of good) {
      const entries: EngineEntry[] = [];
      for (const name of engines) {
        const engine = open.find((e) => e.name === name);
        entries.push(
          engine
            ? { kind: 'result', engine: name, result: await engine.check(program) }
            : { kind: 'skipped', engine: name, reason: unavailable.get(name) ?? 'unavailable' },
        );
      }
      const report = fileReport(file, program, entries);
      for (const e of entries) {
        const answer = entryAnswer(e);
        if (answer.kind === 'fault') {
          // Asked and could not answer: a finding about the engine, said once, exit code 1.
          io.stderr(`throwfuzz: ${file}: ${e.engine}: ${answer.reason}\n`);
          worst = Math.max(worst, 1);
        }
      }
      if (report.comparison?.kind === 'differ') worst = Math.max(worst, 1);
      // Text streams a block per file; the other formats need every file first.
      if (s.format === 'text') io.stdout(fileText(report, s.text));
      reports.push(report);
    }
  } finally {
    for (const engine of open) await engine.close();
  }
  const several = engines.length > 1;
  switch (s.format) {
    case 'text':
      if (several) io.stdout(summaryText(tally(reports, failed)));
      break;
    case 'table':
      io.stdout(renderTable(tableRows(engines, reports)));
      if (several) io.stdout(summaryText(tally(reports, failed)));
      break;
    case 'csv':
      io.stdout(renderCsv(tableRows(engines, reports)));
      break;
    case 'json':
      io.stdout(`${JSON.stringify(reports.map(fileJson), null, 2)}\n`);
      break;
    default: {
      const never: never = s.format;
      return never;
    }
  }
  return worst;
}
