/**
 * `throwfuzz triage add SIGNATURE --note TEXT`, `triage remove SIGNATURE`, `triage list`: the known
 * signatures of corpus/triage.json (oracles/triage.ts), edited in place atomically (temp file, rename).
 * A signature of the wrong form, one already listed (add) or not listed (remove): one line, exit 2.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { signatureProblem } from '../../oracles/signature-form.js';
import { addKnown, removeKnown, triageText, type TriageEdit } from '../../oracles/triage-edit.js';
import { parseTriage, type Triage } from '../../oracles/triage.js';
import { MODEL_ENGINES } from '../engines/index.js';
import { packageRoot } from '../package-root.js';
import type { CliContext } from './context.js';
import { readUserFile, UsageError } from './io.js';

interface FileOption {
  file: string;
}

const defaultFile = (): string => join(packageRoot(), 'corpus', 'triage.json');

async function load(ctx: CliContext, file: string): Promise<Triage> {
  const parsed = parseTriage((await readUserFile(ctx.io, file)).toString('utf8'), file);
  if (!parsed.ok) throw new UsageError(parsed.message);
  return parsed.triage;
}

async function save(ctx: CliContext, file: string, edit: TriageEdit): Promise<void> {
  if (!edit.ok) throw new UsageError(edit.message);
  await ctx.io.writeFile(file, triageText(edit.triage));
}

function checkForm(signature: string): void {
  const problem = signatureProblem(
    signature,
    MODEL_ENGINES.map((e) => e.name),
  );
  if (problem !== null) throw new UsageError(`${signature}: ${problem}`);
}

export function registerTriage(cli: Command, ctx: CliContext): void {
  const triage = cli
    .command('triage')
    .description('edit the known signatures (corpus/triage.json): add, remove, list');
  const fileOption = (c: Command): Command =>
    c.option('--file <file>', 'the triage file (default: corpus/triage.json)', defaultFile());
  fileOption(
    triage
      .command('add')
      .description('list a signature as known, with a note saying why')
      .argument('<signature>', 'ORACLE:SIDES:SYMPTOM:CAUSE, as a report names it')
      .requiredOption(
        '--note <text>',
        'why it is known: the defect, where it is written up, what would fix it',
      ),
  ).action(async (signature: string, opts: FileOption & { note: string }) => {
    checkForm(signature);
    await save(ctx, opts.file, addKnown(await load(ctx, opts.file), signature, opts.note));
    ctx.io.stdout(`${opts.file}: added ${signature}\n`);
  });
  fileOption(
    triage
      .command('remove')
      .description('remove a known signature (its defect is fixed)')
      .argument('<signature>', 'a signature the file lists'),
  ).action(async (signature: string, opts: FileOption) => {
    await save(ctx, opts.file, removeKnown(await load(ctx, opts.file), signature));
    ctx.io.stdout(`${opts.file}: removed ${signature}\n`);
  });
  fileOption(triage.command('list').description('print every known signature and its note')).action(
    async (opts: FileOption) => {
      for (const k of (await load(ctx, opts.file)).known) ctx.io.stdout(`${k.signature}\n  ${k.note}\n`);
    },
  );
}
